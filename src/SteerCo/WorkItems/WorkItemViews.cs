using SteerCo.Documents;
using SteerCo.Documents.Files;

namespace SteerCo.WorkItems;

/// <summary>
/// A new task. <see cref="DueDate"/> null with <see cref="Regular"/> makes a regular task
/// [thường xuyên]; the source says where it came from (a plan, a notice, a directive). On
/// creation it is passed down to every committee directly below (<see cref="FanOutToAll"/>) or
/// to the chosen ones (<see cref="FanOutCommitteeIds"/>), in the same save.
/// </summary>
public sealed record WorkItemInput(
    string? Title, string? Description, int LeadAgencyId, IReadOnlyList<int>? CoordinatingAgencyIds, DateOnly? DueDate, bool Regular,
    WorkItemSource SourceKind = WorkItemSource.Direct, int? SourceDocumentId = null,
    bool FanOutToAll = false, IReadOnlyList<int>? FanOutCommitteeIds = null)
{
    public bool FansOut => FanOutToAll || FanOutCommitteeIds is { Count: > 0 };
}

/// <summary>A document as a task's source is chosen from a list: "12/KH-BCĐ 05/03/2026 — Kế hoạch ...".</summary>
public sealed record DocumentChoice(int Id, string Label);

/// <summary>What the new-task form offers for a committee: its unit's agencies, the documents and plans a task may come from, the committees below.</summary>
public sealed record NewWorkItemChoices(
    int CommitteeId, string CommitteeName, IReadOnlyList<AgencyRef> Agencies, IReadOnlyList<DocumentChoice> Documents,
    IReadOnlyList<DocumentChoice> Plans, IReadOnlyList<CommitteeChoice> Below);

/// <summary>A progress report: on which day, what was done, how far along (100 closes the task as done), and the files that go with it.</summary>
public sealed record ProgressInput(DateOnly? On, string? Text, int? Percent, IReadOnlyList<Upload>? Files = null);

public sealed record AgencyRef(int Id, string Name);

/// <summary>Counts of tasks by what a reader sees: done, in progress, overdue, not started, cancelled.</summary>
public sealed record RollUp(int Done, int InProgress, int Overdue, int NotStarted, int Cancelled)
{
    public static readonly RollUp Empty = new(0, 0, 0, 0, 0);

    public int Total => Done + InProgress + Overdue + NotStarted + Cancelled;

    public RollUp Add(WorkItemState state, int count) => state switch
    {
        WorkItemState.Done => this with { Done = Done + count },
        WorkItemState.InProgress => this with { InProgress = InProgress + count },
        WorkItemState.Overdue => this with { Overdue = Overdue + count },
        WorkItemState.NotStarted => this with { NotStarted = NotStarted + count },
        _ => this with { Cancelled = Cancelled + count },
    };

    public static RollUp Of(IEnumerable<WorkItemState> states) => states.Aggregate(Empty, (sum, state) => sum.Add(state, 1));
}

/// <summary>A task in a list.</summary>
public sealed record WorkItemSummary(
    int Id, string Title, int CommitteeId, string CommitteeName, int LeadAgencyId, string LeadAgencyName, DateOnly? DueDate,
    WorkItemStatus Status, bool PastDue, int Percent)
{
    public WorkItemState State => PastDue && WorkItem.IsOpen(Status) ? WorkItemState.Overdue : WorkItem.StateOf(Status, null, default);
}

public sealed record WorkItemUpdateView(
    int Id, WorkItemUpdateKind Kind, DateOnly On, string Text, int? Percent, DateOnly? PreviousDueDate, DateOnly? NewDueDate,
    string? PreviousAgency, string? NewAgency, DateTimeOffset At, string By)
{
    /// <summary>The files attached to a progress report.</summary>
    public IReadOnlyList<DocumentFileView> Files { get; init; } = [];
}

public sealed record WorkItemDetail(
    int Id, string Title, string? Description, int CommitteeId, string CommitteeName, int? ParentId, string? ParentTitle,
    WorkItemSource SourceKind, int? SourceDocumentId, string? SourceDocumentSymbol, int? MeetingId,
    int LeadAgencyId, string LeadAgencyName, IReadOnlyList<AgencyRef> Coordinators, DateOnly? DueDate, WorkItemStatus Status,
    WorkItemState State, int Percent, string? Result, DateOnly? CompletedOn, int Version, bool CanManage, bool CanReport,
    IReadOnlyList<WorkItemUpdateView> Updates, IReadOnlyList<WorkItemSummary> Children, RollUp ChildRollUp,
    IReadOnlyList<AgencyRef> AgencyChoices, IReadOnlyList<CommitteeChoice> FanOutChoices);

/// <summary>A committee directly below the task's, and whether it already has its share of the task.</summary>
public sealed record CommitteeChoice(int Id, string Name, bool HasChild);

/// <summary>A committee's row on a dashboard: its subtree's tasks by state.</summary>
public sealed record CommitteeRollUp(int CommitteeId, string CommitteeName, RollUp RollUp);

/// <summary>
/// Overdue in a subtree: the page of overdue tasks (oldest due date first) and, for the committee
/// itself and each committee directly below it, the counts of its subtree's tasks by state.
/// </summary>
public sealed record OverdueBoard(int CommitteeId, string CommitteeName, Data.Paged<WorkItemSummary> Overdue, RollUp Own, IReadOnlyList<CommitteeRollUp> Children)
{
    public RollUp Total => Children.Aggregate(Own, (sum, child) => new(
        sum.Done + child.RollUp.Done, sum.InProgress + child.RollUp.InProgress, sum.Overdue + child.RollUp.Overdue,
        sum.NotStarted + child.RollUp.NotStarted, sum.Cancelled + child.RollUp.Cancelled));
}

/// <summary>Filters of a task list.</summary>
public sealed record WorkItemQuery(int? CommitteeId = null, WorkItemState? State = null, string? Sort = null);

/// <summary>A document and the tasks it gave rise to; <see cref="CanAddItems"/> for a plan [KH] of the reader's own committee.</summary>
public sealed record DocumentWork(
    int DocumentId, string? Symbol, string? Type, string Subject, int CommitteeId, string CommitteeName, bool CanAddItems,
    IReadOnlyList<WorkItemSummary> Items, RollUp RollUp, IReadOnlyList<AgencyRef> AgencyChoices);
