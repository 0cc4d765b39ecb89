using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;

namespace SteerCo.Members;

public enum ReconstitutionStatus
{
    Draft = 1,
    Applied = 2,
    Discarded = 3,
}

/// <summary>
/// A reconstitution [kiện toàn]: the complete new roster of a committee, effective on a day, by
/// a decision. Drafted from the roster of the moment (<see cref="BaseFingerprint"/> records which),
/// and applied only while that roster is unchanged.
/// </summary>
public sealed class Reconstitution : IVersioned
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public ReconstitutionStatus Status { get; set; } = ReconstitutionStatus.Draft;

    /// <summary>The decision on reconstitution, in the committee's register.</summary>
    public int? DecisionDocumentId { get; set; }

    public Document? DecisionDocument { get; set; }

    /// <summary>The fingerprint of the committee's memberships the draft was built on (<see cref="RosterFingerprint"/>).</summary>
    public required string BaseFingerprint { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }
    public string? AppliedBy { get; set; }
    public int Version { get; set; }
    public List<ReconstitutionLine> Lines { get; set; } = [];
}

/// <summary>One person of the new roster, with the post and the agency they sit for.</summary>
public sealed class ReconstitutionLine
{
    public int Id { get; set; }
    public int ReconstitutionId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }

    /// <summary>The person's job title when the reconstitution was applied; the person's current one while a draft.</summary>
    public string? JobTitle { get; set; }
}

internal sealed class ReconstitutionConfiguration : IEntityTypeConfiguration<Reconstitution>
{
    public void Configure(EntityTypeBuilder<Reconstitution> reconstitution)
    {
        reconstitution.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        reconstitution.Property(r => r.BaseFingerprint).HasMaxLength(64);
        reconstitution.Property(r => r.CreatedBy).HasMaxLength(256);
        reconstitution.Property(r => r.AppliedBy).HasMaxLength(256);
        reconstitution.HasOne(r => r.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        reconstitution.HasOne(r => r.DecisionDocument).WithMany().OnDelete(DeleteBehavior.Restrict);
        reconstitution.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReconstitutionId).OnDelete(DeleteBehavior.Cascade);
        reconstitution.HasIndex(r => new { r.CommitteeId, r.Status });
        reconstitution.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class ReconstitutionLineConfiguration : IEntityTypeConfiguration<ReconstitutionLine>
{
    public void Configure(EntityTypeBuilder<ReconstitutionLine> line)
    {
        line.Property(l => l.JobTitle).HasMaxLength(300);
        line.HasOne(l => l.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
        line.HasOne(l => l.Post).WithMany().OnDelete(DeleteBehavior.Restrict);
        line.HasOne(l => l.Agency).WithMany().OnDelete(DeleteBehavior.Restrict);
        line.HasIndex(l => new { l.ReconstitutionId, l.PersonId }).IsUnique();
    }
}
