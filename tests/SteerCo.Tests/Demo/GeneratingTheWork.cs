using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Demo;
using SteerCo.Meetings;
using SteerCo.Members;
using SteerCo.Tests.Support;
using SteerCo.Units;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Demo;

/// <summary>
/// The generated meetings and work items: attendance is of the committee's roster on the day,
/// tasks passed down sit in the committees directly below with the parent rolled up from them,
/// and the dates tell a possible story (created, reported on, done, due) up to the data set's last day.
/// </summary>
public sealed class GeneratingTheWork(GeneratedSmallDataSet data) : IClassFixture<GeneratedSmallDataSet>
{
    private static readonly DateOnly Until = DemoGenerator.Until;

    private SteerCoApp App => data.App;

    [Fact]
    public async Task Every_meeting_invites_exactly_the_committee_s_roster_of_its_day_and_its_Trưởng_ban_chairs_it()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var meetings = await db.Meetings.AsNoTracking().Select(m => new { m.Id, m.CommitteeId, m.Date, m.ChairPersonId, m.Kind }).ToListAsync();
        var invitees = (await db.MeetingInvitees.AsNoTracking().Select(i => new { i.MeetingId, i.PersonId, i.Attendance, i.AbsenceReason, i.RepresentedBy }).ToListAsync())
            .ToLookup(i => i.MeetingId);
        var memberships = (await db.Memberships.AsNoTracking().ToListAsync()).ToLookup(m => m.CommitteeId);
        var committees = await db.Committees.CountAsync();
        var chair = StandardPosts.IdOf(StandardPosts.Chair);

