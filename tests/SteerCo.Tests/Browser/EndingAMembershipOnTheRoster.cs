using Microsoft.Playwright;

namespace SteerCo.Tests.Browser;

/// <summary>
/// The roster's "Kết thúc" form opens inside its row: its date box, its decision, its button and a
/// refused date's message stay inside the table and the window, on a laptop and on a phone.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class EndingAMembershipOnTheRoster(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_end_membership_form_and_its_message_fit_inside_the_roster(int width, int height)
    {
        var danang = await host.CommitteeOfUnitAsync("48");
        var page = await host.SignInAsync("thuky.danang", phone: width < 600);
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync($"/Members/{danang}");

        var ending = page.Locator("details.end-membership").First;
        await ending.Locator("summary").ClickAsync();
        // A date that is not one: refused beside the box, and nothing is ended (the demo stays as it was).
        await ending.Locator("input[name='Ending.EndDate']").FillAsync("31/02/2026");
        await ending.GetByRole(AriaRole.Button).ClickAsync();
        var refused = page.Locator("details.end-membership[open]");
        await Assertions.Expect(refused.Locator("[data-field='Ending.EndDate']")).ToContainTextAsync("31/02/2026");

        var wrap = (await page.Locator(".table-wrap").Filter(new() { Has = page.Locator("table.roster") }).BoundingBoxAsync())!;
        var right = Math.Min((double)wrap.X + wrap.Width, width);
        var outside = new List<string>();
        foreach (var part in new[] { "form", "input[name='Ending.EndDate']", "select", "button", "[data-field='Ending.EndDate']" })
        {
            var box = (await refused.Locator(part).First.BoundingBoxAsync())!;
            if (box.X < wrap.X - 0.5 || box.X + box.Width > right + 0.5)
            {
                outside.Add($"{part}: {box.X:0}–{box.X + box.Width:0}");
            }
        }
        outside.ShouldBeEmpty($"inside the roster's box {wrap.X:0}–{right:0} at {width}px");
        (await page.EvaluateAsync<bool>("(() => { const w = document.querySelector('.table-wrap:has(table.roster)'); return w.scrollWidth <= w.clientWidth; })()"))
            .ShouldBeTrue("the roster does not scroll sideways to show the form");
        await BrowserHost.ScreenshotAsync(page, $"roster-ending-{width}");
    }
}
