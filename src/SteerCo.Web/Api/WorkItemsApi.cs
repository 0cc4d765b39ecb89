using System.Globalization;
using System.Text.Json;
using SteerCo.Documents.Files;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;
using SteerCo.WorkItems;

namespace SteerCo.Web.Api;

/// <summary>
/// A new task; a plan's item names its plan (sourceKind PlanItem, sourceDocumentId), a directive's
/// task the directive (Document). Passed down at once to every committee directly below
/// (fanOutToAll) or to the chosen ones (fanOutCommitteeIds).
/// </summary>
public sealed record WorkItemRequest(
    int? CommitteeId, string? Title, string? Description, int? LeadAgencyId, IReadOnlyList<int>? CoordinatingAgencyIds, DateOnly? DueDate, bool Regular = false,
    WorkItemSource? SourceKind = null, int? SourceDocumentId = null, bool FanOutToAll = false, IReadOnlyList<int>? FanOutCommitteeIds = null)
{
    public WorkItemInput ToInput() => new(Title, Description, LeadAgencyId ?? 0, CoordinatingAgencyIds, DueDate, Regular,
        SourceKind ?? (SourceDocumentId is null ? WorkItemSource.Direct : WorkItemSource.Document), SourceDocumentId, FanOutToAll, FanOutCommitteeIds);
}

public sealed record ProgressRequest(DateOnly? On, string? Text, int? Percent, int? Version);

public sealed record ExtensionRequest(DateOnly? DueDate, string? Reason, int? Version);

public sealed record ReassignmentRequest(int? AgencyId, string? Reason, int? Version);

public sealed record ClosingRequest(WorkItemStatus? Status, string? Text, int? Version);

public sealed record FanOutRequest(IReadOnlyList<int>? CommitteeIds, int? Version);

public static class WorkItemsApi
{
    public static RouteGroupBuilder MapWorkItemsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Work items");

        // A member's list is its agency's tasks; anyone else's, a committee's (their own by default), within the scope rule.
        group.MapGet("/", async (WorkItemService items, HttpContext http, int? committeeId, WorkItemState? state, string? sort, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await items.ListAsync(http.RequireActor(), new(committeeId, state, sort), new(page ?? 1, pageSize ?? 25), ct)))
            .Access(AccessKind.SignedIn);

        group.MapGet("/overdue", async (WorkItemService items, HttpContext http, int? committeeId, int? page, int? pageSize, CancellationToken ct) =>
            (await items.OverdueAsync(http.RequireActor(), committeeId, new(page ?? 1, pageSize ?? 25), ct)).ToOk())
            .Access(AccessKind.SignedIn);

        // The same page of overdue tasks and its total, without the counts per committee below.
        group.MapGet("/overdue/list", async (WorkItemService items, HttpContext http, int? committeeId, int? page, int? pageSize, CancellationToken ct) =>
            (await items.OverdueListAsync(http.RequireActor(), committeeId, new(page ?? 1, pageSize ?? 25), ct)).ToOk())
            .Access(AccessKind.SignedIn);

