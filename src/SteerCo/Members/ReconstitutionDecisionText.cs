using System.Text.RegularExpressions;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Office;
using SteerCo.Text;
using SteerCo.Units;

namespace SteerCo.Members;

/// <summary>
/// Words a decision on reconstitution prints, from what the system holds: the committee decides
/// on its own composition (the register numbers the QĐ in the committee's series, "05/QĐ-BCĐ"),
/// under the body it belongs to, signed by its Trưởng ban or for them. What the system cannot know
/// (grounds beyond the standard ones) the clerk adds in the DOCX, which is what they edit and sign.
/// </summary>
public static partial class ReconstitutionDecisionText
{
    public static ReconstitutionDecision Compose(ReconstitutionDecisionModel model)
    {
        var party = model.DocumentSystem == DocumentSystem.Party;
        var place = PlaceName(model.UnitName, model.UnitLevel);
        var date = model.DecisionIssuedOn ?? model.EffectiveOn;
        var (number, symbol) = SplitSymbol(model.DecisionSymbol, party, model.CommitteeAbbreviation);
        var chair = model.Members.FirstOrDefault(m => VietnameseText.Fold(m.PostName) == "truong ban");
        var standing = model.StandingAgencyName;

        return new ReconstitutionDecision
        {
            Layout = model.DocumentSystem,
            Issuer = CommitteeHeading.Issuer(model.CommitteeName, model.UnitName, model.UnitLevel, model.UnitKind, model.DocumentSystem),
            Number = number,
            Symbol = symbol,
            Place = place,
            Date = date,
            CommitteeName = model.CommitteeName,
            DecidingAuthority = party ? "BAN CHỈ ĐẠO" : "TRƯỞNG BAN " + Upper(model.CommitteeName),
            IssuedBy = party ? "Ban Chỉ đạo" : "Trưởng ban " + model.CommitteeName,
            LegalBases = LegalBases(model, party),
            Articles = Articles(model, party, standing),
            Recipients =
            [
                "Như Điều 3",
                .. model.ParentCommitteeName is { } parent ? [$"{parent} (để báo cáo)"] : Array.Empty<string>(),
                party ? "Lưu VT" : "Lưu: VT",
            ],
            Signature = Signature(model, party, chair?.FullName),
            Members = [.. model.Members.Select(m => new ReconstitutionMember(m.FullName, JobTitleAndAgency(m.JobTitle, m.AgencyName), m.PostName))],
        };
    }

