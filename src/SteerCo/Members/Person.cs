using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Accounts;
using SteerCo.Agencies;
using SteerCo.Data;

namespace SteerCo.Members;

/// <summary>
/// A committee member or staff [thành viên, cán bộ giúp việc]: name, current job title and
/// agency, optional contact and user account. Never a member of the public (DOMAIN.md §2).
/// </summary>
public sealed class Person : IVersioned
{
    public int Id { get; set; }
    public required string FullName { get; set; }
    public string FoldedName { get; set; } = "";

    /// <summary>The current job title [chức vụ]: "Phó Chủ tịch Ủy ban nhân dân thành phố".</summary>
    public required string JobTitle { get; set; }

    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int? UserId { get; set; }
    public AppUser? User { get; set; }
    public int Version { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("People");
        person.Property(p => p.FullName).HasMaxLength(200);
        person.Property(p => p.FoldedName).HasMaxLength(200);
        person.Property(p => p.JobTitle).HasMaxLength(300);
        person.Property(p => p.Phone).HasMaxLength(30);
        person.Property(p => p.Email).HasMaxLength(256);
        person.HasOne(p => p.Agency).WithMany().OnDelete(DeleteBehavior.Restrict);
        person.HasOne(p => p.User).WithMany().OnDelete(DeleteBehavior.Restrict);
        // The likely-duplicate check looks up the same folded name in the same agency.
        person.HasIndex(p => new { p.AgencyId, p.FoldedName });
        person.HasIndex(p => p.UserId).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        person.Property(p => p.Version).IsConcurrencyToken();
    }
}
