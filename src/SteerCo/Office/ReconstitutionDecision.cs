using SteerCo.Committees;

namespace SteerCo.Office;

/// <summary>
/// What the decision on reconstituting a committee [quyết định kiện toàn Ban Chỉ đạo] prints,
/// as plain values: the caller maps its committee, its register entry and its new roster onto
/// it. <see cref="Symbol"/> is what follows the number ("QĐ-UBND", Party "QĐ/TU");
/// <see cref="DecidingAuthority"/> is the line that decides, in capitals ("CHỦ TỊCH ỦY BAN NHÂN
/// DÂN THÀNH PHỐ ĐÀ NẴNG"; Party "BAN THƯỜNG VỤ TỈNH ỦY"); <see cref="IssuedBy"/> names it in the
/// annex ("Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng"). Legal bases, articles and recipients
/// are typed without their list punctuation, which the layout adds. Members are in roster order.
/// </summary>
public sealed record ReconstitutionDecision
{
    public required DocumentSystem Layout { get; init; }
    public required IssuingBody Issuer { get; init; }

    /// <summary>Null until the register issues it: the number is left blank to be written in.</summary>
    public int? Number { get; init; }

    public required string Symbol { get; init; }
    public required string Place { get; init; }
    public required DateOnly Date { get; init; }

    /// <summary>"Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn thành phố Đà Nẵng".</summary>
    public required string CommitteeName { get; init; }

    public required string DecidingAuthority { get; init; }
    public required string IssuedBy { get; init; }
    public required IReadOnlyList<string> LegalBases { get; init; }

    /// <summary>The text of Điều 1, Điều 2, ... in order, without "Điều n.".</summary>
    public required IReadOnlyList<string> Articles { get; init; }

    public required IReadOnlyList<string> Recipients { get; init; }
    public required Signature Signature { get; init; }
    public required IReadOnlyList<ReconstitutionMember> Members { get; init; }
}

/// <summary>A row of the annex: "Nguyễn Văn A", "Giám đốc Sở Tài chính", "Ủy viên".</summary>
public sealed record ReconstitutionMember(string FullName, string JobTitleAndAgency, string Post);

/// <summary>Lays out a <see cref="ReconstitutionDecision"/> as its DOCX, with the member list as its annex.</summary>
public static class ReconstitutionDecisionDocument
{
    /// <summary>The annex's columns; a full name gets room enough to stay on one line.</summary>
    public static IReadOnlyList<TableColumn> MemberColumns { get; } =
    [
        new("STT", 12, CellAlignment.Center),
        new("Họ và tên", 48),
        new("Chức vụ, cơ quan", 62),
        new("Chức danh trong Ban Chỉ đạo", 43),
    ];

    public static byte[] ToDocx(ReconstitutionDecision decision) => Build(decision).ToDocx();

    public static OfficialDocumentBuilder Build(ReconstitutionDecision decision)
    {
        var party = decision.Layout == DocumentSystem.Party;
        var document = OfficialDocumentBuilder.For(decision.Layout)
            .Heading(new DocumentHeading(decision.Issuer, decision.Number, decision.Symbol, decision.Place, decision.Date))
            // Party subjects start in lower case after the type name (HD 36); State ones with "Về việc".
            .TypeAndSubject("Quyết định", $"{(party ? "về" : "Về")} việc kiện toàn {decision.CommitteeName}");

        // State: the deciding authority, the grounds, "QUYẾT ĐỊNH:". Party: the grounds, then
        // "BAN THƯỜNG VỤ ... QUYẾT ĐỊNH" as the sentence the grounds lead into.
        if (party)
        {
            document.LegalBases(decision.LegalBases).CentredLine($"{decision.DecidingAuthority.Trim()} QUYẾT ĐỊNH");
        }
        else
        {
            document.CentredLine(decision.DecidingAuthority.Trim()).LegalBases(decision.LegalBases).CentredLine("QUYẾT ĐỊNH:");
        }

        for (var i = 0; i < decision.Articles.Count; i++)
        {
            var text = decision.Articles[i].Trim();
            if (i == decision.Articles.Count - 1)
            {
                // A State document's text ends with "./." so that nothing can be added after it.
                text = text.TrimEnd('.', '/') + (party ? "." : "./.");
            }
            document.Article(i + 1, text);
        }

        var symbol = OfficialText.NumberAndSymbol(decision.Layout, decision.Number, decision.Symbol);
        return document
            .Closing(decision.Recipients, decision.Signature)
            .AnnexHeading(new AnnexHeading(null, ["Danh sách thành viên", decision.CommitteeName],
                $"Kèm theo Quyết định số {symbol}{(party ? "," : "")} {OfficialText.LongDate(decision.Date)} của {decision.IssuedBy.Trim()}"))
            .Table(MemberColumns, decision.Members.Select((m, i) =>
                (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), m.FullName, m.JobTitleAndAgency, m.Post]));
    }
}
