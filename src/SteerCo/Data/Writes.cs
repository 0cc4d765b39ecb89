using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SteerCo.Data;

/// <summary>
/// A counter of this process's writes: whoever keeps something read from the database
/// (<see cref="UntilWritten{TKey, TValue}"/>) reads it again once the counter has moved. It moves
/// before and after every save and after every committed transaction (a change made inside one
/// is visible to other connections only then); writes are few beside reads, so counting them all
/// costs little and needs no knowledge of what a kept value depends on.
/// </summary>
public sealed class Writes
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    internal void Bump() => Interlocked.Increment(ref _version);
}

/// <summary>
/// Values read from the database, kept while nothing has been written in this process since
/// (<see cref="Writes"/>) and for at most <paramref name="lifetime"/>: the time a change made by
/// another server sharing the database may take to show here. Holds at most
/// <paramref name="capacity"/> entries; past that it starts again empty.
/// </summary>
public sealed class UntilWritten<TKey, TValue>(Writes writes, TimeSpan lifetime, int capacity = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    private sealed record Entry(TValue Value, long Version, long ExpiresAt);

    public TimeSpan Lifetime => lifetime;

    public TValue Get(TKey key, Func<TKey, TValue> read)
    {
        if (Fresh(key) is { } entry)
        {
            return entry.Value;
        }
        var version = writes.Version;
        return Keep(key, read(key), version);
    }

    public async ValueTask<TValue> GetAsync(TKey key, Func<TKey, Task<TValue>> read)
    {
        if (Fresh(key) is { } entry)
        {
            return entry.Value;
        }
        // The counter is read before the value: a write that lands during the read leaves an entry already stale.
        var version = writes.Version;
        return Keep(key, await read(key), version);
    }

    private Entry? Fresh(TKey key) =>
        _entries.TryGetValue(key, out var entry) && entry.Version == writes.Version && entry.ExpiresAt > Environment.TickCount64 ? entry : null;

    private TValue Keep(TKey key, TValue value, long version)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
        _entries[key] = new Entry(value, version, Environment.TickCount64 + (long)lifetime.TotalMilliseconds);
        return value;
    }
}

internal sealed class WriteInterceptor(Writes writes) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        writes.Bump();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        writes.Bump();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        writes.Bump();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        writes.Bump();
        return ValueTask.FromResult(result);
    }
}

internal sealed class WriteCommitInterceptor(Writes writes) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => writes.Bump();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        writes.Bump();
        return Task.CompletedTask;
    }
}
