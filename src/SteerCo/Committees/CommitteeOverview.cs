using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Meetings;
using SteerCo.Reporting;
using SteerCo.WorkItems;

namespace SteerCo.Committees;

/// <summary>
/// What a committee's secretariat looks at first on a working day: the next meeting, how the last
/// one's conclusions are being carried out, the committee's own tasks and what is overdue below it,
/// the reports it still has to send up and those it is waiting for from below. A member or a viewer
/// reads the committee's own tasks only: <see cref="OverdueBelow"/> is then null.
/// </summary>
public sealed record CommitteeOverview(
    int CommitteeId,
    MeetingSummary? NextMeeting,
    MeetingSummary? LastMeeting,
    RollUp LastMeetingFollowUp,
    RollUp OwnWork,
    int? OverdueBelow,
    int DueWithinAWeek,
    IReadOnlyList<OwedSubmission> ReportsToSend,
    IReadOnlyList<RequestSummary> ReportsAwaited);

public sealed class CommitteeOverviews(SteerCoDbContext db, WorkItemService workItems, Submissions submissions, ReportRequests requests)
{
    /// <summary>How many reports of each list the overview names; the reporting page has the rest.</summary>
    public const int Shown = 5;

    /// <summary>A request stays on the list of reports awaited this long after its deadline while some are still missing.</summary>
    public const int LateRequestDays = 31;

    public async Task<Result<CommitteeOverview>> GetAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default)
    {
        // The overdue list's total (counted once a day per scope, on the open-task index) is the scope check
        // too; the committee's own tasks by state come from its own rows, not from a count of the whole subtree.
        var overdue = await workItems.OverdueListAsync(actor, committeeId, new PageRequest(1, 1), cancellationToken);
        if (!overdue.IsOk)
        {
            return Result<CommitteeOverview>.NotFound();
        }
        var today = workItems.Today;
        var own = (await db.WorkItems.Where(w => w.CommitteeId == committeeId)
                .GroupBy(w => new { w.Status, PastDue = w.DueDate < today })
                .Select(g => new { g.Key.Status, g.Key.PastDue, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .Aggregate(RollUp.Empty, (sum, g) => sum.Add(g.PastDue && WorkItem.IsOpen(g.Status) ? WorkItemState.Overdue : WorkItem.StateOf(g.Status, null, today), g.Count));
        var meetings = db.Meetings.AsNoTracking().Where(m => m.CommitteeId == committeeId);
        var next = await MeetingService.Summaries(meetings.Where(m => m.Date >= today).OrderBy(m => m.Date).ThenBy(m => m.Id)).FirstOrDefaultAsync(cancellationToken);
        var last = await MeetingService.Summaries(meetings.Where(m => m.Date < today).OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)).FirstOrDefaultAsync(cancellationToken);
        var followUp = RollUp.Empty;
        if (last is not null)
        {
            var states = await db.MeetingAssignments.AsNoTracking().Where(a => a.MeetingId == last.Id && a.WorkItem != null)
                .Select(a => new { a.WorkItem!.Status, a.WorkItem.DueDate }).ToListAsync(cancellationToken);
            followUp = RollUp.Of(states.Select(s => WorkItem.StateOf(s.Status, s.DueDate, today)));
        }
        var weekEnd = today.AddDays(7);
        var dueSoon = await db.WorkItems.CountAsync(w => w.CommitteeId == committeeId
            && (w.Status == WorkItemStatus.NotStarted || w.Status == WorkItemStatus.InProgress)
            && w.DueDate >= today && w.DueDate <= weekEnd, cancellationToken);

        // Still to send: never sent, or sent back for correction; the nearest deadline first.
        var owed = (await submissions.OwedAsync(actor, committeeId, cancellationToken, toSendOnly: true)).Value ?? [];
        var toSend = owed.OrderBy(s => s.Deadline).ThenBy(s => s.Id).Take(Shown).ToList();

        // Awaited: reports in and not yet reviewed, or missing from a request whose deadline is near or just past.
        var asked = (await requests.ListAsync(actor, committeeId, cancellationToken, openSince: today.AddDays(-LateRequestDays))).Value ?? [];
        var awaited = asked.Where(r => r.Submitted > 0 || (r.Accepted < r.Expected && r.Deadline >= today.AddDays(-LateRequestDays)))
            .OrderBy(r => r.Deadline).ThenBy(r => r.Id).Take(Shown).ToList();

        var below = actor.Role is Role.Member or Role.Viewer ? (int?)null : overdue.Value!.Total - own.Overdue;
        return new CommitteeOverview(committeeId, next, last, followUp, own, below, dueSoon, toSend, awaited);
    }
}
