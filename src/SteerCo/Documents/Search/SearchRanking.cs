using SteerCo.Text;

namespace SteerCo.Documents.Search;

/// <summary>
/// Okapi BM25 over a bounded set of candidates, in C#: each clause (word, phrase or prefix) weighs
/// by how rare it is in the register (<paramref name="frequencies"/>, documents containing it, of
/// <paramref name="documents"/>) and by how often it occurs in a document, saturating, relative
/// to the document's length; a clause in the subject counts twice more. Ties keep the candidates'
/// order (newest first).
/// </summary>
internal sealed class SearchRanking(SearchQuery query, IReadOnlyList<double> frequencies, double documents)
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double SubjectWeight = 2;

    /// <summary>Only so much of a long text is read: a clause's weight saturates long before.</summary>
    private const int MaxScannedLength = 20_000;

    public IEnumerable<int> Order(IEnumerable<(int Id, string Subject, string SearchText)> candidates)
    {
        var scored = candidates.Select((c, position) =>
        {
            var tokens = Tokens(c.SearchText.Length > MaxScannedLength ? c.SearchText[..MaxScannedLength] : c.SearchText);
            var subject = Tokens(VietnameseText.Fold(c.Subject));
            return (c.Id, position, tokens, subject);
        }).ToList();
        var averageLength = scored.Count == 0 ? 1 : Math.Max(1, scored.Average(s => (double)s.tokens.Length));
        return scored
            .Select(s => (s.Id, s.position, Score: Score(s.tokens, s.subject, averageLength)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.position)
            .Select(s => s.Id);
    }

    private double Score(string[] tokens, string[] subject, double averageLength)
    {
        var score = 0.0;
        for (var i = 0; i < query.Clauses.Count; i++)
        {
            var clause = query.Clauses[i];
            var frequency = Math.Clamp(i < frequencies.Count ? frequencies[i] : 0, 0, documents);
            var idf = Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
            var tf = Occurrences(tokens, clause) + (SubjectWeight * Occurrences(subject, clause));
            score += idf * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * tokens.Length / averageLength))));
        }
        return score;
    }

    internal static int Occurrences(string[] tokens, SearchClause clause)
    {
        var count = 0;
        var last = clause.Tokens.Count - 1;
        for (var start = 0; start + last < tokens.Length; start++)
        {
            var matches = true;
            for (var j = 0; j <= last && matches; j++)
            {
                var token = tokens[start + j];
                matches = clause.Prefix && j == last
                    ? token.StartsWith(clause.Tokens[j], StringComparison.Ordinal)
                    : token.Equals(clause.Tokens[j], StringComparison.Ordinal);
            }
            count += matches ? 1 : 0;
        }
        return count;
    }

    private static string[] Tokens(string folded) =>
        [.. SearchQuery.Tokenize(folded).Select(t => folded.Substring(t.Start, Math.Min(t.Length, SearchQuery.MaxTokenLength)))];
}
