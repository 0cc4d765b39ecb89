using Microsoft.AspNetCore.Mvc;
using SteerCo.Committees;
using SteerCo.Reporting;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Reporting;

/// <summary>A committee's report templates [mẫu báo cáo]: each with its current version; its secretariat creates new ones.</summary>
public sealed class TemplatesModel(CommitteeService committees, ReportTemplates templates) : SteerCoPageModel
{
    public CommitteeDetail Committee { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<TemplateSummary> Templates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var committee = await committees.GetAsync(Actor, id, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        Committee = committee.Value!;
        CanManage = await committees.CanManageAsync(Actor, id, ct);
        Templates = (await templates.ListAsync(Actor, id, ct)).Value!;
        return Page();
    }
}
