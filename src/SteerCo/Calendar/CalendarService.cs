using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Meetings;
using SteerCo.Text;
using SteerCo.WorkItems;

namespace SteerCo.Calendar;

/// <summary>
/// A user's calendar as an iCal feed at a secret address: the meetings of their committee and the
/// due dates of the tasks they answer for (their agency's, or their committee's). The address is
/// the credential, so a new one replaces the old and revoking ends it; only its hash is stored.
/// </summary>
public sealed class CalendarService(SteerCoDbContext db, TimeProvider clock)
{
    /// <summary>A new secret for the user, replacing any earlier one; the token is shown once.</summary>
    public async Task<string> RenewAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var userId = actor.UserId ?? throw new InvalidOperationException("Only a user has a calendar.");
        await RevokeAllAsync(userId, cancellationToken);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, TokenHash = Hash(token), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task RevokeAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await RevokeAllAsync(actor.UserId ?? 0, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> HasFeedAsync(Actor actor, CancellationToken cancellationToken = default) =>
        await db.CalendarFeeds.AnyAsync(f => f.UserId == actor.UserId && f.RevokedAt == null, cancellationToken);

    /// <summary>The feed of the token's user, as the user would see it now; null when the token is unknown, revoked or the user inactive.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var user = await db.CalendarFeeds.Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Join(db.Users.Where(u => u.IsActive), f => f.UserId, u => u.Id,
                (f, u) => new { u.Id, u.UserName, u.Role, u.CommitteeId, Path = u.Committee != null ? u.Committee.Path : null, u.AgencyId })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }
        var actor = new Actor(user.Id, user.UserName!, user.Role, user.CommitteeId, user.Path, user.AgencyId);
        var since = clock.Today().AddMonths(-3);
        var meetings = await db.Meetings.Where(m => m.CommitteeId == actor.CommitteeId && m.Date >= since).OrderBy(m => m.Date).Take(500)
            .Select(m => new { m.Id, m.Kind, m.Period, m.Date, m.Place, Committee = m.Committee!.Name }).ToListAsync(cancellationToken);
        var tasks = db.WorkItems.VisibleTo(actor).Where(w => w.DueDate != null && w.DueDate >= since
            && (w.Status == WorkItemStatus.NotStarted || w.Status == WorkItemStatus.InProgress));
        tasks = actor.AgencyId is { } agencyId && actor.Role == Role.Member
            ? tasks.Where(w => w.LeadAgencyId == agencyId)
            : tasks.Where(w => w.CommitteeId == actor.CommitteeId);
        var deadlines = await tasks.OrderBy(w => w.DueDate).Take(500)
            .Select(w => new { w.Id, w.Title, w.DueDate, Agency = w.LeadAgency!.Name }).ToListAsync(cancellationToken);

        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//SteerCo//Lich cong tac//VI");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, $"X-WR-CALNAME:{Escape($"SteerCo – {user.UserName}")}");
        foreach (var m in meetings)
        {
            Event(ics, $"meeting-{m.Id}@steerco", stamp, m.Date, NoticeText.Title(m.Kind, m.Period), $"{m.Committee}", m.Place);
        }
        foreach (var w in deadlines)
        {
            Event(ics, $"task-{w.Id}@steerco", stamp, w.DueDate!.Value, $"Hạn: {w.Title}", $"Chủ trì: {w.Agency}", null);
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private async Task RevokeAllAsync(int userId, CancellationToken cancellationToken)
    {
        foreach (var feed in await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync(cancellationToken))
        {
            feed.RevokedAt = clock.GetUtcNow();
        }
    }

    private static void Event(StringBuilder ics, string uid, string stamp, DateOnly day, string summary, string description, string? location)
    {
        Line(ics, "BEGIN:VEVENT");
        Line(ics, $"UID:{uid}");
        Line(ics, $"DTSTAMP:{stamp}");
        Line(ics, $"DTSTART;VALUE=DATE:{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
        Line(ics, $"DTEND;VALUE=DATE:{day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
        Line(ics, $"SUMMARY:{Escape(summary)}");
        Line(ics, $"DESCRIPTION:{Escape(description)}");
        if (location is not null)
        {
            Line(ics, $"LOCATION:{Escape(location)}");
        }
        Line(ics, "END:VEVENT");
    }

    /// <summary>RFC 5545: lines end in CRLF and fold at 75 octets, continuation lines starting with a space.</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var bytes = 0;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1));
            if (bytes + size > (start == 0 ? 75 : 74))
            {
                ics.Append(line, start, i - start).Append("\r\n ");
                start = i;
                bytes = 0;
            }
            bytes += size;
            if (char.IsHighSurrogate(line[i]))
            {
                i++;
            }
        }
        ics.Append(line, start, line.Length - start).Append("\r\n");
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r", "").Replace("\n", "\\n");

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
