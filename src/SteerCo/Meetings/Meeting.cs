using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.WorkItems;

namespace SteerCo.Meetings;

public enum MeetingKind
{
    /// <summary>Giao ban quý.</summary>
    QuarterlyBriefing = 1,

    /// <summary>Sơ kết 6 tháng.</summary>
    SixMonthReview = 2,

    /// <summary>Tổng kết năm.</summary>
    AnnualReview = 3,

    /// <summary>Chuyên đề.</summary>
    Thematic = 4,

    /// <summary>Đột xuất.</summary>
    Extraordinary = 5,
}

public enum Attendance
{
    /// <summary>Invited; not yet recorded.</summary>
    Invited = 0,
    Present = 1,
    Absent = 2,

    /// <summary>Sent someone in their place [ủy quyền / cử người dự thay].</summary>
    Represented = 3,
}

/// <summary>
/// A committee's meeting [hội nghị, cuộc họp]: kind, period ("Quý I/2023"), date, place, chair;
/// the invitees and who came; the agenda; who said what; the conclusions and the assignments
/// that the conclusion notice turns into tasks.
/// </summary>
public sealed class Meeting : IVersioned
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public MeetingKind Kind { get; set; }

    /// <summary>As users write it: "Quý I/2023", "6 tháng đầu năm 2023", "năm 2023".</summary>
    public required string Period { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>
    /// "08 giờ 00", as the invitation prints it: what the clerk types ("8h30", "8:00") is stored in
    /// that form (<see cref="SteerCo.Text.TimeFormats"/>). Rows from before the check keep what was typed and print it so.
    /// </summary>
    public string? Time { get; set; }

    public required string Place { get; set; }
    public int? ChairPersonId { get; set; }
    public Person? ChairPerson { get; set; }

    /// <summary>The chair as printed on that day: "đồng chí Nguyễn Văn A, Phó Chủ tịch UBND thành phố, Trưởng ban".</summary>
    public required string ChairName { get; set; }

    public string? ChairTitle { get; set; }

    /// <summary>Who keeps the minutes [Thư ký / Người ghi biên bản]; signs them beside the chair.</summary>
    public string? RecorderName { get; set; }

    /// <summary>The general conclusions, one paragraph per line, before the assignments.</summary>
    public string? Conclusions { get; set; }

    /// <summary>The conclusion notice [TB] the register issued; null until then. After it, the conclusions are fixed.</summary>
    public int? NoticeDocumentId { get; set; }

    public Document? NoticeDocument { get; set; }

    /// <summary>The invitation [GM] the register issued; null until then (the paper prints with a blank number).</summary>
    public int? InvitationDocumentId { get; set; }

    public Document? InvitationDocument { get; set; }

    /// <summary>The minutes [BB] the register issued; null until then.</summary>
    public int? MinutesDocumentId { get; set; }

    public Document? MinutesDocument { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public List<MeetingInvitee> Invitees { get; set; } = [];
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<Contribution> Contributions { get; set; } = [];
    public List<Assignment> Assignments { get; set; } = [];
}

/// <summary>Someone invited, from the roster (a person) or an agency invited as such; and whether they came.</summary>
public sealed class MeetingInvitee
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int? PersonId { get; set; }
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>As printed: the person's name and title, or the agency's name.</summary>
    public required string Name { get; set; }

    public Attendance Attendance { get; set; }
    public string? AbsenceReason { get; set; }
    public string? RepresentedBy { get; set; }
}

/// <summary>An agenda item with its presenter; <see cref="WorkItemId"/> when carried over from an open task.</summary>
public sealed class AgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public string? Presenter { get; set; }
    public int? WorkItemId { get; set; }
    public WorkItem? WorkItem { get; set; }
}

/// <summary>Who spoke, for which agency, and a summary of what they said [ý kiến phát biểu].</summary>
public sealed class Contribution
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Order { get; set; }
    public required string Speaker { get; set; }
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Summary { get; set; }
}

