using System.Globalization;
using System.Text;

namespace SteerCo.Text;

/// <summary>Normalization and the search fold for Vietnamese text (DOMAIN.md section 5).</summary>
public static class VietnameseText
{
    /// <summary>
    /// Trims, collapses inner white space and normalizes to NFC, the form text is stored in; drops
    /// the characters no document or sheet can hold (see <see cref="Writable"/>).
    /// </summary>
    public static string Clean(string? text) => Collapse(text, dropUnwritable: true);

    /// <summary>
    /// <see cref="Clean"/> that keeps the characters a document cannot hold, for a reader that
    /// refuses them by name (a document symbol says which character is wrong, rather than dropping it).
    /// </summary>
    internal static string CleanKeepingControls(string? text) => Collapse(text, dropUnwritable: false);

    private static string Collapse(string? text, bool dropUnwritable)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var normalized = text.Normalize(NormalizationForm.FormC);
        if (dropUnwritable)
        {
            normalized = Writable(normalized);
        }
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var ch in normalized)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(ch);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Text of several lines (a description, conclusions, a document's body) as it is stored: NFC,
    /// trimmed, its line breaks and tabs kept, the characters no document can hold dropped.
    /// </summary>
    public static string CleanLines(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Writable(text.Normalize(NormalizationForm.FormC)).Trim();

    /// <summary>
    /// <paramref name="text"/> without the characters XML, and so a .docx or .xlsx, cannot hold:
    /// control characters other than tab and line breaks (a NUL or a bell that came with pasted
    /// text), U+FFFE and U+FFFF, and half a surrogate pair. The same string when it has none.
    /// </summary>
    public static string Writable(string text)
    {
        var first = 0;
        while (first < text.Length && !Unwritable(text, first))
        {
            first += char.IsHighSurrogate(text[first]) ? 2 : 1;
        }
        if (first >= text.Length)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (Unwritable(text, i))
            {
                continue;
            }
            builder.Append(text[i]);
            if (char.IsHighSurrogate(text[i]))
            {
                builder.Append(text[++i]);
            }
        }
        return builder.ToString();
    }

    private static bool Unwritable(string text, int i)
    {
        var ch = text[i];
        if (char.IsHighSurrogate(ch))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }
        return char.IsLowSurrogate(ch) || ch is '\uFFFE' or '\uFFFF' || (char.IsControl(ch) && ch is not ('\t' or '\n' or '\r'));
    }

    /// <summary>
    /// The fold used for comparing and searching: removes tone and vowel marks, maps đ to d and
    /// lower-cases, so "Đà Nẵng", "da nang" and "DA NANG" fold to the same text.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var decomposed = Clean(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            });
        }
        return builder.ToString();
    }
}
