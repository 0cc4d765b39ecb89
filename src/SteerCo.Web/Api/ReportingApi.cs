using SteerCo.Documents.Files;
using SteerCo.Reporting;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

/// <summary>A regime's fields and the version the change was made on.</summary>
public sealed record RegimeRequest(string? Name, int? TemplateId, ReportKind Kind, PeriodKind PeriodKind, int? CutoffDay, int? DeadlineDay, int? DeadlineMonthOffset,
    ReporterKind? Reporters, int? Version)
{
    public RegimeInput ToInput() => new(Name, TemplateId, Kind, PeriodKind, CutoffDay, DeadlineDay, DeadlineMonthOffset, Reporters);
}

public sealed record TemplateRequest(string? Name, IReadOnlyList<IndicatorInput>? Indicators, IReadOnlyList<string>? Sections, int? Version)
{
    public TemplateInput ToInput() => new(Name, Indicators, Sections);
}

/// <summary>A report request; <see cref="Reporters"/> "MemberAgencies" asks the committee's member agencies instead of the committees below.</summary>
public sealed record ReportRequestBody(int? RegimeId, int? TemplateId, string? Title, ReportKind? Kind, PeriodKind? PeriodKind, int? Year, int? Number, DateOnly? Deadline, IReadOnlyList<int>? CommitteeIds,
    ReporterKind? Reporters = null)
{
    public RequestInput ToInput() => new(RegimeId, TemplateId, Title, Kind ?? ReportKind.Periodic, PeriodKind ?? Reporting.PeriodKind.Quarter, Year ?? 0, Number ?? 0, Deadline, CommitteeIds, Reporters);
}

public sealed record SubmissionRequest(IReadOnlyDictionary<string, string?>? Values, IReadOnlyDictionary<int, string?>? Narratives, int? Version);

public sealed record ReviewRequest(string? Comment, int? Version);

