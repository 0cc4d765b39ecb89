using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Reporting;
using SteerCo.Tests.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Browser;

/// <summary>
/// Issue 7's loop in the browser on the demo: Đà Nẵng asks its communes for Quý I; Hải Châu types
/// its figures on a phone, Hòa Cường fills the downloaded workbook and uploads it; Hải Châu's is
/// returned and submitted again; Đà Nẵng accepts both, reads the consolidated figures and where
/// one came from, and downloads the table and the report.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class ReportingAQuarterInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly int Year = TestClock.Today.Year;
    private static readonly string Quarter = $"Quý I/{Year}";
    private static readonly string Title = $"Báo cáo công tác phòng, chống thiên tai và tìm kiếm cứu nạn {Quarter}";

    private static async Task<IPage> WithConfirmationsAsync(Task<IPage> signingIn)
    {
        var page = await signingIn;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        return page;
    }

    private static ILocator Field(IPage page, string code) => page.Locator($"[name='Values[{code}]']");

    private static async Task OpenOwedReportAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.Locator("table.owed").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("phường");
    }

    private static async Task ShowsFlashAsync(IPage page, string text) =>
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text);

    [Fact]
    public async Task The_province_requests_Quy_I_two_communes_submit_one_by_workbook_one_is_returned_and_the_accepted_figures_roll_up_with_their_provenance()
    {
        // Đà Nẵng asks every commune below for Quý I under its quarterly regime.
        var province = await WithConfirmationsAsync(host.SignInAsync("thuky.danang"));
        await province.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await Assertions.Expect(province.Locator("h1")).ToHaveTextAsync("Báo cáo định kỳ");
        await province.GetByRole(AriaRole.Link, new() { Name = "Yêu cầu báo cáo" }).ClickAsync();
        await province.Locator("select[name='Input.RegimeId']").SelectOptionAsync(new SelectOptionValue { Label = "Báo cáo định kỳ hằng quý về phòng, chống thiên tai (Quý)" });
        await province.Locator("select[name='Input.Period']").SelectOptionAsync(new SelectOptionValue { Label = Quarter });
        await province.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();
        await ShowsFlashAsync(province, "tới 3 đơn vị");
        await Assertions.Expect(province.Locator("h1")).ToHaveTextAsync(Title);
        var requestUrl = province.Url;

        // Hải Châu types its figures on a phone; a figure that is not a number, and a count that is not whole, are refused beside their fields.
        var haichau = await WithConfirmationsAsync(host.SignInAsync("thuky.haichau", phone: true));
        await OpenOwedReportAsync(haichau);
        await Field(haichau, "HO_SO_TAN").FillAsync("một trăm hai mươi");
        await Field(haichau, "HO_PHAI_SO_TAN").FillAsync("150");
        await Field(haichau, "NHA_HU_HONG").FillAsync("2.5");
        await Field(haichau, "KINH_PHI").FillAsync("250,5");
        await Field(haichau, "MUC_NUOC").FillAsync("3,2");
        await Field(haichau, "CANH_BAO").FillAsync("24");
        await Field(haichau, "XUNG_KICH").FillAsync("85");
        await Field(haichau, "DIEN_TAP").SelectOptionAsync("Có");
        await Field(haichau, "KIEN_NGHI").FillAsync("Bổ sung áo phao cho lực lượng xung kích.");
        await haichau.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await Assertions.Expect(haichau.Locator("[data-code='HO_SO_TAN'] .field-validation-error")).ToHaveTextAsync("HO_SO_TAN Số hộ dân được sơ tán: 'một trăm hai mươi' không phải là số.");
        await Assertions.Expect(haichau.Locator("[data-code='NHA_HU_HONG'] .field-validation-error")).ToHaveTextAsync("NHA_HU_HONG Số nhà bị hư hỏng: '2,5' không hợp lệ, nhập số nguyên từ 0 trở lên.");
        await Assertions.Expect(haichau.Locator("[data-code='KINH_PHI'] .field-validation-error")).ToHaveCountAsync(0);
        await Assertions.Expect(Field(haichau, "KINH_PHI")).ToHaveValueAsync("250,5");
        (await haichau.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await BrowserHost.ScreenshotAsync(haichau, "report-form-phone");
        await Field(haichau, "HO_SO_TAN").FillAsync("100");
        await Field(haichau, "NHA_HU_HONG").FillAsync("12");
        await haichau.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await ShowsFlashAsync(haichau, "Đã nộp báo cáo.");
        await Assertions.Expect(haichau.Locator("dd.status")).ToContainTextAsync("Đã nộp");

        // Hòa Cường downloads the workbook, fills it in as in Excel, uploads it and submits.
        var hoacuong = await WithConfirmationsAsync(host.SignInAsync("thuky.hoacuong"));
        await OpenOwedReportAsync(hoacuong);
        var download = await hoacuong.RunAndWaitForDownloadAsync(() => hoacuong.GetByRole(AriaRole.Link, new() { Name = "Tải biểu mẫu Excel" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var workbook = await File.ReadAllBytesAsync((await download.PathAsync())!);
        // Rows from 7 in template order; row 9 is the computed rate.
        var filled = Workbooks.Edit(workbook, ("E7", 200), ("E8", 250), ("E10", 5), ("E11", 100), ("E12", 4.1m), ("E13", 12), ("E14", 75), ("E15", "Không"), ("E16", "Cần thêm xuồng cứu hộ."));
        await hoacuong.Locator("form.upload input[type=file][name=file]").SetInputFilesAsync(new FilePayload
        {
            Name = download.SuggestedFilename,
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = filled,
        });
        await hoacuong.GetByRole(AriaRole.Button, new() { Name = "Tải lên biểu mẫu" }).ClickAsync();
        await ShowsFlashAsync(hoacuong, "Đã nhập số liệu từ biểu mẫu.");
        await Assertions.Expect(Field(hoacuong, "HO_SO_TAN")).ToHaveValueAsync("200");
        await Assertions.Expect(Field(hoacuong, "MUC_NUOC")).ToHaveValueAsync("4,1");
        await Assertions.Expect(hoacuong.Locator("[data-code='TY_LE_SO_TAN'] .computed")).ToContainTextAsync("80%");
        await hoacuong.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await ShowsFlashAsync(hoacuong, "Đã nộp báo cáo.");

        // Đà Nẵng returns Hải Châu's report with a comment and accepts Hòa Cường's.
        await province.GotoAsync(requestUrl);
        await province.Locator("table.submissions").GetByRole(AriaRole.Link, new() { Name = "phường Hải Châu" }).ClickAsync();
        await province.Locator("textarea[name='Comment']").FillAsync("Số hộ sơ tán chưa khớp báo cáo nhanh ngày 10/3, đề nghị rà soát.");
        await province.GetByRole(AriaRole.Button, new() { Name = "Trả lại để bổ sung" }).ClickAsync();
        await ShowsFlashAsync(province, "Đã trả lại báo cáo.");
        await province.GotoAsync(requestUrl);
        await province.Locator("table.submissions").GetByRole(AriaRole.Link, new() { Name = "phường Hòa Cường" }).ClickAsync();
        await province.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận báo cáo" }).ClickAsync();
        await ShowsFlashAsync(province, "Đã tiếp nhận báo cáo.");

        // Hải Châu reads the comment, corrects the figure and submits again; Đà Nẵng accepts.
        await haichau.ReloadAsync();
        await Assertions.Expect(haichau.Locator(".review-comment")).ToContainTextAsync("Số hộ sơ tán chưa khớp báo cáo nhanh");
        await Assertions.Expect(Field(haichau, "HO_SO_TAN")).ToHaveValueAsync("100");
        await Field(haichau, "HO_SO_TAN").FillAsync("130");
        await haichau.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await ShowsFlashAsync(haichau, "Đã nộp báo cáo.");
        await province.GotoAsync(requestUrl);
        await province.Locator("table.submissions").GetByRole(AriaRole.Link, new() { Name = "phường Hải Châu" }).ClickAsync();
        await Assertions.Expect(province.Locator("table.figures")).ToContainTextAsync("130");
        await province.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận báo cáo" }).ClickAsync();
        await ShowsFlashAsync(province, "Đã tiếp nhận báo cáo.");
        await Assertions.Expect(province.Locator("table.versions tbody tr")).ToHaveCountAsync(2);

        // The consolidated figures follow each indicator's rule; Thanh Khê is missing.
        await province.GotoAsync(requestUrl);
        var consolidated = province.Locator("table.consolidated");
        async Task ShowsAsync(string code, string value) =>
            await Assertions.Expect(consolidated.Locator("tr", new() { Has = province.Locator($"td.symbol:text-is('{code}')") }).Locator("td.number")).ToHaveTextAsync(value);
        await ShowsAsync("HO_SO_TAN", "330");
        await ShowsAsync("HO_PHAI_SO_TAN", "400");
        await ShowsAsync("TY_LE_SO_TAN", "82,5%");
        await ShowsAsync("KINH_PHI", "350,5");
        await ShowsAsync("MUC_NUOC", "4,1");
        await ShowsAsync("CANH_BAO", "12");
        await ShowsAsync("XUNG_KICH", "80%");
        await ShowsAsync("DIEN_TAP", "1");
        await Assertions.Expect(province.Locator(".stats")).ToContainTextAsync("2/3");
        var thanhKhe = province.Locator("table.submissions tr", new() { HasText = "phường Thanh Khê" });
        await Assertions.Expect(thanhKhe).ToContainTextAsync(new DateOnly(Year, 3, 25) < TestClock.Today ? "Chưa nộp" : "Chưa đến hạn");
        await BrowserHost.ScreenshotAsync(province, "report-consolidated");

        // Where 330 came from: each commune's accepted figure.
        await consolidated.GetByRole(AriaRole.Link, new() { Name = "330" }).ClickAsync();
        var provenance = province.Locator("table.provenance tbody tr");
        await Assertions.Expect(provenance).ToHaveCountAsync(2);
        await Assertions.Expect(provenance.Filter(new() { HasText = "phường Hải Châu" })).ToContainTextAsync("130");
        await Assertions.Expect(provenance.Filter(new() { HasText = "phường Hải Châu" })).ToContainTextAsync("phiên bản 2");
        await Assertions.Expect(provenance.Filter(new() { HasText = "phường Hòa Cường" })).ToContainTextAsync("200");

        // The consolidated table and the report download.
        var xlsx = await province.RunAndWaitForDownloadAsync(() => province.GetByRole(AriaRole.Link, new() { Name = "Tải bảng tổng hợp (XLSX)" }).ClickAsync());
        using (var sheet = SpreadsheetDocument.Open((await xlsx.PathAsync())!, false))
        {
            var text = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
            text.ShouldContain(Quarter);
            text.ShouldContain("phường Hải Châu");
            text.ShouldContain("Cần thêm xuồng cứu hộ.");
        }
        var docx = await province.RunAndWaitForDownloadAsync(() => province.GetByRole(AriaRole.Link, new() { Name = "Tải báo cáo (DOCX)" }).ClickAsync());
        docx.SuggestedFilename.ShouldEndWith(".docx");
        using var report = Office.Docx.Open(await File.ReadAllBytesAsync((await docx.PathAsync())!));
        var body = report.Body.InnerText;
        body.ShouldContain("BÁO CÁO");
        body.ShouldContain(Quarter);
        body.ShouldContain("Đã tiếp nhận 2/3 báo cáo");
        body.ShouldContain("Số hộ dân được sơ tán");
    }

    [Fact]
    public async Task The_reporting_page_with_its_compliance_grid_fits_a_phone()
    {
        var page = await host.SignInAsync("thuky.danang", phone: true);
        await page.GotoAsync($"/Reporting/{await host.CommitteeOfUnitAsync("48")}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tình hình chấp hành chế độ báo cáo" })).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await BrowserHost.ScreenshotAsync(page, "reporting-phone");
    }

    [Fact]
    public async Task A_commune_sees_its_unread_notices_in_the_header_opens_one_and_marks_them_all_read()
    {
        var danang = await host.CommitteeOfUnitAsync("48");
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SteerCoDbContext>();
            var regime = await db.ReportingRegimes.Where(r => r.CommitteeId == danang).Select(r => r.Id).SingleAsync();
            (await scope.ServiceProvider.GetRequiredService<ReportRequests>().CreateAsync(Actor.System(), danang,
                new RequestInput(regime, null, null, ReportKind.Periodic, PeriodKind.Quarter, Year, 2, null, null))).Ok();
        }
        var page = await host.SignInAsync("thuky.haichau", phone: true);

        await Assertions.Expect(page.Locator("header .unread-count")).ToBeVisibleAsync();
        await page.Locator("header a.notices").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thông báo");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await BrowserHost.ScreenshotAsync(page, "notifications-phone");
        await page.Locator("ul.notifications li.unread a", new() { HasText = $"Quý II/{Year}" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.subject")).ToContainTextAsync($"Quý II/{Year}");

        await page.Locator("header a.notices").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu tất cả đã đọc" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("là đã đọc");
        await Assertions.Expect(page.Locator("header .unread-count")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("ul.notifications li.unread")).ToHaveCountAsync(0);
    }
}
