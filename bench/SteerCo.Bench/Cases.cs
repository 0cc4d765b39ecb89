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

    /// <summary>A case that keeps figures of its own (<see cref="PairedTimes"/>): cleared after the warm-up, read after the measurement.</summary>
    public PairedTimes? Pairs { get; init; }
}

/// <summary>
/// Two ways to the same answer timed one after the other in each iteration (the API, then its SQL
/// run directly), so that both see the same machine: measured in separate rows, minutes apart,
/// the SQL's own p50 varied by 40 % on this two-core machine.
/// </summary>
internal sealed class PairedTimes(string first, string second)
{
    private readonly Lock _lock = new();
    private readonly List<long> _first = [];
    private readonly List<long> _second = [];

    public async Task<(HttpStatusCode Status, string Body)> TimeAsync(
        Func<Task<(HttpStatusCode Status, string Body)>> one, Func<Task<(HttpStatusCode Status, string Body)>> other)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var answer = await one();
        var middle = System.Diagnostics.Stopwatch.GetTimestamp();
        if (answer.Status != HttpStatusCode.OK)
        {
            return answer;
        }
        var second = await other();
        var end = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_lock)
        {
            _first.Add(middle - start);
            _second.Add(end - middle);
        }
        return second.Status == HttpStatusCode.OK ? answer : second;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _first.Clear();
            _second.Clear();
        }
    }

    /// <summary>"API p50 3.10 ms, SQL p50 2.05 ms: 1.51×", medians of the same iterations.</summary>
    public string Describe()
    {
        lock (_lock)
        {
            if (_first.Count == 0)
            {
                return "nothing measured";
            }
            var a = Median(_first);
            var b = Median(_second);
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            return string.Create(invariant, $"{first} p50 {a:F2} ms, {second} p50 {b:F2} ms over the same {_first.Count} iterations: {a / b:F2}×");
        }
    }

    private static double Median(List<long> ticks)
    {
        var sorted = ticks.Order().ToArray();
        return sorted[sorted.Length / 2] * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    }
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
