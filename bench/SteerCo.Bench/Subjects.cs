using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SteerCo.Bench;

internal sealed record CommitteeItem(int Id, string Name, string UnitName, int ChildCount, string? DocumentSystem = null);

internal sealed record CommitteePage(List<CommitteeItem> Items, int Total);

internal sealed record UserItem(int Id, string UserName, string Role, int? CommitteeId);

internal sealed record UserPage(List<UserItem> Items, int Total);

internal sealed record TokenAnswer(string AccessToken);

/// <summary>
/// What the cases are about, found through the API as the administrator, so that the same runner
/// works on the small demo and on a generated national data set: the province committee with the
/// most committees directly below it that has a secretariat user, one commune committee below it,
/// and that secretariat.
/// </summary>
internal sealed partial record Subjects(CommitteeItem Province, CommitteeItem Commune, int SubtreeSize, string SecretariatUserName)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Subjects> DiscoverAsync(HttpClient http, string adminToken, CancellationToken cancellationToken)
    {
        var provinces = await GetAsync<CommitteePage>(http, adminToken, "/api/v1/committees?level=Province&pageSize=200", cancellationToken);
        foreach (var province in provinces.Items.Where(p => p.ChildCount > 0).OrderByDescending(p => p.ChildCount).ThenBy(p => p.Id))
        {
            var secretariats = await GetAsync<UserPage>(http, adminToken, $"/api/v1/users?role=Secretariat&committeeId={province.Id}&pageSize=1", cancellationToken);
            if (secretariats.Items.FirstOrDefault() is not { } secretariat)
            {
                continue;
            }
            var children = await GetAsync<List<CommitteeItem>>(http, adminToken, $"/api/v1/committees/{province.Id}/children", cancellationToken);
            var subtree = await GetAsync<CommitteePage>(http, adminToken, $"/api/v1/committees?under={province.Id}&pageSize=1", cancellationToken);
            return new(province, children[0], subtree.Total, secretariat.UserName);
        }
        throw new InvalidOperationException("No province committee with committees below it and a secretariat user: is the database generated?");
    }

    /// <summary>A bearer token from POST /api/v1/auth/token.</summary>
    public static async Task<string> GetTokenAsync(HttpClient http, string userName, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, Json, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token for {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return (await response.Content.ReadFromJsonAsync<TokenAnswer>(Json, cancellationToken))!.AccessToken;
    }

    /// <summary>
    /// Signs in through the login form as a browser does (the form's anti-forgery token and its
    /// cookie, then the post) and returns the Cookie header that the page cases send.
    /// </summary>
    public static async Task<string> SignInWithCookieAsync(Uri baseAddress, string userName, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress };
        var form = await http.GetStringAsync("/Account/Login", cancellationToken);
        var token = AntiforgeryField().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login form has no anti-forgery token.");
        }
        using var post = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }), cancellationToken);
        // Success redirects; a failed sign-in shows the form again with 200.
        if (post.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(baseAddress)["steerco.auth"] is null)
        {
            throw new InvalidOperationException($"Cookie sign-in as {userName} failed: {(int)post.StatusCode}.");
        }
        return cookies.GetCookieHeader(baseAddress);
    }

    private static async Task<T> GetAsync<T>(HttpClient http, string token, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))!;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
