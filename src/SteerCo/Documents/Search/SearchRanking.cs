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
            (c.Id, position, Text: c.SearchText.Length > MaxScannedLength ? c.SearchText[..MaxScannedLength] : c.SearchText, Subject: VietnameseText.Fold(c.Subject)))
            .ToList();
        // Length in characters: the text is not cut into words, the clauses are looked for in it.
        var averageLength = scored.Count == 0 ? 1 : Math.Max(1, scored.Average(s => (double)s.Text.Length));
        return scored
            .Select(s => (s.Id, s.position, Score: Score(s.Text, s.Subject, averageLength)))
            .OrderByDescending(s => s.Score).ThenBy(s => s.position)
            .Select(s => s.Id);
    }

    private double Score(string text, string subject, double averageLength)
    {
        var score = 0.0;
        for (var i = 0; i < query.Clauses.Count; i++)
        {
            var clause = query.Clauses[i];
            var frequency = Math.Clamp(i < frequencies.Count ? frequencies[i] : 0, 0, documents);
            var idf = Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
            var tf = Occurrences(text, clause) + (SubjectWeight * Occurrences(subject, clause));
            score += idf * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * text.Length / averageLength))));
        }
        return score;
    }

    /// <summary>
    /// How often the clause's words stand in <paramref name="folded"/> as the index cut them: its first
    /// word found with a (vectorized) ordinal search and checked to be a whole word, the next ones
    /// read after it. Cutting every candidate into words took 160-440 ms for 1,000 candidates.
    /// </summary>
    internal static int Occurrences(string folded, SearchClause clause)
    {
        var count = 0;
        var first = clause.Tokens[0];
        var last = clause.Tokens.Count - 1;
        for (var at = folded.IndexOf(first, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(first, at + 1, StringComparison.Ordinal))
        {
            var end = at + first.Length;
            var whole = (at == 0 || !SearchQuery.IsTokenChar(folded, at - 1))
                && ((clause.Prefix && last == 0) || end == folded.Length || !SearchQuery.IsTokenChar(folded, end));
            count += whole && Follows(folded, end, clause) ? 1 : 0;
        }
        return count;
    }

    /// <summary>Whether the clause's words after the first come next in <paramref name="folded"/>, from <paramref name="position"/>.</summary>
    private static bool Follows(string folded, int position, SearchClause clause)
    {
        for (var j = 1; j < clause.Tokens.Count; j++)
        {
            while (position < folded.Length && !SearchQuery.IsTokenChar(folded, position))
            {
                position++;
            }
            var start = position;
            while (position < folded.Length && SearchQuery.IsTokenChar(folded, position))
            {
                position++;
            }
            var word = folded.AsSpan(start, position - start);
            var expected = clause.Tokens[j];
            var matches = clause.Prefix && j == clause.Tokens.Count - 1
                ? word.StartsWith(expected, StringComparison.Ordinal)
                : word.Equals(expected, StringComparison.Ordinal);
            if (!matches)
            {
                return false;
            }
        }
        return true;
    }
}
