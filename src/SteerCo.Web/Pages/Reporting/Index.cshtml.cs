using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SteerCo.Committees;
using SteerCo.Reporting;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Reporting;

/// <summary>
/// A committee's periodic reporting [báo cáo định kỳ]: the reports it asked for, the reports it
/// owes above, the compliance of the committees that report to it per period, its templates.
/// </summary>
public sealed class IndexModel(CommitteeService committees, ReportRequests requests, Submissions submissions, ReportTemplates templates, IStringLocalizer<SharedResource> text)
    : SteerCoPageModel
{
    public const int PageSize = 20;

    /// <summary>Filters the requests sent by title.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Filters the reports owed by where they stand.</summary>
    [BindProperty(SupportsGet = true)]
    public Compliance? Owed { get; set; }

    [BindProperty(SupportsGet = true, Name = "op")]
    public int OwedPage { get; set; } = 1;

    /// <summary>The compliance grid's year and period kind.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public PeriodKind Kind { get; set; } = PeriodKind.Quarter;

    public CommitteeDetail? Committee { get; private set; }

    /// <summary>For an administrator, who has no committee of their own: where to start.</summary>
    public IReadOnlyList<CommitteeSummary> Roots { get; private set; } = [];

    public bool CanManage { get; private set; }
    public IReadOnlyList<RequestSummary> Sent { get; private set; } = [];
    public int SentTotal { get; private set; }
    public IReadOnlyList<OwedSubmission> OwedList { get; private set; } = [];
    public int OwedTotal { get; private set; }
    public ComplianceGrid Grid { get; private set; } = new(0, [], []);
    public IReadOnlyList<TemplateSummary> Templates { get; private set; } = [];
    public IReadOnlyList<RegimeView> Regimes { get; private set; } = [];

    public int SentPageCount => Math.Max(1, (SentTotal + PageSize - 1) / PageSize);
    public int OwedPageCount => Math.Max(1, (OwedTotal + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null)
        {
            if (Actor.CommitteeId is { } own)
            {
                return Redirect($"/Reporting/{own}");
            }
            Roots = await committees.TopAsync(Actor, ct);
            return Page();
        }
        var committee = await committees.GetAsync(Actor, id.Value, ct);
        if (!committee.IsOk)
        {
            return OutOfScope();
        }
        Committee = committee.Value!;
        CanManage = await committees.CanManageAsync(Actor, id.Value, ct);

        IEnumerable<RequestSummary> sent = (await requests.ListAsync(Actor, id.Value, ct)).Value!;
        if (VietnameseText.Fold(Q) is { Length: > 0 } folded)
        {
            // The period as stored ("Quý I/2026") or as the page shows it ("Q1 2026" in English).
            sent = sent.Where(r => new[] { r.Title, r.Period, text.PeriodName(r.Period) }.Any(value => VietnameseText.Fold(value).Contains(folded, StringComparison.Ordinal)));
        }
        sent = Sort switch
        {
            "deadline" => sent.OrderBy(r => r.Deadline).ThenBy(r => r.Id),
            "title" => sent.OrderBy(r => VietnameseText.Fold(r.Title), StringComparer.Ordinal),
            "-title" => sent.OrderByDescending(r => VietnameseText.Fold(r.Title), StringComparer.Ordinal),
            _ => sent.OrderByDescending(r => r.Deadline).ThenByDescending(r => r.Id),
        };
        var sentList = sent.ToList();
        SentTotal = sentList.Count;
        PageNumber = Math.Clamp(PageNumber, 1, SentPageCount);
        Sent = [.. sentList.Skip((PageNumber - 1) * PageSize).Take(PageSize)];

        var owed = (await submissions.OwedAsync(Actor, id.Value, ct)).Value!.Where(s => Owed is null || s.Compliance == Owed).ToList();
        OwedTotal = owed.Count;
        OwedPage = Math.Clamp(OwedPage, 1, OwedPageCount);
        OwedList = [.. owed.Skip((OwedPage - 1) * PageSize).Take(PageSize)];

        Year ??= requests.Today.Year;
        Kind = Enum.IsDefined(Kind) ? Kind : PeriodKind.Quarter;
        Grid = (await requests.ComplianceAsync(Actor, id.Value, Kind, Year.Value, Year.Value, ct)).Value ?? new(id.Value, [], []);
        Templates = (await templates.ListAsync(Actor, id.Value, ct)).Value!;
        Regimes = (await templates.RegimesAsync(Actor, id.Value, ct)).Value!;
        return Page();
    }

    /// <summary>The badge class of a compliance state: good, bad, or neutral.</summary>
    public static string BadgeClass(Compliance? compliance) => compliance switch
    {
        Compliance.OnTime => "ok",
        Compliance.Late => "warn",
        Compliance.Missing or Compliance.Returned => "bad",
        _ => "",
    };
}
