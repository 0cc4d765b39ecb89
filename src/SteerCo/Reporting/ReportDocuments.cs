using System.Globalization;
using SteerCo.Committees;
using SteerCo.Office;
using SteerCo.Text;

namespace SteerCo.Reporting;

/// <summary>What the printed consolidated report needs besides the table: who issues it, where and when.</summary>
public sealed record ReportIssuer(string CommitteeName, string Abbreviation, DocumentSystem System, string UnitName, DateOnly Date);

/// <summary>
/// The consolidated table as XLSX (one row per indicator; the consolidated figure, then each
/// counted committee's) and the report as DOCX in the official layout with that table as its annex.
/// </summary>
public static class ReportDocuments
{
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
        var place = Place(issuer.UnitName);
        var summary = view.Request.Submissions;
        var late = summary.Count(s => s.Compliance == Compliance.Late);
        var missing = summary.Where(s => s.FirstSubmittedAt is null).Select(s => s.CommitteeName).ToList();
        var document = OfficialDocumentBuilder.For(issuer.System)
            .Heading(new DocumentHeading(new IssuingBody([], [issuer.CommitteeName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))]), null,
                party ? $"BC/{issuer.Abbreviation}" : $"BC-{issuer.Abbreviation}", place, issuer.Date))
            .TypeAndSubject("Báo cáo", $"{view.Request.Title}")
            .Paragraph($"Thực hiện chế độ báo cáo định kỳ, {issuer.CommitteeName} báo cáo kết quả {view.Request.PeriodText} (số liệu tính từ ngày {view.Request.CutoffFrom.ToShort()} đến ngày {view.Request.CutoffTo.ToShort()}) như sau:")
            .Paragraph(new TextPart("I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO", Bold: true))
            .Paragraph($"Đã tiếp nhận {view.Counted.Count}/{summary.Count} báo cáo của các đơn vị; {late} báo cáo gửi muộn; {missing.Count} đơn vị chưa gửi báo cáo{(missing.Count > 0 ? ": " + string.Join(", ", missing) : "")}.")
            .Paragraph(new TextPart("II. SỐ LIỆU TỔNG HỢP", Bold: true))
            .Paragraph("Số liệu tổng hợp từ các báo cáo đã tiếp nhận tại Phụ lục kèm theo.")
            .Closing(["Như trên", "Lưu: VT"], new Signature(party ? ["T/M BAN CHỈ ĐẠO"] : ["TM. BAN CHỈ ĐẠO"], "TRƯỞNG BAN", ""))
            .AnnexHeading(new AnnexHeading("Phụ lục", ["Số liệu tổng hợp", view.Request.PeriodText], $"Kèm theo Báo cáo của {issuer.CommitteeName}"))
            .Table(
                [new("STT", 12, CellAlignment.Center), new("Chỉ tiêu", 85), new("Đơn vị tính", 25, CellAlignment.Center), new("Số liệu", 28, CellAlignment.Right), new("Số đơn vị", 20, CellAlignment.Center)],
                view.Rows.Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), $"{r.Code}. {r.Name}", r.Unit ?? "", r.Display,
                    r.Contributors.ToString(CultureInfo.InvariantCulture)]));
        return document.ToDocx();
    }

    /// <summary>"Thành phố Đà Nẵng" is dated "Đà Nẵng, ngày ..."; "Phường Hải Châu" "Hải Châu, ngày ...".</summary>
    public static string Place(string unitName)
    {
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu " })
        {
            if (unitName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return unitName[prefix.Length..];
            }
        }
        return unitName == "Trung ương" ? "Hà Nội" : unitName;
    }
}
