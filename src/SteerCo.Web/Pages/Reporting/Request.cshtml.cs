using Microsoft.AspNetCore.Mvc;
using SteerCo.Reporting;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Reporting;

/// <summary>
/// One request: who owes what and where each stands, the consolidated table of the accepted
/// figures with each figure's provenance a click away, and the consolidated XLSX and report DOCX.
/// </summary>
public sealed class RequestModel(ReportRequests requests, ReportExports exports) : SteerCoPageModel
{
    public const int PageSize = 50;
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The indicator whose provenance is shown.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    /// <summary>Filters the submissions by where they stand.</summary>
    [BindProperty(SupportsGet = true)]
    public Compliance? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ConsolidatedView View { get; private set; } = null!;
    public RequestView Detail => View.Request;
    public ProvenanceView? Provenance { get; private set; }
    public IReadOnlyList<SubmissionSummary> Shown { get; private set; } = [];
    public int ShownTotal { get; private set; }

    public int PageCount => Math.Max(1, (ShownTotal + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await requests.ConsolidatedAsync(Actor, id, ct);
        if (!view.IsOk)
        {
            return OutOfScope();
        }
        View = view.Value!;
        IEnumerable<SubmissionSummary> submissions = Detail.Submissions.Where(s => State is null || s.Compliance == State);
        submissions = Sort switch
        {
            "-name" => submissions.OrderByDescending(s => VietnameseText.Fold(s.CommitteeName), StringComparer.Ordinal),
            "status" => submissions.OrderBy(s => s.Compliance).ThenBy(s => VietnameseText.Fold(s.CommitteeName), StringComparer.Ordinal),
            "-status" => submissions.OrderByDescending(s => s.Compliance).ThenBy(s => VietnameseText.Fold(s.CommitteeName), StringComparer.Ordinal),
            "submitted" => submissions.OrderBy(s => s.FirstSubmittedAt ?? DateTimeOffset.MaxValue),
            "-submitted" => submissions.OrderByDescending(s => s.FirstSubmittedAt ?? DateTimeOffset.MinValue),
            _ => submissions.OrderBy(s => VietnameseText.Fold(s.CommitteeName), StringComparer.Ordinal),
        };
        var list = submissions.ToList();
        ShownTotal = list.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Shown = [.. list.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        if (!string.IsNullOrWhiteSpace(Indicator))
        {
            var provenance = await requests.ProvenanceAsync(Actor, id, Indicator, ct);
            Provenance = provenance.Value;
            AddProblems(provenance.Problems, "");
        }
        return Page();
    }

    /// <summary>The consolidated table as XLSX: the consolidated figure, then each counted committee's.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct) =>
        await exports.ConsolidatedXlsxAsync(Actor, id, ct) is { IsOk: true } file ? File(file.Value!.Content, Xlsx, file.Value.FileName) : OutOfScope();

    /// <summary>The report in the official layout, with the consolidated table as its annex.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct) =>
        await exports.ReportDocxAsync(Actor, id, ct) is { IsOk: true } file ? File(file.Value!.Content, Docx, file.Value.FileName) : OutOfScope();
}
