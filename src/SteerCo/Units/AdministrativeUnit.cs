using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Data;

namespace SteerCo.Units;

public enum UnitLevel
{
    Central = 0,
    Province = 1,

    /// <summary>Abolished on 1 July 2025; kept so that earlier units stay representable.</summary>
    District = 2,
    Commune = 3,
}

/// <summary>An administrative unit [đơn vị hành chính] with its official code and validity dates.</summary>
public sealed class AdministrativeUnit : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string FoldedName { get; set; } = "";
    public UnitLevel Level { get; set; }

    /// <summary>tinh, thanh_pho, xa, phuong, dac_khu, ... as read from the name.</summary>
    public string? Kind { get; set; }

    public int? ParentId { get; set; }
    public AdministrativeUnit? Parent { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int Version { get; set; }

    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}

/// <summary>A merge or split: the predecessor's area passed to the successor on a date.</summary>
public sealed class UnitSuccession
{
    public int Id { get; set; }
    public int PredecessorId { get; set; }
    public AdministrativeUnit? Predecessor { get; set; }
    public int SuccessorId { get; set; }
    public AdministrativeUnit? Successor { get; set; }
    public DateOnly EffectiveOn { get; set; }
}

internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> unit)
    {
        unit.Property(u => u.Code).HasMaxLength(10);
        unit.Property(u => u.Name).HasMaxLength(200);
        unit.Property(u => u.FoldedName).HasMaxLength(200);
        unit.Property(u => u.Kind).HasMaxLength(20);
        // A code is never reused for another unit of the same level, dissolved units included.
        unit.HasIndex(u => new { u.Level, u.Code }).IsUnique();
        unit.HasIndex(u => u.ParentId);
        unit.HasIndex(u => u.FoldedName);
        unit.HasOne(u => u.Parent).WithMany().OnDelete(DeleteBehavior.Restrict);
        unit.Property(u => u.Version).IsConcurrencyToken();
    }
}

internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> succession)
    {
        succession.HasOne(s => s.Predecessor).WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        succession.HasOne(s => s.Successor).WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        succession.HasIndex(s => new { s.PredecessorId, s.SuccessorId }).IsUnique();
        succession.HasIndex(s => s.SuccessorId);
    }
}
