using Microsoft.Playwright;

namespace SteerCo.Tests.Browser;

/// <summary>
/// A checkbox or a radio button sits at the left of its words, on their line, whatever the form's
/// markup: on the report request form at phone width the choice of who reports, and the communes
/// to ask, read as a list of boxes to tick, not as bars above their labels.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class TickingBoxesOnAPhone(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_boxes_of_the_report_request_form_sit_beside_their_words_on_a_phone()
    {
        var danang = await host.CommitteeOfUnitAsync("48");
        var page = await host.SignInAsync("thuky.danang", phone: true);

        await page.GotoAsync($"/Reporting/{danang}/Request");
        await page.GetByLabel("Chọn Ban Chỉ đạo", new() { Exact = true }).CheckAsync();
        var chosen = page.Locator("form.stack label:has(> input[type=checkbox])").First;
        await Assertions.Expect(chosen).ToBeVisibleAsync();

        foreach (var label in new[] { page.Locator("label.check", new() { HasText = "Chọn Ban Chỉ đạo" }).First, chosen })
        {
            var (box, line) = await GeometryAsync(label);
            box.Width.ShouldBeLessThan(40, "a box, not a bar across the form");
            (box.Y + box.Height / 2).ShouldBeInRange(line.Y, line.Y + Math.Min(line.Height, 40), "on the first line of its words");
            box.X.ShouldBeLessThan(line.X + 30, "at the left of its words");
        }
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth")).ShouldBeTrue("nothing wider than the phone");
    }

    private static async Task<(LocatorBoundingBoxResult Box, LocatorBoundingBoxResult Line)> GeometryAsync(ILocator label) =>
        ((await label.Locator("input").First.BoundingBoxAsync())!, (await label.BoundingBoxAsync())!);
}
