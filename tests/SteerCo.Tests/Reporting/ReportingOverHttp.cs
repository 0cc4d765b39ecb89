using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Support;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// The loop over the API with the communes' own accounts: a workbook downloaded pre-filled and
/// uploaded back, bad workbooks refused cell by cell with nothing saved, the exports.
/// </summary>
public sealed class ReportingOverHttp(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private sealed record Setup(ReportingTree Tree, HttpClient Province, HttpClient CommuneA, HttpClient CommuneB, int RequestId, int SubmissionA, int SubmissionB);

    private async Task<Setup> RequestAsync(int quarter)
    {
        var tree = await ReportingData.TreeAsync(app);
        var province = await app.SignInAsync(Role.Secretariat, tree.Province.Id);
        var created = await province.PostJsonAsync($"/api/v1/committees/{tree.Province.Id}/report-templates", ReportingData.Template());
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var template = await created.ReadJsonAsync<TemplateView>();
        var requested = await province.PostJsonAsync($"/api/v1/committees/{tree.Province.Id}/report-requests",
            new { templateId = template.Id, periodKind = "Quarter", year = 2026, number = quarter });
        await requested.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var request = await requested.ReadJsonAsync<RequestView>();
        return new(tree, province, await app.SignInAsync(Role.Secretariat, tree.CommuneA.Id), await app.SignInAsync(Role.Secretariat, tree.CommuneB.Id), request.Id,
            request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id, request.Submissions.Single(s => s.CommitteeId == tree.CommuneB.Id).Id);
    }

    private async Task<int> ValueCountAsync(int submissionId)
    {
        await using var scope = app.ServiceScope();
        var versions = scope.Db.SubmissionVersions.Where(v => v.SubmissionId == submissionId).Select(v => v.Id);
        return await scope.Db.SubmissionValues.CountAsync(v => versions.Contains(v.SubmissionVersionId));
    }

    private static async Task<string[]> ProblemsAsync(HttpResponseMessage response)
    {
        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        return [.. problem.GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(m => m.GetString()!))];
    }

    [Fact]
    public async Task Figures_typed_as_text_in_the_Vietnamese_way_are_read_as_Vietnamese_writes_them()
    {
        var s = await RequestAsync(3);
        var workbook = await Workbooks.DownloadAsync(s.CommuneA, s.SubmissionA);
        // "1.234" is one thousand two hundred and thirty-four, as the pages print it; "80,5" is eighty and a half.
        var filled = Workbooks.Edit(workbook, ("E7", "1.234"), ("E8", "1.500"), ("E10", "80,5"));

        var uploaded = await Workbooks.UploadAsync(s.CommuneA, s.SubmissionA, filled);

        await uploaded.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var view = await uploaded.ReadJsonAsync<SubmissionView>();
        view.Fields.Single(f => f.Code == "HO").Number.ShouldBe(1234m);
        view.Fields.Single(f => f.Code == "HO").Display.ShouldBe("1.234");
        view.Fields.Single(f => f.Code == "HO_CAN").Number.ShouldBe(1500m);
        view.Fields.Single(f => f.Code == "NHATRU").Number.ShouldBe(80.5m);
    }

    [Fact]
    public async Task A_commune_fills_its_report_from_the_downloaded_workbook_and_the_province_exports_the_consolidation()
    {
        var s = await RequestAsync(1);
        var workbook = await Workbooks.DownloadAsync(s.CommuneA, s.SubmissionA);
        // Rows from 7 in template order: HO, HO_CAN, TYLE (computed), NHATRU, KEHOACH, GHICHU.
        var filled = Workbooks.Edit(workbook, ("E7", 120), ("E8", 150), ("E10", 80.5m), ("E11", "Có"), ("E12", "Đã sơ tán xong"));

        var uploaded = await Workbooks.UploadAsync(s.CommuneA, s.SubmissionA, filled);

        await uploaded.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var view = await uploaded.ReadJsonAsync<SubmissionView>();
        view.Fields.Single(f => f.Code == "TYLE").Number.ShouldBe(80m);
        var submitted = await s.CommuneA.PostJsonAsync($"/api/v1/submissions/{s.SubmissionA}/submit", new { version = view.Version });
        await submitted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var sent = (await submitted.ReadJsonAsync<SubmissionView>()).Version;
        var wordy = await s.Province.PostJsonAsync($"/api/v1/submissions/{s.SubmissionA}/accept", new { comment = new string('y', 4001), version = sent });
        await wordy.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await wordy.ReadProblemAsync()).ErrorsFor("comment").ShouldBe(["Ý kiến dài quá 4000 ký tự."]);
        var accepted = await s.Province.PostJsonAsync($"/api/v1/submissions/{s.SubmissionA}/accept", new { version = sent });
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var provenance = await s.Province.GetJsonAsync<ProvenanceView>($"/api/v1/report-requests/{s.RequestId}/provenance?indicator=HO");
        provenance.Row.Value.ShouldBe(120m);
        provenance.Lines.Single().CommitteeId.ShouldBe(s.Tree.CommuneA.Id);
        // The consolidated table names each submission once, with its status: the accepted one is counted.
        var json = await (await s.Province.GetAsync($"/api/v1/report-requests/{s.RequestId}/consolidated")).Content.ReadAsStringAsync();
        var table = JsonSerializer.Deserialize<ConsolidatedView>(json, ApiJson.Options)!;
        table.Rows.Single(r => r.Code == "HO").ShouldSatisfyAllConditions(r => r.Value.ShouldBe(120m), r => r.Contributors.ShouldBe(1));
        table.Counted.Single().CommitteeId.ShouldBe(s.Tree.CommuneA.Id);
        table.NotCounted.Single().CommitteeId.ShouldBe(s.Tree.CommuneB.Id);
        using (var document = JsonDocument.Parse(json))
        {
            document.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["request", "rows"]);
        }
        var xlsx = await s.Province.GetAsync($"/api/v1/report-requests/{s.RequestId}/consolidated.xlsx");
        await xlsx.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using (var consolidated = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = consolidated.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
            text.ShouldContain("Quý I/2026");
            text.ShouldContain(s.Tree.CommuneA.Name);
            text.ShouldContain("Đã sơ tán xong");
        }
        var docx = await s.Province.GetAsync($"/api/v1/report-requests/{s.RequestId}/report.docx");
        await docx.ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var body = word.MainDocumentPart!.Document.Body!.InnerText;
        body.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        body.ShouldContain("BÁO CÁO");
        body.ShouldContain("Quý I/2026");
        body.ShouldContain("Đã tiếp nhận 1/2 báo cáo");
        body.ShouldContain("Số hộ dân được sơ tán");
        body.ShouldContain("Số: ");
    }

    [Fact]
    public async Task A_workbook_with_text_in_a_number_cell_or_a_formula_is_refused_cell_by_cell_and_nothing_is_saved()
    {
        var s = await RequestAsync(2);
        var workbook = await Workbooks.DownloadAsync(s.CommuneA, s.SubmissionA);
        var bad = Workbooks.Edit(workbook, ("E7", "một trăm"), ("E8", "=E7*2"), ("E10", 130), ("E11", "Chưa"), ("A12", "LAMAO"));

        var problems = await ProblemsAsync(await Workbooks.UploadAsync(s.CommuneA, s.SubmissionA, bad));

        problems.ShouldBe([
            "Ô E7: HO Số hộ dân được sơ tán: 'một trăm' không phải là số.",
            "Ô E8: HO_CAN Số hộ cần sơ tán: ô chứa công thức, hãy nhập giá trị.",
            "Ô E10: NHATRU Tỷ lệ nhà trú ẩn sẵn sàng: tỷ lệ 130 phải từ 0 đến 100.",
            "Ô E11: KEHOACH Đã phê duyệt phương án ứng phó: 'Chưa' không hợp lệ, nhập Có hoặc Không.",
            "Ô A12: Không có chỉ tiêu 'LAMAO' trong mẫu báo cáo.",
        ], ignoreOrder: true);
        (await ValueCountAsync(s.SubmissionA)).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_lacks_the_sheet_is_another_reports_or_hides_a_bomb_is_refused()
    {
        var s = await RequestAsync(3);
        var workbook = await Workbooks.DownloadAsync(s.CommuneA, s.SubmissionA);
        var other = await Workbooks.DownloadAsync(s.CommuneB, s.SubmissionB);

        (await ProblemsAsync(await Workbooks.UploadAsync(s.CommuneA, s.SubmissionA, Encoding.UTF8.GetBytes("HO,120\n")))).ShouldBe(["Tệp không phải bảng tính Excel (.xlsx) hợp lệ."]);
        (await ProblemsAsync(await Workbooks.UploadAsync(s.CommuneA, s.SubmissionA, RenameSheet(workbook)))).ShouldBe(["Bảng tính không có trang 'Báo cáo': hãy dùng tệp mẫu tải về từ báo cáo này."]);
        (await ProblemsAsync(await Workbooks.UploadAsync(s.CommuneA, s.SubmissionA, Workbooks.Edit(other, ("E7", 5))))).Single().ShouldStartWith("Tệp không phải của báo cáo này");
        (await ProblemsAsync(await Workbooks.UploadAsync(s.CommuneA, s.SubmissionA, Bomb()))).ShouldBe(["Tệp giải nén quá lớn hoặc có quá nhiều thành phần."]);
        (await ProblemsAsync(await Workbooks.UploadAsync(s.CommuneA, s.SubmissionA, new byte[6 * 1024 * 1024]))).ShouldBe(["Tệp vượt quá 5 MB."]);
        (await ValueCountAsync(s.SubmissionA)).ShouldBe(0);
        (await ValueCountAsync(s.SubmissionB)).ShouldBe(0);
    }

    [Fact]
    public async Task A_commune_cannot_read_or_fill_another_communes_report()
    {
        var s = await RequestAsync(4);

        (await s.CommuneB.GetAsync($"/api/v1/submissions/{s.SubmissionA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.CommuneB.GetAsync($"/api/v1/submissions/{s.SubmissionA}/workbook.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.CommuneB.PutJsonAsync($"/api/v1/submissions/{s.SubmissionA}", new { values = new Dictionary<string, string> { ["HO"] = "1" }, version = 0 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.CommuneB.GetAsync($"/api/v1/report-requests/{s.RequestId}/consolidated")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await s.CommuneB.GetJsonAsync<JsonElement>($"/api/v1/committees/{s.Tree.CommuneB.Id}/submissions");
        list.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ShouldBe([s.SubmissionB]);
    }

    [Fact]
    public async Task A_stale_save_answers_409()
    {
        var s = await RequestAsync(2);
        var first = await s.CommuneB.PutJsonAsync($"/api/v1/submissions/{s.SubmissionB}", new { values = new Dictionary<string, string> { ["HO"] = "1" }, version = 0 });
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var stale = await s.CommuneB.PutJsonAsync($"/api/v1/submissions/{s.SubmissionB}", new { values = new Dictionary<string, string> { ["HO"] = "2" }, version = 0 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_figure_refused_over_the_api_is_named_by_its_code_as_the_template_writes_it()
    {
        var s = await RequestAsync(4);
        var refused = await s.CommuneA.PutJsonAsync($"/api/v1/submissions/{s.SubmissionA}",
            new { values = new Dictionary<string, string> { ["HO_CAN"] = "một trăm", ["KHONG_CO"] = "1" }, version = 0 });

        await refused.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await refused.ReadProblemAsync()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["values.HO_CAN", "values.KHONG_CO"], ignoreOrder: true);
        errors.GetProperty("values.HO_CAN")[0].GetString().ShouldStartWith("HO_CAN Số hộ cần sơ tán");
        errors.GetProperty("values.KHONG_CO")[0].GetString().ShouldBe("Không có chỉ tiêu 'KHONG_CO' trong mẫu báo cáo.");
        (await s.CommuneA.GetJsonAsync<SubmissionView>($"/api/v1/submissions/{s.SubmissionA}")).Version.ShouldBe(0);
    }

    private static byte[] RenameSheet(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet.Sheet>().Single(s => s.Name == "Báo cáo").Name = "Sheet1";
        }
        return stream.ToArray();
    }

    /// <summary>A small zip whose one part unpacks to 60 MB of zeros.</summary>
    private static byte[] Bomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++)
            {
                entry.Write(zeros);
            }
        }
        return stream.ToArray();
    }
}
