using SteerCo.WorkItems;

namespace SteerCo.Meetings;

/// <summary>A meeting to schedule; <see cref="RecorderName"/> keeps the minutes [Thư ký / Người ghi biên bản] and signs them beside the chair.</summary>
public sealed record MeetingInput(MeetingKind Kind, string? Period, DateOnly? Date, string? Time, string? Place, int? ChairPersonId, string? RecorderName = null);

public sealed record AttendanceInput(int InviteeId, Attendance Attendance, string? AbsenceReason, string? RepresentedBy);

public sealed record ContributionInput(string? Speaker, int? AgencyId, string? Summary);

public sealed record AssignmentInput(string? Text, int LeadAgencyId, IReadOnlyList<int>? CoordinatingAgencyIds, DateOnly? DueDate, bool Regular, bool ToSubordinates);

/// <summary>Who signs a paper the register issues (the notice, the invitation) and on which day (today by default).</summary>
public sealed record NoticeInput(DateOnly? IssuedOn, string? SignerName, string? SignerTitle);

/// <summary>The minutes as the register issues them: on which day (today by default), and who recorded them (the meeting's recorder by default).</summary>
public sealed record MinutesInput(DateOnly? IssuedOn, string? RecorderName);

public sealed record InviteeView(int Id, int? PersonId, int? AgencyId, string Name, Attendance Attendance, string? AbsenceReason, string? RepresentedBy);

public sealed record AgendaItemView(int Id, int Order, string Title, string? Presenter, int? WorkItemId);

public sealed record ContributionView(int Id, int Order, string Speaker, int? AgencyId, string? AgencyName, string Summary);

/// <summary>An assignment of the conclusions and, once the notice is issued, the task it became and where it stands.</summary>
public sealed record AssignmentView(
    int Id, int Order, string Text, int LeadAgencyId, string LeadAgencyName, IReadOnlyList<AgencyRef> Coordinators, DateOnly? DueDate,
    bool ToSubordinates, int? WorkItemId, WorkItemState? State, RollUp? ChildRollUp)
{
    /// <summary>The paragraph of the notice: "Giao ... chủ trì, phối hợp với ... ..., báo cáo trước ngày ...".</summary>
    public string Paragraph => NoticeText.Assignment(LeadAgencyName, Coordinators.Select(c => c.Name), Text, DueDate, ToSubordinates);
}

public sealed record MeetingSummary(int Id, int CommitteeId, string CommitteeName, MeetingKind Kind, string Period, DateOnly Date, string Place, string ChairName, string? NoticeSymbol)
{
    public string Title => NoticeText.Title(Kind, Period);
}

public sealed record MeetingDetail(
    int Id, int CommitteeId, string CommitteeName, MeetingKind Kind, string Period, DateOnly Date, string? Time, string Place,
    int? ChairPersonId, string ChairName, string? ChairTitle, string? Conclusions, int? NoticeDocumentId, string? NoticeSymbol, int Version,
    bool CanManage, IReadOnlyList<InviteeView> Invitees, IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<ContributionView> Contributions,
    IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<AgencyRef> AgencyChoices, RollUp FollowUp,
    string? RecorderName = null, int? InvitationDocumentId = null, string? InvitationSymbol = null, int? MinutesDocumentId = null, string? MinutesSymbol = null)
{
    public string Title => NoticeText.Title(Kind, Period);

    public bool NoticeIssued => NoticeDocumentId is not null;

    public bool InvitationIssued => InvitationDocumentId is not null;

    /// <summary>Once the minutes are issued, the agenda they record is fixed.</summary>
    public bool MinutesIssued => MinutesDocumentId is not null;
}

public enum MeetingPaper
{
    Invitation = 1,
    Minutes = 2,
    Notice = 3,
}

public sealed record MeetingPaperFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
