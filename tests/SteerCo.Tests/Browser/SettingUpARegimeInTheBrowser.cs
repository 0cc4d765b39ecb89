using Microsoft.Playwright;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Browser;

/// <summary>
/// Issue 7's regimes in the browser on the demo: Đà Nẵng's secretariat, on a phone, sets up a
/// quarterly regime reported by its member agencies (Decree 09's days already in the form), then
/// requests a quarter under it from the request page, which asks the agencies and no commune.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class SettingUpARegimeInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Regime = "Báo cáo quý của các cơ quan thành viên";
    private const string Agency = "Sở Nông nghiệp và Môi trường";
    private static readonly int Year = TestClock.Today.Year;

    [Fact]
    public async Task A_secretariat_on_a_phone_sets_up_a_regime_for_its_member_agencies_and_requests_a_quarter_under_it()
    {
        var page = await host.SignInAsync("thuky.danang", phone: true);
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Quản lý chế độ báo cáo" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Chế độ báo cáo");
        await Assertions.Expect(page.Locator("input[name='Input.CutoffDay']")).ToHaveValueAsync("14");
        await Assertions.Expect(page.Locator("input[name='Input.DeadlineDay']")).ToHaveValueAsync("25");

        // Without a name nothing is created, and the message stands beside the field.
        await page.Locator("select[name='Input.TemplateId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("input[name='Input.Name']").EvaluateAsync("input => input.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo chế độ báo cáo" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field='Input.Name']")).ToHaveTextAsync("Nhập tên.");
        await Assertions.Expect(page.Locator("table.regimes tr", new() { HasText = Regime })).ToHaveCountAsync(0);

        await page.Locator("input[name='Input.Name']").FillAsync(Regime);
        await page.Locator("select[name='Input.PeriodKind']").SelectOptionAsync(new SelectOptionValue { Label = "Quý" });
        await page.GetByLabel("Các cơ quan thành viên của Ban Chỉ đạo").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo chế độ báo cáo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã tạo chế độ báo cáo \"{Regime}\".");
        var row = page.Locator("table.regimes tr", new() { HasText = Regime });
        await Assertions.Expect(row.Locator("td.reporters")).ToHaveTextAsync("Các cơ quan thành viên");
        await Assertions.Expect(row).ToContainTextAsync("ngày 25 tháng cuối kỳ");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0, "the page fits a phone");

        // The request page starts on the regime; the quarter chosen, the agencies are asked.
        await row.GetByRole(AriaRole.Link, new() { Name = "Yêu cầu báo cáo theo chế độ này" }).ClickAsync();
        await Assertions.Expect(page.Locator("select[name='Input.RegimeId'] option:checked")).ToContainTextAsync(Regime);
        await Assertions.Expect(page.GetByLabel("Các cơ quan thành viên của Ban Chỉ đạo")).ToBeCheckedAsync();
        // Choosing the regime from the list checks the agencies too.
        await page.Locator("select[name='Input.RegimeId']").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await page.GetByLabel("Tất cả Ban Chỉ đạo cấp dưới trực tiếp").CheckAsync();
        await page.Locator("select[name='Input.RegimeId']").SelectOptionAsync(new SelectOptionValue { Label = $"{Regime} (Quý)" });
        await Assertions.Expect(page.GetByLabel("Các cơ quan thành viên của Ban Chỉ đạo")).ToBeCheckedAsync();
        await page.Locator("select[name='Input.Period']").SelectOptionAsync(new SelectOptionValue { Label = $"Quý IV/{Year}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã gửi yêu cầu");
        await Assertions.Expect(page.Locator("dd.reporters")).ToHaveTextAsync("Các cơ quan thành viên");
        await Assertions.Expect(page.Locator("table.submissions")).ToContainTextAsync(Agency);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync($"25/12/{Year}");
        (await page.Locator("table.submissions").InnerTextAsync()).ShouldNotContain("phường", customMessage: "the committees below are not asked");
    }

    [Fact]
    public async Task A_secretariat_on_a_phone_changes_a_regime_set_up_wrong_and_deletes_one_never_used()
    {
        const string wrong = "Báo cáo 6 tháng (nhầm hạn)";
        var page = await host.SignInAsync("thuky.danang", phone: true);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/Reporting/{await host.CommitteeOfUnitAsync("48")}/Regimes");
        await page.Locator("input[name='Input.Name']").FillAsync(wrong);
        await page.Locator("select[name='Input.TemplateId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("select[name='Input.PeriodKind']").SelectOptionAsync(new SelectOptionValue { Label = "6 tháng" });
        await page.Locator("input[name='Input.DeadlineDay']").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo chế độ báo cáo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã tạo chế độ báo cáo \"{wrong}\".");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Sửa chế độ báo cáo \"{wrong}\"" }).ClickAsync();
        await Assertions.Expect(page.Locator("#regime-form-heading")).ToHaveTextAsync($"Sửa chế độ báo cáo \"{wrong}\"");
        await Assertions.Expect(page.Locator("input[name='Input.DeadlineDay']")).ToHaveValueAsync("5");
        await page.Locator("input[name='Input.Name']").FillAsync("Báo cáo 6 tháng");
        await page.Locator("input[name='Input.DeadlineDay']").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu chế độ báo cáo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã sửa chế độ báo cáo \"Báo cáo 6 tháng\"");
        var row = page.Locator("table.regimes tr", new() { HasText = "Báo cáo 6 tháng" });
        await Assertions.Expect(row).ToContainTextAsync("ngày 20 tháng cuối kỳ");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0, "the page fits a phone");

        await row.GetByRole(AriaRole.Button, new() { Name = "Xóa chế độ báo cáo \"Báo cáo 6 tháng\"" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xóa chế độ báo cáo \"Báo cáo 6 tháng\".");
        await Assertions.Expect(page.Locator("table.regimes tr", new() { HasText = "Báo cáo 6 tháng" })).ToHaveCountAsync(0);
    }
}
