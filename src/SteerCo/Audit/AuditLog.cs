using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;

namespace SteerCo.Audit;

public sealed record AuditQuery(string? Entity = null, string? EntityKey = null, string? Actor = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(long Sequence, DateTime At, string ActorName, string Entity, string EntityKey, string Action, string Changes);

/// <summary>Reading the audit log: administrators only, newest first.</summary>
public sealed class AuditLog(SteerCoDbContext db)
{
    public async Task<Result<Paged<AuditRow>>> ListAsync(Actor actor, AuditQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return Result<Paged<AuditRow>>.Forbidden();
        }
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Entity))
        {
            rows = rows.Where(e => e.Entity == query.Entity.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.EntityKey))
        {
            rows = rows.Where(e => e.EntityKey == query.EntityKey.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            rows = rows.Where(e => e.ActorName == query.Actor.Trim());
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            rows = rows.Where(e => e.Action == query.Action.Trim());
        }
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(e => e.At < end);
        }
        return await rows.OrderByDescending(e => e.Sequence)
            .Select(e => new AuditRow(e.Sequence, e.At, e.ActorName, e.Entity, e.EntityKey, e.Action, e.Changes))
            .ToPagedAsync(page, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> EntitiesAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEntries.Select(e => e.Entity).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
}
