using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Agencies;
using SteerCo.Data;
using SteerCo.Units;

namespace SteerCo.Committees;

/// <summary>Which rules number and lay out the committee's documents.</summary>
public enum DocumentSystem
{
    /// <summary>Decree 30/2020/NĐ-CP.</summary>
    State = 1,

    /// <summary>Hướng dẫn 36-HD/VPTW: numbered per Party-committee term.</summary>
    Party = 2,
}

/// <summary>How a state committee's register numbers its titled documents within a year.</summary>
public enum StateNumbering
{
    /// <summary>One run for every titled type (QĐ, KH, TB, ...): the common practice.</summary>
    OneSeries = 1,

    /// <summary>A run per type.</summary>
    PerType = 2,
}

/// <summary>A steering committee [Ban Chỉ đạo] of one unit, under the committee of the level above.</summary>
public sealed class Committee : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string FoldedName { get; set; } = "";

    /// <summary>Used in document symbols: "BCĐ" in "40/QĐ-BCĐ".</summary>
    public required string Abbreviation { get; set; }

    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public int? ParentId { get; set; }
    public Committee? Parent { get; set; }

    /// <summary>Ids from the root down, "/1/4/27/": a subtree is every path with this prefix.</summary>
    public string Path { get; set; } = "";

    public int? StandingAgencyId { get; set; }
    public Agency? StandingAgency { get; set; }
    public DocumentSystem DocumentSystem { get; set; } = DocumentSystem.State;

    /// <summary>State documents only; Party documents are always numbered per type and term.</summary>
    public StateNumbering StateNumbering { get; set; } = StateNumbering.OneSeries;

    /// <summary>The Party-committee term, "2025–2030"; Party documents are numbered per term.</summary>
    public string? CurrentTerm { get; set; }

    public DateOnly? EstablishedOn { get; set; }
    public DateOnly? DissolvedOn { get; set; }
    public int Version { get; set; }

    public int Depth => Path.Count(c => c == '/') - 1;
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> committee)
    {
        committee.Property(c => c.Name).HasMaxLength(300);
        committee.Property(c => c.FoldedName).HasMaxLength(300);
        committee.Property(c => c.Abbreviation).HasMaxLength(30);
        committee.Property(c => c.Path).HasMaxLength(200);
        committee.Property(c => c.CurrentTerm).HasMaxLength(20);
        committee.Property(c => c.DocumentSystem).HasConversion<string>().HasMaxLength(10);
        committee.Property(c => c.StateNumbering).HasConversion<string>().HasMaxLength(10).HasDefaultValue(StateNumbering.OneSeries).HasSentinel(default(StateNumbering));
        committee.HasIndex(c => c.Path);
        committee.HasIndex(c => c.ParentId);
        committee.HasIndex(c => c.UnitId);
        committee.HasOne(c => c.Unit).WithMany().OnDelete(DeleteBehavior.Restrict);
        committee.HasOne(c => c.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
        committee.HasOne(c => c.StandingAgency).WithMany().OnDelete(DeleteBehavior.Restrict);
        committee.Ignore(c => c.Depth);
        committee.Property(c => c.Version).IsConcurrencyToken();
    }
}
