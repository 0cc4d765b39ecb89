using Microsoft.AspNetCore.Mvc;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Members;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Committees;

public sealed class DetailsModel(CommitteeService committees, CommitteeOverviews overviews, AgencyService agencies, RosterService roster) : SteerCoPageModel
{
    public CommitteeDetail Committee { get; private set; } = null!;
    public IReadOnlyList<Breadcrumb> Crumbs { get; private set; } = [];
    public IReadOnlyList<CommitteeSummary> Children { get; private set; } = [];
    public IReadOnlyList<AgencySummary> Agencies { get; private set; } = [];
    public bool CanManage { get; private set; }
    public IReadOnlyList<RosterCheck> Checks { get; private set; } = [];
    public int MemberCount { get; private set; }
    public CommitteeOverview? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var committee = await committees.GetAsync(Actor, id, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        Committee = committee.Value!;
        Crumbs = await committees.BreadcrumbsAsync(Actor, Committee.Path, ct);
        Children = (await committees.ChildrenAsync(Actor, id, ct)).Value ?? [];
        Agencies = (await agencies.ListAsync(Committee.UnitId, null, new(1, 200), ct)).Items;
        CanManage = await committees.CanManageAsync(Actor, id, ct);
        Checks = (await roster.ChecksAsync(Actor, id, ct)).Value ?? [];
        MemberCount = (await roster.RosterAsync(Actor, id, null, ct)).Value?.Members.Count ?? 0;
        Overview = (await overviews.GetAsync(Actor, id, ct)).Value;
        return Page();
    }
}
