using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Demo;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.Tests.Support;
using SteerCo.Text;
using SteerCo.Units;

namespace SteerCo.Tests.Demo;

/// <summary>
/// The generated members: five years of each committee's compositions, which follow the roster's
/// rules, answer "who was on the committee on 15/03/2023?" for every committee, and cite the
/// decisions of the committee's own register.
/// </summary>
public sealed class GeneratingTheMembers(GeneratedSmallDataSet data) : IClassFixture<GeneratedSmallDataSet>
{
    private static readonly DateOnly PastDay = new(2023, 3, 15);

    private SteerCoApp App => data.App;

    [Fact]
    public async Task No_one_holds_two_posts_at_once_a_committee_has_one_Trưởng_ban_at_a_time_and_no_membership_ends_before_it_starts()
    {
        await using var scope = App.ServiceScope();
        var memberships = await scope.Db.Memberships.AsNoTracking().ToListAsync();
        var chair = StandardPosts.IdOf(StandardPosts.Chair);

        memberships.Count.ShouldBeGreaterThan(1000);
        memberships.ShouldAllBe(m => m.EndDate == null || m.EndDate >= m.StartDate);
        foreach (var committee in memberships.GroupBy(m => m.CommitteeId))
        {
            foreach (var person in committee.GroupBy(m => m.PersonId))
            {
                Overlaps(person).ShouldBeNull($"person {person.Key} in committee {committee.Key}");
            }
            Overlaps(committee.Where(m => m.PostId == chair)).ShouldBeNull($"two Trưởng ban at once in committee {committee.Key}");
        }
    }

    [Fact]
    public async Task Every_committee_has_five_years_of_compositions_each_by_a_decision_of_its_own_register()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var committees = await db.Committees.AsNoTracking().Include(c => c.Unit).ToListAsync();
        var memberships = (await db.Memberships.AsNoTracking().ToListAsync()).ToLookup(m => m.CommitteeId);
        var decisions = await db.Documents.AsNoTracking().Where(d => d.Type == "QĐ" && d.Direction == DocumentDirection.Outgoing)
            .ToDictionaryAsync(d => d.Id, d => new { d.CommitteeId, d.IssuedOn, d.Subject });

        foreach (var committee in committees)
        {
            var own = memberships[committee.Id].ToList();
            var starts = own.Select(m => m.StartDate).Distinct().Order().ToList();
            starts[0].ShouldBe(committee.EstablishedOn!.Value, committee.Name);
            starts[0].ShouldBeLessThanOrEqualTo(DemoGenerator.Until.AddYears(-5), committee.Name);
            starts.Count.ShouldBeGreaterThanOrEqualTo(3, $"{committee.Name}: reconstituted every one to two years");
            starts.Zip(starts.Skip(1)).ShouldAllBe(p => p.Second.DayNumber - p.First.DayNumber >= 365 && p.Second.DayNumber - p.First.DayNumber <= 730);
            foreach (var membership in own)
            {
                var appointing = decisions[membership.AppointingDocumentId!.Value];
                appointing.CommitteeId.ShouldBe(committee.Id);
                appointing.IssuedOn.ShouldBeInRange(membership.StartDate.AddDays(-10), membership.StartDate);
                if (membership.EndDate is { } end)
                {
                    // Leavers stop on the day before the reconstitution takes effect, by its decision.
                    starts.ShouldContain(end.AddDays(1), committee.Name);
                    decisions[membership.EndingDocumentId!.Value].Subject.ShouldStartWith("Quyết định về việc kiện toàn");
                    decisions[membership.EndingDocumentId.Value].CommitteeId.ShouldBe(committee.Id);
                }
            }
            var current = own.Count(m => m.EndDate == null);
            current.ShouldBeInRange(committee.Unit!.Level switch { UnitLevel.Central => 20, UnitLevel.Province => 13, _ => 7 },
                committee.Unit.Level switch { UnitLevel.Central => 30, UnitLevel.Province => 22, _ => 13 }, committee.Name);
        }
    }

    [Fact]
    public async Task The_roster_of_a_past_day_has_one_Trưởng_ban_and_members_of_the_committee_s_unit_for_every_committee()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var committees = await db.Committees.AsNoTracking().Select(c => new { c.Id, c.UnitId }).ToListAsync();
        var agencyUnits = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.UnitId);
        var roster = scope.Get<RosterService>();

        committees.Count.ShouldBeGreaterThan(50);
        foreach (var committee in committees)
        {
            var members = (await roster.RosterAsync(scope.Actor, committee.Id, PastDay)).Value!.Members;

            members.Count(m => m.PostCode == StandardPosts.Chair).ShouldBe(1, $"committee {committee.Id}");
            members[0].PostCode.ShouldBe(StandardPosts.Chair);
            members.Count.ShouldBeGreaterThanOrEqualTo(7);
            members.ShouldAllBe(m => agencyUnits[m.AgencyId] == committee.UnitId && m.AppointingSymbol!.Contains("QĐ"));
        }
        var people = await db.People.AsNoTracking().ToListAsync();
        people.ShouldAllBe(p => p.FoldedName == VietnameseText.Fold(p.FullName) && p.FullName == VietnameseText.Clean(p.FullName) && !p.FullName.Contains('Ð'));
    }

    [Fact]
    public async Task A_province_secretariat_reads_a_commune_s_past_roster_and_timeline_over_the_api()
    {
        int commune;
        string secretariat;
        await using (var scope = App.ServiceScope())
        {
            var user = await scope.Db.Users.Include(u => u.Committee)
                .Where(u => u.Role == Role.Secretariat && u.Committee!.Unit!.Level == UnitLevel.Province).OrderBy(u => u.Id).FirstAsync();
            secretariat = user.UserName!;
            commune = await scope.Db.Committees.Where(c => c.ParentId == user.CommitteeId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }
        var client = await App.TokenClientAsync(secretariat, GeneratedSmallDataSet.Password);

        var roster = await client.GetJsonAsync<Roster>($"/api/v1/committees/{commune}/roster?on=2023-03-15");
        var timeline = await client.GetJsonAsync<List<CompositionPeriod>>($"/api/v1/committees/{commune}/timeline");

        roster.On.ShouldBe(PastDay);
        roster.Members[0].PostName.ShouldBe("Trưởng ban");
        roster.Members.Count.ShouldBeGreaterThanOrEqualTo(7);
        timeline.Count.ShouldBeGreaterThanOrEqualTo(3);
        timeline[0].To.ShouldBeNull("the newest composition is the current one");
        timeline[^1].Changes.ShouldAllBe(c => c.Kind == ChangeKind.Joined);
        timeline[..^1].ShouldAllBe(p => p.Changes.Any(c => c.Kind != ChangeKind.Joined) && p.Changes.All(c => c.DecisionSymbol!.Contains("QĐ")));
        var on = timeline.Single(p => p.From <= PastDay && (p.To == null || p.To >= PastDay));
        on.MemberCount.ShouldBe(roster.Members.Count);
        (await client.GetAsync($"/api/v1/committees/{commune}/roster?on=15-03-2023")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>The first two memberships that share a day, or null.</summary>
    private static string? Overlaps(IEnumerable<Membership> memberships)
    {
        var ordered = memberships.OrderBy(m => m.StartDate).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].EndDate is not { } end || end >= ordered[i].StartDate)
            {
                return $"memberships {ordered[i - 1].Id} and {ordered[i].Id}";
            }
        }
        return null;
    }
}
