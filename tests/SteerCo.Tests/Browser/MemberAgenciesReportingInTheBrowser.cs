using Microsoft.Playwright;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Browser;

/// <summary>
/// Issue 7 item 2 in the browser on the demo: Đà Nẵng asks its own member agencies for a thematic
/// report; the agriculture and environment department's member fills and submits it; the
/// secretariat accepts it, and the compliance grid shows the agencies as rows.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class MemberAgenciesReportingInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Title = "Báo cáo chuyên đề ứng phó bão số 13";
    private const string Agency = "Sở Nông nghiệp và Môi trường";
    private static readonly int Year = TestClock.Today.Year;

    private static ILocator Field(IPage page, string code) => page.Locator($"[name='Values[{code}]']");

    private static async Task ShowsFlashAsync(IPage page, string text) =>
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(text);

    [Fact]
    public async Task A_province_requests_a_thematic_report_from_its_member_agencies_one_agency_submits_and_the_secretariat_accepts()
    {
        var province = await host.SignInAsync("thuky.danang");
        province.Dialog += (_, dialog) => dialog.AcceptAsync();
        await province.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await province.GetByRole(AriaRole.Link, new() { Name = "Yêu cầu báo cáo" }).ClickAsync();
        await province.Locator("select[name='Input.TemplateId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await province.Locator("select[name='Input.Kind']").SelectOptionAsync(new SelectOptionValue { Label = "Chuyên đề" });
        await province.Locator("select[name='Input.Period']").SelectOptionAsync(new SelectOptionValue { Label = $"Quý IV/{Year}" });
        await province.Locator("input[name='Input.Title']").FillAsync(Title);
        await province.Locator("input[name='Input.Deadline']").FillAsync($"31/12/{Year}");
        await province.GetByLabel("Các cơ quan thành viên của Ban Chỉ đạo").CheckAsync();
        await province.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();
        await ShowsFlashAsync(province, "Đã gửi yêu cầu");
        await Assertions.Expect(province.Locator("h1")).ToHaveTextAsync(Title);
        await Assertions.Expect(province.Locator("dd.reporters")).ToHaveTextAsync("Các cơ quan thành viên");
        await Assertions.Expect(province.Locator("table.submissions thead")).ToContainTextAsync("Cơ quan thành viên");
        await Assertions.Expect(province.Locator("table.submissions")).ToContainTextAsync(Agency);
        (await province.Locator("table.submissions").InnerTextAsync()).ShouldNotContain("phường", customMessage: "the committees below are not asked");
        var requestUrl = province.Url;

        // The agency's member finds the report it owes, types its figures and submits.
        var member = await host.SignInAsync("thanhvien.danang", phone: true);
        member.Dialog += (_, dialog) => dialog.AcceptAsync();
        await member.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await member.Locator("table.owed").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(member.Locator("h1")).ToContainTextAsync(Agency);
        await Assertions.Expect(member.Locator(".member-agency")).ToContainTextAsync("Đà Nẵng");
        await Assertions.Expect(member.Locator("details.prefill")).ToHaveCountAsync(0);
        foreach (var (code, value) in new[] { ("HO_SO_TAN", "40"), ("HO_PHAI_SO_TAN", "50"), ("NHA_HU_HONG", "3"), ("KINH_PHI", "120"), ("MUC_NUOC", "2,5"), ("CANH_BAO", "6"), ("XUNG_KICH", "90") })
        {
            await Field(member, code).FillAsync(value);
        }
        await Field(member, "DIEN_TAP").SelectOptionAsync("Có");
        await member.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await ShowsFlashAsync(member, "Đã nộp báo cáo.");
        (await member.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);

        // The secretariat accepts it; the figures and the grid show the agency.
        await province.GotoAsync(requestUrl);
        await province.Locator("table.submissions").GetByRole(AriaRole.Link, new() { Name = Agency }).ClickAsync();
        await province.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận báo cáo" }).ClickAsync();
        await ShowsFlashAsync(province, "Đã tiếp nhận báo cáo.");
        await province.GotoAsync(requestUrl);
        await Assertions.Expect(province.Locator("table.consolidated tr", new() { Has = province.Locator("td.symbol:text-is('HO_SO_TAN')") }).Locator("td.number")).ToHaveTextAsync("40");
        await province.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await province.Locator("select[name='kind']").SelectOptionAsync("Quarter");
        await province.Locator("#compliance button[type=submit]").ClickAsync();
        var row = province.Locator("table.compliance tr", new() { HasText = Agency });
        await Assertions.Expect(row).ToContainTextAsync("Cơ quan thành viên");
        await Assertions.Expect(row).ToContainTextAsync("Đúng hạn");
    }
}
