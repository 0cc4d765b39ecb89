using System.Text;
using Microsoft.EntityFrameworkCore;
using SteerCo.Data;

namespace SteerCo.Documents.Search;

/// <summary>
/// What a search asks of the index: the words, the reader's scope as index tokens (any of
/// <see cref="AnyOf"/>, all of <see cref="AllOf"/>; see <see cref="Access.Scope.SearchTokens"/>),
/// and the register's filters.
/// </summary>
internal sealed record SearchWhere(SearchQuery Query, IReadOnlyList<string> AnyOf, IReadOnlyList<string> AllOf, DocumentQuery Filters)
{
    public bool HasColumnFilters => Filters.Direction is not null || Filters.Type is not null || Filters.Issuer is not null;
}

/// <summary>The full-text index of one engine: count, page newest first, rank.</summary>
internal interface ISearchIndex
{
    /// <summary>
    /// The register's filters the index does not hold, tested on each match: direction, type and
    /// a part of the issuer's name (<paramref name="position"/>: the engine's substring position
    /// function, instr or strpos, as EF writes Contains), on columns of <paramref name="table"/>.
    /// </summary>
    static void AppendColumnFilters(StringBuilder sql, List<object> args, DocumentQuery filters, string table, string position)
    {
        if (filters.Direction is { } direction)
        {
            sql.Append($""" AND {table}"Direction" = {Arg(args, direction.ToString())}""");
        }
        if (filters.Type is { } type)
        {
            sql.Append($""" AND {table}"Type" = {Arg(args, type)}""");
        }
        if (filters.Issuer is { } issuer)
        {
            sql.Append($""" AND {position}({table}"IssuerName", {Arg(args, issuer)}) > 0""");
        }
    }

    /// <summary>Adds <paramref name="value"/> to the arguments of a raw statement and returns its placeholder, {n}.</summary>
    static string Arg(List<object> args, object value)
    {
        args.Add(value);
        return $"{{{args.Count - 1}}}";
    }

    /// <summary>
    /// Up to this many matches are sorted by date; more are read from a date index newest first
    /// (<see cref="NewestAsync"/>'s <c>broad</c>). The count goes at least this far to tell.
    /// </summary>
    int SortLimit { get; }

    /// <summary>How many documents match, counting no further than <paramref name="cap"/>.</summary>
    Task<int> CountAsync(SearchWhere where, int cap, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of matches <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/>,
    /// newest first; <paramref name="broad"/>: more than <see cref="SortLimit"/> match.
    /// </summary>
    Task<List<int>> NewestAsync(SearchWhere where, int skip, int take, bool broad, CancellationToken cancellationToken);

    /// <summary>One page of <paramref name="candidates"/>, best match first.</summary>
    Task<List<int>> RankAsync(SearchWhere where, List<int> candidates, int skip, int take, CancellationToken cancellationToken);
}

/// <summary>
/// SQLite: the FTS5 table DocumentSearch, whose rowid is the search key (days from 1970 to the
/// issue date, times 2^32, plus the id) and whose Scope column holds the reader tokens. FTS5
/// returns matches in rowid order, so newest first is reading the index backward and stopping
/// after the page, a date range is a rowid range, and the reader's scope is intersected inside
/// the index. Neither a rare word (only its matches are read) nor a common one (only the page is)
/// walks what it does not need.
/// </summary>
internal sealed class SqliteSearchIndex(SteerCoDbContext db, SearchVocabulary vocabulary) : ISearchIndex
{
    private string? match;

    /// <summary>The index is in date order: nothing is ever sorted.</summary>
    public int SortLimit => 0;

    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>The smallest search key of a day; the migration's SQL computes the same from IssuedOn.</summary>
    public static long KeyOf(DateOnly date) => (long)(date.DayNumber - Epoch) << 32;

    public async Task<int> CountAsync(SearchWhere where, int cap, CancellationToken cancellationToken)
    {
        var (from, args) = await FromAsync(where, cancellationToken);
        // Every value is an argument: the statement is made of this class's fragments only.
        var sql = $"""SELECT count(*) AS "Value" FROM (SELECT 1 {from} LIMIT {ISearchIndex.Arg(args, cap)})""";
        return await db.Database.SqlQueryRaw<int>(sql, [.. args])
            .SingleAsync(cancellationToken);
    }

