using System.Globalization;
using Microsoft.Playwright;
using SteerCo.Members;
using SteerCo.Tests.Members;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Browser;

/// <summary>
/// Đà Nẵng's secretariat downloads the committee's roster as XLSX, starts a reconstitution draft,
/// has a sheet with a bad row refused, then imports the downloaded sheet as edited (one leaves,
/// one changes post, one new person joins) and reads the difference. The demo seeds the roster.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class ImportingARosterInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static async Task UploadAsync(IPage page, byte[] xlsx, string fileName)
    {
        var section = page.Locator("section.import-roster");
        await section.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = RosterWorkbook.ContentType, Buffer = xlsx });
        await section.GetByRole(AriaRole.Button, new() { Name = "Nhập danh sách" }).ClickAsync();
    }

    [Fact]
    public async Task A_secretariat_exports_the_roster_imports_an_edited_sheet_into_a_draft_and_sees_the_difference()
    {
        var danang = await host.CommitteeOfUnitAsync("48");
        var page = await host.SignInAsync("thuky.danang");
        await page.GotoAsync($"/Members/{danang}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải Excel" }).ClickAsync());
        download.SuggestedFilename.ShouldBe($"Danh sách thành viên {TestClock.Today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}.xlsx");
        var exported = RosterWorkbook.Read(new MemoryStream(await File.ReadAllBytesAsync((await download.PathAsync())!)), download.SuggestedFilename);
        exported.Errors.ShouldBeEmpty();
        exported.Rows.First().FullName.ShouldBe("Nguyễn Văn An");
        exported.Rows.Select(r => r.FullName).ShouldContain("Ngô Văn Lợi");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lập dự thảo kiện toàn" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Kiện toàn");
        var draftUrl = page.Url;

        await UploadAsync(page, RosterSheets.Members(("Nguyễn Văn An", "", "UBND", "Phó ban")), "Danh sách lỗi.xlsx");
        var errors = page.Locator(".import-errors");
        await Assertions.Expect(errors.Locator("p")).ToHaveTextAsync("Tệp có 1 lỗi nên chưa nhập dòng nào. Sửa các lỗi dưới đây rồi tải lên lại.");
        await Assertions.Expect(errors.Locator("li")).ToHaveTextAsync(["Dòng 2, cột Chức danh trong Ban Chỉ đạo: không tìm thấy chức danh 'Phó ban' trong Ban Chỉ đạo này."]);
        await Assertions.Expect(page.Locator("table.changes tbody tr")).ToHaveCountAsync(0);

        // The downloaded sheet as a clerk edits it: a row deleted, a post retyped, a new person added.
        (string, string, string, string)[] edited =
        [
            .. exported.Rows.Where(r => r.FullName != "Ngô Văn Lợi")
                .Select(r => (r.FullName!, r.JobTitle!, r.Agency!, r.FullName == "Võ Minh Khoa" ? "Phó Trưởng ban" : r.Post!)),
            ("Đoàn Thị Quyên", "Giám đốc Sở Xây dựng", "Sở Xây dựng", "Ủy viên"),
        ];
        await page.GetByLabel("Tạo người chưa có").CheckAsync();
        await UploadAsync(page, RosterSheets.Members(edited), "Danh sách thành viên.xlsx");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã nhập {edited.Length} người từ tệp vào dự thảo; tạo mới 1 người: Đoàn Thị Quyên.");
        await Assertions.Expect(page.Locator(".import-errors")).ToHaveCountAsync(0);
        var changes = page.Locator("table.changes");
        await Assertions.Expect(changes.Locator("tr", new() { HasText = "Đoàn Thị Quyên" })).ToContainTextAsync("Bổ sung");
        await Assertions.Expect(changes.Locator("tr", new() { HasText = "Ngô Văn Lợi" })).ToContainTextAsync("Thôi tham gia");
        await Assertions.Expect(changes.Locator("tr", new() { HasText = "Võ Minh Khoa" })).ToContainTextAsync("Đổi chức danh");
        await Assertions.Expect(changes.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("table.roster tr", new() { HasText = "Đoàn Thị Quyên" })).ToContainTextAsync("Sở Xây dựng");
        await BrowserHost.ScreenshotAsync(page, "members-roster-imported");

        var phone = await host.SignInAsync("thuky.danang", phone: true);
        await phone.GotoAsync(draftUrl);
        await Assertions.Expect(phone.Locator("section.import-roster")).ToBeVisibleAsync();
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
    }
}
