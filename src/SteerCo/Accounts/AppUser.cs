using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Committees;

namespace SteerCo.Accounts;

/// <summary>A person who signs in: one role in one committee (administrators need none).</summary>
public sealed class AppUser : IdentityUser<int>
{
    /// <summary>The full name's column length.</summary>
    public const int FullNameLength = 200;

    /// <summary>The user name's and e-mail's column length, as Identity's model sets it.</summary>
    public const int UserNameLength = 256;

    public string FullName { get; set; } = "";
    public Role Role { get; set; }
    public int? CommitteeId { get; set; }
    public Committee? Committee { get; set; }

    /// <summary>For members: the agency they represent.</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>"vi" or "en".</summary>
    public string Language { get; set; } = "vi";
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(AppUser.FullNameLength);
        user.Property(u => u.Language).HasMaxLength(5);
        user.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        user.HasOne(u => u.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        user.HasOne(u => u.Agency).WithMany().OnDelete(DeleteBehavior.Restrict);
        user.HasIndex(u => u.CommitteeId);
    }
}
