using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SteerCo.Documents.Search;

/// <summary>
/// Marks the words a query matched in the original text. The text is folded character by
/// character, remembering where each folded character came from, so that "nghi quyet" marks
/// "Nghị quyết" as printed. Everything is HTML-encoded; only the &lt;mark&gt; tags are markup.
/// </summary>
public static class SearchHighlighter
{
    /// <summary>Text past this point is not looked at for a snippet (bodies can be whole books).</summary>
    public const int MaxScannedLength = 20_000;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The whole text, encoded, with the matched words marked.</summary>
    public static string Highlight(string? text, SearchQuery query)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        return Render(text, Find(text, query), 0, text.Length);
    }

    /// <summary>
    /// About <paramref name="width"/> characters of the text around its first match (or its
    /// beginning when nothing matched there), encoded and marked, with … where it was cut.
    /// </summary>
    public static string? Snippet(string? text, SearchQuery query, int width = 240)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (text.Length > MaxScannedLength)
        {
            text = text[..MaxScannedLength];
        }
        var matches = Matches(text, query);
        var marks = Merge(text, matches);
        // Centre on the stretch where the most different words of the query meet, not on the
        // first hit of a common one ("phòng" in every preamble before "dự phòng").
        var anchor = matches.Count == 0 ? (Start: 0, End: 0) : matches
            .Select(m => (m.Start, m.End, Words: matches.Where(o => o.Start >= m.Start && o.Start < m.Start + width * 2 / 3).Select(o => o.Clause).Distinct().Count()))
            .OrderByDescending(m => m.Words).ThenBy(m => m.Start).Select(m => (m.Start, m.End)).First();
        var start = matches.Count > 0 ? Math.Max(0, anchor.Start - width / 3) : 0;
        if (start > 0)
        {
            // Begin at a word, not inside one.
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < anchor.Start ? space + 1 : start;
        }
        var end = Math.Min(text.Length, start + width);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            end = space > start && space > anchor.End ? space : end;
        }
        if (end > 0 && end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }
        var body = Render(text, marks, start, end);
        return (start > 0 ? "… " : "") + body.Trim() + (end < text.Length ? " …" : "");
    }

    /// <summary>The ranges of the original text that the query's clauses matched, in order, not overlapping.</summary>
    public static List<(int Start, int End)> Find(string text, SearchQuery query) => Merge(text, Matches(text, query));

    /// <summary>Every place a clause matched: the range in the original text and the clause's index.</summary>
    private static List<(int Start, int End, int Clause)> Matches(string text, SearchQuery query)
    {
        var (folded, origin) = Fold(text);
        var tokens = SearchQuery.Tokenize(folded).Select(t => (t.Start, t.Length, Text: folded.Substring(t.Start, t.Length))).ToList();
        var matches = new List<(int Start, int End, int Clause)>();
        for (var c = 0; c < query.Clauses.Count; c++)
        {
            var clause = query.Clauses[c];
            var n = clause.Tokens.Count;
            for (var i = 0; i + n <= tokens.Count; i++)
            {
                var matched = true;
                for (var k = 0; k < n && matched; k++)
                {
                    var token = tokens[i + k].Text;
                    var wanted = clause.Tokens[k];
                    matched = clause.Prefix && k == n - 1 ? token.StartsWith(wanted, StringComparison.Ordinal) : token == wanted;
                }
                if (matched)
                {
                    var last = tokens[i + n - 1];
                    matches.Add((origin[tokens[i].Start], End(text, origin[last.Start + last.Length - 1]), c));
                }
            }
        }
        matches.Sort();
        return matches;
    }

    private static List<(int Start, int End)> Merge(string text, List<(int Start, int End, int Clause)> matches)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var (start, end, _) in matches)
        {
            // Words matched one after the other are one mark: "Nghị quyết", not "Nghị" and "quyết".
            if (merged.Count > 0 && (start <= merged[^1].End || string.IsNullOrWhiteSpace(text[merged[^1].End..start])))
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }
        return merged;
    }

    /// <summary>
    /// The search fold (<see cref="Text.VietnameseText.Fold"/>) of each character on its own:
    /// marks dropped, đ→d, lower case; <c>origin[i]</c> is the index in <paramref name="text"/>
    /// of the character folded character i came from.
    /// </summary>
    internal static (string Folded, int[] Origin) Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch < 0x80)
            {
                folded.Append(char.ToLowerInvariant(ch));
                origin.Add(i);
            }
            else if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                folded.Append(ch).Append(text[i + 1]);
                origin.Add(i);
                origin.Add(i);
                i++;
            }
            else if (char.IsSurrogate(ch))
            {
                folded.Append(' ');
                origin.Add(i);
            }
            else if (ch is 'đ' or 'Đ')
            {
                folded.Append('d');
                origin.Add(i);
            }
            else
            {
                foreach (var part in ch.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                    {
                        folded.Append(char.ToLowerInvariant(part));
                        origin.Add(i);
                    }
                }
            }
        }
        return (folded.ToString(), [.. origin]);
    }

    /// <summary>Just past the original character at <paramref name="index"/>, with its surrogate half and any combining marks typed after it.</summary>
    private static int End(string text, int index)
    {
        var end = index + 1;
        if (char.IsHighSurrogate(text[index]) && end < text.Length)
        {
            end++;
        }
        while (end < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[end]) == UnicodeCategory.NonSpacingMark)
        {
            end++;
        }
        return end;
    }

    private static string Render(string text, List<(int Start, int End)> marks, int start, int end)
    {
        var html = new StringBuilder();
        var at = start;
        foreach (var (markStart, markEnd) in marks)
        {
            if (markEnd <= start || markStart >= end)
            {
                continue;
            }
            var from = Math.Max(markStart, start);
            var to = Math.Min(markEnd, end);
            html.Append(Encode(text[at..from])).Append("<mark>").Append(Encode(text[from..to])).Append("</mark>");
            at = to;
        }
        html.Append(Encode(text[at..end]));
        return html.ToString();
    }

    /// <summary>HTML-encodes, with runs of white space (line breaks of a body) as one space; Vietnamese letters stay readable.</summary>
    private static string Encode(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (!char.IsWhiteSpace(ch))
            {
                collapsed.Append(ch);
            }
            else if (collapsed.Length == 0 || collapsed[^1] != ' ')
            {
                collapsed.Append(' ');
            }
        }
        return Encoder.Encode(collapsed.ToString());
    }
}
