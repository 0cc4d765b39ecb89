using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.WorkItems;

namespace SteerCo.Access;

/// <summary>
/// The scope rule, written once. A committee's subtree is the committee and every committee
/// below it. Administrators see everything; secretariats and leaders read their committee's
/// subtree; members and viewers read their own committee. Only administrators and the
/// committee's own secretariat change it.
/// </summary>
public static class Scope
{
    public static IQueryable<Committee> VisibleTo(this IQueryable<Committee> committees, Actor actor) => actor.Role switch
    {
        Role.Administrator => committees,
        Role.Secretariat or Role.Leader when actor.CommitteePath is { } path => committees.InSubtree(path),
        Role.Member or Role.Viewer when actor.CommitteeId is { } id => committees.Where(c => c.Id == id),
        _ => committees.Where(c => false),
    };

    /// <summary>
    /// The committees whose path starts with <paramref name="path"/>, written as the range
    /// <c>path ≤ Path &lt; SubtreeEnd(path)</c>, which the path index answers on both engines:
    /// SQLite's LIKE ignores case and PostgreSQL's LIKE needs a C collation, so neither used the
    /// index for StartsWith and read every committee. The column has a byte-order (C) collation
    /// on PostgreSQL, so that the range means the same whatever the database's locale.
    /// </summary>
    public static IQueryable<Committee> InSubtree(this IQueryable<Committee> committees, string path)
    {
        var end = SubtreeEnd(path);
        return committees.Where(c => string.Compare(c.Path, path) >= 0 && string.Compare(c.Path, end) < 0);
    }

    /// <summary>"/1/4/" ends before "/1/40": paths end with '/', and '0' is the character after it.</summary>
    public static string SubtreeEnd(string path) => path[..^1] + (char)(path[^1] + 1);

    public static bool CanRead(this Actor actor, Committee committee) => actor.Role switch
    {
        Role.Administrator => true,
        Role.Secretariat or Role.Leader => actor.CommitteePath is { } path && committee.Path.StartsWith(path, StringComparison.Ordinal),
        Role.Member or Role.Viewer => actor.CommitteeId == committee.Id,
        _ => false,
    };

