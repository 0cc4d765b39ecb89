using System.Globalization;
using SteerCo.Committees;
using SteerCo.Office;
using SteerCo.Text;
using SteerCo.Units;

namespace SteerCo.Reporting;

/// <summary>
/// What the printed consolidated report needs besides the table: who issues it (the requesting
/// committee, its unit and the committee above it, to which it reports), who signs (its Trưởng
/// ban on the day, from the roster; blank when the post is empty), and the day.
/// </summary>
public sealed record ReportIssuer(
    string CommitteeName, string Abbreviation, DocumentSystem System, string UnitName, UnitLevel UnitLevel, string? UnitKind,
    string? ParentCommitteeName, string? ChairName, DateOnly Date);

/// <summary>
/// The consolidated table as XLSX (one row per indicator; the consolidated figure, then each
/// counted committee's) and the report as DOCX in the official layout with that table as its annex.
/// </summary>
public static class ReportDocuments
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string FileName(ConsolidatedView view, string extension) =>
        $"tong-hop-{view.Request.Id}-{VietnameseText.Fold(view.Request.PeriodText).Replace(' ', '-').Replace('/', '-')}.{extension}";

    public static byte[] ConsolidatedXlsx(ConsolidatedView view, IReadOnlyDictionary<int, IReadOnlyDictionary<int, string>> bySubmission)
    {
        var counted = view.Counted;
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            new SheetCell[] { SheetCell.Heading($"Tổng hợp: {view.Request.Title}") },
            new SheetCell[] { "Kỳ báo cáo:", view.Request.PeriodText },
            new SheetCell[] { "Đã tiếp nhận:", $"{counted.Count}/{view.Request.Submissions.Count}" },
            Array.Empty<SheetCell>(),
            (SheetCell[])[SheetCell.Heading("Mã"), SheetCell.Heading("Chỉ tiêu"), SheetCell.Heading("Đơn vị tính"), SheetCell.Heading("Tổng hợp"),
                .. counted.Select(s => SheetCell.Heading(s.CommitteeName))],
        };
        foreach (var row in view.Rows)
        {
            SheetCell total = row.Type == IndicatorType.Text || row.Value is null ? row.Display : SheetCell.Of(row.Value);
            rows.Add([row.Code, row.Name, row.Unit, total,
                .. counted.Select(s => (SheetCell)(bySubmission.GetValueOrDefault(s.Id)?.GetValueOrDefault(row.IndicatorId) ?? ""))]);
        }
        return SpreadsheetWriter.ToXlsx([new("Tổng hợp", [12, 50, 14, 16, .. counted.Select(_ => 22.0)], rows)]);
    }

    public static byte[] ReportDocx(ConsolidatedView view, ReportIssuer issuer)
    {
        var party = issuer.System == DocumentSystem.Party;
        var symbol = party ? $"BC/{issuer.Abbreviation}" : $"BC-{issuer.Abbreviation}";
        var request = view.Request;
        var summary = request.Submissions;
        var late = summary.Count(s => s.Compliance == Compliance.Late);
        var missing = summary.Where(s => s.FirstSubmittedAt is null).Select(s => s.CommitteeName).ToList();
        var document = OfficialDocumentBuilder.For(issuer.System)
            .Heading(new DocumentHeading(CommitteeHeading.Issuer(issuer.CommitteeName, issuer.UnitName, issuer.UnitLevel, issuer.UnitKind, issuer.System),
                null, symbol, CommitteeHeading.Place(issuer.UnitName, issuer.UnitLevel), issuer.Date))
            .TypeAndSubject("Báo cáo", Subject(request, party))
            .Paragraph($"Thực hiện chế độ báo cáo định kỳ, {issuer.CommitteeName} báo cáo kết quả {request.PeriodText} (số liệu tính từ ngày {request.CutoffFrom.ToShort()} đến ngày {request.CutoffTo.ToShort()}) như sau:")
            .Paragraph(new TextPart("I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO", Bold: true))
            .Paragraph($"Đã tiếp nhận {view.Counted.Count}/{summary.Count} báo cáo của các đơn vị; {late} báo cáo gửi muộn; {missing.Count} đơn vị chưa gửi báo cáo{(missing.Count > 0 ? ": " + string.Join(", ", missing) : "")}.")
            .Paragraph(new TextPart("II. SỐ LIỆU TỔNG HỢP", Bold: true))
            // A State document's text ends with "./." so that nothing can be added after it.
            .Paragraph("Số liệu tổng hợp từ các báo cáo đã tiếp nhận tại Phụ lục kèm theo" + (party ? "." : "./."))
            .Closing(
                [.. issuer.ParentCommitteeName is { } parent ? [$"{parent} (để báo cáo)"] : Array.Empty<string>(), party ? "Lưu VT" : "Lưu: VT"],
                new Signature([party ? "T/M BAN CHỈ ĐẠO" : "TM. BAN CHỈ ĐẠO"], "TRƯỞNG BAN", issuer.ChairName ?? ""))
            .AnnexHeading(new AnnexHeading("Phụ lục", ["Số liệu tổng hợp", request.PeriodText],
                $"Kèm theo Báo cáo số {OfficialText.NumberAndSymbol(issuer.System, null, symbol)}{(party ? "," : "")} {OfficialText.LongDate(issuer.Date)} của {issuer.CommitteeName}"))
            .Table(
                [new("STT", 12, CellAlignment.Center), new("Chỉ tiêu", 85), new("Đơn vị tính", 25, CellAlignment.Center), new("Số liệu", 28, CellAlignment.Right), new("Số đơn vị", 20, CellAlignment.Center)],
                view.Rows.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), $"{r.Code}. {r.Name}", r.Unit ?? "", r.Display,
                    r.Contributors.ToString(CultureInfo.InvariantCulture)]));
        return document.ToDocx();
    }

    /// <summary>
    /// The subject under "BÁO CÁO": the request's title without its leading "Báo cáo", with the
    /// period as users write it ("Công tác phòng, chống thiên tai Quý I/2023"); a Party subject
    /// starts in lower case after the type name (HD 36).
    /// </summary>
    public static string Subject(RequestView request, bool party)
    {
        var subject = request.Title.Trim();
        if (subject.StartsWith("Báo cáo ", StringComparison.OrdinalIgnoreCase))
        {
            subject = subject["Báo cáo ".Length..].TrimStart();
        }
        if (!subject.Contains(request.PeriodText, StringComparison.Ordinal))
        {
            subject = $"{subject} {request.PeriodText}";
        }
        var first = subject[..1];
        return (party ? first.ToLower(Vietnamese) : first.ToUpper(Vietnamese)) + subject[1..];
    }
}
