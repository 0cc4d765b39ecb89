using Microsoft.Playwright;

namespace SteerCo.Tests.Browser;

/// <summary>A merge changes the national counts, so it has a database of its own.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class MergingUnitsInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Merging_two_communes_keeps_them_readable_and_lists_their_committees_to_transfer()
    {
        var page = await host.SignInAsync("admin");
        await page.GotoAsync("/Units/Merge");

        await page.Locator("input[name='Input.Codes']").FillAsync("19777, 19789");
        await page.GetByLabel("Mã đơn vị mới").FillAsync("99990");
        await page.GetByLabel("Tên đơn vị mới").FillAsync("Phường Thuận Hóa Mới");
        await page.GetByLabel("Mã đơn vị cấp trên").FillAsync("46");
        await page.GetByLabel("Ngày có hiệu lực").FillAsync("01/01/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hợp nhất" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Phường Thuận Hóa Mới");
        var transfer = page.Locator("main ul li");
        await Assertions.Expect(transfer).ToHaveCountAsync(2);
        await Assertions.Expect(transfer.First).ToContainTextAsync("phường");

        // The old unit stays, closed the day before, with a link to its successor.
        await transfer.First.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Phường" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Hết hiệu lực từ 01/01/2026");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Phường Thuận Hóa Mới");
    }
}