        meetings.Count.ShouldBeGreaterThan(committees * 10, "about four meetings a year for five years");
        meetings.ShouldAllBe(m => m.Date <= Until && m.Date.DayOfWeek != DayOfWeek.Saturday && m.Date.DayOfWeek != DayOfWeek.Sunday);
        meetings.Select(m => m.Kind).Distinct().Count().ShouldBe(4, "quarterly briefings, six-month and annual reviews, thematic meetings");
        foreach (var meeting in meetings)
        {
            var roster = memberships[meeting.CommitteeId].Where(m => m.StartDate <= meeting.Date && (m.EndDate == null || m.EndDate >= meeting.Date)).ToList();
            var invited = invitees[meeting.Id].ToList();
            invited.Select(i => i.PersonId!.Value).Order().ToList().ShouldBe([.. roster.Select(m => m.PersonId).Order()], $"meeting {meeting.Id} on {meeting.Date}");
            roster.Single(m => m.PostId == chair).PersonId.ShouldBe(meeting.ChairPersonId!.Value, $"meeting {meeting.Id}");
            invited.Single(i => i.PersonId == meeting.ChairPersonId).Attendance.ShouldBe(Attendance.Present);
        }
        var all = invitees.SelectMany(i => i).ToList();
        all.ShouldAllBe(i => (i.Attendance == Attendance.Absent) == (i.AbsenceReason != null) && (i.Attendance == Attendance.Represented) == (i.RepresentedBy != null));
        all.Count(i => i.Attendance == Attendance.Present).ShouldBeGreaterThan(all.Count * 3 / 4);
        all.ShouldContain(i => i.Attendance == Attendance.Absent);
    }

    [Fact]
    public async Task A_task_passed_down_has_one_child_per_committee_directly_below_led_by_its_standing_agency_and_the_parent_rolled_up()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var committees = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var items = await db.WorkItems.AsNoTracking().ToListAsync();
        var children = items.Where(w => w.ParentId != null).ToLookup(w => w.ParentId!.Value);
        var parents = items.Where(w => children.Contains(w.Id)).ToList();

        parents.Count.ShouldBeGreaterThan(10);
        foreach (var parent in parents)
        {
            var below = committees.Values.Where(c => c.ParentId == parent.CommitteeId).Select(c => c.Id).Order().ToList();
            var shares = children[parent.Id].ToList();
            shares.Select(c => c.CommitteeId).Order().ToList().ShouldBe(below, $"task {parent.Id}: one child in each committee directly below");
            foreach (var child in shares)
            {
                var committee = committees[child.CommitteeId];
                child.CommitteePath.ShouldBe(committee.Path);
                child.LeadAgencyId.ShouldBe(committee.StandingAgencyId!.Value);
                child.SourceKind.ShouldBe(WorkItemSource.ParentItem);
                child.Title.ShouldBe(parent.Title);
                child.CreatedAt.ShouldBeGreaterThanOrEqualTo(parent.CreatedAt, "received after it was given");
            }
            var counted = shares.Where(c => c.Status != WorkItemStatus.Cancelled).ToList();
            if (counted.All(c => c.Status == WorkItemStatus.Done))
            {
                parent.Status.ShouldBe(WorkItemStatus.Done, $"task {parent.Id}: every child is done");
            }
            else if (parent.Status != WorkItemStatus.Done)
            {
                parent.Percent.ShouldBe((int)Math.Round(counted.Average(c => c.Percent)), $"task {parent.Id}: the children's average");
            }
        }
        items.Where(w => w.ParentId == null).ShouldAllBe(w => w.SourceKind != WorkItemSource.ParentItem);
        items.ShouldAllBe(w => w.CommitteePath == committees[w.CommitteeId].Path);
    }

    [Fact]
    public async Task Dates_follow_each_other_and_a_realistic_share_of_tasks_is_overdue_now()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var items = await db.WorkItems.AsNoTracking().ToListAsync();
        var updates = (await db.WorkItemUpdates.AsNoTracking().ToListAsync()).ToLookup(u => u.WorkItemId);
        var meetings = await db.Meetings.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Date);

        foreach (var item in items)
        {
            var created = DateOnly.FromDateTime(item.CreatedAt.UtcDateTime);
            created.ShouldBeLessThanOrEqualTo(Until, $"task {item.Id}");
            if (item.DueDate is { } due)
            {
                due.ShouldBeGreaterThan(created, $"task {item.Id}: due after it was given");
            }
            if (item.MeetingId is { } meeting && item.ParentId is null)
            {
                created.ShouldBe(meetings[meeting], $"task {item.Id}: given at its meeting");
            }
            (item.CompletedOn is null).ShouldBe(WorkItem.IsOpen(item.Status), $"task {item.Id}: completion date of a closed task only");
            if (item.CompletedOn is { } completed)
            {
                completed.ShouldBeInRange(created, Until, $"task {item.Id}");
            }
            if (item.Status == WorkItemStatus.Done && item.ParentId is null && !updates[item.Id].Any(u => u.Kind == WorkItemUpdateKind.Closed))
            {
                item.Percent.ShouldBe(100, $"task {item.Id}");
            }
            foreach (var update in updates[item.Id])
            {
                update.On.ShouldBeInRange(created, Until, $"task {item.Id}, update {update.Id}");
                if (item.CompletedOn is { } end)
                {
                    update.On.ShouldBeLessThanOrEqualTo(end, $"task {item.Id}: nothing reported after it was closed");
                }
            }
            var percents = updates[item.Id].Where(u => u.Kind == WorkItemUpdateKind.Progress).OrderBy(u => u.Id).Select(u => u.Percent!.Value).ToList();
            percents.ShouldBe(percents.Order().ToList(), $"task {item.Id}: progress rises");
        }

        var dated = items.Where(w => w.DueDate != null).ToList();
        (dated.Max(w => w.DueDate!.Value).Year - dated.Min(w => w.DueDate!.Value).Year).ShouldBeGreaterThanOrEqualTo(5, "due dates over five years");
        var overdue = dated.Count(w => WorkItem.StateOf(w.Status, w.DueDate, Until) == WorkItemState.Overdue);
        overdue.ShouldBeInRange(items.Count / 50, items.Count / 4, "some open tasks past their due date, not most");
        items.Count(w => w.Status == WorkItemStatus.Done).ShouldBeGreaterThan(items.Count / 2, "most tasks of five years are done");
        items.ShouldContain(w => w.Status == WorkItemStatus.Cancelled);
        items.ShouldContain(w => w.DueDate == null, "regular tasks");
        updates.SelectMany(u => u).ShouldContain(u => u.Kind == WorkItemUpdateKind.DeadlineExtended && u.NewDueDate > u.PreviousDueDate);
    }

    [Fact]
    public async Task Each_assignment_of_a_meeting_is_a_task_of_its_committee_and_the_registers_plans_give_tasks_too()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var assignments = await db.MeetingAssignments.AsNoTracking().Include(a => a.Coordinators)
            .Select(a => new { a.MeetingId, MeetingCommittee = db.Meetings.Where(m => m.Id == a.MeetingId).Select(m => m.CommitteeId).First(), a.LeadAgencyId, a.WorkItem, Coordinators = a.Coordinators.Select(c => c.AgencyId).ToList() })
            .ToListAsync();
        var coordinators = (await db.WorkItemCoordinators.AsNoTracking().ToListAsync()).ToLookup(c => c.WorkItemId, c => c.AgencyId);

        assignments.Count.ShouldBeGreaterThan(100);
        foreach (var assignment in assignments)
        {
            var item = assignment.WorkItem!;
            item.MeetingId.ShouldBe(assignment.MeetingId);
            item.CommitteeId.ShouldBe(assignment.MeetingCommittee);
            item.LeadAgencyId.ShouldBe(assignment.LeadAgencyId);
            item.SourceKind.ShouldBe(WorkItemSource.MeetingConclusion);
            coordinators[item.Id].Order().ToList().ShouldBe([.. assignment.Coordinators.Order()]);
            coordinators[item.Id].ShouldNotContain(item.LeadAgencyId);
        }
        var fromPlans = await db.WorkItems.Where(w => w.ParentId == null && w.SourceDocumentId != null)
            .Select(w => new { w.CommitteeId, Document = w.SourceDocument!.CommitteeId, w.SourceDocument.Type }).ToListAsync();
        fromPlans.Count.ShouldBeGreaterThan(50);
        fromPlans.ShouldAllBe(p => p.CommitteeId == p.Document && (p.Type == "KH" || p.Type == "CTr" || p.Type == "NQ" || p.Type == "CT"));
    }

    [Fact]
    public async Task The_province_secretariat_s_overdue_board_counts_each_commune_s_tasks_and_the_list_matches_its_total()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var province = await db.Committees.Include(c => c.Unit).Where(c => c.Unit!.Level == UnitLevel.Province).OrderBy(c => c.Id).FirstAsync();
        var actor = new Actor(null, "thuky", Role.Secretariat, province.Id, province.Path, null);
        var service = scope.Get<WorkItemService>();

        var board = (await service.OverdueAsync(actor, null, new(1, 25))).Value!;
        var list = (await service.OverdueListAsync(actor, null, new(1, 25))).Value!;

        var today = service.Today;
        var subtree = await db.WorkItems.Where(w => w.CommitteePath.StartsWith(province.Path)).Select(w => new { w.Id, w.CommitteeId, w.Status, w.DueDate }).ToListAsync();
        var overdue = subtree.Count(w => WorkItem.StateOf(w.Status, w.DueDate, today) == WorkItemState.Overdue);
        overdue.ShouldBeGreaterThan(25);
        list.Total.ShouldBe(overdue);
        // The longest overdue first, and the second page goes on where the first stopped.
        var byDue = subtree.Where(w => WorkItem.StateOf(w.Status, w.DueDate, today) == WorkItemState.Overdue).OrderBy(w => w.DueDate).ThenBy(w => w.Id).Select(w => w.Id).ToList();
        list.Items.Select(i => i.Id).ShouldBe(byDue.Take(25));
        (await service.OverdueListAsync(actor, null, new(2, 25))).Value!.Items.Select(i => i.Id).ShouldBe(byDue.Skip(25).Take(25));
        // The centre's list is read another way (its subtree is the whole tree), in the same order.
        var root = await db.Committees.Where(c => c.ParentId == null).OrderBy(c => c.Id).FirstAsync();
        var centre = new Actor(null, "thuky.tw", Role.Secretariat, root.Id, root.Path, null);
        var everywhere = (await db.WorkItems.Where(w => w.CommitteePath.StartsWith(root.Path)).Select(w => new { w.Id, w.Status, w.DueDate }).ToListAsync())
            .Where(w => WorkItem.StateOf(w.Status, w.DueDate, today) == WorkItemState.Overdue).OrderBy(w => w.DueDate).ThenBy(w => w.Id).Select(w => w.Id).ToList();
        var centrePage = (await service.OverdueListAsync(centre, null, new(2, 25))).Value!;
        centrePage.Total.ShouldBe(everywhere.Count);
        centrePage.Items.Select(i => i.Id).ShouldBe(everywhere.Skip(25).Take(25));
        list.Items.Select(i => i.Id).ShouldBe(board.Overdue.Items.Select(i => i.Id));
        board.Children.Count.ShouldBe(await db.Committees.CountAsync(c => c.ParentId == province.Id));
        board.Total.Total.ShouldBe(subtree.Count);
        board.Total.Overdue.ShouldBe(overdue);
        foreach (var child in board.Children)
        {
            child.RollUp.Total.ShouldBe(subtree.Count(w => w.CommitteeId == child.CommitteeId), child.CommitteeName);
        }
    }
}
