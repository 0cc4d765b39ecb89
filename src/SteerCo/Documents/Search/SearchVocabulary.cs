using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SteerCo.Data;

namespace SteerCo.Documents.Search;

/// <summary>A word of the SQLite search index and how many documents hold it.</summary>
public sealed record SearchTerm(string Term, long Documents);

/// <summary>
/// The SQLite search index's vocabulary (the fts5vocab table DocumentSearchTerms), remembered for
/// <see cref="Lifetime"/> per database: FTS5 counts a word's documents by reading its whole list
/// (17 ms for a word in half the register), and search asks for the same words again and again.
/// A word first indexed within the lifetime is found by a prefix only after it.
/// </summary>
public sealed class SearchVocabulary(TimeProvider clock)
{
    /// <summary>Past this many words a prefix is left to FTS5 (a short prefix of a common syllable).</summary>
    public const int MaxPrefixTerms = 64;

    private const int MaxEntries = 20_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<(string Database, bool Prefix, string Text), (DateTimeOffset At, IReadOnlyList<SearchTerm>? Terms)> entries = new();

    /// <summary>The words that start with <paramref name="prefix"/>, or null when there are more than <see cref="MaxPrefixTerms"/>.</summary>
    public Task<IReadOnlyList<SearchTerm>?> TermsAsync(SteerCoDbContext db, string prefix, CancellationToken cancellationToken) =>
        RememberAsync(db, true, prefix, async () =>
        {
            var terms = await db.Database.SqlQueryRaw<SearchTerm>(
                """SELECT term AS "Term", doc AS "Documents" FROM "DocumentSearchTerms" WHERE term >= {0} AND term < {1} LIMIT {2}""",
                prefix, prefix + '\uffff', MaxPrefixTerms + 1).ToListAsync(cancellationToken);
            return terms.Count > MaxPrefixTerms ? null : terms;
        });

    /// <summary>How many documents hold <paramref name="term"/>.</summary>
    public async Task<long> DocumentsAsync(SteerCoDbContext db, string term, CancellationToken cancellationToken) =>
        (await RememberAsync(db, false, term, async () => await db.Database.SqlQueryRaw<SearchTerm>(
            """SELECT term AS "Term", doc AS "Documents" FROM "DocumentSearchTerms" WHERE term = {0}""", term).ToListAsync(cancellationToken)))
        is [var found] ? found.Documents : 0;

    private async Task<IReadOnlyList<SearchTerm>?> RememberAsync(SteerCoDbContext db, bool prefix, string text, Func<Task<List<SearchTerm>?>> read)
    {
        var key = (db.Database.GetConnectionString() ?? "", prefix, text);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var entry) && now - entry.At < Lifetime)
        {
            return entry.Terms;
        }
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
        var terms = await read();
        entries[key] = (now, terms);
        return terms;
    }
}
