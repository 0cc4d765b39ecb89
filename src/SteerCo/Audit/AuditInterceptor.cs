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
/// One interceptor serves every context, so that the contexts' options are built once and not per
/// request: what a save has in hand lives on the context (<see cref="AuditState"/>). The actor is
/// looked up in the context's request scope when a save happens, not when the context is made: the
/// web's actor source reads the database, so taking it earlier would make the context depend on itself.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Redacted = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    /// <summary>
    /// Columns derived from others (search folds, Identity's upper-cased copies, text extracted from
    /// a file the entry names by its hash, the tree paths that follow a committee's id and parent):
    /// recording them adds only noise, up to megabytes of it. A new committee's path, set by a
    /// second save once its id is known, then leaves no second entry.
    /// </summary>
    private static readonly HashSet<string> Derived = ["FoldedName", "NormalizedUserName", "NormalizedEmail", "SearchText", "ExtractedText", "Path", "CommitteePath"];

    internal sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && StateOf(context) is { WritingAudit: false } state)
        {
            Capture(context, state);
            if (state.Pending.Count > 0 && context.Database.CurrentTransaction is null)
            {
                state.OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
            }
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && StateOf(context) is { WritingAudit: false } state)
        {
            Capture(context, state);
            if (state.Pending.Count > 0 && context.Database.CurrentTransaction is null)
            {
                state.OwnTransaction = context.Database.BeginTransaction();
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && StateOf(context) is { WritingAudit: false, Pending.Count: > 0 } state)
        {
            try
            {
                await AppendAsync(context, state, cancellationToken);
                if (state.OwnTransaction is { } own)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await state.EndAsync();
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && StateOf(context) is { WritingAudit: false, Pending.Count: > 0 })
        {
            SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && StateOf(context) is { WritingAudit: false } state)
        {
            await state.EndAsync();
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && StateOf(context) is { WritingAudit: false } state)
        {
            state.EndAsync().GetAwaiter().GetResult();
        }
    }

    private static AuditState? StateOf(DbContext context) => (context as SteerCoDbContext)?.Audit;

    private static void Capture(DbContext context, AuditState state)
    {
        state.Pending.Clear();
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
                    state.Pending.Add(new(entry, "Created", []));
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
                        state.Pending.Add(new(entry, "Updated", changes));
                    }
                    break;
                case EntityState.Deleted:
                    state.Pending.Add(new(entry, "Deleted", entry.Properties.ToDictionary(p => p.Metadata.Name, p => new[] { Show(p.Metadata.Name, p.OriginalValue), null })));
                    break;
            }
        }
    }

    private async Task AppendAsync(DbContext context, AuditState state, CancellationToken cancellationToken)
    {
        var actor = (context as SteerCoDbContext)?.Services?.GetService<IActorSource>()?.Current;
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
        foreach (var pending in state.Pending)
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

        state.WritingAudit = true;
        try
        {
            context.Set<AuditEntry>().AddRange(entries);
            await context.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            state.WritingAudit = false;
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

/// <summary>What one context's save has in hand between the interceptor's calls: the changes to record, and the transaction it opened if the caller had none.</summary>
internal sealed class AuditState
{
    internal List<AuditInterceptor.Pending> Pending { get; } = [];

    internal IDbContextTransaction? OwnTransaction { get; set; }

    internal bool WritingAudit { get; set; }

    internal async Task EndAsync()
    {
        Pending.Clear();
        if (OwnTransaction is { } own)
        {
            OwnTransaction = null;
            await own.DisposeAsync();
        }
    }
}