public static class ReportingApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A committee's templates, regimes, requests, owed submissions and compliance, under /api/v1/committees/{id}.</summary>
    public static RouteGroupBuilder MapCommitteeReportingApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Reporting");

        group.MapGet("/{id:int}/report-templates", async (int id, ReportTemplates templates, HttpContext http, CancellationToken ct) =>
            (await templates.ListAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapPost("/{id:int}/report-templates", async (int id, TemplateRequest request, ReportTemplates templates, HttpContext http, CancellationToken ct) =>
            (await templates.CreateAsync(http.RequireActor(), id, request.ToInput(), ct)).ToCreated(t => $"/api/v1/committees/{id}/report-templates/{t.Id}"))
            .Access(AccessKind.CommitteeManage);

        group.MapGet("/{id:int}/report-templates/{templateId:int}", async (int id, int templateId, ReportTemplates templates, HttpContext http, CancellationToken ct) =>
            (await templates.GetAsync(http.RequireActor(), id, templateId, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        // A new version of the template; requests already made keep theirs.
        group.MapPut("/{id:int}/report-templates/{templateId:int}", async (int id, int templateId, TemplateRequest request, ReportTemplates templates, HttpContext http, CancellationToken ct) =>
            (await templates.ReviseAsync(http.RequireActor(), id, templateId, request.ToInput(), request.Version, ct)).ToOk())
            .Access(AccessKind.CommitteeManage);

        group.MapGet("/{id:int}/report-regimes", async (int id, ReportTemplates templates, HttpContext http, CancellationToken ct) =>
            (await templates.RegimesAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapPost("/{id:int}/report-regimes", async (int id, RegimeInput request, ReportTemplates templates, HttpContext http, CancellationToken ct) =>
            (await templates.CreateRegimeAsync(http.RequireActor(), id, request, ct)).ToCreated(r => $"/api/v1/committees/{id}/report-regimes"))
            .Access(AccessKind.CommitteeManage);

        // A regime changed for the periods to come; the requests made from it keep theirs.
        group.MapPut("/{id:int}/report-regimes/{regimeId:int}", async (int id, int regimeId, RegimeRequest request, ReportTemplates templates, HttpContext http, CancellationToken ct) =>
            (await templates.UpdateRegimeAsync(http.RequireActor(), id, regimeId, request.ToInput(), request.Version, ct)).ToOk())
            .Access(AccessKind.CommitteeManage);

        // Only a regime no request was made from.
        group.MapDelete("/{id:int}/report-regimes/{regimeId:int}", async (int id, int regimeId, int? version, ReportTemplates templates, HttpContext http, CancellationToken ct) =>
            (await templates.DeleteRegimeAsync(http.RequireActor(), id, regimeId, version, ct)).ToNoContent())
            .Access(AccessKind.CommitteeManage);

        group.MapGet("/{id:int}/report-requests", async (int id, ReportRequests requests, HttpContext http, CancellationToken ct) =>
            (await requests.ListAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapPost("/{id:int}/report-requests", async (int id, ReportRequestBody request, ReportRequests requests, HttpContext http, CancellationToken ct) =>
            (await requests.CreateAsync(http.RequireActor(), id, request.ToInput(), ct)).ToCreated(r => $"/api/v1/report-requests/{r.Id}"))
            .Access(AccessKind.CommitteeManage);

        group.MapGet("/{id:int}/submissions", async (int id, Submissions submissions, HttpContext http, CancellationToken ct) =>
            (await submissions.OwedAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        // One indicator's consolidated figure per period: ?indicator=CODE&from=2023-2-1&to=2025-2-4 (period keys), the last twelve quarters by default.
        group.MapGet("/{id:int}/reporting/series", async (int id, string? indicator, PeriodKind? kind, string? from, string? to, ReportRequests requests, HttpContext http, CancellationToken ct) =>
            (await requests.SeriesAsync(http.RequireActor(), id, indicator, kind ?? PeriodKind.Quarter, from, to, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        // Who reported on time, late, not at all, or was returned, per period of a kind (Quarter by default) over the years asked.
        group.MapGet("/{id:int}/report-compliance", async (int id, PeriodKind? kind, int? from, int? to, ReportRequests requests, HttpContext http, CancellationToken ct) =>
        {
            var year = requests.Today.Year;
            return (await requests.ComplianceAsync(http.RequireActor(), id, kind ?? PeriodKind.Quarter, from ?? year, to ?? from ?? year, ct)).ToOk();
        })
            .Access(AccessKind.CommitteeRead);
        return group;
    }

    /// <summary>One request: its submissions, the consolidated table, provenance and the exports, under /api/v1/report-requests.</summary>
    public static RouteGroupBuilder MapReportRequestsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Reporting");

        group.MapGet("/{id:int}", async (int id, ReportRequests requests, HttpContext http, CancellationToken ct) =>
            (await requests.GetAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.ReportRequestRead);

        group.MapGet("/{id:int}/consolidated", async (int id, ReportRequests requests, HttpContext http, CancellationToken ct) =>
            (await requests.ConsolidatedAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.ReportRequestRead);

        // The submissions one consolidated figure came from: ?indicator=CODE.
        group.MapGet("/{id:int}/provenance", async (int id, string? indicator, ReportRequests requests, HttpContext http, CancellationToken ct) =>
            (await requests.ProvenanceAsync(http.RequireActor(), id, indicator, ct)).ToOk())
            .Access(AccessKind.ReportRequestRead);

        group.MapGet("/{id:int}/consolidated.xlsx", async (int id, ReportExports exports, HttpContext http, CancellationToken ct) =>
            await exports.ConsolidatedXlsxAsync(http.RequireActor(), id, ct) is { IsOk: true } file
                ? Results.File(file.Value!.Content, Xlsx, file.Value.FileName)
                : ApiResults.NotFound())
            .Access(AccessKind.ReportRequestRead);

        group.MapGet("/{id:int}/report.docx", async (int id, ReportExports exports, HttpContext http, CancellationToken ct) =>
            await exports.ReportDocxAsync(http.RequireActor(), id, ct) is { IsOk: true } file
                ? Results.File(file.Value!.Content, Docx, file.Value.FileName)
                : ApiResults.NotFound())
            .Access(AccessKind.ReportRequestRead);
        return group;
    }

    /// <summary>One submission: read, fill, upload its workbook, submit, accept or return, under /api/v1/submissions.</summary>
    public static RouteGroupBuilder MapSubmissionsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Reporting");

        group.MapGet("/{id:int}", async (int id, Submissions submissions, HttpContext http, CancellationToken ct) =>
            (await submissions.GetAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.SubmissionRead);

        group.MapPut("/{id:int}", async (int id, SubmissionRequest request, Submissions submissions, HttpContext http, CancellationToken ct) =>
            (await submissions.SaveAsync(http.RequireActor(), id, new(request.Values, request.Narratives), request.Version, ct)).ToOk())
            .Access(AccessKind.SubmissionManage);

        group.MapPost("/{id:int}/prefill", async (int id, VersionRequest request, Submissions submissions, HttpContext http, CancellationToken ct) =>
            (await submissions.PrefillAsync(http.RequireActor(), id, request.Version, ct)).ToOk())
            .Access(AccessKind.SubmissionManage);

        group.MapPost("/{id:int}/submit", async (int id, VersionRequest request, Submissions submissions, HttpContext http, CancellationToken ct) =>
            (await submissions.SubmitAsync(http.RequireActor(), id, request.Version, ct)).ToOk())
            .Access(AccessKind.SubmissionManage);

        group.MapPost("/{id:int}/accept", async (int id, ReviewRequest request, Submissions submissions, HttpContext http, CancellationToken ct) =>
            (await submissions.AcceptAsync(http.RequireActor(), id, request.Comment, request.Version, ct)).ToOk())
            .Access(AccessKind.SubmissionReview);

        group.MapPost("/{id:int}/return", async (int id, ReviewRequest request, Submissions submissions, HttpContext http, CancellationToken ct) =>
            (await submissions.ReturnAsync(http.RequireActor(), id, request.Comment, request.Version, ct)).ToOk())
            .Access(AccessKind.SubmissionReview);

        group.MapGet("/{id:int}/workbook.xlsx", async (int id, Submissions submissions, HttpContext http, CancellationToken ct) =>
            await submissions.GetAsync(http.RequireActor(), id, ct) is { IsOk: true } view
                ? Results.File(SubmissionWorkbook.Write(view.Value!), Xlsx, SubmissionWorkbook.FileName(view.Value!))
                : ApiResults.NotFound())
            .Access(AccessKind.SubmissionRead);

        // The workbook as the request body (not a form); any wrong cell refuses it whole, each cell named.
        group.MapPost("/{id:int}/workbook", async (int id, int? version, Submissions submissions, HttpContext http, CancellationToken ct) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, ct);
            body.Position = 0;
            return (await submissions.ImportAsync(http.RequireActor(), id, body, version, ct)).ToOk();
        })
            .Access(AccessKind.SubmissionManage);

        // Files for the open draft: multipart/form-data with a version field and one or more file parts.
        group.MapPost("/{id:int}/attachments", async (int id, Submissions submissions, FileIntake intake, HttpContext http, CancellationToken ct) =>
        {
            if (await MultipartUpload.ReadWholeFormAsync(http.Request, ct) is not { } form)
            {
                return ApiResults.TooLarge(intake.MaxBytes);
            }
            var version = int.TryParse(form["version"], out var v) ? v : (int?)null;
            return (await submissions.AttachAsync(http.RequireActor(), id, MultipartUpload.Uploads(form.Files), version, ct)).ToOkOrTooLarge(intake.MaxBytes);
        })
            .Access(AccessKind.SubmissionManage);

        group.MapDelete("/{id:int}/attachments/{attachmentId:int}", async (int id, int attachmentId, int? version, Submissions submissions, HttpContext http, CancellationToken ct) =>
            (await submissions.RemoveAttachmentAsync(http.RequireActor(), id, attachmentId, version, ct)).ToOk())
            .Access(AccessKind.SubmissionManage);

        group.MapGet("/{id:int}/attachments/{attachmentId:int}", async (int id, int attachmentId, Submissions submissions, HttpContext http, CancellationToken ct) =>
            (await submissions.OpenAttachmentAsync(http.RequireActor(), id, attachmentId, ct)).SendOrNotFound(http.Response))
            .Access(AccessKind.SubmissionRead);
        return group;
    }
}
