using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SteerCo.Accounts;
using SteerCo.Committees;

namespace SteerCo.Reporting;

/// <summary>
/// An in-app notice to the users of a committee ("Báo cáo Quý I/2026 đến hạn ngày 25/03/2026").
/// <see cref="Key"/> names what it is about, so a job that runs twice notifies once.
/// </summary>
public sealed class Notification
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public Committee? Committee { get; set; }
    public required string Key { get; set; }
    public required string Text { get; set; }

    /// <summary>
    /// About a member agency's report: read by that agency's users and by the committee's users who
    /// are not any agency's (secretariat, leaders), not by the other agencies' members.
    /// </summary>
    public int? AgencyId { get; set; }

    /// <summary>The page it is about, relative to the site ("/Reporting/Submission/12").</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// That one user has read one notice: a notice goes to a committee, and each of its users
/// reads it on their own, so one user's "read" does not empty another's list.
/// </summary>
public sealed class NotificationRead
{
    public int NotificationId { get; set; }
    public int UserId { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.Key).HasMaxLength(100);
        notification.Property(n => n.Text).HasMaxLength(1000);
        notification.Property(n => n.Link).HasMaxLength(300);
        notification.HasOne(n => n.Committee).WithMany().OnDelete(DeleteBehavior.Restrict);
        notification.HasOne<Agencies.Agency>().WithMany().HasForeignKey(n => n.AgencyId).OnDelete(DeleteBehavior.SetNull);
        notification.HasIndex(n => n.Key).IsUnique();
        notification.HasIndex(n => new { n.CommitteeId, n.CreatedAt });
    }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> read)
    {
        read.HasKey(r => new { r.NotificationId, r.UserId });
        read.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
        read.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        read.HasIndex(r => r.UserId);
    }
}
