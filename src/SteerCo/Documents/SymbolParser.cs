using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Documents;

/// <summary>Why a text is not a document symbol; the message says it in the user's language.</summary>
public enum SymbolError
{
    Empty,
    TooLong,
    BadCharacter,
    InnerSpace,
    EmptyPart,
    UnknownShape,
    MissingNumber,
    NumberNotPositive,
    NumberTooLarge,
    YearOutOfRange,
    MissingType,
    NotAType,
    NotANormativeType,
    NotAPartyType,
    NeedsYear,
    PartyShape,
    MissingIssuer,
}

/// <summary>A parsed symbol, or why the text is not one (<see cref="Error"/> and <see cref="Message"/>).</summary>
public sealed record SymbolParseResult(DocumentSymbol? Symbol, SymbolError? Error, string? Message)
{
    [MemberNotNullWhen(true, nameof(Symbol))]
    [MemberNotNullWhen(false, nameof(Error), nameof(Message))]
    public bool IsValid => Symbol is not null;
}

/// <summary>
/// Reads a document number and symbol [số, ký hiệu] as a clerk types or pastes it: in NFC or
/// decomposed, with or without "Số:", with spaces around the separators, with the dashes and
/// slashes a word processor substitutes. Never throws: whatever the text, the answer is a
/// <see cref="SymbolParseResult"/>.
/// </summary>
public static partial class SymbolParser
{
    public const int MaxLength = 64;
    public const int MaxNumber = 9_999_999;
    public const int MinYear = 1945;
    public const int MaxYear = 2100;

    // Past this a text is not worth normalizing: no symbol is a thousand characters long.
    private const int MaxInputLength = 1000;

