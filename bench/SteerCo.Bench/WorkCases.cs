using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SteerCo.Bench;

internal sealed record WorkItemRow(int Id, string Title, int CommitteeId, int LeadAgencyId, DateOnly? DueDate, string Status, string State);

internal sealed record WorkItemPage(List<WorkItemRow> Items, int Total, int Page, int PageSize);

internal sealed record RollUpItem(int Done, int InProgress, int Overdue, int NotStarted, int Cancelled)
{
    public int Total => Done + InProgress + Overdue + NotStarted + Cancelled;
}

internal sealed record CommitteeRollUpItem(int CommitteeId, string CommitteeName, RollUpItem RollUp);

internal sealed record OverdueBoardItem(int CommitteeId, WorkItemPage Overdue, RollUpItem Own, List<CommitteeRollUpItem> Children);

internal sealed record OverviewItem(int CommitteeId, RollUpItem OwnWork, int OverdueBelow, int DueWithinAWeek);

internal sealed record WorkItemDetailItem(int Id, int CommitteeId, string Status, int Percent, int Version, RollUpItem ChildRollUp);

/// <summary>A reader of the overdue list: who, signed in with which token, and their committee.</summary>
internal sealed record WorkReader(string Who, string Token, CommitteeItem Committee);

/// <summary>
/// What the work item cases need: a reader at each level (the central secretariat, the province
/// secretariat of <see cref="Subjects"/>, a secretariat of a commune below it); tasks of the
/// province to read and to report on; and a province whose committee has about a hundred
/// communes below it, with its secretariat and an agency to lead the tasks passed down.
/// </summary>
internal sealed record WorkSubjects(
    WorkReader? Central, WorkReader Province, WorkReader? Commune, int[] ProvinceItems, int[] OpenItems,
    WorkReader FanOutProvince, int FanOutAgencyId)
{
    public const int FanOutTarget = 100;

    public static async Task<WorkSubjects?> DiscoverAsync(
        HttpClient http, string adminToken, Subjects subjects, string token, DocumentSubjects? documents, string password, CancellationToken cancellationToken)
    {
        var province = subjects.Province;
        var items = await Api.GetAsync<WorkItemPage>(http, token, $"/api/v1/work-items?committeeId={province.Id}&pageSize=100", cancellationToken);
        if (items.Items.Count == 0)
        {
            return null;
        }
        var open = await Api.GetAsync<WorkItemPage>(http, token, $"/api/v1/work-items?committeeId={province.Id}&state=InProgress&pageSize=100", cancellationToken);

        WorkReader? commune = null;
        foreach (var child in await Api.GetAsync<List<CommitteeItem>>(http, adminToken, $"/api/v1/committees/{province.Id}/children", cancellationToken))
        {
            if (await SecretariatOfAsync(http, adminToken, child.Id, cancellationToken) is { } user)
            {
                commune = new($"commune secretariat `{user}`", await Subjects.GetTokenAsync(http, user, password, cancellationToken), child);
                break;
            }
        }

        // The province committee whose number of communes is nearest a hundred, with a secretariat and tasks.
        var provinces = await Api.GetAsync<CommitteePage>(http, adminToken, "/api/v1/committees?level=Province&pageSize=200", cancellationToken);
        WorkReader? fanOut = null;
        var agency = 0;
        foreach (var candidate in provinces.Items.Where(p => p.ChildCount > 0).OrderBy(p => Math.Abs(p.ChildCount - FanOutTarget)).ThenBy(p => p.Id))
        {
            if (await SecretariatOfAsync(http, adminToken, candidate.Id, cancellationToken) is not { } user)
            {
                continue;
            }
            var candidateToken = await Subjects.GetTokenAsync(http, user, password, cancellationToken);
            var own = await Api.GetAsync<WorkItemPage>(http, candidateToken, $"/api/v1/work-items?committeeId={candidate.Id}&pageSize=1", cancellationToken);
            if (own.Items.FirstOrDefault() is { } first)
            {
                fanOut = new($"province secretariat `{user}`", candidateToken, candidate);
                agency = first.LeadAgencyId;
                break;
            }
        }
        if (fanOut is null)
        {
            return null;
        }
        var central = documents is { Central: { } c, CentralToken: { } t } ? new WorkReader($"central secretariat `{documents.CentralUserName}`", t, c) : null;
        return new(central, new("province secretariat", token, province), commune, [.. items.Items.Select(i => i.Id)], [.. open.Items.Select(i => i.Id)], fanOut, agency);
    }

    private static async Task<string?> SecretariatOfAsync(HttpClient http, string adminToken, int committeeId, CancellationToken cancellationToken) =>
        (await Api.GetAsync<UserPage>(http, adminToken, $"/api/v1/users?role=Secretariat&committeeId={committeeId}&pageSize=1", cancellationToken))
            .Items.FirstOrDefault()?.UserName;
}

