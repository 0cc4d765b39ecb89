using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;

namespace SteerCo.Documents.Search;

public enum SearchOrder
{
    /// <summary>Newest issue date first (the register's order).</summary>
    Newest = 0,

    /// <summary>Best match first: bm25 on SQLite, ts_rank_cd on PostgreSQL.</summary>
    Relevance = 1,
}

/// <summary>What to look for, within which register filters, in which order.</summary>
public sealed record DocumentSearchRequest(string? Text, DocumentQuery Filters, SearchOrder Order = SearchOrder.Newest);

/// <summary>
/// A document found, with its subject and symbol HTML-encoded and the matched words in
/// &lt;mark&gt;, and a marked extract of its body.
/// </summary>
public sealed record DocumentSearchHit(DocumentSummary Document, string SubjectHtml, string? SymbolHtml, string? SnippetHtml);

/// <summary>
/// One page of results. <see cref="Total"/> stops at <see cref="DocumentSearch.MaxCandidates"/>:
/// when <see cref="TotalIsCapped"/>, there are more ("10,000+") and only that many can be paged through.
/// </summary>
public sealed record DocumentSearchResults(IReadOnlyList<DocumentSearchHit> Items, int Total, bool TotalIsCapped, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// Diacritic-insensitive full-text search over the register: symbol, subject, issuer, signer,
/// body and file text (<see cref="Document.SearchText"/>), within the scope rule and the
/// register's filters. SQLite matches in the FTS5 table DocumentSearch; PostgreSQL in the
/// generated tsvector column Documents.SearchVector (both made by the DocumentSearch migration).
/// </summary>
public sealed class DocumentSearch(SteerCoDbContext db, DocumentRegister register)
{
    /// <summary>
    /// The most matches ordered, counted and ranked. Counting and ordering every match of a word
    /// in half the register is what is slow; past this many a clerk refines the query instead of
    /// paging, so the total reads "10,000+" and relevance ranks the newest 10,000 matches.
    /// </summary>
    public const int MaxCandidates = 10_000;

    public async Task<DocumentSearchResults> SearchAsync(Actor actor, DocumentSearchRequest request, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = SearchQuery.Parse(request.Text);
        // The filters' text reaches the register's folding and the database: no control characters or broken surrogates.
        var filters = request.Filters with
        {
            Type = request.Filters.Type is null ? null : SearchQuery.Sanitize(request.Filters.Type),
            Issuer = request.Filters.Issuer is null ? null : SearchQuery.Sanitize(request.Filters.Issuer),
            Sort = null,
        };
        if (query.IsEmpty)
        {
            var listed = await register.ListAsync(actor, filters, page, cancellationToken);
            return new([.. listed.Items.Select(d => new DocumentSearchHit(d, SearchHighlighter.Highlight(d.Subject, query), SearchHighlighter.Highlight(d.Symbol, query), null))],
                listed.Total, false, listed.Page, listed.PageSize);
        }

        var postgres = db.Database.IsNpgsql();
        // Match first, then filter and order. The register's filters apply to the documents the
        // index matched, read once from a subquery the planner may not pull up (OFFSET 0 on
        // PostgreSQL, LIMIT -1 on SQLite, where CROSS JOIN also keeps the FTS table driving);
        // the order is by that subquery's IssuedOn, which no index provides. So neither engine
        // can walk the IssuedOn index newest-first testing every document against the query:
        // the plan PostgreSQL chose for a rare word (891 ms at 1M documents).
        var matched = postgres
            ? db.Documents.FromSqlRaw(
                """SELECT * FROM "Documents" WHERE "SearchVector" @@ to_tsquery('simple', {0}) AND "DeletedAt" IS NULL OFFSET 0""",
                query.ToTsQuery())
            : db.Documents.FromSqlRaw(
                """SELECT d.* FROM "DocumentSearch" s CROSS JOIN "Documents" d WHERE "DocumentSearch" MATCH {0} AND d."Id" = s.rowid AND d."DeletedAt" IS NULL LIMIT -1""",
                query.ToFts5());
        var filtered = await register.FilterAsync(actor, filters, matched, cancellationToken);
        var candidates = await filtered.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Select(d => d.Id).Take(MaxCandidates + 1).ToListAsync(cancellationToken);
        var capped = candidates.Count > MaxCandidates;
        if (capped)
        {
            candidates.RemoveAt(MaxCandidates);
        }

        var skip = (page.SafePage - 1) * page.SafePageSize;
        List<int> pageIds;
        if (request.Order == SearchOrder.Relevance && candidates.Count > 1)
        {
            pageIds = await RankAsync(postgres, query, candidates, skip, page.SafePageSize, cancellationToken);
        }
        else
        {
            pageIds = [.. candidates.Skip(skip).Take(page.SafePageSize)];
        }

        var rows = await db.Documents.Where(d => pageIds.Contains(d.Id))
            .Select(d => new
            {
                Summary = new DocumentSummary(d.Id, d.CommitteeId, d.Committee!.Name, d.Direction, d.Type, d.Symbol, d.IssuedOn, d.IssuerName, d.Subject),
                Body = d.Body == null ? null : d.Body.Substring(0, SearchHighlighter.MaxScannedLength),
            })
            .ToDictionaryAsync(r => r.Summary.Id, cancellationToken);
        var hits = pageIds.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new DocumentSearchHit(
            r.Summary,
            SearchHighlighter.Highlight(r.Summary.Subject, query),
            r.Summary.Symbol is null ? null : SearchHighlighter.Highlight(r.Summary.Symbol, query),
            SearchHighlighter.Snippet(r.Body, query)));
        return new([.. hits], candidates.Count, capped, page.SafePage, page.SafePageSize);
    }

    /// <summary>
    /// One page of <paramref name="candidates"/> (at most <see cref="MaxCandidates"/>, the newest
    /// matches the actor may see) in relevance order. Ranking is bounded by the candidates, not
    /// by every match: ranking all 100,000 matches of a common word took 898 ms on PostgreSQL.
    /// The price: for a word in more than 10,000 visible documents, an older document that would
    /// rank higher is not considered; the newest 10,000 are.
    /// </summary>
    private async Task<List<int>> RankAsync(bool postgres, SearchQuery query, List<int> candidates, int skip, int take, CancellationToken cancellationToken)
    {
        if (postgres)
        {
            // Normalization 1|4: long texts do not win by length alone; cover density rewards the words close together.
            return await db.Database.SqlQueryRaw<int>(
                """
                SELECT "Id" AS "Value" FROM "Documents"
                WHERE "Id" = ANY({1})
                ORDER BY ts_rank_cd("SearchVector", to_tsquery('simple', {0}), 5) DESC, "IssuedOn" DESC, "Id" DESC
                LIMIT {2} OFFSET {3}
                """,
                query.ToTsQuery(), candidates.ToArray(), take, skip).ToListAsync(cancellationToken);
        }
        // FTS5 computes bm25 while it matches, so the FTS table drives (CROSS JOIN keeps it first)
        // and the candidates only filter; the sort is over at most MaxCandidates rows.
        return await db.Database.SqlQueryRaw<int>(
            """
            SELECT s.rowid AS "Value" FROM "DocumentSearch" s CROSS JOIN "Documents" d
            WHERE "DocumentSearch" MATCH {0} AND d."Id" = s.rowid
              AND d."Id" IN (SELECT value FROM json_each({1}))
            ORDER BY bm25("DocumentSearch"), d."IssuedOn" DESC, d."Id" DESC
            LIMIT {2} OFFSET {3}
            """,
            query.ToFts5(), "[" + string.Join(',', candidates) + "]", take, skip).ToListAsync(cancellationToken);
    }
}
