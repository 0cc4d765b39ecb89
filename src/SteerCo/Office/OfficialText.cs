using System.Globalization;
using SteerCo.Committees;

namespace SteerCo.Office;

/// <summary>The words official documents print the same way every time: number line, dates, lists.</summary>
public static class OfficialText
{
    public const string Motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Slogan = "Độc lập - Tự do - Hạnh phúc";
    public const string PartyTitle = "ĐẢNG CỘNG SẢN VIỆT NAM";

    /// <summary>Printed where the number goes until the register issues it at signing.</summary>
    private const string NumberBlank = "      ";

    /// <summary>
    /// "ngày 05 tháng 3 năm 2026": a leading zero for days below 10 and for months 1 and 2, so
    /// that "tháng 1" cannot be altered to "tháng 11" (Decree 30 Appendix I; HD 36 likewise).
    /// </summary>
    public static string LongDate(DateOnly date)
    {
        var month = date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {date.Day.ToString("00", CultureInfo.InvariantCulture)} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"Hà Nội, ngày 05 tháng 3 năm 2026".</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place.Trim()}, {LongDate(date)}";

    /// <summary>
    /// The number and symbol as cited: "12/QĐ-UBND" (State), "12-QĐ/TU" (Party); numbers below 10
    /// get a leading zero. <paramref name="symbol"/> is what follows the number ("QĐ-UBND", "QĐ/TU");
    /// a null number leaves room to write it in.
    /// </summary>
    public static string NumberAndSymbol(DocumentSystem system, int? number, string symbol)
    {
        var digits = number is { } n ? n.ToString("00", CultureInfo.InvariantCulture) : NumberBlank;
        return system == DocumentSystem.Party ? $"{digits}-{symbol.Trim()}" : $"{digits}/{symbol.Trim()}";
    }

    /// <summary>"Số: 12/QĐ-UBND" (State, with a colon) or "Số 12-QĐ/TU" (Party, without, since 2018).</summary>
    public static string NumberLine(DocumentSystem system, int? number, string symbol) =>
        (system == DocumentSystem.Party ? "Số " : "Số: ") + NumberAndSymbol(system, number, symbol);

    /// <summary>
    /// Items of a list that runs as one sentence, one per line: each ends with
    /// <paramref name="separator"/>, the last with <paramref name="last"/>, whatever the caller typed
    /// at their ends; <paramref name="prefix"/> ("- ") goes before each.
    /// </summary>
    public static IReadOnlyList<string> Enumerate(IEnumerable<string> items, string separator, string last, string prefix = "")
    {
        var trimmed = items.Select(i => i.Trim().TrimEnd(';', ',', '.', ' ')).Where(i => i.Length > 0).ToList();
        return trimmed.Select((item, index) => prefix + item + (index == trimmed.Count - 1 ? last : separator)).ToList();
    }

    /// <summary>The recipients as printed: "- Như Điều 3;" ... "- Lưu: VT, NNMT." (Party: commas).</summary>
    public static IReadOnlyList<string> Recipients(OfficialStyle style, IEnumerable<string> recipients) =>
        Enumerate(recipients, style.RecipientSeparator, ".", "- ");

    /// <summary>How wide <paramref name="text"/> prints in Times New Roman, in millimetres.</summary>
    public static double Width(string text, double size, bool bold) => TextWidth.Millimetres(text, size, bold);

    /// <summary>
    /// A heading too long for its column broken at spaces into as few lines as it needs, each no
    /// wider than <paramref name="widthMm"/>, and as even as those lines allow, the way a clerk
    /// breaks "BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI ..." in the header (Times New Roman metrics).
    /// </summary>
    public static IReadOnlyList<string> Balanced(string text, double widthMm, double size, bool bold)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double LineWidth(string line) => Width(line, size, bold);
        List<string> Fill(double limit)
        {
            var lines = new List<string>();
            foreach (var word in words)
            {
                if (lines.Count > 0 && LineWidth(lines[^1] + " " + word) <= limit)
                {
                    lines[^1] += " " + word;
                }
                else
                {
                    lines.Add(word);
                }
            }
            return lines;
        }
        var count = Fill(widthMm).Count;
        double low = words.Select(LineWidth).DefaultIfEmpty(0).Max(), high = Math.Max(widthMm, low);
        // The narrowest limit that still needs no more lines than the widest one.
        for (var i = 0; i < 20 && high - low > 0.5; i++)
        {
            var middle = (low + high) / 2;
            if (Fill(middle).Count <= count)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
        return Fill(high);
    }
}
