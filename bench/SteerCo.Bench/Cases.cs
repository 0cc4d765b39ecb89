using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SteerCo.Bench;

/// <summary>
/// One named request, measured as a unit. <see cref="Check"/> reads the first answer in full
/// (status and content) and returns what is wrong with it, or null; timed answers are judged by
/// their status alone. A case of several requests in a row (register a document, then upload its
/// file) gives <see cref="Send"/>: it sends them all, stops at the first unexpected status and
/// returns that status (or the last one) and the last body; the case is timed from the first
/// request to the last byte of the last answer.
/// </summary>
internal sealed record BenchCase(
    string Name, string Request, HttpStatusCode ExpectedStatus,
    Func<HttpRequestMessage> CreateRequest, Func<string, string?> Check,
    Func<HttpClient, CancellationToken, Task<(HttpStatusCode Status, string Body)>>? Send = null)
{
    /// <summary>Writes change the database: they run after every read case.</summary>
    public bool Writes { get; init; }
}

internal static class Cases
{
    /// <summary>The first cases: what exists after the foundation.</summary>
    public static IReadOnlyList<BenchCase> Create(Subjects subjects, string cookie, string token, string password)
    {
        var province = subjects.Province;
        var commune = subjects.Commune;
        var login = JsonSerializer.SerializeToUtf8Bytes(new { userName = subjects.SecretariatUserName, password }, Subjects.Json);
        return
        [
            new("tree page", "GET /Committees (cookie)", HttpStatusCode.OK,
                () => Page("/Committees", cookie),
                html => Expect(html.Contains($"data-committee=\"{province.Id}\""), "the tree's top is not the province committee")
                    ?? Expect(html.Contains("<table"), "no committee list")),
            new("tree branch", $"GET /Committees?handler=Children&id={province.Id} (cookie)", HttpStatusCode.OK,
                () => Page($"/Committees?handler=Children&id={province.Id}", cookie),
                html => Expect(html.Contains($"data-committee=\"{commune.Id}\""), "the commune committee is not among the children")),
            new("detail page", $"GET /Committees/Details/{province.Id} (cookie)", HttpStatusCode.OK,
                () => Page($"/Committees/Details/{province.Id}", cookie),
                html => Expect(html.Contains($"href=\"/Committees/Details/{commune.Id}\""), "the commune committee is not listed below the province")),
            new("api subtree", $"GET /api/v1/committees?under={province.Id}&pageSize=200", HttpStatusCode.OK,
                () => Api($"/api/v1/committees?under={province.Id}&pageSize=200", token),
                json =>
                {
                    var page = JsonSerializer.Deserialize<CommitteePage>(json, Subjects.Json)!;
                    return Expect(page.Total == subjects.SubtreeSize, $"total {page.Total}, expected {subjects.SubtreeSize}")
                        ?? Expect(page.Items.Count == Math.Min(page.Total, 200), $"{page.Items.Count} items on the page");
                }),
            new("api children", $"GET /api/v1/committees/{province.Id}/children", HttpStatusCode.OK,
                () => Api($"/api/v1/committees/{province.Id}/children", token),
                json =>
                {
                    var children = JsonSerializer.Deserialize<List<CommitteeItem>>(json, Subjects.Json)!;
                    return Expect(children.Count == province.ChildCount, $"{children.Count} children, expected {province.ChildCount}")
                        ?? Expect(children.Any(c => c.Id == commune.Id), "the commune committee is missing");
                }),
            new("api detail", $"GET /api/v1/committees/{province.Id}", HttpStatusCode.OK,
                () => Api($"/api/v1/committees/{province.Id}", token),
                json =>
                {
                    var detail = JsonSerializer.Deserialize<CommitteeItem>(json, Subjects.Json)!;
                    return Expect(detail.Id == province.Id && detail.Name == province.Name, "another committee");
                }),
            new("login", "POST /api/v1/auth/token", HttpStatusCode.OK,
                () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
                {
                    Content = new ByteArrayContent(login) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", Encoding.UTF8.WebName) } },
                },
                json => Expect(JsonSerializer.Deserialize<TokenAnswer>(json, Subjects.Json)?.AccessToken is { Length: > 0 }, "no access token")),
        ];
    }

    private static HttpRequestMessage Page(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static HttpRequestMessage Api(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static string? Expect(bool condition, string problem) => condition ? null : problem;
}

/// <summary>The next index of a fixed sequence, shared by a case's connections.</summary>
internal sealed class Sequence
{
    private int _next = -1;

    public int Next(int length) => (int)((uint)Interlocked.Increment(ref _next) % (uint)length);
}
