using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;

namespace SteerCo.WorkItems;

/// <summary>Where a task was stored as it stands; overdue is never stored (see <see cref="WorkItemState"/>).</summary>
public enum WorkItemStatus
{
    NotStarted = 1,
    InProgress = 2,
    Done = 3,
    Cancelled = 4,
}

/// <summary>What a reader sees: the status, with open items past their due date shown as overdue.</summary>
public enum WorkItemState
{
    NotStarted = 1,
    InProgress = 2,
    Overdue = 3,
    Done = 4,
    Cancelled = 5,
}

/// <summary>Where a task came from.</summary>
public enum WorkItemSource
{
    /// <summary>Entered by the secretariat directly.</summary>
    Direct = 1,

    /// <summary>An item of a plan [kế hoạch] in the register.</summary>
    PlanItem = 2,

    /// <summary>An assignment in a meeting's conclusion notice [thông báo kết luận].</summary>
    MeetingConclusion = 3,

    /// <summary>A document of the register (a directive, a công văn).</summary>
    Document = 4,

    /// <summary>A task of the committee above, passed down [giao cấp dưới].</summary>
    ParentItem = 5,
}

/// <summary>
/// A tracked task [nhiệm vụ] of a committee: what, led by which agency [chủ trì] with which
/// others [phối hợp], due when or "regular" [thường xuyên] (no due date), where it stands.
/// A task passed down has a child per committee below (<see cref="ParentId"/>).
/// </summary>
public sealed class WorkItem : IVersioned
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }

    /// <summary>
    /// The committee's path, copied so that "everything open in my subtree, by due date" is one
    /// range over one index (a committee never moves, so the copy never goes stale).
    /// </summary>
    public string CommitteePath { get; set; } = "";

    public int? ParentId { get; set; }
    public WorkItem? Parent { get; set; }
    public WorkItemSource SourceKind { get; set; } = WorkItemSource.Direct;

    /// <summary>The plan, notice or directive the task comes from.</summary>
    public int? SourceDocumentId { get; set; }

    public Document? SourceDocument { get; set; }
    public int? MeetingId { get; set; }
    public int LeadAgencyId { get; set; }
    public Agency? LeadAgency { get; set; }
    public List<WorkItemCoordinator> Coordinators { get; set; } = [];

    /// <summary>Null: a regular task [thường xuyên], never overdue.</summary>
    public DateOnly? DueDate { get; set; }

    public WorkItemStatus Status { get; set; } = WorkItemStatus.NotStarted;
    public int Percent { get; set; }
    public string? Result { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }

    public static bool IsOpen(WorkItemStatus status) => status is WorkItemStatus.NotStarted or WorkItemStatus.InProgress;

    public static WorkItemState StateOf(WorkItemStatus status, DateOnly? dueDate, DateOnly today) => status switch
    {
        WorkItemStatus.Done => WorkItemState.Done,
        WorkItemStatus.Cancelled => WorkItemState.Cancelled,
        _ when dueDate < today => WorkItemState.Overdue,
        WorkItemStatus.InProgress => WorkItemState.InProgress,
        _ => WorkItemState.NotStarted,
    };
}

/// <summary>An agency that coordinates [phối hợp] on a task.</summary>
public sealed class WorkItemCoordinator
{
    public int WorkItemId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
}

public enum WorkItemUpdateKind
{
    /// <summary>The lead agency reports what was done.</summary>
    Progress = 1,

    /// <summary>The due date moved, with the reason.</summary>
    DeadlineExtended = 2,

    /// <summary>Another agency leads from now on.</summary>
    Reassigned = 3,

    /// <summary>The secretariat closed the task as done or cancelled.</summary>
    Closed = 4,
}

