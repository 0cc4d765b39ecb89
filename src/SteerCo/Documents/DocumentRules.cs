using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Resources;

namespace SteerCo.Documents;

/// <summary>Checks on what a clerk enters, each with the message the clerk sees.</summary>
internal static class DocumentRules
{
    public const int SubjectLength = 1000;

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
        return new Problem(nameof(DocumentInput.Type), likely.Count switch
        {
            0 => Messages.Get("DocumentTypeUnknown", type),
            1 => Messages.Get("SymbolNotAType", type, likely[0]),
            _ => Messages.Get("SymbolNotATypeEither", type, likely[0], likely[1]),
        });
    }
}
