using System.Globalization;
using System.Text;

namespace SteerCo.Office;

/// <summary>
/// How wide a line of Times New Roman is, so that the header's columns can fit their lines and
/// the short rules under the motto, the issuer and the subject can be as long as the rules ask
/// (a fraction of the line, or all of it) without a drawing. Advance widths of the printable
/// ASCII letters, in 1/2048 em, read from Liberation Serif, which has Times New Roman's metrics;
/// a Vietnamese letter is as wide as its base letter, except ơ and ư, whose horns widen them.
/// Italics are measured as upright text, which is no narrower.
/// </summary>
internal static class TextWidth
{
    private const double UnitsPerEm = 2048;

    private static readonly int[] Regular =
    [
        512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909,
        1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479,
        1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024,
        682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024,
        1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
    ];

    private static readonly int[] Bold =
    [
        512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569,
        1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024,
        1905, 1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593,
        1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024,
        682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024,
        1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
    ];

    public static double Points(string text, double size, bool bold)
    {
        double units = 0;
        foreach (var letter in text.Normalize(NormalizationForm.FormC))
        {
            units += Units(letter, bold);
        }
        return units / UnitsPerEm * size;
    }

    public static double Millimetres(string text, double size, bool bold) => Points(text, size, bold) / 72 * 25.4;

    private static int Units(char letter, bool bold) => letter switch
    {
        >= ' ' and <= '~' => (bold ? Bold : Regular)[letter - ' '],
        'ơ' => bold ? 1134 : 1083,
        'ư' => bold ? 1229 : 1110,
        'Ơ' => bold ? 1593 : 1479,
        'Ư' => bold ? 1630 : 1589,
        'đ' => bold ? 1139 : 1024,
        'Đ' => 1479,
        _ => BaseLetter(letter) is var b && b != letter ? Units(b, bold) : 1024,
    };

    /// <summary>"ầ" → "a", "ờ" → "ơ": the letter without its tone and hat marks, keeping the horn.</summary>
    private static char BaseLetter(char letter)
    {
        var kept = letter.ToString().Normalize(NormalizationForm.FormD)
            .Where(c => c == '\u031B' || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .ToArray();
        var composed = new string(kept).Normalize(NormalizationForm.FormC);
        return composed.Length == 1 ? composed[0] : letter;
    }
}
