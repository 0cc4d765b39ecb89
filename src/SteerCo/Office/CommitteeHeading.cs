using System.Globalization;
using System.Text.RegularExpressions;
using SteerCo.Committees;
using SteerCo.Units;

namespace SteerCo.Office;

/// <summary>
/// What a committee prints at the top left of its own documents, and where it dates them: its
/// name in bold capitals under the body it belongs to (State "UBND TỈNH ...", Decree 30 letting
/// the common names be shortened there; Party the Party committee of its level).
/// </summary>
public static partial class CommitteeHeading
{
    public static IssuingBody Issuer(string committeeName, string unitName, UnitLevel level, string? unitKind, DocumentSystem system)
    {
        var party = system == DocumentSystem.Party;
        var style = party ? OfficialStyle.Party : OfficialStyle.State;
        return new IssuingBody(
            Superior(unitName, level, unitKind, party) is { } superior ? [superior] : [],
            OfficialText.Balanced(Upper(committeeName), style.TextWidthMm * style.HeaderLeftShare - 3, style.IssuingBodySize, bold: true));
    }

    /// <summary>"Thành phố Đà Nẵng" → "Đà Nẵng", "Phường Hải Châu" → "Hải Châu"; the centre signs in Hà Nội.</summary>
    public static string Place(string unitName, UnitLevel level) =>
        level == UnitLevel.Central ? "Hà Nội" : KindPrefix().Replace(unitName.Trim(), "");

    private static string? Superior(string unitName, UnitLevel level, string? unitKind, bool party)
    {
        var place = Upper(Place(unitName, level));
        return (level, party) switch
        {
            (UnitLevel.Central, false) => null,
            (UnitLevel.Central, true) => "BAN CHẤP HÀNH TRUNG ƯƠNG",
            (UnitLevel.Province, true) => (unitKind == "thanh_pho" ? "THÀNH ỦY " : "TỈNH ỦY ") + place,
            (_, true) => "ĐẢNG ỦY " + Upper(unitName),
            _ => "UBND " + Upper(unitName),
        };
    }

    public static string Upper(string text) => text.Trim().ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    [GeneratedRegex(@"^(Tỉnh|Thành phố|Xã|Phường|Đặc khu|Thị trấn|Huyện|Quận|Thị xã)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex KindPrefix();
}
