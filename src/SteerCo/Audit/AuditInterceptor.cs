using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using SteerCo.Data;

namespace SteerCo.Audit;

/// <summary>
/// Records every write in the audit log, in the same transaction as the write: one place, so
/// no feature can forget. Also bumps <see cref="IVersioned.Version"/> on every update.
/// The actor is looked up when a save happens, not when the interceptor is made: the web's actor
/// source reads the database, so taking it in the constructor would make the context depend on itself.
/// </summary>
public sealed class AuditInterceptor(IServiceProvider services, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Redacted = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    /// <summary>
    /// Columns derived from others (search folds, Identity's upper-cased copies, text extracted from
    /// a file the entry names by its hash): recording them adds only noise, up to megabytes of it.
    /// </summary>
    private static readonly HashSet<string> Derived = ["FoldedName", "NormalizedUserName", "NormalizedEmail", "SearchText", "ExtractedText"];

    private readonly List<Pending> _pending = [];
    private IDbContextTransaction? _ownTransaction;
    private bool _writingAudit;

    private sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && !_writingAudit)
        {
            Capture(context);
            if (_pending.Count > 0 && context.Database.CurrentTransaction is null)
            {
                _ownTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && !_writingAudit)
        {
            Capture(context);
            if (_pending.Count > 0 && context.Database.CurrentTransaction is null)
            {
                _ownTransaction = context.Database.BeginTransaction();
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && !_writingAudit && _pending.Count > 0)
        {
            try
            {
                await AppendAsync(context, cancellationToken);
                if (_ownTransaction is { } own)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await EndAsync();
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not null && !_writingAudit && _pending.Count > 0)
        {
            SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!_writingAudit)
        {
            await EndAsync();
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (!_writingAudit)
        {
            EndAsync().GetAwaiter().GetResult();
        }
    }

    private async Task EndAsync()
    {
        _pending.Clear();
        if (_ownTransaction is { } own)
        {
            _ownTransaction = null;
            await own.DisposeAsync();
        }
    }

    private void Capture(DbContext context)
    {
        _pending.Clear();
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit log is append-only.");
                }
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    _pending.Add(new(entry, "Created", []));
                    break;
                case EntityState.Modified:
                    if (entry.Entity is IVersioned versioned)
                    {
                        versioned.Version++;
                    }
                    var changes = new Dictionary<string, object?[]>();
                    foreach (var property in entry.Properties.Where(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version) && !Derived.Contains(p.Metadata.Name)))
                    {
                        if (!Equals(property.OriginalValue, property.CurrentValue))
                        {
                            changes[property.Metadata.Name] = [Show(property.Metadata.Name, property.OriginalValue), Show(property.Metadata.Name, property.CurrentValue)];
                        }
                    }
                    if (changes.Count > 0)
                    {
                        _pending.Add(new(entry, "Updated", changes));
                    }
                    break;
                case EntityState.Deleted:
                    _pending.Add(new(entry, "Deleted", entry.Properties.ToDictionary(p => p.Metadata.Name, p => new[] { Show(p.Metadata.Name, p.OriginalValue), null })));
                    break;
            }
        }
    }

    private async Task AppendAsync(DbContext context, CancellationToken cancellationToken)
    {
        var actor = services.GetService<IActorSource>()?.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

        // The chain must not fork: serialize appends. SQLite already holds its single write lock
        // here (this transaction has written); PostgreSQL takes a transaction-scoped lock.
        if (context.Database.IsNpgsql())
        {
            await context.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7277001)", cancellationToken);
        }
        var last = await context.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? "";

        var entries = new List<AuditEntry>();
        foreach (var pending in _pending)
        {
            var changes = pending.Changes;
            if (pending.Action == "Created")
            {
                changes = pending.Entry.Properties.Where(p => p.CurrentValue is not null && !Derived.Contains(p.Metadata.Name))
                    .ToDictionary(p => p.Metadata.Name, p => new[] { null, Show(p.Metadata.Name, p.CurrentValue) });
            }
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = now,
                ActorId = actor?.UserId,
                ActorName = actor?.UserName ?? "system",
                Entity = pending.Entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(pending.Entry),
                Action = pending.Action,
                Changes = JsonSerializer.Serialize(changes),
                PreviousHash = previous,
            };
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
            entries.Add(entry);
        }

        _writingAudit = true;
        try
        {
            context.Set<AuditEntry>().AddRange(entries);
            await context.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _writingAudit = false;
        }
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue, CultureInfo.InvariantCulture)));
    }

    private static object? Show(string property, object? value) => value switch
    {
        null => null,
        _ when Redacted.Contains(property) => "***",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => value,
    };
}