/// <summary>
/// The task's history, one row per event: progress reports (date, text, percent) and the
/// secretariat's extensions, reassignments and closing, each with its reason. The audit log
/// records the same writes field by field; this is the history readers see.
/// </summary>
public sealed class WorkItemUpdate
{
    public int Id { get; set; }
    public int WorkItemId { get; set; }
    public WorkItemUpdateKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Text { get; set; }
    public int? Percent { get; set; }
    public DateOnly? PreviousDueDate { get; set; }
    public DateOnly? NewDueDate { get; set; }
    public int? PreviousAgencyId { get; set; }
    public int? NewAgencyId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    /// <summary>The filter of the open-task indexes: both engines take a partial index with this predicate.</summary>
    public const string OpenFilter = "\"Status\" IN ('NotStarted', 'InProgress')";

    public void Configure(EntityTypeBuilder<WorkItem> item)
    {
        item.Property(w => w.Title).HasMaxLength(1000);
        item.Property(w => w.Description).HasMaxLength(4000);
        item.Property(w => w.Result).HasMaxLength(4000);
        item.Property(w => w.CommitteePath).HasMaxLength(200);
        item.Property(w => w.CreatedBy).HasMaxLength(256);
        item.Property(w => w.Status).HasConversion<string>().HasMaxLength(12);
        item.Property(w => w.SourceKind).HasConversion<string>().HasMaxLength(20);
        item.HasOne(w => w.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasOne(w => w.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasOne(w => w.SourceDocument).WithMany().HasForeignKey(w => w.SourceDocumentId).OnDelete(DeleteBehavior.Restrict);
        item.HasOne<Meetings.Meeting>().WithMany().HasForeignKey(w => w.MeetingId).OnDelete(DeleteBehavior.Restrict);
        item.HasOne(w => w.LeadAgency).WithMany().OnDelete(DeleteBehavior.Restrict);
        item.HasMany(w => w.Coordinators).WithOne().HasForeignKey(c => c.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        // The overdue list of a subtree: open tasks in a path range, by due date. A second index by
        // due date alone serves the centre, whose range is the whole table.
        item.HasIndex(w => new { w.CommitteePath, w.DueDate, w.Id }).HasFilter(OpenFilter).HasDatabaseName("IX_WorkItems_Open_Path_Due");
        item.HasIndex(w => new { w.DueDate, w.Id }).HasFilter(OpenFilter).HasDatabaseName("IX_WorkItems_Open_Due");
        item.HasIndex(w => new { w.CommitteeId, w.Status });
        // Every task of a subtree by state, done and cancelled too: the counts per committee below
        // read the index alone (a province's dashboard read all 770,000 tasks without it).
        item.HasIndex(w => new { w.CommitteePath, w.Status, w.DueDate }).HasDatabaseName("IX_WorkItems_Path_Status_Due");
        item.HasIndex(w => new { w.LeadAgencyId, w.Status });
        item.HasIndex(w => w.ParentId);
        item.HasIndex(w => w.MeetingId);
        item.HasIndex(w => w.SourceDocumentId);
        item.Property(w => w.Version).IsConcurrencyToken();
    }
}

internal sealed class WorkItemCoordinatorConfiguration : IEntityTypeConfiguration<WorkItemCoordinator>
{
    public void Configure(EntityTypeBuilder<WorkItemCoordinator> coordinator)
    {
        coordinator.HasKey(c => new { c.WorkItemId, c.AgencyId });
        coordinator.HasOne(c => c.Agency).WithMany().OnDelete(DeleteBehavior.Restrict);
        coordinator.HasIndex(c => c.AgencyId);
    }
}

internal sealed class WorkItemUpdateConfiguration : IEntityTypeConfiguration<WorkItemUpdate>
{
    public void Configure(EntityTypeBuilder<WorkItemUpdate> update)
    {
        update.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        update.Property(u => u.Text).HasMaxLength(4000);
        update.Property(u => u.By).HasMaxLength(256);
        update.HasOne<WorkItem>().WithMany().HasForeignKey(u => u.WorkItemId).OnDelete(DeleteBehavior.Restrict);
        update.HasOne<Agency>().WithMany().HasForeignKey(u => u.PreviousAgencyId).OnDelete(DeleteBehavior.Restrict);
        update.HasOne<Agency>().WithMany().HasForeignKey(u => u.NewAgencyId).OnDelete(DeleteBehavior.Restrict);
        update.HasIndex(u => new { u.WorkItemId, u.Id });
    }
}
