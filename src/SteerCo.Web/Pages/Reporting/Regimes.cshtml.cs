using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
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

    /// <summary>The regime the form edits (?edit=ID), or none: the form makes a new one.</summary>
    public RegimeView? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? edit, CancellationToken ct)
    {
        var committee = await committees.GetAsync(Actor, id, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        Committee = committee.Value!;
        CanManage = await committees.CanManageAsync(Actor, id, ct);
        await LoadListsAsync(id, ct);
        if (edit is { } regimeId)
        {
            if (!CanManage)
            {
                return Forbid();
            }
            Editing = Regimes.FirstOrDefault(r => r.Id == regimeId);
            if (Editing is null)
            {
                return OutOfScope();
            }
            Input = RegimeForm.Of(Editing);
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        SaveAsync(id, null, (input, ct) => templates.CreateRegimeAsync(Actor, id, input, ct), "RegimeCreated", ct);

    public Task<IActionResult> OnPostUpdateAsync(int id, int regimeId, int? version, CancellationToken ct) =>
        SaveAsync(id, regimeId, (input, ct) => templates.UpdateRegimeAsync(Actor, id, regimeId, input, version, ct), "RegimeUpdated", ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, int regimeId, int? version, CancellationToken ct)
    {
        var (committee, refusal) = await ManagedCommitteeAsync(committees, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        // The flash names the regime as it was, read before it goes.
        var name = (await templates.RegimesAsync(Actor, id, ct)).Value?.FirstOrDefault(r => r.Id == regimeId)?.Name;
        var deleted = await templates.DeleteRegimeAsync(Actor, id, regimeId, version, ct);
        if (deleted.IsOk)
        {
            TempData["Flash"] = Messages.Get("RegimeDeleted", name ?? "");
            return Redirect($"/Reporting/{id}/Regimes");
        }
        if (Refusal(deleted) is { } refused)
        {
            return refused;
        }
        Committee = committee!;
        CanManage = true;
        AddProblems(deleted.Problems, "");
        await LoadListsAsync(id, ct);
        return Page();
    }

    private async Task<IActionResult> SaveAsync(int id, int? regimeId, Func<RegimeInput, CancellationToken, Task<Result<RegimeView>>> save, string flash, CancellationToken ct)
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
            var result = await save(new RegimeInput(Input.Name, Input.TemplateId, Input.Kind, Input.PeriodKind, cutoff, deadline, offset, Input.Reporters), ct);
            if (result.IsOk)
            {
                TempData["Flash"] = Messages.Get(flash, result.Value!.Name);
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
        Editing = regimeId is { } editing ? Regimes.FirstOrDefault(r => r.Id == editing) : null;
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

    /// <summary>The form filled with a regime's fields, to change it.</summary>
    public static RegimeForm Of(RegimeView regime) => new()
    {
        Name = regime.Name,
        TemplateId = regime.TemplateId,
        Kind = regime.Kind,
        PeriodKind = regime.PeriodKind,
        CutoffDay = regime.CutoffDay.ToString(CultureInfo.InvariantCulture),
        DeadlineDay = regime.DeadlineDay.ToString(CultureInfo.InvariantCulture),
        DeadlineMonthOffset = regime.DeadlineMonthOffset.ToString(CultureInfo.InvariantCulture),
        Reporters = regime.Reporters,
    };
}
