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
}
