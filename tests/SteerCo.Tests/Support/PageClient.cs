using System.Net;
using System.Text.RegularExpressions;
using SteerCo.Access;

namespace SteerCo.Tests.Support;

/// <summary>
/// A browser-like client for the Razor pages: signed in through the login page, with its cookies,
/// not following redirects, posting forms with the anti-forgery token the page it came from holds.
/// </summary>
public sealed partial class PageClient(HttpClient http)
{
    public HttpClient Http => http;

    public static async Task<PageClient> SignInAsync(SteerCoApp app, TestUser user)
    {
        var client = new PageClient(app.AnonymousClient());
        var signIn = await client.PostFormAsync("/Account/Login", "/Account/Login", new()
        {
            ["Input.UserName"] = user.UserName,
            ["Input.Password"] = user.Password,
        });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>The page's HTML, entities decoded, after checking it answered 200.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens <paramref name="page"/> for its token, then posts the fields to <paramref name="action"/> as its form would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, Dictionary<string, string> fields)
    {
        var token = TokenIn(await http.GetStringAsync(page));
        return await http.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Posts a multipart form (a file upload) with the page's token first.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string page, string action, MultipartFormDataContent form)
    {
        var token = TokenIn(await http.GetStringAsync(page));
        var withToken = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var part in form)
        {
            withToken.Add(part);
        }
        return await http.PostAsync(action, withToken);
    }

    /// <summary>The message a page shows beside a field (the span FieldError writes after it), or null.</summary>
    public static string? ErrorBeside(string html, string field) =>
        Regex.Match(html, $"<span class=\"field-validation-error\" data-field=\"{Regex.Escape(field)}\">([^<]*)</span>") is { Success: true } match ? match.Groups[1].Value : null;

    public static string TokenIn(string html) => AntiforgeryField().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("No anti-forgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public static class PageClientExtensions
{
    /// <summary>A new user with the role in the committee, signed in to the pages.</summary>
    public static async Task<PageClient> SignInToPagesAsync(this SteerCoApp app, Role role, int committeeId) =>
        await PageClient.SignInAsync(app, await app.CreateUserAsync(role, committeeId));
}