    /// <summary>"05/QĐ-BCĐ" → (5, "QĐ-BCĐ"); Party "05-QĐ/BCĐ" → (5, "QĐ/BCĐ"); none yet → a blank number and the committee's symbol.</summary>
    internal static (int? Number, string Symbol) SplitSymbol(string? symbol, bool party, string abbreviation)
    {
        if (symbol is not null && NumberPrefix().Match(symbol) is { Success: true } match)
        {
            return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), symbol[match.Length..]);
        }
        return (null, party ? $"QĐ/{abbreviation}" : $"QĐ-{abbreviation}");
    }

    /// <summary>"Thành phố Đà Nẵng" → "Đà Nẵng", "Phường Hải Châu" → "Hải Châu"; the centre signs in Hà Nội.</summary>
    internal static string PlaceName(string unitName, UnitLevel level) => CommitteeHeading.Place(unitName, level);

    private static IReadOnlyList<string> LegalBases(ReconstitutionDecisionModel model, bool party)
    {
        var proposer = model.StandingAgencyName is { } agency
            ? $"{(party ? "Xét" : "Theo")} đề nghị của {agency}, cơ quan thường trực Ban Chỉ đạo"
            : $"{(party ? "Xét" : "Theo")} đề nghị của bộ phận giúp việc Ban Chỉ đạo";
        return party
            ? ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam", "Căn cứ Quy chế làm việc của Ban Chỉ đạo", proposer]
            :
            [
                model.UnitLevel == UnitLevel.Central
                    ? "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025"
                    : "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
                "Căn cứ Quy chế hoạt động của Ban Chỉ đạo",
                proposer,
            ];
    }

    private static IReadOnlyList<string> Articles(ReconstitutionDecisionModel model, bool party, string? standing)
    {
        var members = party ? "các đồng chí có tên trong danh sách kèm theo" : "các thành viên có tên tại Danh sách kèm theo Quyết định này";
        var first = $"Kiện toàn {model.CommitteeName} (sau đây gọi tắt là Ban Chỉ đạo) gồm {members}.";
        var second = "Ban Chỉ đạo thực hiện nhiệm vụ, quyền hạn theo Quy chế hoạt động của Ban Chỉ đạo. Trưởng ban phân công nhiệm vụ cụ thể cho các thành viên; thành viên Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm."
            + (standing is null ? "" : $" {standing} là cơ quan thường trực của Ban Chỉ đạo.");
        var from = model.DecisionIssuedOn is { } issued && issued == model.EffectiveOn ? "kể từ ngày ký" : "kể từ " + OfficialText.LongDate(model.EffectiveOn);
        var replaces = model.PreviousDecisionSymbol is { } previous && model.PreviousDecisionIssuedOn is { } on
            ? $" và thay thế Quyết định số {previous} {OfficialText.LongDate(on)}"
            : "";
        var who = standing is null ? "Các cơ quan, đơn vị có liên quan" : $"{standing}, các cơ quan, đơn vị có liên quan";
        var third = party
            ? $"Quyết định có hiệu lực {from}{replaces}. {who} và các đồng chí có tên tại Điều 1 thi hành quyết định này."
            : $"Quyết định này có hiệu lực {from}{replaces}. {who} và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.";
        return [first, second, third];
    }

    /// <summary>
    /// The signing block of the register entry: TM./KT./TL. lines per the signing authority; with
    /// no signer recorded yet, the new Trưởng ban signs in their own name.
    /// </summary>
    private static Signature Signature(ReconstitutionDecisionModel model, bool party, string? chair)
    {
        var authority = model.SigningAuthority switch
        {
            SigningAuthority.OnBehalf => [party ? "T/M BAN CHỈ ĐẠO" : "TM. BAN CHỈ ĐẠO"],
            SigningAuthority.Deputy => [party ? "K/T TRƯỞNG BAN" : "KT. TRƯỞNG BAN"],
            SigningAuthority.ByOrder => [party ? "T/L TRƯỞNG BAN" : "TL. TRƯỞNG BAN"],
            _ => Array.Empty<string>(),
        };
        var position = VietnameseText.Clean(model.SignerTitle) is { Length: > 0 } title
            ? Upper(title)
            : model.SigningAuthority == SigningAuthority.Deputy ? "PHÓ TRƯỞNG BAN" : "TRƯỞNG BAN";
        var name = VietnameseText.Clean(model.SignerName) is { Length: > 0 } signer ? signer : chair ?? "";
        return new Signature(authority, position, name);
    }

    /// <summary>
    /// "Giám đốc" + "Sở Tài chính" → "Giám đốc Sở Tài chính"; "Bí thư Đảng ủy" + "Đảng ủy phường
    /// Hải Châu" → "Bí thư Đảng ủy phường Hải Châu" (the words they share are written once); a title
    /// that already names its agency is kept as it is.
    /// </summary>
    internal static string JobTitleAndAgency(string jobTitle, string agency)
    {
        var title = jobTitle.Trim();
        agency = agency.Trim();
        if (agency.Length == 0 || VietnameseText.Fold(title).Contains(VietnameseText.Fold(agency), StringComparison.Ordinal))
        {
            return title;
        }
        if (title.Length == 0)
        {
            return agency;
        }
        var titleWords = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var agencyWords = agency.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var shared = Math.Min(titleWords.Length - 1, agencyWords.Length - 1); shared > 0; shared--)
        {
            if (VietnameseText.Fold(string.Join(' ', titleWords[^shared..])) == VietnameseText.Fold(string.Join(' ', agencyWords[..shared])))
            {
                return $"{title} {string.Join(' ', agencyWords[shared..])}";
            }
        }
        return $"{title} {agency}";
    }

    private static string Upper(string text) => CommitteeHeading.Upper(text);

    [GeneratedRegex(@"^0*(\d+)[/-]")]
    private static partial Regex NumberPrefix();
}
