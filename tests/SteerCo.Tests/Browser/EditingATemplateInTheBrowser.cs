using Microsoft.Playwright;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Browser;

/// <summary>
/// The template editor in the browser on the demo: Đà Nẵng creates a template with three
/// indicators, one computed by a formula (a typo in it is refused beside the row), asks for a report
/// on it, revises it, and the past request still shows version 1 and its indicators.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class EditingATemplateInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Name = "Báo cáo kết quả thi học sinh giỏi";
    private static readonly int Year = TestClock.Today.Year;

    private static ILocator Row(IPage page, int index, string field) => page.Locator($"[name='Input.Indicators[{index}].{field}']");

    private static async Task ShowsFlashAsync(IPage page, string text) =>
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text);

    [Fact]
    public async Task A_template_with_three_indicators_and_a_formula_is_created_and_revised_and_a_past_request_keeps_the_old_version()
    {
        var page = await host.SignInAsync("thuky.danang");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Quản lý mẫu báo cáo" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tạo mẫu báo cáo" }).ClickAsync();

        await page.Locator("input[name='Input.Name']").FillAsync(Name);
        await Row(page, 0, "Code").FillAsync("HS_DO");
        await Row(page, 0, "Name").FillAsync("Số học sinh đạt giải");
        await Row(page, 0, "Unit").FillAsync("em");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await Row(page, 1, "Code").FillAsync("HS_DU_THI");
        await Row(page, 1, "Name").FillAsync("Số học sinh dự thi");
        await Row(page, 1, "Unit").FillAsync("em");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await Row(page, 2, "Code").FillAsync("TY_LE_DO");
        await Row(page, 2, "Name").FillAsync("Tỷ lệ học sinh đạt giải");
        await Row(page, 2, "Type").SelectOptionAsync("Percentage");
        await Row(page, 2, "Aggregation").SelectOptionAsync("Average");
        await Row(page, 2, "Formula").FillAsync("HS_DO / HS_DUTHI * 100");
        // The typed rows survive the post-backs; moving the first row down swaps it with the second.
        await page.GetByRole(AriaRole.Button, new() { Name = "Chuyển Chỉ tiêu 1 xuống" }).ClickAsync();
        await Assertions.Expect(Row(page, 0, "Code")).ToHaveValueAsync("HS_DU_THI");
        await Assertions.Expect(Row(page, 1, "Code")).ToHaveValueAsync("HS_DO");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm phần thuyết minh" }).ClickAsync();
        await page.Locator("input[name='Input.Sections[0]']").FillAsync("I. Đánh giá chung");

        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo mẫu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error[data-field='Input.Indicators[2].Formula']"))
            .ToHaveTextAsync("Chỉ tiêu TY_LE_DO: công thức dùng mã 'HS_DUTHI' không phải một chỉ tiêu số nhập tay của mẫu.");
        await Row(page, 2, "Formula").FillAsync("HS_DO / HS_DU_THI * 100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo mẫu" }).ClickAsync();
        await ShowsFlashAsync(page, $"Đã tạo mẫu báo cáo \"{Name}\" (phiên bản 1).");
        var templateUrl = page.Url;

        // A request made on version 1.
        await page.GotoAsync(templateUrl.Split("/Templates")[0] + "/Request");
        await page.Locator("select[name='Input.TemplateId']").SelectOptionAsync(new SelectOptionValue { Label = $"{Name} (phiên bản 1, 3 chỉ tiêu)" });
        await page.Locator("select[name='Input.Period']").SelectOptionAsync(new SelectOptionValue { Label = $"Quý IV/{Year}" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();
        await ShowsFlashAsync(page, "Đã gửi yêu cầu");
        var requestUrl = page.Url;

        // The revision: a fourth indicator, saved as version 2.
        await page.GotoAsync(templateUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await Row(page, 3, "Code").FillAsync("KIEN_NGHI");
        await Row(page, 3, "Name").FillAsync("Kiến nghị");
        await Row(page, 3, "Type").SelectOptionAsync("Text");
        await Row(page, 3, "Aggregation").SelectOptionAsync("None");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu phiên bản mới" }).ClickAsync();
        await ShowsFlashAsync(page, "thành phiên bản 2");
        var history = page.Locator("table.template-versions tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(2);
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("phiên bản 1");
        await Assertions.Expect(history.Nth(1).Locator("td.number").Last).ToHaveTextAsync("1");

        // The past request keeps version 1: three indicators, no KIEN_NGHI.
        await page.GotoAsync(requestUrl);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("phiên bản 1");
        await Assertions.Expect(page.Locator("table.consolidated tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("table.consolidated")).ToContainTextAsync("TY_LE_DO");
        await Assertions.Expect(page.Locator("table.consolidated")).Not.ToContainTextAsync("KIEN_NGHI");

        // Version 1 is still readable from the history.
        await page.GotoAsync(templateUrl);
        await page.Locator("table.template-versions").GetByRole(AriaRole.Link, new() { Name = "phiên bản 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".past-version")).ToContainTextAsync("Đây là phiên bản 1");
        await Assertions.Expect(page.Locator("table.indicators tbody tr")).ToHaveCountAsync(3);
    }
}