    /// <summary>
    /// Documents follow their committee; a document shared with the subtree (a directive lower
    /// levels implement) is also read by every committee below its own. Written as
    /// "committee id in (the subtree's ids) or (shared and committee id in (those above))" so
    /// that both branches use the documents' committee index (SQLite answers the OR with two
    /// index searches; a join on the committee's path made it read every document).
    /// </summary>
    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, Actor actor, IQueryable<Committee> committees)
    {
        var above = Ancestors(actor);
        return actor.Role switch
        {
            Role.Administrator => documents,
            Role.Secretariat or Role.Leader when actor.CommitteePath is { } path && committees.InSubtree(path).Select(c => c.Id) is var subtree =>
                documents.Where(d => subtree.Contains(d.CommitteeId) || (d.Visibility == DocumentVisibility.Subtree && above.Contains(d.CommitteeId))),
            Role.Member or Role.Viewer when actor.CommitteeId is { } id =>
                documents.Where(d => d.CommitteeId == id || (d.Visibility == DocumentVisibility.Subtree && above.Contains(d.CommitteeId))),
            _ => documents.Where(d => false),
        };
    }

    public static bool CanRead(this Actor actor, Document document, Committee committee) =>
        actor.CanRead(committee) || (document.Visibility == DocumentVisibility.Subtree && Ancestors(actor).Contains(committee.Id));

    /// <summary>
    /// The same rule as reader tokens for the search index, which holds, for each document,
    /// o{committee} (its own committee), s{id} for its committee and each committee above it, and
    /// h{committee} when it is shared with the subtree (the DocumentSearchByDate migration). A
    /// document is visible when it has any of the returned tokens; null: nothing is; empty: all is.
    /// </summary>
    public static IReadOnlyList<string>? SearchTokens(Actor actor)
    {
        var shared = Ancestors(actor).Select(id => $"h{id}");
        return actor.Role switch
        {
            Role.Administrator => [],
            Role.Secretariat or Role.Leader when actor.CommitteePath is not null && actor.CommitteeId is { } id => [$"s{id}", .. shared],
            Role.Member or Role.Viewer when actor.CommitteeId is { } id => [$"o{id}", .. shared],
            _ => null,
        };
    }

    /// <summary>The committees above the actor's own, from its path.</summary>
    private static List<int> Ancestors(Actor actor) =>
        actor.CommitteePath is { } path
            ? [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Where(id => id != actor.CommitteeId)]
            : [];

    /// <summary>
    /// Tasks follow their committee, by the committee path copied onto each task, so that a
    /// subtree is one range over the open-task index (see WorkItemConfiguration).
    /// </summary>
    public static IQueryable<WorkItem> VisibleTo(this IQueryable<WorkItem> items, Actor actor) => actor.Role switch
    {
        Role.Administrator => items,
        Role.Secretariat or Role.Leader when actor.CommitteePath is { } path => items.InSubtree(path),
        Role.Member or Role.Viewer when actor.CommitteeId is { } id => items.Where(w => w.CommitteeId == id),
        _ => items.Where(w => false),
    };

    public static IQueryable<WorkItem> InSubtree(this IQueryable<WorkItem> items, string path)
    {
        var end = SubtreeEnd(path);
        return items.Where(w => string.Compare(w.CommitteePath, path) >= 0 && string.Compare(w.CommitteePath, end) < 0);
    }

    /// <summary>
    /// Report progress on a task: the committee's secretariat, or a member of the committee for
    /// the agency that leads it; a member never reports for another agency.
    /// </summary>
    public static bool CanReport(this Actor actor, Committee committee, int leadAgencyId) =>
        actor.CanManage(committee) || (actor.Role == Role.Member && actor.CommitteeId == committee.Id && actor.AgencyId == leadAgencyId);

    /// <summary>
    /// Fill and submit a member agency's report to its committee: an administrator, or a user of
    /// that agency in that committee (a member, or a secretariat user the agency employs); never another agency.
    /// </summary>
    public static bool CanReportFor(this Actor actor, Committee committee, int agencyId) =>
        actor.IsAdministrator || (actor.Role is Role.Member or Role.Secretariat && actor.CommitteeId == committee.Id && actor.AgencyId == agencyId);

    /// <summary>
    /// Read a member agency's report to its committee: the committee's readers, except that a
    /// member or viewer reads only their own agency's.
    /// </summary>
    public static bool CanReadReportOf(this Actor actor, Committee committee, int agencyId) =>
        actor.CanRead(committee) && (actor.Role is not (Role.Member or Role.Viewer) || actor.AgencyId == agencyId);

    /// <summary>Edit the committee itself, and create committees directly under it.</summary>
    public static bool CanManage(this Actor actor, Committee committee) =>
        actor.IsAdministrator || (actor.Role == Role.Secretariat && actor.CommitteeId == committee.Id);

    /// <summary>Agencies belong to a unit; the secretariat of a committee of that unit keeps its list.</summary>
    public static bool CanManageAgenciesOf(this Actor actor, int unitId, int? actorCommitteeUnitId) =>
        actor.IsAdministrator || (actor.Role == Role.Secretariat && actorCommitteeUnitId == unitId);

    public static bool CanManage(this Actor actor, Agency agency, int? actorCommitteeUnitId) =>
        actor.CanManageAgenciesOf(agency.UnitId, actorCommitteeUnitId);

    /// <summary>
    /// People are read by whoever reads a committee they sit on (now or before), or a committee
    /// of their agency's unit: the people a secretariat may put on its roster.
    /// </summary>
    public static IQueryable<Person> VisibleTo(this IQueryable<Person> people, Actor actor, IQueryable<Committee> committees, IQueryable<Membership> memberships)
    {
        if (actor.IsAdministrator)
        {
            return people;
        }
        var visible = committees.VisibleTo(actor);
        var units = visible.Select(c => c.UnitId);
        var ids = visible.Select(c => c.Id);
        return people.Where(p => units.Contains(p.Agency!.UnitId) || memberships.Any(m => m.PersonId == p.Id && ids.Contains(m.CommitteeId)));
    }

    /// <summary>
    /// A person's record is kept by administrators and by the secretariat of a committee of their
    /// agency's unit (as for agencies) or of a committee they sit on.
    /// </summary>
    public static bool CanManagePerson(this Actor actor, int agencyUnitId, int? actorCommitteeUnitId, bool sitsOnActorsCommittee) =>
        actor.CanManageAgenciesOf(agencyUnitId, actorCommitteeUnitId) || (actor.Role == Role.Secretariat && sitsOnActorsCommittee);
}