        group.MapGet("/{id:int}", async (int id, WorkItemService items, HttpContext http, CancellationToken ct) =>
            (await items.GetAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.WorkItemRead);

        group.MapPost("/", async (WorkItemRequest request, WorkItemService items, HttpContext http, CancellationToken ct) =>
            (await items.CreateAsync(http.RequireActor(), request.CommitteeId ?? 0, request.ToInput(), ct)).ToCreated(w => $"/api/v1/work-items/{w.Id}"))
            .Access(AccessKind.WorkItemCreate);

        // JSON, or multipart/form-data with the same fields and any number of file parts.
        // Its body is read by hand; the metadata names the body's type, so that a field that does not
        // bind is named as on every other endpoint.
        group.MapPost("/{id:int}/progress", ReportAsync)
            .WithMetadata(new BodyType(typeof(ProgressRequest)))
            .Access(AccessKind.WorkItemReport);

        group.MapGet("/{id:int}/attachments/{attachmentId:int}", async (int id, int attachmentId, WorkItemService items, HttpContext http, CancellationToken ct) =>
            (await items.OpenAttachmentAsync(http.RequireActor(), id, attachmentId, ct)).SendOrNotFound(http.Response))
            .Access(AccessKind.WorkItemRead);

        group.MapPost("/{id:int}/extension", async (int id, ExtensionRequest request, WorkItemService items, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await items.ExtendAsync(http.RequireActor(), id, request.DueDate, request.Reason, v, ct)
                : ApiResults.VersionMissing(await items.GetAsync(http.RequireActor(), id, ct), d => d.CanManage)).ToOk())
            .Access(AccessKind.WorkItemManage);

        group.MapPost("/{id:int}/reassignment", async (int id, ReassignmentRequest request, WorkItemService items, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await items.ReassignAsync(http.RequireActor(), id, request.AgencyId ?? 0, request.Reason, v, ct)
                : ApiResults.VersionMissing(await items.GetAsync(http.RequireActor(), id, ct), d => d.CanManage)).ToOk())
            .Access(AccessKind.WorkItemManage);

        group.MapPost("/{id:int}/closing", async (int id, ClosingRequest request, WorkItemService items, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await items.CloseAsync(http.RequireActor(), id, request.Status ?? default, request.Text, v, ct)
                : ApiResults.VersionMissing(await items.GetAsync(http.RequireActor(), id, ct), d => d.CanManage)).ToOk())
            .Access(AccessKind.WorkItemManage);

        group.MapPost("/{id:int}/fan-out", async (int id, FanOutRequest request, WorkItemService items, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await items.FanOutAsync(http.RequireActor(), id, request.CommitteeIds, v, ct)
                : ApiResults.VersionMissing(await items.GetAsync(http.RequireActor(), id, ct), d => d.CanManage)).ToOk())
            .Access(AccessKind.WorkItemManage);
        return group;
    }

    /// <summary>
    /// A progress report. As multipart, the fields are on (yyyy-MM-dd), text, percent and version,
    /// and every file part is attached; a refused file refuses the report, and nothing is kept.
    /// </summary>
    private static async Task<IResult> ReportAsync(int id, WorkItemService items, FileIntake intake, HttpContext http, CancellationToken ct)
    {
        ProgressRequest? request;
        IReadOnlyList<Upload> files = [];
        if (http.Request.HasFormContentType)
        {
            if (await MultipartUpload.ReadWholeFormAsync(http.Request, ct) is not { } form)
            {
                return ApiResults.TooLarge(intake.MaxBytes);
            }
            request = new(
                DateOnly.TryParseExact(form["on"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) ? on : null,
                form["text"], int.TryParse(form["percent"], out var percent) ? percent : null, int.TryParse(form["version"], out var version) ? version : null);
            files = MultipartUpload.Uploads(form.Files);
        }
        else if (!http.Request.HasJsonContentType())
        {
            // As the framework answers a body it binds that is neither JSON nor a form.
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }
        else
        {
            try
            {
                request = await http.Request.ReadFromJsonAsync<ProgressRequest>(ct);
            }
            catch (JsonException unread)
            {
                // As the framework does for a body it binds, so that BadRequestExceptionHandler names the field.
                throw new BadHttpRequestException("The body is not a progress report.", StatusCodes.Status400BadRequest, unread);
            }
        }
        var actor = http.RequireActor();
        return (request?.Version is { } v
            ? await items.ReportAsync(actor, id, new(request.On, request.Text, request.Percent, files), v, ct)
            : ApiResults.VersionMissing(await items.GetAsync(actor, id, ct), d => d.CanReport)).ToOkOrTooLarge(intake.MaxBytes);
    }

    /// <summary>A document's tasks (a plan's items, a notice's assignments) and their roll-up, under /api/v1/documents/{id}.</summary>
    public static RouteGroupBuilder MapDocumentWorkApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Work items");
        group.MapGet("/{id:int}/work-items", async (int id, WorkItemService items, HttpContext http, CancellationToken ct) =>
            (await items.DocumentWorkAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.DocumentRead);
        return group;
    }
}
