using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Reporting;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Reporting;

/// <summary>
/// A committee asks for a report of a period: a template (or a regime that names one), the period
/// as users write it ("Quý I/2026"), its kind (periodic, thematic, ad hoc), and who reports: all the
/// committees directly below, chosen ones, or the member agencies on the committee's roster.
/// </summary>
public sealed class CreateModel(CommitteeService committees, ReportRequests requests, ReportTemplates templates) : SteerCoPageModel
{
    [BindProperty]
    public RequestForm Input { get; set; } = new();

    public CommitteeDetail Committee { get; private set; } = null!;
    public IReadOnlyList<TemplateSummary> Templates { get; private set; } = [];
    public IReadOnlyList<RegimeView> Regimes { get; private set; } = [];

    /// <summary>The committees below that may be chosen, in tree order.</summary>
    public IReadOnlyList<CommitteeSummary> Below { get; private set; } = [];

    /// <summary>The periods offered, by kind, last year to next year.</summary>
    public IReadOnlyList<(PeriodKind Kind, IReadOnlyList<ReportingPeriod> Periods)> Periods { get; private set; } = [];

    /// <summary>?regime=N (from the regimes page) starts the form on that regime: its kind, its reporters, this period of its kind.</summary>
    public async Task<IActionResult> OnGetAsync(int id, int? regime, CancellationToken ct)
    {
        var today = requests.Today;
        Input.Period = ReportingPeriod.Containing(PeriodKind.Quarter, today).Key;
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (Regimes.FirstOrDefault(r => r.Id == regime) is { } chosen)
        {
            Input.RegimeId = chosen.Id;
            Input.TemplateId = chosen.TemplateId;
            Input.Kind = chosen.Kind;
            Input.Recipients = chosen.Reporters == ReporterKind.MemberAgencies ? "agencies" : "children";
            Input.Period = ReportingPeriod.Containing(chosen.PeriodKind, today).Key;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } notAllowed)
        {
            return notAllowed;
        }
        var deadline = ParseDate(Input.Deadline, "Input.Deadline");
        if (!ReportingPeriod.TryParseKey(Input.Period, out var period))
        {
            ModelState.AddModelError("Input.Period", Messages.Get("ReportPeriodInvalid"));
        }
        else if (Regimes.FirstOrDefault(r => r.Id == Input.RegimeId) is { } regime && regime.PeriodKind != period.Kind)
        {
            ModelState.AddModelError("Input.Period", Messages.Get("ReportPeriodNotOfRegime", regime.Name));
        }
        var chosen = Input.Recipients == "chosen" ? Input.CommitteeIds : null;
        if (chosen is { Count: 0 })
        {
            ModelState.AddModelError("Input.CommitteeIds", Messages.Get("ReportChooseRecipients"));
        }
        var reporters = Input.Recipients == "agencies" ? ReporterKind.MemberAgencies : ReporterKind.Committees;
        var input = new RequestInput(Input.RegimeId, Input.TemplateId, Input.Title, Input.Kind, period.Kind, period.Year, period.Number, deadline, chosen, reporters);
        if (!ModelState.IsValid)
        {
            var check = await requests.CheckRequestAsync(Actor, id, input, ct);
            return AddOtherProblems(check with { Problems = OnTheForm(check.Problems) }) ?? Page();
        }
        var result = await requests.CreateAsync(Actor, id, input, ct);
        if (result.IsOk)
        {
            TempData["Flash"] = Messages.Get("ReportRequested", result.Value!.Title, result.Value.Submissions.Count);
            return Redirect($"/Reporting/Request/{result.Value.Id}");
        }
        if (Refusal(result) is { } refused)
        {
            return refused;
        }
        AddProblems(OnTheForm(result.Problems));
        return Page();
    }

    /// <summary>The service's problems beside the form's fields: the period is one field, who reports is the committees' list.</summary>
    private static Problem[] OnTheForm(IReadOnlyList<Problem> problems) => [.. problems.Select(p => p with
    {
        Field = p.Field switch
        {
            nameof(RequestInput.Number) or nameof(RequestInput.PeriodKind) => nameof(RequestForm.Period),
            nameof(RequestInput.Reporters) => nameof(RequestForm.CommitteeIds),
            _ => p.Field,
        },
    })];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (committee, refusal) = await ManagedCommitteeAsync(committees, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        Committee = committee!;
        Templates = (await templates.ListAsync(Actor, id, ct)).Value!;
        Regimes = (await templates.RegimesAsync(Actor, id, ct)).Value!;
        Below = [.. (await committees.ListAsync(Actor, new CommitteeQuery(UnderId: id, Sort: "unit"), new(1, PageRequest.MaxPageSize), ct)).Items.Where(c => c.Id != id)];
        var year = requests.Today.Year;
        Periods = [.. new[] { PeriodKind.Quarter, PeriodKind.HalfYear, PeriodKind.NineMonths, PeriodKind.Year, PeriodKind.Month }
            .Select(kind => (kind, (IReadOnlyList<ReportingPeriod>)[.. ReportingPeriod.Between(kind, year - 1, year + 1)]))];
        return null;
    }
}

/// <summary>What the request form posts: the period as its key ("2026-2-1"), the deadline as dd/MM/yyyy (empty: the rule's).</summary>
public sealed class RequestForm
{
    public int? RegimeId { get; set; }
    public int? TemplateId { get; set; }
    public string? Period { get; set; }
    public ReportKind Kind { get; set; } = ReportKind.Periodic;
    public string? Title { get; set; }
    public string? Deadline { get; set; }

    /// <summary>"children": every committee directly below; "chosen": those in <see cref="CommitteeIds"/>; "agencies": the member agencies on the roster.</summary>
    public string Recipients { get; set; } = "children";

    public List<int> CommitteeIds { get; set; } = [];
}
