using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Committees;
using SteerCo.Data;

namespace SteerCo.Reporting;

/// <summary>Decree 09/2019: periodic reports, thematic reports [chuyên đề], ad hoc reports [đột xuất].</summary>
public enum ReportKind
{
    Periodic = 1,
    Thematic = 2,
    AdHoc = 3,
}

/// <summary>Who reports to a committee (issue 7): the committees directly below it, or the member agencies on its own roster.</summary>
public enum ReporterKind
{
    Committees = 1,
    MemberAgencies = 2,
}

/// <summary>
/// A reporting regime [chế độ báo cáo] of a committee: which template, for which periods, and its
/// cut-off and deadline rule (Decree 09 defaults, see <see cref="DeadlineRule.Decree09"/>). Those who
/// report are the committees directly below the one that sets it, or its member agencies (<see cref="Reporters"/>).
/// </summary>
public sealed class ReportingRegime : IVersioned
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public required string Name { get; set; }
    public int TemplateId { get; set; }
    public ReportTemplate? Template { get; set; }
    public ReportKind Kind { get; set; } = ReportKind.Periodic;
    public PeriodKind PeriodKind { get; set; } = PeriodKind.Quarter;
    public int CutoffDay { get; set; } = DeadlineRule.Decree09.CutoffDay;
    public int DeadlineDay { get; set; } = DeadlineRule.Decree09.DeadlineDay;
    public int DeadlineMonthOffset { get; set; } = DeadlineRule.Decree09.DeadlineMonthOffset;
    public ReporterKind Reporters { get; set; } = ReporterKind.Committees;
    public int Version { get; set; }

    public DeadlineRule Rule => new(CutoffDay, DeadlineDay, DeadlineMonthOffset);
}

/// <summary>
/// A committee asks the committees below it (or the member agencies on its roster) for a report of
/// one period, on one template version; each recipient gets a <see cref="Submission"/>.
/// </summary>
public sealed class ReportRequest
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public int? RegimeId { get; set; }
    public int TemplateVersionId { get; set; }
    public ReportTemplateVersion? TemplateVersion { get; set; }
    public required string Title { get; set; }
    public ReportKind Kind { get; set; } = ReportKind.Periodic;
    public ReporterKind Reporters { get; set; } = ReporterKind.Committees;
    public PeriodKind PeriodKind { get; set; }
    public int PeriodYear { get; set; }
    public int PeriodNumber { get; set; }
    public DateOnly CutoffFrom { get; set; }
    public DateOnly CutoffTo { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>When the reminders were sent (before the deadline, on it), so the job sends each once.</summary>
    public DateTimeOffset? RemindedBeforeAt { get; set; }

    public DateTimeOffset? RemindedOnAt { get; set; }

    public ReportingPeriod Period => new(PeriodKind, PeriodYear, PeriodNumber);
}

internal sealed class ReportingRegimeConfiguration : IEntityTypeConfiguration<ReportingRegime>
{
    public void Configure(EntityTypeBuilder<ReportingRegime> regime)
    {
        regime.Property(r => r.Name).HasMaxLength(300);
        regime.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        regime.Property(r => r.PeriodKind).HasConversion<string>().HasMaxLength(12);
        regime.Property(r => r.Reporters).HasConversion<string>().HasMaxLength(16).HasDefaultValue(ReporterKind.Committees).HasSentinel(default(ReporterKind));
        regime.HasOne(r => r.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        regime.HasOne(r => r.Template).WithMany().OnDelete(DeleteBehavior.Restrict);
        regime.HasIndex(r => r.CommitteeId);
        regime.Ignore(r => r.Rule);
        regime.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class ReportRequestConfiguration : IEntityTypeConfiguration<ReportRequest>
{
    public void Configure(EntityTypeBuilder<ReportRequest> request)
    {
        request.Property(r => r.Title).HasMaxLength(300);
        request.Property(r => r.CreatedBy).HasMaxLength(256);
        request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        request.Property(r => r.PeriodKind).HasConversion<string>().HasMaxLength(12);
        request.Property(r => r.Reporters).HasConversion<string>().HasMaxLength(16).HasDefaultValue(ReporterKind.Committees).HasSentinel(default(ReporterKind));
        request.HasOne(r => r.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        request.HasOne(r => r.TemplateVersion).WithMany().OnDelete(DeleteBehavior.Restrict);
        request.HasOne<ReportingRegime>().WithMany().HasForeignKey(r => r.RegimeId).OnDelete(DeleteBehavior.Restrict);
        request.HasIndex(r => new { r.CommitteeId, r.PeriodYear, r.PeriodKind, r.PeriodNumber });
        request.HasIndex(r => r.Deadline);
        request.Ignore(r => r.Period);
    }
}
