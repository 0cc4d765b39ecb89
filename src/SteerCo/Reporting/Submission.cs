using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;

namespace SteerCo.Reporting;

public enum SubmissionStatus
{
    /// <summary>Being filled; never submitted, or returned and not yet submitted again.</summary>
    Draft = 1,
    Submitted = 2,
    Accepted = 3,
    Returned = 4,
}

/// <summary>
/// What one committee owes one request, or, when <see cref="AgencyId"/> is set, what one member
/// agency of the requesting committee owes it (then <see cref="CommitteeId"/> is the requesting committee). Its figures live in versions: the open draft is the last
/// version not yet submitted; a submitted version is frozen, and a return opens a copy as the next draft.
/// </summary>
public sealed class Submission : IVersioned
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public ReportRequest? Request { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }

    /// <summary>The member agency that reports, for a request to the member agencies; null for a committee below.</summary>
    public int? AgencyId { get; set; }

    public Agency? Agency { get; set; }
    public SubmissionStatus Status { get; set; } = SubmissionStatus.Draft;

    /// <summary>The first time it was submitted: what "on time" is judged by.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; set; }

    public DateTimeOffset? LastSubmittedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>The version accepted: the figures that roll up.</summary>
    public int? AcceptedVersionId { get; set; }

    public int Version { get; set; }
}

/// <summary>One version of a submission's figures and text, with the review it got.</summary>
public sealed class SubmissionVersion
{
    public int Id { get; set; }
    public int SubmissionId { get; set; }
    public int Number { get; set; }

    /// <summary>The request of the submitting committee its figures were pre-filled from (provenance one level down).</summary>
    public int? PrefilledFromRequestId { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public bool? Accepted { get; set; }
    public string? ReviewComment { get; set; }
}

/// <summary>One figure or answer: numbers, percentages and yes/no (1 or 0) in <see cref="Number"/>, text in <see cref="Text"/>.</summary>
public sealed class SubmissionValue
{
    public int SubmissionVersionId { get; set; }
    public int IndicatorId { get; set; }
    public decimal? Number { get; set; }
    public string? Text { get; set; }
}

/// <summary>The text of one narrative section in one version.</summary>
public sealed class SubmissionNarrative
{
    public int SubmissionVersionId { get; set; }
    public int SectionId { get; set; }
    public required string Text { get; set; }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.Property(s => s.Status).HasConversion<string>().HasMaxLength(10);
        submission.HasOne(s => s.Request).WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne(s => s.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        submission.HasOne<SubmissionVersion>().WithMany().HasForeignKey(s => s.AcceptedVersionId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne(s => s.Agency).WithMany().OnDelete(DeleteBehavior.Restrict);
        // One submission per committee below, or per member agency: two partial unique indexes, as NULLs never collide.
        submission.HasIndex(s => new { s.RequestId, s.CommitteeId }).IsUnique().HasFilter("\"AgencyId\" IS NULL");
        submission.HasIndex(s => new { s.RequestId, s.AgencyId }).IsUnique().HasFilter("\"AgencyId\" IS NOT NULL");
        submission.HasIndex(s => new { s.CommitteeId, s.Status });
        // A request's submissions, and the accepted versions its roll-up reads: the partial indexes
        // above serve neither (a national data set's roll-up read all 537,000 submissions twice).
        submission.HasIndex(s => new { s.RequestId, s.AcceptedVersionId });
        submission.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class SubmissionVersionConfiguration : IEntityTypeConfiguration<SubmissionVersion>
{
    public void Configure(EntityTypeBuilder<SubmissionVersion> version)
    {
        version.Property(v => v.SubmittedBy).HasMaxLength(256);
        version.Property(v => v.ReviewedBy).HasMaxLength(256);
        version.Property(v => v.ReviewComment).HasMaxLength(4000);
        version.HasOne<Submission>().WithMany().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        version.HasOne<ReportRequest>().WithMany().HasForeignKey(v => v.PrefilledFromRequestId).OnDelete(DeleteBehavior.Restrict);
        version.HasIndex(v => new { v.SubmissionId, v.Number }).IsUnique();
    }
}

internal sealed class SubmissionValueConfiguration : IEntityTypeConfiguration<SubmissionValue>
{
    public void Configure(EntityTypeBuilder<SubmissionValue> value)
    {
        // Narrow and keyed by (version, indicator): 27 million of them at national scale.
        value.HasKey(v => new { v.SubmissionVersionId, v.IndicatorId });
        value.Property(v => v.Number).HasPrecision(20, 4);
        value.Property(v => v.Text).HasMaxLength(4000);
        value.HasOne<SubmissionVersion>().WithMany().HasForeignKey(v => v.SubmissionVersionId).OnDelete(DeleteBehavior.Cascade);
        value.HasOne<ReportIndicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        value.HasIndex(v => v.IndicatorId);
    }
}

internal sealed class SubmissionNarrativeConfiguration : IEntityTypeConfiguration<SubmissionNarrative>
{
    public void Configure(EntityTypeBuilder<SubmissionNarrative> narrative)
    {
        narrative.HasKey(n => new { n.SubmissionVersionId, n.SectionId });
        narrative.Property(n => n.Text).HasMaxLength(20000);
        narrative.HasOne<SubmissionVersion>().WithMany().HasForeignKey(n => n.SubmissionVersionId).OnDelete(DeleteBehavior.Cascade);
        narrative.HasOne<ReportSection>().WithMany().HasForeignKey(n => n.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
