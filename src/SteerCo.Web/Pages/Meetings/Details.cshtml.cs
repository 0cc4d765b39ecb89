using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Meetings;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Meetings;

/// <summary>
/// A meeting from invitation to follow-up: attendance, agenda, contributions, conclusions with
/// their assignments, the notice issued by the register, the papers, and where each task stands.
/// </summary>
public sealed class DetailsModel(MeetingService meetings, TimeProvider clock) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public List<AttendanceLine> Attendance { get; set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Presenter { get; set; }

    [BindProperty]
    public int? AgencyId { get; set; }

    [BindProperty]
    public string? Speaker { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Conclusions { get; set; }

    [BindProperty]
    public AssignmentForm Assignment { get; set; } = new();

    [BindProperty]
    public string? IssuedOn { get; set; }

    [BindProperty]
    public string? SignerName { get; set; }

    [BindProperty]
    public string? SignerTitle { get; set; }

    [BindProperty]
    public string? RecorderName { get; set; }

    public MeetingDetail Meeting { get; private set; } = null!;

    public sealed class AttendanceLine
    {
        public int InviteeId { get; set; }
        public Attendance Attendance { get; set; }
        public string? AbsenceReason { get; set; }
        public string? RepresentedBy { get; set; }
    }

    public sealed class AssignmentForm
    {
        public string? Text { get; set; }
        public int LeadAgencyId { get; set; }
        public List<int> CoordinatingAgencyIds { get; set; } = [];
        public string? DueDate { get; set; }
        public bool Regular { get; set; }
        public bool ToSubordinates { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IssuedOn = clock.Today().ToShort();
        var loaded = await LoadAsync(ct);
        SignerName = Meeting?.ChairName;
        RecorderName = Meeting?.RecorderName;
        Conclusions = Meeting?.Conclusions;
        return loaded ?? Page();
    }

    public async Task<IActionResult> OnGetPaperAsync(MeetingPaper paper, CancellationToken ct)
    {
        var file = await meetings.PaperAsync(Actor, Id, paper, ct);
        return file.IsOk ? File(file.Value!.Content, MeetingPaperFile.ContentType, file.Value.FileName) : OutOfScope();
    }

    public Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct) =>
        ActAsync(() => meetings.RecordAttendanceAsync(Actor, Id, [.. Attendance.Select(a => new AttendanceInput(a.InviteeId, a.Attendance, a.AbsenceReason, a.RepresentedBy))], Version, ct), "AttendanceSaved", ct);

    public Task<IActionResult> OnPostInviteAsync(CancellationToken ct) =>
        ActAsync(() => meetings.InviteAgencyAsync(Actor, Id, AgencyId ?? 0, ct), "AgencyInvited", ct);

    public Task<IActionResult> OnPostAgendaAsync(CancellationToken ct) =>
        ActAsync(() => meetings.AddAgendaItemAsync(Actor, Id, Title, Presenter, ct), "AgendaItemAdded", ct);

    public Task<IActionResult> OnPostEditAgendaAsync(int itemId, CancellationToken ct) =>
        ActAsync(() => meetings.UpdateAgendaItemAsync(Actor, Id, itemId, Title, Presenter, Version, ct), "AgendaItemSaved", ct);

    public Task<IActionResult> OnPostRemoveAgendaAsync(int itemId, CancellationToken ct) =>
        ActAsync(() => meetings.RemoveAgendaItemAsync(Actor, Id, itemId, Version, ct), "AgendaItemRemoved", ct);

    public async Task<IActionResult> OnPostInvitationAsync(CancellationToken ct)
    {
        var issuedOn = ParseDate(IssuedOn, nameof(IssuedOn));
        return await ActAsync(() => meetings.IssueInvitationAsync(Actor, Id, new(issuedOn, SignerName, SignerTitle), Version, ct), "InvitationIssued", ct, m => m.InvitationSymbol);
    }

    public async Task<IActionResult> OnPostMinutesAsync(CancellationToken ct)
    {
        var issuedOn = ParseDate(IssuedOn, nameof(IssuedOn));
        return await ActAsync(() => meetings.IssueMinutesAsync(Actor, Id, new(issuedOn, RecorderName), Version, ct), "MinutesIssued", ct, m => m.MinutesSymbol);
    }

    public Task<IActionResult> OnPostContributionAsync(CancellationToken ct) =>
        ActAsync(() => meetings.AddContributionAsync(Actor, Id, new(Speaker, AgencyId, Summary), ct), "ContributionAdded", ct);

    public Task<IActionResult> OnPostConclusionsAsync(CancellationToken ct) =>
        ActAsync(() => meetings.SetConclusionsAsync(Actor, Id, Conclusions, Version, ct), "ConclusionsSaved", ct);

    public async Task<IActionResult> OnPostAssignmentAsync(CancellationToken ct)
    {
        var due = ParseDate(Assignment.DueDate, "DueDate");
        return await ActAsync(() => meetings.AddAssignmentAsync(Actor, Id,
            new(Assignment.Text, Assignment.LeadAgencyId, Assignment.CoordinatingAgencyIds, due, Assignment.Regular, Assignment.ToSubordinates), ct), "AssignmentAdded", ct);
    }

    public Task<IActionResult> OnPostRemoveAssignmentAsync(int assignmentId, CancellationToken ct) =>
        ActAsync(() => meetings.RemoveAssignmentAsync(Actor, Id, assignmentId, ct), "AssignmentRemoved", ct);

    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken ct)
    {
        var issuedOn = ParseDate(IssuedOn, nameof(IssuedOn));
        return await ActAsync(() => meetings.IssueNoticeAsync(Actor, Id, new(issuedOn, SignerName, SignerTitle), Version, ct), "NoticeIssued", ct);
    }

    private Task<IActionResult> ActAsync(Func<Task<Result<MeetingDetail>>> action, string flash, CancellationToken ct, Func<MeetingDetail, string?>? symbol = null) =>
        ChangeAsync(action, meeting => Messages.Get(flash, (symbol ?? (m => m.NoticeSymbol))(meeting)), () => RedirectToPage("Details", new { id = Id }), () => LoadAsync(ct));

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var meeting = await meetings.GetAsync(Actor, Id, ct);
        if (!meeting.IsOk)
        {
            return OutOfScope();
        }
        Meeting = meeting.Value!;
        return null;
    }
}
