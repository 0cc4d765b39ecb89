using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SteerCo.Bench;

internal sealed record RosterEntryItem(int PersonId, string FullName, string PostName, string? PostCode);

internal sealed record RosterItem(int CommitteeId, DateOnly On, List<RosterEntryItem> Members);

internal sealed record CompositionItem(DateOnly From, DateOnly? To, int MemberCount);

/// <summary>
/// What the roster cases read: every committee a secretariat may see (the central secretariat's
/// whole subject across the country when there is one, else the province secretariat's subtree),
/// and the days their rosters span: from the first composition of the reader's own committee to today.
/// </summary>
internal sealed record MemberSubjects(string Token, string Who, CommitteeItem Root, int[] Committees, DateOnly From, DateOnly To)
{
    public static async Task<MemberSubjects?> DiscoverAsync(HttpClient http, Subjects subjects, string token, DocumentSubjects? documents, CancellationToken cancellationToken)
    {
        var (root, asToken, who) = documents is { Central: { } central, CentralToken: { } centralToken }
            ? (central, centralToken, $"central secretariat `{documents.CentralUserName}`")
            : (subjects.Province, token, "province secretariat");
        var timeline = await Api.GetAsync<List<CompositionItem>>(http, asToken, $"/api/v1/committees/{root.Id}/timeline", cancellationToken);
        if (timeline.Count == 0)
        {
            return null;
        }
        var committees = new List<int>();
        for (var page = 1; ; page++)
        {
            var items = await Api.GetAsync<CommitteePage>(http, asToken, $"/api/v1/committees?under={root.Id}&pageSize=200&page={page}", cancellationToken);
            committees.AddRange(items.Items.Select(c => c.Id));
            if (items.Items.Count == 0 || committees.Count >= items.Total)
            {
                break;
            }
        }
        return new(asToken, who, root, [.. committees], timeline.Min(p => p.From), DateOnly.FromDateTime(DateTime.Now));
    }
}

/// <summary>
/// The roster of a committee on a past day and a committee's timeline of compositions, each for a
/// committee drawn at random (a fixed sequence) from all the reader may see: the first request of
/// each, the one checked, is for the reader's own committee.
/// </summary>
internal static class MemberCases
{
    public static IEnumerable<BenchCase> Create(MemberSubjects members)
    {
        var random = new Random(42);
        var span = members.To.DayNumber - members.From.DayNumber + 1;
        var picks = Enumerable.Range(0, 4096)
            .Select(i => i == 0
                ? (Id: members.Root.Id, Day: members.From.AddDays(span / 2))
                : (Id: members.Committees[random.Next(members.Committees.Length)], Day: members.From.AddDays(random.Next(span))))
            .ToArray();
        var scope = $"one of the {members.Committees.Length:N0} committees the {members.Who} sees";

        var rosters = new Sequence();
        var checkedDay = picks[0].Day;
        yield return new("roster on date", $"GET /api/v1/committees/ID/roster?on=yyyy-MM-dd: {scope}, a day from {members.From:dd/MM/yyyy} to {members.To:dd/MM/yyyy}",
            HttpStatusCode.OK,
            () =>
            {
                var (id, day) = picks[rosters.Next(picks.Length)];
                return Api.Get($"/api/v1/committees/{id}/roster?on={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", members.Token);
            },
            json =>
            {
                var roster = JsonSerializer.Deserialize<RosterItem>(json, Subjects.Json)!;
                return Expect(roster.CommitteeId == members.Root.Id && roster.On == checkedDay, "another committee or day")
                    ?? Expect(roster.Members.Count > 0, $"nobody on the roster of {checkedDay:dd/MM/yyyy}")
                    ?? Expect(roster.Members[0].PostCode == "Chair", $"the roster starts with {roster.Members[0].PostName}, not the Trưởng ban");
            });

        var timelines = new Sequence();
        yield return new("timeline", $"GET /api/v1/committees/ID/timeline: {scope}", HttpStatusCode.OK,
            () => Api.Get($"/api/v1/committees/{picks[timelines.Next(picks.Length)].Id}/timeline", members.Token),
            json =>
            {
                var periods = JsonSerializer.Deserialize<List<CompositionItem>>(json, Subjects.Json)!;
                return Expect(periods.Count > 0, "no composition") ?? Expect(periods[0].To is null, "the newest composition has an end");
            });
    }

    private static string? Expect(bool condition, string problem) => condition ? null : problem;
}
