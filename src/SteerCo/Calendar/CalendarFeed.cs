using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Accounts;

namespace SteerCo.Calendar;

/// <summary>
/// A user's secret calendar address (meetings and deadlines as iCal). Only the token's SHA-256 is
/// kept, so the address cannot be read back from the database; revoking it ends it for good.
/// </summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }
    public int UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token in the address.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> feed)
    {
        feed.Property(f => f.TokenHash).HasMaxLength(64);
        feed.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        feed.HasIndex(f => f.TokenHash).IsUnique();
        feed.HasIndex(f => f.UserId);
    }
}
