using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Resources;

namespace SteerCo.Documents;

/// <summary>Checks on what a clerk enters, each with the message the clerk sees.</summary>
internal static class DocumentRules
{
    public const int SubjectLength = 1000;

    /// <summary>The signer's name and title, each (their columns' length).</summary>
    public const int SignerLength = 200;

    /// <summary>
    /// An issue date the register takes, for a document or a number reserved for one: not after
    /// tomorrow (a clerk a few hours ahead of the server's zone), and not before the years a
    /// symbol can carry (<see cref="SymbolParser.MinYear"/>), so a mistyped year opens no series.
    /// </summary>
    public static Problem? CheckIssuedOn(DateOnly issuedOn, DateOnly today) =>
        issuedOn > today.AddDays(1) ? new(nameof(DocumentInput.IssuedOn), Messages.Get("IssuedOnInFuture"))
        : issuedOn.Year < SymbolParser.MinYear ? new(nameof(DocumentInput.IssuedOn), Messages.Get("IssuedOnTooEarly", SymbolParser.MinYear))
        : null;

    /// <summary>A type the committee's document system knows, exactly as written (QĐ, not QD); null is a công văn.</summary>
    public static Problem? CheckType(Committee committee, string? type)
    {
        if (type is null)
        {
            return null;
        }
        var table = committee.DocumentSystem == DocumentSystem.Party ? DocumentTypes.Party : DocumentTypes.State;
        if (DocumentTypes.Find(table, type) is not null)
        {
            return null;
        }
        var folded = Text.VietnameseText.Fold(type);
        var likely = table.Where(t => Text.VietnameseText.Fold(t.Abbreviation) == folded).Select(t => t.Abbreviation).ToList();
        var quoted = Excerpt(type);
        return new Problem(nameof(DocumentInput.Type), likely.Count switch
        {
            0 => Messages.Get("DocumentTypeUnknown", quoted),
            1 => Messages.Get("SymbolNotAType", quoted, likely[0]),
            _ => Messages.Get("SymbolNotATypeEither", quoted, likely[0], likely[1]),
        });
    }

    /// <summary>
    /// A type typed with a symbol that has none (a công văn, a law) is kept when the committee's
    /// system knows it; a symbol that has one decides, and a different type sent with it is refused.
    /// </summary>
    public static Problem? CheckTypeAgainstSymbol(Committee committee, string? type, DocumentSymbol symbol) =>
        type is null ? null
        : symbol.Type is null ? CheckType(committee, type)
        : string.Equals(type, symbol.Type, StringComparison.Ordinal) ? null
        : new(nameof(DocumentInput.Type), Messages.Get("TypeDiffersFromSymbol", Excerpt(type), symbol.Type, symbol.Normalized));

    /// <summary>
    /// What the clerk typed, quoted back in a message: its first <paramref name="length"/>
    /// characters and an ellipsis when longer, so a 100 kB value is not sent back whole.
    /// </summary>
    public static string Excerpt(string text, int length = 20)
    {
        if (text.Length <= length)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut] + "…";
    }
}
