using SteerCo.Meetings;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

public sealed record MeetingRequest(MeetingKind? Kind, string? Period, DateOnly? Date, string? Time, string? Place, int? ChairPersonId, string? RecorderName = null)
{
    public MeetingInput ToInput() => new(Kind ?? default, Period, Date, Time, Place, ChairPersonId, RecorderName);
}

public sealed record AttendanceRequest(IReadOnlyList<AttendanceInput>? Lines, int? Version);

public sealed record AgendaItemRequest(string? Title, string? Presenter);

public sealed record AgendaItemEditRequest(string? Title, string? Presenter, int? Version);

public sealed record MinutesRequest(DateOnly? IssuedOn, string? RecorderName, int? Version);

public sealed record ConclusionsRequest(string? Conclusions, int? Version);

public sealed record AssignmentRequest(string? Text, int? LeadAgencyId, IReadOnlyList<int>? CoordinatingAgencyIds, DateOnly? DueDate, bool Regular = false, bool ToSubordinates = false)
{
    public AssignmentInput ToInput() => new(Text, LeadAgencyId ?? 0, CoordinatingAgencyIds, DueDate, Regular, ToSubordinates);
}

public sealed record NoticeRequest(DateOnly? IssuedOn, string? SignerName, string? SignerTitle, int? Version);

public static class MeetingsApi
{
    /// <summary>A committee's meetings, under /api/v1/committees/{id}.</summary>
    public static RouteGroupBuilder MapCommitteeMeetingsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Meetings");

        group.MapGet("/{id:int}/meetings", async (int id, MeetingService meetings, HttpContext http, int? page, int? pageSize, CancellationToken ct) =>
            (await meetings.ListAsync(http.RequireActor(), id, new(page ?? 1, pageSize ?? 25), ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapPost("/{id:int}/meetings", async (int id, MeetingRequest request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (await meetings.ScheduleAsync(http.RequireActor(), id, request.ToInput(), ct)).ToCreated(m => $"/api/v1/meetings/{m.Id}"))
            .Access(AccessKind.CommitteeManage);
        return group;
    }

    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Meetings");

        group.MapGet("/{id:int}", async (int id, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (await meetings.GetAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.MeetingRead);

        group.MapPut("/{id:int}/attendance", async (int id, AttendanceRequest request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await meetings.RecordAttendanceAsync(http.RequireActor(), id, request.Lines ?? [], v, ct)
                : ApiResults.VersionMissing(await meetings.GetAsync(http.RequireActor(), id, ct), m => m.CanManage)).ToOk())
            .Access(AccessKind.MeetingManage);

        group.MapPost("/{id:int}/agenda", async (int id, AgendaItemRequest request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (await meetings.AddAgendaItemAsync(http.RequireActor(), id, request.Title, request.Presenter, ct)).ToOk())
            .Access(AccessKind.MeetingManage);

        group.MapPut("/{id:int}/agenda/{itemId:int}", async (int id, int itemId, AgendaItemEditRequest request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await meetings.UpdateAgendaItemAsync(http.RequireActor(), id, itemId, request.Title, request.Presenter, v, ct)
                : ApiResults.VersionMissing(await meetings.GetAsync(http.RequireActor(), id, ct), m => m.CanManage)).ToOk())
            .Access(AccessKind.MeetingManage);

        group.MapDelete("/{id:int}/agenda/{itemId:int}", async (int id, int itemId, int? version, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (version is { } v
                ? await meetings.RemoveAgendaItemAsync(http.RequireActor(), id, itemId, v, ct)
                : ApiResults.VersionMissing(await meetings.GetAsync(http.RequireActor(), id, ct), m => m.CanManage)).ToOk())
            .Access(AccessKind.MeetingManage);

        group.MapPost("/{id:int}/contributions", async (int id, ContributionInput request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (await meetings.AddContributionAsync(http.RequireActor(), id, request, ct)).ToOk())
            .Access(AccessKind.MeetingManage);

        group.MapPut("/{id:int}/conclusions", async (int id, ConclusionsRequest request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await meetings.SetConclusionsAsync(http.RequireActor(), id, request.Conclusions, v, ct)
                : ApiResults.VersionMissing(await meetings.GetAsync(http.RequireActor(), id, ct), m => m.CanManage)).ToOk())
            .Access(AccessKind.MeetingManage);

        group.MapPost("/{id:int}/assignments", async (int id, AssignmentRequest request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (await meetings.AddAssignmentAsync(http.RequireActor(), id, request.ToInput(), ct)).ToOk())
            .Access(AccessKind.MeetingManage);

        // Issues the conclusion notice and makes its tasks; the version says which conclusions the caller saw.
        group.MapPost("/{id:int}/notice", async (int id, NoticeRequest request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await meetings.IssueNoticeAsync(http.RequireActor(), id, new(request.IssuedOn, request.SignerName, request.SignerTitle), v, ct)
                : ApiResults.VersionMissing(await meetings.GetAsync(http.RequireActor(), id, ct), m => m.CanManage)).ToOk())
            .Access(AccessKind.MeetingManage);

        // The invitation [GM] and the minutes [BB] take their numbers from the committee's register.
        group.MapPost("/{id:int}/invitation", async (int id, NoticeRequest request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await meetings.IssueInvitationAsync(http.RequireActor(), id, new(request.IssuedOn, request.SignerName, request.SignerTitle), v, ct)
                : ApiResults.VersionMissing(await meetings.GetAsync(http.RequireActor(), id, ct), m => m.CanManage)).ToOk())
            .Access(AccessKind.MeetingManage);

        group.MapPost("/{id:int}/minutes", async (int id, MinutesRequest request, MeetingService meetings, HttpContext http, CancellationToken ct) =>
            (request.Version is { } v
                ? await meetings.IssueMinutesAsync(http.RequireActor(), id, new(request.IssuedOn, request.RecorderName), v, ct)
                : ApiResults.VersionMissing(await meetings.GetAsync(http.RequireActor(), id, ct), m => m.CanManage)).ToOk())
            .Access(AccessKind.MeetingManage);

        foreach (var paper in Enum.GetValues<MeetingPaper>())
        {
            group.MapGet($"/{{id:int}}/{paper.ToString().ToLowerInvariant()}.docx", async (int id, MeetingService meetings, HttpContext http, CancellationToken ct) =>
                await meetings.PaperAsync(http.RequireActor(), id, paper, ct) is { IsOk: true } file
                    ? Results.File(file.Value!.Content, MeetingPaperFile.ContentType, file.Value.FileName)
                    : ApiResults.NotFound())
                .Access(AccessKind.MeetingRead);
        }
        return group;
    }
}