    public async Task<List<int>> NewestAsync(SearchWhere where, int skip, int take, bool broad, CancellationToken cancellationToken)
    {
        var (from, args) = await FromAsync(where, cancellationToken);
        var sql = $"""SELECT s.rowid & 4294967295 AS "Value" {from} ORDER BY s.rowid DESC LIMIT {ISearchIndex.Arg(args, take)} OFFSET {ISearchIndex.Arg(args, skip)}""";
        return await db.Database.SqlQueryRaw<int>(sql, [.. args])
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// BM25 over the candidates' text (<see cref="SearchRanking"/>), with each clause's document
    /// frequency from the index's vocabulary. FTS5's own bm25() counts every match of every
    /// phrase in the whole index first: 250 ms for a common word at 1M documents.
    /// </summary>
    public async Task<List<int>> RankAsync(SearchWhere where, List<int> candidates, int skip, int take, CancellationToken cancellationToken)
    {
        var texts = await db.Documents.Where(d => candidates.Contains(d.Id))
            .Select(d => new { d.Id, d.Subject, d.SearchText }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var documents = await db.Database.SqlQueryRaw<int>("""SELECT coalesce(max("Id"), 0) AS "Value" FROM "Documents" """).SingleAsync(cancellationToken);
        var frequencies = new List<double>();
        foreach (var clause in where.Query.Clauses)
        {
            frequencies.Add(await DocumentFrequencyAsync(clause, cancellationToken));
        }
        var ranking = new SearchRanking(where.Query, frequencies, Math.Max(documents, 1));
        return [.. ranking.Order(candidates.Where(texts.ContainsKey).Select(id => (id, texts[id].Subject, texts[id].SearchText))).Skip(skip).Take(take)];
    }

    /// <summary>A word's document count; for a phrase, its rarest word's; for a prefix, the sum over the words it starts.</summary>
    private async Task<double> DocumentFrequencyAsync(SearchClause clause, CancellationToken cancellationToken)
    {
        var counts = new List<double>();
        for (var i = 0; i < clause.Tokens.Count; i++)
        {
            var terms = clause.Prefix && i == clause.Tokens.Count - 1 ? await vocabulary.TermsAsync(db, clause.Tokens[i], cancellationToken) : null;
            counts.Add(terms?.Sum(t => t.Documents) ?? await vocabulary.DocumentsAsync(db, clause.Tokens[i], cancellationToken));
        }
        return counts.Count == 0 ? 0 : counts.Min();
    }

    /// <summary>The FROM and WHERE of a search, and their arguments ({0} is the MATCH expression).</summary>
    private async Task<(string Sql, List<object> Args)> FromAsync(SearchWhere where, CancellationToken cancellationToken)
    {
        match ??= await MatchAsync(where, cancellationToken);
        var args = new List<object> { match };
        var sql = new StringBuilder("""FROM "DocumentSearch" s""");
        if (where.HasColumnFilters)
        {
            // The index drives (CROSS JOIN keeps it first), in its order; the register's other filters test each match.
            sql.Append(""" CROSS JOIN "Documents" d ON d."Id" = (s.rowid & 4294967295)""");
        }
        sql.Append(""" WHERE "DocumentSearch" MATCH {0}""");
        var filters = where.Filters;
        if (filters.From is { } start)
        {
            sql.Append($" AND s.rowid >= {ISearchIndex.Arg(args, KeyOf(start))}");
        }
        if (filters.To is { } end)
        {
            sql.Append($" AND s.rowid < {ISearchIndex.Arg(args, KeyOf(end.AddDays(1)))}");
        }
        ISearchIndex.AppendColumnFilters(sql, args, filters, "d.", "instr");
        return (sql.ToString(), args);
    }

    /// <summary>
    /// The words in the SearchText column, and the reader's tokens in the Scope column. A prefix
    /// becomes the words of the vocabulary it starts ("kiem"* is "kiem"): FTS5 merges the lists of
    /// every word of a prefix before it returns the first match (105 ms for "kiem"* at 1M
    /// documents), while a list of words is read lazily, newest first, as far as the page needs.
    /// </summary>
    private async Task<string> MatchAsync(SearchWhere where, CancellationToken cancellationToken)
    {
        var clauses = new List<string>();
        foreach (var clause in where.Query.Clauses)
        {
            var words = clause.Tokens.Count > 1 ? string.Join(' ', clause.Tokens.SkipLast(1)) + " " : "";
            var terms = clause.Prefix ? await vocabulary.TermsAsync(db, clause.Tokens[^1], cancellationToken) : null;
            clauses.Add(terms is { Count: > 0 }
                ? "(" + string.Join(" OR ", terms.Select(t => $"\"{words}{t.Term}\"")) + ")"
                : $"\"{string.Join(' ', clause.Tokens)}\"" + (clause.Prefix ? "*" : ""));
        }
        var match = new StringBuilder($"SearchText : ({string.Join(" AND ", clauses)})");
        if (where.AnyOf.Count > 0)
        {
            match.Append(" AND Scope : (").AppendJoin(" OR ", where.AnyOf.Select(t => $"\"{t}\"")).Append(')');
        }
        foreach (var token in where.AllOf)
        {
            match.Append(" AND Scope : \"").Append(token).Append('"');
        }
        return match.ToString();
    }
}

/// <summary>
/// PostgreSQL: the GIN index over (SearchVector, ScopeVector) finds the documents that have the
/// words and one of the reader's tokens in one scan. Which plan orders them depends on how many
/// there are, which the count (needed for the total anyway) tells: up to the cap, match first and
/// sort (the plan a rare word needs: walking the date index and testing every document took
/// 891 ms for one); beyond it, walk the date index newest first and stop after the page (the
/// plan a common word needs: sorting 76,000 matches is what was slow).
/// </summary>
internal sealed class PostgresSearchIndex(SteerCoDbContext db) : ISearchIndex
{
    public int SortLimit => DocumentSearch.MaxCandidates;

    public async Task<int> CountAsync(SearchWhere where, int cap, CancellationToken cancellationToken)
    {
        var (condition, args) = Where(where, datesUseIndex: false);
        var sql = $"""SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM "Documents" WHERE {condition} LIMIT {ISearchIndex.Arg(args, cap)}) m""";
        return await db.Database.SqlQueryRaw<int>(sql, [.. args])
            .SingleAsync(cancellationToken);
    }

    public async Task<List<int>> NewestAsync(SearchWhere where, int skip, int take, bool broad, CancellationToken cancellationToken)
    {
        var (condition, args) = Where(where, datesUseIndex: broad);
        var limit = $"LIMIT {ISearchIndex.Arg(args, take)} OFFSET {ISearchIndex.Arg(args, skip)}";
        // OFFSET 0 keeps the subquery apart: the planner cannot turn the match into a walk of the date index.
        var sql = broad
            ? $"""SELECT "Id" AS "Value" FROM "Documents" WHERE {condition} ORDER BY "IssuedOn" DESC, "Id" DESC {limit}"""
            : $"""SELECT "Id" AS "Value" FROM (SELECT "Id", "IssuedOn" FROM "Documents" WHERE {condition} OFFSET 0) m ORDER BY "IssuedOn" DESC, "Id" DESC {limit}""";
        return await db.Database.SqlQueryRaw<int>(sql, [.. args]).ToListAsync(cancellationToken);
    }

    /// <summary>ts_rank_cd; normalization 1|4: long texts do not win by length alone, and words close together count more.</summary>
    public async Task<List<int>> RankAsync(SearchWhere where, List<int> candidates, int skip, int take, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>(
            """
            SELECT "Id" AS "Value" FROM "Documents"
            WHERE "Id" = ANY({1})
            ORDER BY ts_rank_cd("SearchVector", to_tsquery('simple', {0}), 5) DESC, "IssuedOn" DESC, "Id" DESC
            LIMIT {2} OFFSET {3}
            """,
            where.Query.ToTsQuery(), candidates.ToArray(), take, skip).ToListAsync(cancellationToken);

    /// <summary>
    /// The WHERE of a search and its arguments. Dates are tested on the rows the index found unless
    /// <paramref name="datesUseIndex"/>: "IssuedOn" + 0 is not the indexed column, so the planner
    /// cannot AND the GIN scan with a date index scan (187,000 entries for a year, 70 ms).
    /// </summary>
    private static (string Sql, List<object> Args) Where(SearchWhere where, bool datesUseIndex)
    {
        var args = new List<object> { where.Query.ToTsQuery() };
        var sql = new StringBuilder("""
            "SearchVector" @@ to_tsquery('simple', {0}) AND "DeletedAt" IS NULL
            """);
        var scope = new List<string>();
        if (where.AnyOf.Count > 0)
        {
            scope.Add("(" + string.Join(" | ", where.AnyOf.Select(t => $"'{t}'")) + ")");
        }
        scope.AddRange(where.AllOf.Select(t => $"'{t}'"));
        if (scope.Count > 0)
        {
            sql.Append($""" AND "ScopeVector" @@ to_tsquery('simple', {ISearchIndex.Arg(args, string.Join(" & ", scope))})""");
        }
        var filters = where.Filters;
        var issuedOn = datesUseIndex ? "\"IssuedOn\"" : "(\"IssuedOn\" + 0)";
        if (filters.From is { } start)
        {
            sql.Append($" AND {issuedOn} >= {ISearchIndex.Arg(args, start)}");
        }
        if (filters.To is { } end)
        {
            sql.Append($" AND {issuedOn} <= {ISearchIndex.Arg(args, end)}");
        }
        ISearchIndex.AppendColumnFilters(sql, args, filters, "", "strpos");
        return (sql.ToString(), args);
    }
}
