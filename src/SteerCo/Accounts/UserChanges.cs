using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SteerCo.Accounts;

/// <summary>
/// A counter of this process's writes: whoever keeps who a user is (role, committee, agency,
/// active) reads it again once the counter has moved. It moves before a save that adds, changes or
/// removes a user, after every save, and after every committed transaction (a user changed inside
/// one is visible to other connections only then); writes are few beside reads, so counting them
/// all costs little. Another server's writes to the same database reach a keeper when its entries
/// expire.
/// </summary>
public sealed class UserChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    internal void Bump() => Interlocked.Increment(ref _version);
}

internal sealed class UserChangeInterceptor(UserChanges changes) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BumpIfUsersChange(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BumpIfUsersChange(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        changes.Bump();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        changes.Bump();
        return ValueTask.FromResult(result);
    }

    private void BumpIfUsersChange(DbContext? context)
    {
        if (context?.ChangeTracker.Entries<AppUser>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) == true)
        {
            changes.Bump();
        }
    }
}

internal sealed class UserChangeCommitInterceptor(UserChanges changes) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => changes.Bump();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        changes.Bump();
        return Task.CompletedTask;
    }
}