    public static SymbolParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(SymbolError.Empty, Messages.Get("SymbolEmpty"));
        }
        if (text.Length > MaxInputLength)
        {
            return Fail(SymbolError.TooLong, Messages.Get("SymbolTooLong", MaxLength));
        }
        var symbol = Clean(text);
        if (symbol.Length == 0)
        {
            return Fail(SymbolError.Empty, Messages.Get("SymbolEmpty"));
        }
        if (symbol.Length > MaxLength)
        {
            return Fail(SymbolError.TooLong, Messages.Get("SymbolTooLong", MaxLength));
        }
        for (var i = 0; i < symbol.Length; i++)
        {
            if (symbol[i] == ' ')
            {
                return Fail(SymbolError.InnerSpace, Messages.Get("SymbolInnerSpace", symbol));
            }
            if (!(char.IsAsciiDigit(symbol[i]) || char.IsLetter(symbol[i]) || symbol[i] is '/' or '-'))
            {
                return Fail(SymbolError.BadCharacter, Messages.Get("SymbolBadCharacter", symbol, Describe(symbol, i)));
            }
        }
        return ParseClean(symbol);
    }

    private static SymbolParseResult ParseClean(string symbol)
    {
        var digits = 0;
        while (digits < symbol.Length && char.IsAsciiDigit(symbol[digits]))
        {
            digits++;
        }
        if (digits == 0)
        {
            return symbol.Contains('/') || symbol[0] == '-'
                ? Fail(SymbolError.MissingNumber, Messages.Get("SymbolMissingNumber", symbol))
                : Fail(SymbolError.UnknownShape, Messages.Get("SymbolUnknownShape", symbol));
        }
        if (digits == symbol.Length || symbol[digits] is not ('/' or '-'))
        {
            return Fail(SymbolError.UnknownShape, Messages.Get("SymbolUnknownShape", symbol));
        }
        var significant = symbol[..digits].TrimStart('0');
        if (significant.Length == 0)
        {
            return Fail(SymbolError.NumberNotPositive, Messages.Get("SymbolNumberNotPositive", symbol));
        }
        if (significant.Length > 7)
        {
            return Fail(SymbolError.NumberTooLarge, Messages.Get("SymbolNumberTooLarge", symbol, MaxNumber));
        }
        var number = int.Parse(significant, CultureInfo.InvariantCulture);
        var rest = symbol[(digits + 1)..];
        if (symbol[digits] == '-')
        {
            return ParseParty(symbol, number, rest);
        }
        var parts = rest.Split('/');
        return parts.Length switch
        {
            1 => ParseStateOrCongVan(symbol, number, rest),
            2 => ParseWithYear(symbol, number, parts[0], parts[1]),
            _ => Fail(SymbolError.UnknownShape, Messages.Get("SymbolUnknownShape", symbol)),
        };
    }

    // number/TYPE-ISSUER[-UNIT] or number/ISSUER[-UNIT]: the first group decides, by the type table
    // of Decree 30. A body whose abbreviation is also a type (CT for a Cục Thuế) reads as that type:
    // the text alone cannot tell them apart.
    private static SymbolParseResult ParseStateOrCongVan(string symbol, int number, string rest)
    {
        if (rest.Length == 0)
        {
            return Fail(SymbolError.MissingIssuer, Messages.Get("SymbolMissingIssuer", symbol, "40/QĐ-BCĐ"));
        }
        var groups = rest.Split('-');
        var first = groups[0];
        if (first.Length == 0)
        {
            return Fail(SymbolError.MissingType, Messages.Get("SymbolMissingType", symbol, "40/QĐ-BCĐ"));
        }
        if (DocumentTypes.Find(DocumentTypes.State, first) is not null)
        {
            if (groups.Length == 1 || (groups.Length == 2 && groups[1].Length == 0))
            {
                return Fail(SymbolError.MissingIssuer, Messages.Get("SymbolMissingIssuer", symbol, DocumentSymbol.State(number, first, "BCĐ").Normalized));
            }
            return CheckGroups(symbol, groups.AsSpan(1))
                ?? new(DocumentSymbol.State(number, first, groups[1], JoinOrNull(groups.AsSpan(2))), null, null);
        }
        if (DocumentTypes.Find(DocumentTypes.Normative, first) is not null)
        {
            return Fail(SymbolError.NeedsYear, Messages.Get("SymbolNeedsYear", symbol, "30/2020/NĐ-CP"));
        }
        if (groups.Length == 1 && LawIssuer().IsMatch(first))
        {
            return Fail(SymbolError.NeedsYear, Messages.Get("SymbolNeedsYear", symbol, "06/2022/QH15"));
        }
        if (NotAType(first, null, DocumentTypes.State, DocumentTypes.Normative) is { } notAType)
        {
            return notAType;
        }
        if (DocumentTypes.Find(DocumentTypes.Party, first) is not null)
        {
            var issuer = groups.Length > 1 && groups[1].Length > 0 ? string.Join('-', groups[1..]) : "TW";
            return Fail(SymbolError.PartyShape, Messages.Get("SymbolPartyShape", symbol, DocumentSymbol.Party(number, first, issuer).Normalized));
        }
        return CheckGroups(symbol, groups)
            ?? new(DocumentSymbol.CongVan(number, first, JoinOrNull(groups.AsSpan(1))), null, null);
    }

    // number/YEAR/TYPE-ISSUER, or number/YEAR/QH<term> for a law or a resolution of the National
    // Assembly (UBTVQH<term> for its Standing Committee): legislative bodies sign with their term
    // and put no type in the symbol, which is how a law is told from other normative documents.
    private static SymbolParseResult ParseWithYear(string symbol, int number, string yearText, string tail)
    {
        if (yearText.Length == 0 || tail.Length == 0)
        {
            return Fail(SymbolError.EmptyPart, Messages.Get("SymbolEmptyPart", symbol));
        }
        if (!yearText.All(char.IsAsciiDigit))
        {
            return DocumentTypes.Find(DocumentTypes.Party, yearText) is not null
                ? Fail(SymbolError.PartyShape, Messages.Get("SymbolPartyShape", symbol, DocumentSymbol.Party(number, yearText, tail).Normalized))
                : Fail(SymbolError.UnknownShape, Messages.Get("SymbolUnknownShape", symbol));
        }
        if (yearText.Length != 4 || int.Parse(yearText, CultureInfo.InvariantCulture) is < MinYear or > MaxYear)
        {
            return Fail(SymbolError.YearOutOfRange, Messages.Get("SymbolYearOutOfRange", symbol, yearText, MinYear, MaxYear));
        }
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (LawIssuer().IsMatch(tail))
        {
            return new(DocumentSymbol.Law(number, year, tail), null, null);
        }
        var groups = tail.Split('-');
        var first = groups[0];
        if (first.Length == 0)
        {
            return Fail(SymbolError.MissingType, Messages.Get("SymbolMissingType", symbol, "30/2020/NĐ-CP"));
        }
        if (DocumentTypes.Find(DocumentTypes.Normative, first) is not null)
        {
            if (groups.Length == 1 || (groups.Length == 2 && groups[1].Length == 0))
            {
                return Fail(SymbolError.MissingIssuer, Messages.Get("SymbolMissingIssuer", symbol, "30/2020/NĐ-CP"));
            }
            return CheckGroups(symbol, groups.AsSpan(1))
                ?? new(DocumentSymbol.Normative(number, year, first, string.Join('-', groups[1..])), null, null);
        }
        if (NotAType(first, null, DocumentTypes.Normative) is { } notAType)
        {
            return notAType;
        }
        if (groups.Length == 1)
        {
            return Fail(SymbolError.MissingType, Messages.Get("SymbolMissingType", symbol, "30/2020/NĐ-CP"));
        }
        return Fail(SymbolError.NotANormativeType, Messages.Get("SymbolNotANormativeType", first, List(DocumentTypes.Normative)));
    }

    // number-TYPE/ISSUER (Hướng dẫn 36-HD/VPTW).
    private static SymbolParseResult ParsePartyCore(string symbol, int number, string type, string? issuer)
    {
        if (type.Length == 0)
        {
            return Fail(SymbolError.MissingType, Messages.Get("SymbolMissingType", symbol, "35-NQ/TW"));
        }
        if (DocumentTypes.Find(DocumentTypes.Party, type) is null)
        {
            // The Party and the state name a Quy định differently: QĐi and QyĐ.
            var counterpart = type == "QyĐ" ? "QĐi" : null;
            return NotAType(type, counterpart, DocumentTypes.Party)
                ?? Fail(SymbolError.NotAPartyType, Messages.Get("SymbolNotAPartyType", type, List(DocumentTypes.Party)));
        }
        if (string.IsNullOrEmpty(issuer))
        {
            return Fail(SymbolError.MissingIssuer, Messages.Get("SymbolMissingIssuer", symbol, DocumentSymbol.Party(number, type, "TW").Normalized));
        }
        return CheckGroups(symbol, issuer.Split('-'))
            ?? new(DocumentSymbol.Party(number, type, issuer), null, null);
    }

    private static SymbolParseResult ParseParty(string symbol, int number, string rest)
    {
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            return rest.Contains('-')
                ? Fail(SymbolError.UnknownShape, Messages.Get("SymbolUnknownShape", symbol))
                : ParsePartyCore(symbol, number, rest, null);
        }
        var issuer = rest[(slash + 1)..];
        return issuer.Contains('/')
            ? Fail(SymbolError.UnknownShape, Messages.Get("SymbolUnknownShape", symbol))
            : ParsePartyCore(symbol, number, rest[..slash], issuer);
    }

    /// <summary>Every group is there and the issuer begins with a letter.</summary>
    private static SymbolParseResult? CheckGroups(string symbol, ReadOnlySpan<string> groups)
    {
        foreach (var group in groups)
        {
            if (group.Length == 0)
            {
                return Fail(SymbolError.EmptyPart, Messages.Get("SymbolEmptyPart", symbol));
            }
        }
        return char.IsLetter(groups[0][0]) ? null : Fail(SymbolError.UnknownShape, Messages.Get("SymbolUnknownShape", symbol));
    }

    /// <summary>
    /// The types the word was probably meant to be: same letters once case and marks are folded
    /// (QD → QĐ, Ctr → CTr, Da → ĐA or DA).
    /// </summary>
    private static SymbolParseResult? NotAType(string word, string? counterpart, params IReadOnlyList<DocumentType>[] tables)
    {
        var folded = VietnameseText.Fold(word);
        var suggestions = (counterpart is null ? [] : new[] { counterpart }).Concat(tables.SelectMany(t => t)
                .Select(t => t.Abbreviation)
                .Where(a => a != word && VietnameseText.Fold(a) == folded))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return suggestions.Count switch
        {
            0 => null,
            1 => Fail(SymbolError.NotAType, Messages.Get("SymbolNotAType", word, suggestions[0])),
            _ => Fail(SymbolError.NotAType, Messages.Get("SymbolNotATypeEither", word, string.Join("', '", suggestions[..^1]), suggestions[^1])),
        };
    }

    /// <summary>
    /// NFC, the look-alikes a word processor or an old font conversion leaves (Ð for Đ, en dash,
    /// fraction slash), invisible format characters dropped, the "Số:" prefix and the spaces
    /// around separators removed. Spaces elsewhere stay, for the caller to reject.
    /// </summary>
    private static string Clean(string text)
    {
        var mapped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsSurrogate(ch) || ch == '\uFFFE')
            {
                // A lone surrogate or U+FFFE would make Normalize throw; a pair stays, to be reported.
                if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    mapped.Append(ch).Append(text[++i]);
                }
                else
                {
                    mapped.Append('\uFFFD');
                }
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format)
            {
                continue;
            }
            mapped.Append(ch switch
            {
                '\u00D0' => 'Đ',
                '\u00F0' => 'đ',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFE63' or '\uFF0D' => '-',
                '\u2044' or '\u2215' or '\uFF0F' => '/',
                _ => ch,
            });
        }
        var cleaned = StripPrefix(VietnameseText.CleanKeepingControls(mapped.ToString()));
        var result = new StringBuilder(cleaned.Length);
        for (var i = 0; i < cleaned.Length; i++)
        {
            if (cleaned[i] == ' ' && i > 0 && (IsSeparator(cleaned[i - 1]) || (i + 1 < cleaned.Length && IsSeparator(cleaned[i + 1]))))
            {
                continue;
            }
            result.Append(cleaned[i]);
        }
        return result.ToString();
    }

    /// <summary>"Số:", "Số", "số", "SỐ:" and their unaccented forms, as printed above a title.</summary>
    private static string StripPrefix(string text)
    {
        if (text.Length < 3 || char.IsSurrogate(text[1]) || VietnameseText.Fold(text[..2]) != "so" || !(text[2] is ':' or '.' or ' ' || char.IsAsciiDigit(text[2])))
        {
            return text;
        }
        return text[2..].TrimStart(':', '.', ' ');
    }

    private static bool IsSeparator(char ch) => ch is '/' or '-';

    private static string Describe(string text, int index)
    {
        var ch = text[index];
        if (char.IsHighSurrogate(ch) && index + 1 < text.Length)
        {
            return $"U+{char.ConvertToUtf32(ch, text[index + 1]):X4}";
        }
        return char.IsControl(ch) || char.IsSurrogate(ch) || char.IsWhiteSpace(ch)
            || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            ? $"U+{(int)ch:X4}"
            : $"'{ch}'";
    }

    private static string? JoinOrNull(ReadOnlySpan<string> groups) => groups.Length == 0 ? null : string.Join('-', groups);

    private static string List(IReadOnlyList<DocumentType> table) => string.Join(", ", table.Select(t => t.Abbreviation));

    private static SymbolParseResult Fail(SymbolError error, string message) => new(null, error, message);

    [GeneratedRegex("^(?:QH|UBTVQH)[1-9][0-9]?$", RegexOptions.CultureInvariant)]
    private static partial Regex LawIssuer();
}