/// <summary>
/// A paragraph of the conclusions that assigns a task: "Giao [lead] chủ trì, phối hợp với
/// [coordinators] [text], báo cáo trước ngày [due]". Issuing the notice makes it a work item
/// (<see cref="WorkItemId"/>), passed down to every committee below when <see cref="ToSubordinates"/>.
/// </summary>
public sealed class Assignment
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    public int LeadAgencyId { get; set; }
    public Agency? LeadAgency { get; set; }
    public List<AssignmentCoordinator> Coordinators { get; set; } = [];
    public DateOnly? DueDate { get; set; }
    public bool ToSubordinates { get; set; }
    public int? WorkItemId { get; set; }
    public WorkItem? WorkItem { get; set; }
}

public sealed class AssignmentCoordinator
{
    public int AssignmentId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        meeting.Property(m => m.Period).HasMaxLength(100);
        meeting.Property(m => m.Time).HasMaxLength(50);
        meeting.Property(m => m.Place).HasMaxLength(300);
        meeting.Property(m => m.ChairName).HasMaxLength(200);
        meeting.Property(m => m.ChairTitle).HasMaxLength(300);
        meeting.Property(m => m.RecorderName).HasMaxLength(200);
        meeting.Property(m => m.Conclusions).HasMaxLength(20000);
        meeting.HasOne(m => m.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        meeting.HasOne(m => m.ChairPerson).WithMany().OnDelete(DeleteBehavior.Restrict);
        meeting.HasOne(m => m.NoticeDocument).WithMany().HasForeignKey(m => m.NoticeDocumentId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasOne(m => m.InvitationDocument).WithMany().HasForeignKey(m => m.InvitationDocumentId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasOne(m => m.MinutesDocument).WithMany().HasForeignKey(m => m.MinutesDocumentId).OnDelete(DeleteBehavior.Restrict);
        meeting.HasMany(m => m.Invitees).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasMany(m => m.Contributions).WithOne().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasMany(m => m.Assignments).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasIndex(m => new { m.CommitteeId, m.Date });
        meeting.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> invitee)
    {
        invitee.Property(i => i.Name).HasMaxLength(500);
        invitee.Property(i => i.Attendance).HasConversion<string>().HasMaxLength(12);
        invitee.Property(i => i.AbsenceReason).HasMaxLength(500);
        invitee.Property(i => i.RepresentedBy).HasMaxLength(300);
        invitee.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        invitee.HasOne(i => i.Agency).WithMany().OnDelete(DeleteBehavior.Restrict);
        invitee.HasIndex(i => i.MeetingId);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> agenda)
    {
        agenda.ToTable("AgendaItems");
        agenda.Property(a => a.Title).HasMaxLength(1000);
        agenda.Property(a => a.Presenter).HasMaxLength(300);
        agenda.HasOne(a => a.WorkItem).WithMany().OnDelete(DeleteBehavior.Restrict);
        agenda.HasIndex(a => a.MeetingId);
        agenda.HasIndex(a => a.WorkItemId);
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> contribution)
    {
        contribution.ToTable("MeetingContributions");
        contribution.Property(c => c.Speaker).HasMaxLength(300);
        contribution.Property(c => c.Summary).HasMaxLength(4000);
        contribution.HasOne(c => c.Agency).WithMany().OnDelete(DeleteBehavior.Restrict);
        contribution.HasIndex(c => c.MeetingId);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> assignment)
    {
        assignment.ToTable("MeetingAssignments");
        assignment.Property(a => a.Text).HasMaxLength(1000);
        assignment.HasOne(a => a.LeadAgency).WithMany().OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne(a => a.WorkItem).WithMany().OnDelete(DeleteBehavior.Restrict);
        assignment.HasMany(a => a.Coordinators).WithOne().HasForeignKey(c => c.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasIndex(a => a.MeetingId);
        assignment.HasIndex(a => a.WorkItemId);
    }
}

internal sealed class AssignmentCoordinatorConfiguration : IEntityTypeConfiguration<AssignmentCoordinator>
{
    public void Configure(EntityTypeBuilder<AssignmentCoordinator> coordinator)
    {
        coordinator.ToTable("MeetingAssignmentCoordinators");
        coordinator.HasKey(c => new { c.AssignmentId, c.AgencyId });
        coordinator.HasOne(c => c.Agency).WithMany().OnDelete(DeleteBehavior.Restrict);
        coordinator.HasIndex(c => c.AgencyId);
    }
}
