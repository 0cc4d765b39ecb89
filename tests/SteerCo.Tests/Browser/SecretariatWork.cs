using Microsoft.Playwright;

namespace SteerCo.Tests.Browser;

/// <summary>Secretariats at the province and commune: their scope, their edits, on a desk and on a phone.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class SecretariatWork(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_commune_secretariat_sees_only_its_own_committee_and_nothing_of_another_province()
    {
        var page = await host.SignInAsync("thuky.haichau");

        await Assertions.Expect(page.Locator("aside")).ToContainTextAsync("Phường Hải Châu");
        await Assertions.Expect(page.Locator("main tbody tr")).ToHaveCountAsync(1);

        var hue = await host.CommitteeOfUnitAsync("46");
        var response = await page.GotoAsync($"/Committees/Details/{hue}");
        response!.Status.ShouldBe(404);
        response = await page.GotoAsync($"/Committees/Edit/{hue}");
        response!.Status.ShouldBe(404);
        response = await page.GotoAsync("/Admin/Users");
        response!.Url.ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_province_secretariat_edits_its_committee_and_a_stale_edit_is_refused()
    {
        var danang = await host.CommitteeOfUnitAsync("48");
        var first = await host.SignInAsync("thuky.danang");
        var second = await host.SignInAsync("thuky.danang");
        await first.GotoAsync($"/Committees/Edit/{danang}");
        await second.GotoAsync($"/Committees/Edit/{danang}");

        await first.Locator("input[name='Input.CurrentTerm']").FillAsync("2025–2030");
        await first.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu.");
        await Assertions.Expect(first.Locator("dl.facts")).ToContainTextAsync("2025–2030");

        await second.Locator("input[name='Input.Abbreviation']").FillAsync("BCĐPCTT");
        await second.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bản ghi đã được người khác sửa");

        await first.ReloadAsync();
        await Assertions.Expect(first.Locator("dl.facts")).ToContainTextAsync("BCĐ");
        await Assertions.Expect(first.Locator("dl.facts")).Not.ToContainTextAsync("BCĐPCTT");
    }

    [Fact]
    public async Task A_province_leader_reads_the_communes_below_but_cannot_edit()
    {
        var page = await host.SignInAsync("lanhdao.danang");
        await page.GotoAsync("/Committees");
        await Assertions.Expect(page.Locator("main tbody")).ToContainTextAsync("Phường Hải Châu");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn phường Hải Châu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sửa" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync($"/Committees/Edit/{await host.CommitteeOfUnitAsync("20242")}");
        response!.Url.ShouldContain("/Account/AccessDenied");
    }

    [Theory]
    [InlineData("/Committees")]
    [InlineData("/Units")]
    [InlineData("/Account/ChangePassword")]
    public async Task Pages_fit_a_phone_screen_without_sideways_scrolling(string path)
    {
        var page = await host.SignInAsync("thuky.danang", phone: true);
        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        // The tree starts folded on a phone, so the page's own content comes first.
        (await page.Locator("details.tree-box").GetAttributeAsync("open")).ShouldBeNull();
    }

    [Fact]
    public async Task The_committee_page_works_on_a_phone()
    {
        var page = await host.SignInAsync("thuky.danang", phone: true);
        await page.GotoAsync($"/Committees/Details/{await host.CommitteeOfUnitAsync("48")}");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Thêm Ban Chỉ đạo cấp dưới" })).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "phone-committee");
    }
}
