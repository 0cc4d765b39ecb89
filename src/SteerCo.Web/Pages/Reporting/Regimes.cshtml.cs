using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SteerCo.Committees;
using SteerCo.Reporting;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Reporting;

/// <summary>
/// A committee's reporting regimes [chế độ báo cáo]: each names a template, a period kind, the
/// cut-off and deadline days (Decree 09/2019's prefilled) and who reports, the committees below or
/// the committee's own member agencies. Whoever reads the committee sees them; its secretariat adds one.
/// </summary>
public sealed class RegimesModel(CommitteeService committees, ReportTemplates templates) : SteerCoPageModel
{
    /// <summary>The key the rule's problems show under ("Input.Rule"), beside its three fields together.</summary>
    public const string RuleField = "Rule";

    [BindProperty]
    public RegimeForm Input { get; set; } = new();

    public CommitteeDetail Committee { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<RegimeView> Regimes { get; private set; } = [];
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
        await LoadListsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (committee, refusal) = await ManagedCommitteeAsync(committees, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        Committee = committee!;
        CanManage = true;
        // A day that is not a number is refused here, in the user's words, before the service sees the rule.
        var cutoff = Day(Input.CutoffDay);
        var deadline = Day(Input.DeadlineDay);
        var offset = Day(Input.DeadlineMonthOffset);
        if (ModelState.IsValid)
        {
            var result = await templates.CreateRegimeAsync(Actor, id,
                new RegimeInput(Input.Name, Input.TemplateId, Input.Kind, Input.PeriodKind, cutoff, deadline, offset, Input.Reporters), ct);
            if (result.IsOk)
            {
                TempData["Flash"] = Messages.Get("RegimeCreated", result.Value!.Name);
                return Redirect($"/Reporting/{id}/Regimes");
            }
            if (Refusal(result) is { } refused)
            {
                return refused;
            }
            AddProblems(result.Problems.Select(p => p with
            {
                Field = p.Field switch
                {
                    nameof(RegimeInput.DeadlineDay) => RuleField,
                    _ => p.Field,
                },
            }));
        }
        await LoadListsAsync(id, ct);
        return Page();
    }

    private async Task LoadListsAsync(int id, CancellationToken ct)
    {
        Regimes = (await templates.RegimesAsync(Actor, id, ct)).Value!;
        Templates = (await templates.ListAsync(Actor, id, ct)).Value!;
    }

    /// <summary>Empty is the default (null); anything but a whole number is a problem beside the rule.</summary>
    private int? Day(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return day;
        }
        if (!ModelState.ContainsKey("Input." + RuleField))
        {
            ModelState.AddModelError("Input." + RuleField, Messages.Get("ReportRuleInvalid"));
        }
        return null;
    }
}

/// <summary>What the regime form posts: the days as typed, prefilled with Decree 09's.</summary>
public sealed class RegimeForm
{
    public string? Name { get; set; }
    public int? TemplateId { get; set; }
    public ReportKind Kind { get; set; } = ReportKind.Periodic;
    public PeriodKind PeriodKind { get; set; } = PeriodKind.Quarter;
    public string? CutoffDay { get; set; } = DeadlineRule.Decree09.CutoffDay.ToString(CultureInfo.InvariantCulture);
    public string? DeadlineDay { get; set; } = DeadlineRule.Decree09.DeadlineDay.ToString(CultureInfo.InvariantCulture);
    public string? DeadlineMonthOffset { get; set; } = DeadlineRule.Decree09.DeadlineMonthOffset.ToString(CultureInfo.InvariantCulture);
    public ReporterKind Reporters { get; set; } = ReporterKind.Committees;
}