/// <summary>
/// The overdue list as a reader of each level sees it (25 rows and the total), a task by id, the
/// province's dashboard of counts per committee below; then the writes: a progress report on an
/// open task, a new task, and a new task passed down to the communes of a province.
/// </summary>
internal static class WorkCases
{
    public static IEnumerable<BenchCase> Create(WorkSubjects work)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        foreach (var (name, reader) in new[] { ("overdue central", work.Central), ("overdue province", work.Province), ("overdue commune", work.Commune) })
        {
            if (reader is null)
            {
                continue;
            }
            const string path = "/api/v1/work-items/overdue/list?pageSize=25";
            yield return new(name, $"GET {path} ({reader.Who}, committee {reader.Committee.Id})", HttpStatusCode.OK,
                () => Api.Get(path, reader.Token),
                json =>
                {
                    var page = JsonSerializer.Deserialize<WorkItemPage>(json, Subjects.Json)!;
                    return Expect(page.Items.Count == Math.Min(25, page.Total), $"{page.Items.Count} rows of {page.Total}")
                        ?? Expect(page.Items.All(i => i.DueDate < today && i.State == "Overdue"), "a row not overdue")
                        ?? Expect(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.DueDate <= p.Second.DueDate), "not the oldest due date first");
                });
        }

        var reads = new Sequence();
        yield return new("work item", $"GET /api/v1/work-items/ID (one of {work.ProvinceItems.Length} tasks of the province committee in turn)", HttpStatusCode.OK,
            () => Api.Get($"/api/v1/work-items/{work.ProvinceItems[reads.Next(work.ProvinceItems.Length)]}", work.Province.Token),
            json => Expect(JsonSerializer.Deserialize<WorkItemDetailItem>(json, Subjects.Json)!.Id == work.ProvinceItems[0], "another task"));

        const string board = "/api/v1/work-items/overdue";
        var province = work.Province.Committee;
        yield return new("work dashboard", $"GET {board} (province secretariat: the overdue page and the counts per committee below)", HttpStatusCode.OK,
            () => Api.Get(board, work.Province.Token),
            json =>
            {
                var answer = JsonSerializer.Deserialize<OverdueBoardItem>(json, Subjects.Json)!;
                return Expect(answer.CommitteeId == province.Id, "another committee")
                    ?? Expect(answer.Children.Count == province.ChildCount, $"{answer.Children.Count} committees below, expected {province.ChildCount}")
                    ?? Expect(answer.Children.Sum(c => c.RollUp.Overdue) + answer.Own.Overdue == answer.Overdue.Total, "the counts do not add up to the total overdue");
            });

        // The first section of a committee's page: its meetings, its tasks, the overdue below it, its reports.
        foreach (var (name, reader) in new[] { ("overview central", work.Central), ("overview province", work.Province) })
        {
            if (reader is null)
            {
                continue;
            }
            var path = $"/api/v1/committees/{reader.Committee.Id}/overview";
            yield return new(name, $"GET {path} ({reader.Who}: next and last meeting, own tasks, overdue below, reports to send and awaited)", HttpStatusCode.OK,
                () => Api.Get(path, reader.Token),
                json =>
                {
                    var answer = JsonSerializer.Deserialize<OverviewItem>(json, Subjects.Json)!;
                    return Expect(answer.CommitteeId == reader.Committee.Id, "another committee")
                        ?? Expect(answer.OverdueBelow > 0, "nothing overdue below the committee");
                });
        }

        if (work.OpenItems.Length > 0)
        {
            var reporter = new ProgressReporter(work.OpenItems, work.Province.Token);
            yield return new("report progress", $"POST /api/v1/work-items/ID/progress (one of {work.OpenItems.Length} open tasks of the province committee in turn, percent below 100)",
                HttpStatusCode.OK, () => throw new InvalidOperationException("sent by Send"),
                json => Expect(JsonSerializer.Deserialize<WorkItemDetailItem>(json, Subjects.Json)!.Status == "InProgress", "not in progress"),
                reporter.SendAsync)
            { Writes = true };
        }

        var target = work.FanOutProvince;
        var creator = new TaskCreator(target.Committee.Id, work.FanOutAgencyId, target.Token);
        yield return new("create work item", $"POST /api/v1/work-items (a task of the province committee {target.Committee.Id}, {target.Who})", HttpStatusCode.Created,
            creator.CreateRequest,
            json => Expect(JsonSerializer.Deserialize<WorkItemDetailItem>(json, Subjects.Json)!.CommitteeId == target.Committee.Id, "another committee"))
        { Writes = true };
        yield return new("fan-out", $"POST /api/v1/work-items, then POST /api/v1/work-items/ID/fan-out to all {target.Committee.ChildCount} communes of {target.Committee.UnitName}: one operation",
            HttpStatusCode.OK, () => throw new InvalidOperationException("sent by Send"),
            json => Expect(JsonSerializer.Deserialize<WorkItemDetailItem>(json, Subjects.Json)!.ChildRollUp.Total == target.Committee.ChildCount, "not every commune has its task"),
            creator.CreateAndFanOutAsync)
        { Writes = true };
    }

    private static string? Expect(bool condition, string problem) => condition ? null : problem;

    /// <summary>Progress reports on a pool of open tasks, each task's version kept: a task is reported on by one connection at a time.</summary>
    private sealed class ProgressReporter(int[] items, string token)
    {
        private readonly Sequence _next = new();
        private readonly SemaphoreSlim[] _locks = [.. items.Select(_ => new SemaphoreSlim(1, 1))];
        private readonly int?[] _versions = new int?[items.Length];
        private long _count;

        public async Task<(HttpStatusCode, string)> SendAsync(HttpClient http, CancellationToken cancellationToken)
        {
            var i = _next.Next(items.Length);
            await _locks[i].WaitAsync(cancellationToken);
            try
            {
                if (_versions[i] is null)
                {
                    using var get = Api.Get($"/api/v1/work-items/{items[i]}", token);
                    using var current = await http.SendAsync(get, cancellationToken);
                    var json = await current.Content.ReadAsStringAsync(cancellationToken);
                    if (current.StatusCode != HttpStatusCode.OK)
                    {
                        return (current.StatusCode, json);
                    }
                    _versions[i] = JsonSerializer.Deserialize<WorkItemDetailItem>(json, Subjects.Json)!.Version;
                }
                var n = Interlocked.Increment(ref _count);
                var body = new
                {
                    on = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    text = $"Đã triển khai đến các đơn vị, đang tổng hợp kết quả (bench {n}).",
                    percent = 10 + (int)(n % 80),
                    version = _versions[i],
                };
                using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/work-items/{items[i]}/progress") { Content = JsonContent.Create(body, options: Subjects.Json) };
                post.Headers.Authorization = new("Bearer", token);
                using var response = await http.SendAsync(post, cancellationToken);
                var answer = await response.Content.ReadAsStringAsync(cancellationToken);
                _versions[i] = response.StatusCode == HttpStatusCode.OK ? JsonSerializer.Deserialize<WorkItemDetailItem>(answer, Subjects.Json)!.Version : null;
                return (response.StatusCode, answer);
            }
            finally
            {
                _locks[i].Release();
            }
        }
    }

    /// <summary>New tasks of a province committee, due in a month; and the same passed down to every committee below.</summary>
    private sealed class TaskCreator(int committeeId, int agencyId, string token)
    {
        private long _count;

        public HttpRequestMessage CreateRequest()
        {
            var n = Interlocked.Increment(ref _count);
            var body = new
            {
                committeeId,
                title = $"Rà soát, báo cáo kết quả thực hiện nhiệm vụ trọng tâm quý (bench {n})",
                leadAgencyId = agencyId,
                dueDate = DateOnly.FromDateTime(DateTime.Now).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/work-items") { Content = JsonContent.Create(body, options: Subjects.Json) };
            request.Headers.Authorization = new("Bearer", token);
            return request;
        }

        public async Task<(HttpStatusCode, string)> CreateAndFanOutAsync(HttpClient http, CancellationToken cancellationToken)
        {
            using var create = CreateRequest();
            using var created = await http.SendAsync(create, cancellationToken);
            var json = await created.Content.ReadAsStringAsync(cancellationToken);
            if (created.StatusCode != HttpStatusCode.Created)
            {
                return (created.StatusCode, json);
            }
            var item = JsonSerializer.Deserialize<WorkItemDetailItem>(json, Subjects.Json)!;
            using var fanOut = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/work-items/{item.Id}/fan-out") { Content = JsonContent.Create(new { version = item.Version }, options: Subjects.Json) };
            fanOut.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(fanOut, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }
}
