using System.Globalization;
using System.Text;
using SteerCo.Text;

namespace SteerCo.Documents.Search;

/// <summary>
/// One thing a document must contain: a word, a word's beginning (<see cref="Prefix"/>, on the last
/// token), or several tokens in a row (a quoted phrase, or a symbol such as 40/QĐ-BCĐ, which the
/// index keeps as the tokens 40, qd, bcd).
/// </summary>
public sealed record SearchClause(IReadOnlyList<string> Tokens, bool Prefix)
{
    public bool IsPhrase => Tokens.Count > 1;
}

/// <summary>
/// What a clerk types, read without ever failing: words (all must match), "quoted phrases",
/// a trailing * for a prefix, symbols as printed. Everything is folded like the indexed text
/// (<see cref="VietnameseText.Fold"/>) and cut into the tokens the indexes make (runs of letters
/// and digits), so no character of the input reaches the database's query syntax.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longer input is cut: nobody types more, and the query stays cheap.</summary>
    public const int MaxLength = 400;

    public const int MaxClauses = 12;
    public const int MaxTokensPerClause = 16;
    public const int MaxTokenLength = 64;

    /// <summary>A prefix of one letter would expand to most of the vocabulary; shorter ones count as whole words.</summary>
    public const int MinPrefixLength = 2;

    private SearchQuery(IReadOnlyList<SearchClause> clauses) => Clauses = clauses;

    public IReadOnlyList<SearchClause> Clauses { get; }

    /// <summary>Nothing searchable was typed: the search shows the register.</summary>
    public bool IsEmpty => Clauses.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        var words = new List<(string Text, bool Prefix)>();
        var input = Sanitize(text);
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < input.Length; i++)
        {
            var ch = input[i];
            if (ch is '"' or '“' or '”' or '„')
            {
                // "chuyen doi s"* : a star just after the closing quote makes the phrase's last word a prefix.
                var starred = quoted && i + 1 < input.Length && input[i + 1] == '*';
                words.Add((current.ToString(), starred));
                current.Clear();
                quoted = !quoted;
                i += starred ? 1 : 0;
            }
            else if (!quoted && char.IsWhiteSpace(ch))
            {
                words.Add((current.ToString(), false));
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }
        // An unclosed quote still means a phrase.
        words.Add((current.ToString(), false));

        var clauses = new List<SearchClause>();
        foreach (var (word, starred) in words)
        {
            if (ToClause(word, starred) is { } clause && !clauses.Any(c => c.Prefix == clause.Prefix && c.Tokens.SequenceEqual(clause.Tokens)))
            {
                clauses.Add(clause);
            }
        }
        // "Số 40/QĐ-BCĐ" as printed on a document: "số" before a symbol is the label, not a word to find.
        for (var i = clauses.Count - 2; i >= 0; i--)
        {
            if (clauses[i] is { Prefix: false, Tokens: ["so"] } && clauses[i + 1].Tokens is [var first, _, ..] && first.All(char.IsAsciiDigit))
            {
                clauses.RemoveAt(i);
            }
        }
        return new([.. clauses.Take(MaxClauses)]);
    }

    /// <summary>The to_tsquery('simple', ...) text: quoted lexemes, &amp; between clauses, &lt;-&gt; inside phrases, :* for a prefix.</summary>
    public string ToTsQuery() => string.Join(" & ", Clauses.Select(c =>
    {
        var tokens = c.Tokens.Select((t, i) => $"'{t}'" + (c.Prefix && i == c.Tokens.Count - 1 ? ":*" : "")).ToList();
        return tokens.Count == 1 ? tokens[0] : "(" + string.Join(" <-> ", tokens) + ")";
    }));

    /// <summary>
    /// The tokens of folded text as the indexes cut it (FTS5 unicode61; PostgreSQL after replacing
    /// everything but letters and digits with spaces): maximal runs of letters and digits.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Tokenize(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inToken = i < folded.Length && IsTokenChar(folded, i);
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
            if (inToken && char.IsHighSurrogate(folded[i]) && i + 1 < folded.Length)
            {
                i++;
            }
        }
    }

    /// <summary>Letters, digits and other numbers, like unicode61's default token characters (L*, N*).</summary>
    internal static bool IsTokenChar(string text, int index)
    {
        var category = char.GetUnicodeCategory(text, index);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>Cuts the input, and turns control characters and broken surrogates into spaces (they would make folding or the database fail).</summary>
    internal static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        for (var i = 0; i < text.Length && builder.Length < MaxLength; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(ch).Append(text[++i]);
            }
            else if (char.IsSurrogate(ch) || char.IsControl(ch) || ch == '\uFFFE' || ch == '\uFFFF')
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(ch);
            }
        }
        return builder.ToString();
    }

    private static SearchClause? ToClause(string raw, bool starred)
    {
        var trimmed = raw.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }
        var folded = VietnameseText.Fold(trimmed);
        var tokens = Tokenize(folded).Select(t => folded.Substring(t.Start, Math.Min(t.Length, MaxTokenLength))).Take(MaxTokensPerClause).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }
        // Inside quotes the tokens are the phrase; outside, a word that folds into several tokens
        // (40/QĐ-BCĐ, COVID-19) is found as those tokens in a row, as it was indexed. A lone short
        // prefix would expand to much of the vocabulary; inside a phrase the other words bound it.
        var prefix = (starred || trimmed.EndsWith('*')) && (tokens.Count > 1 || tokens[0].Length >= MinPrefixLength);
        return new SearchClause(tokens, prefix);
    }
}
