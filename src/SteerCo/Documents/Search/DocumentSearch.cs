using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Text;

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
/// One page of results. <see cref="Total"/> stops at <see cref="Limit"/>: when
/// <see cref="TotalIsCapped"/>, there are more ("10,000+") and only that many can be paged
/// through; in relevance order the limit is <see cref="DocumentSearch.RankedCandidates"/>, the
/// newest matches that are ranked.
/// </summary>
public sealed record DocumentSearchResults(IReadOnlyList<DocumentSearchHit> Items, int Total, bool TotalIsCapped, int Page, int PageSize, int Limit = DocumentSearch.MaxCandidates)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>
/// Diacritic-insensitive full-text search over the register: symbol, subject, issuer, signer,
/// body and file text (<see cref="Document.SearchText"/>), within the scope rule and the
/// register's filters. SQLite matches in the FTS5 table DocumentSearch; PostgreSQL in the
/// tsvector columns Documents.SearchVector and ScopeVector (both made by the DocumentSearch and
/// DocumentSearchByDate migrations; <see cref="SqliteSearchIndex"/>, <see cref="PostgresSearchIndex"/>).
/// </summary>
public sealed class DocumentSearch(SteerCoDbContext db, DocumentRegister register, SearchVocabulary vocabulary)
{
    /// <summary>
    /// The most matches counted and paged through, newest first. Past this many a clerk refines
    /// the query instead of paging, so the total reads "10,000+".
    /// </summary>
    public const int MaxCandidates = 10_000;

    /// <summary>
    /// Relevance ranks the newest this many matches: ranking every match of a word in half the
    /// register took 898 ms on PostgreSQL at 1M documents. The price: for a word in more than
    /// this many visible documents, an older document that would rank higher is not considered.
    /// </summary>
    public const int RankedCandidates = 1_000;

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
        if (Scope.SearchTokens(actor) is not { } readable)
        {
            return new([], 0, false, page.PageIn(0), page.SafePageSize);
        }

        var where = new SearchWhere(query, readable, filters.UnderId is { } under ? [$"s{under}"] : [], filters with
        {
            Type = NullIfEmpty(VietnameseText.Clean(filters.Type)),
            Issuer = NullIfEmpty(VietnameseText.Clean(filters.Issuer)),
        });
        ISearchIndex index = db.Database.IsNpgsql() ? new PostgresSearchIndex(db) : new SqliteSearchIndex(db, vocabulary);
        var limit = request.Order == SearchOrder.Relevance ? RankedCandidates : MaxCandidates;
        var total = await index.CountAsync(where, Math.Max(limit, index.SortLimit) + 1, cancellationToken);
        var number = page.PageIn(Math.Min(total, limit));
        var skip = (number - 1) * page.SafePageSize;
        var broad = total > index.SortLimit;
        List<int> pageIds;
        if (request.Order == SearchOrder.Relevance && total > 1)
        {
            var candidates = await index.NewestAsync(where, 0, RankedCandidates, broad, cancellationToken);
            pageIds = await index.RankAsync(where, candidates, skip, page.SafePageSize, cancellationToken);
        }
        else
        {
            pageIds = skip >= MaxCandidates ? [] : await index.NewestAsync(where, skip, Math.Min(page.SafePageSize, MaxCandidates - skip), broad, cancellationToken);
        }

        var rows = await db.Documents.Where(d => pageIds.Contains(d.Id))
            .Select(d => new
            {
                Summary = new DocumentSummary(d.Id, d.CommitteeId, d.Committee!.Name, d.Direction, d.Type, d.Symbol, d.IssuedOn, d.IssuerName, d.Subject),
                Body = d.Body == null ? null : d.Body.Substring(0, SearchHighlighter.MaxScannedLength),
            })
            .ToDictionaryAsync(r => r.Summary.Id, cancellationToken);
        var snippets = pageIds.Where(rows.ContainsKey).ToDictionary(id => id, id => SearchHighlighter.Snippet(rows[id].Body, query));
        await SnippetsFromFilesAsync(snippets, query, cancellationToken);
        var hits = pageIds.Where(rows.ContainsKey).Select(id => new DocumentSearchHit(
            rows[id].Summary,
            SearchHighlighter.Highlight(rows[id].Summary.Subject, query),
            rows[id].Summary.Symbol is null ? null : SearchHighlighter.Highlight(rows[id].Summary.Symbol, query),
            snippets[id]));
        return new([.. hits], Math.Min(total, limit), total > limit, number, page.SafePageSize, limit);
    }

    /// <summary>
    /// A hit whose body has none of the words (a document found by its scanned PDF) gets the
    /// extract of the first of its files that has them.
    /// </summary>
    private async Task SnippetsFromFilesAsync(Dictionary<int, string?> snippets, SearchQuery query, CancellationToken cancellationToken)
    {
        var unmarked = snippets.Where(s => s.Value?.Contains("<mark>", StringComparison.Ordinal) != true).Select(s => s.Key).ToList();
        if (unmarked.Count == 0)
        {
            return;
        }
        var files = await db.DocumentFiles.Where(f => unmarked.Contains(f.DocumentId) && f.DeletedAt == null && f.ExtractedText != null)
            .OrderBy(f => f.Id).Select(f => new { f.DocumentId, Text = f.ExtractedText!.Substring(0, SearchHighlighter.MaxScannedLength) })
            .ToListAsync(cancellationToken);
        foreach (var file in files)
        {
            if (snippets[file.DocumentId]?.Contains("<mark>", StringComparison.Ordinal) != true
                && SearchHighlighter.Snippet(file.Text, query) is { } snippet && snippet.Contains("<mark>", StringComparison.Ordinal))
            {
                snippets[file.DocumentId] = snippet;
            }
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
