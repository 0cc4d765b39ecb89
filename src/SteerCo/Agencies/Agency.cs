using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Data;
using SteerCo.Units;

namespace SteerCo.Agencies;

/// <summary>
/// A member agency [cơ quan, đơn vị] of a unit, with the abbreviation it uses in document
/// symbols ("SYT" in "15/KH-SYT").
/// </summary>
public sealed class Agency : IVersioned
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    public required string Name { get; set; }
    public string FoldedName { get; set; } = "";
    public required string Abbreviation { get; set; }
    public DateOnly? DissolvedOn { get; set; }
    public int Version { get; set; }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.Property(a => a.Name).HasMaxLength(300);
        agency.Property(a => a.FoldedName).HasMaxLength(300);
        agency.Property(a => a.Abbreviation).HasMaxLength(30);
        agency.HasOne(a => a.Unit).WithMany().OnDelete(DeleteBehavior.Restrict);
        agency.HasIndex(a => new { a.UnitId, a.Abbreviation }).IsUnique();
        agency.Property(a => a.Version).IsConcurrencyToken();
    }
}
