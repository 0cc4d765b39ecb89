using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;

namespace SteerCo.Reporting;

public sealed record NotificationView(int Id, string Text, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>
/// The in-app notices of the user's committee (requests, submissions, reviews, reminders), newest
/// first, each read or not by this user; a member agency's member does not get those about the
/// other agencies' reports. Administrators, who belong to no committee, get none.
/// </summary>
public sealed class Notifications(SteerCoDbContext db, TimeProvider clock)
{
    /// <summary>The header shows "99+" past this.</summary>
    public const int CountLimit = 99;

    public async Task<Paged<NotificationView>> ListAsync(Actor actor, bool unreadOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        var notices = Of(actor);
        if (unreadOnly)
        {
            notices = Unread(notices, actor);
        }
        var userId = actor.UserId ?? 0;
        // Newest first by id: ids grow with time, and SQLite cannot order by a DateTimeOffset.
        return await notices.OrderByDescending(n => n.Id)
            .Select(n => new NotificationView(n.Id, n.Text, n.Link, n.CreatedAt, db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId)))
            .ToPagedAsync(page, cancellationToken);
    }

    /// <summary>How many the user has not read, counted up to one past <see cref="CountLimit"/>: the newest, as the list shows them.</summary>
    public Task<int> UnreadCountAsync(Actor actor, CancellationToken cancellationToken = default) =>
        Unread(Of(actor), actor).OrderByDescending(n => n.Id).Take(CountLimit + 1).CountAsync(cancellationToken);

    /// <summary>Marks one notice of the user's committee read; another committee's is not found.</summary>
    public async Task<Result<bool>> MarkReadAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        if (actor.UserId is not { } userId || !await Of(actor).AnyAsync(n => n.Id == id, cancellationToken))
        {
            return Result<bool>.NotFound();
        }
        if (!await db.NotificationReads.AnyAsync(r => r.NotificationId == id && r.UserId == userId, cancellationToken))
        {
            db.NotificationReads.Add(new NotificationRead { NotificationId = id, UserId = userId, ReadAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>Marks every notice of the user's committee read; answers how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.UserId is not { } userId)
        {
            return 0;
        }
        var unread = await Unread(Of(actor), actor).Select(n => n.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.NotificationReads.AddRange(unread.Select(id => new NotificationRead { NotificationId = id, UserId = userId, ReadAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        return unread.Count;
    }

    private IQueryable<Notification> Of(Actor actor)
    {
        if (actor.CommitteeId is not { } committeeId)
        {
            return db.Notifications.Where(n => false);
        }
        var onlyAgency = ReportRequests.OnlyAgency(actor);
        return db.Notifications.AsNoTracking().Where(n => n.CommitteeId == committeeId && (n.AgencyId == null || onlyAgency == null || n.AgencyId == onlyAgency));
    }

    private IQueryable<Notification> Unread(IQueryable<Notification> notices, Actor actor)
    {
        var userId = actor.UserId ?? 0;
        return notices.Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == userId));
    }
}
