using Microsoft.EntityFrameworkCore;
using SteerCo.Data;

namespace SteerCo.Audit;

/// <summary>What verifying the chain found: the first broken entry, if any.</summary>
public sealed record AuditVerification(long EntriesChecked, long? BrokenAtSequence, string? Reason)
{
    public bool IsIntact => BrokenAtSequence is null;
}

public static class AuditChain
{
    /// <summary>
    /// Walks the log in sequence order and recomputes every hash. An edited row no longer
    /// matches its hash; a deleted row leaves a gap in the sequence or a broken link.
    /// Deleting the newest rows is only detectable against a copy of the last hash kept
    /// elsewhere (for example printed by this command into an operations log).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(SteerCoDbContext db, CancellationToken cancellationToken = default)
    {
        long expectedSequence = 1;
        var previous = "";
        long checkedCount = 0;
        const int batch = 5000;
        while (true)
        {
            var from = expectedSequence;
            var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence).Take(batch).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (row.Sequence != expectedSequence)
                {
                    return new(checkedCount, expectedSequence, $"entry {expectedSequence} is missing");
                }
                if (row.PreviousHash != previous)
                {
                    return new(checkedCount, row.Sequence, $"entry {row.Sequence} does not follow entry {row.Sequence - 1}");
                }
                if (row.ComputeHash() != row.Hash)
                {
                    return new(checkedCount, row.Sequence, $"entry {row.Sequence} was altered");
                }
                previous = row.Hash;
                expectedSequence++;
                checkedCount++;
            }
            if (rows.Count < batch)
            {
                return new(checkedCount, null, null);
            }
        }
    }
}
