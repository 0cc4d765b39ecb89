using Microsoft.Playwright;

namespace SteerCo.Tests.Browser;

/// <summary>
/// Đà Nẵng's secretariat opens its committee and sees the day's work first: the next briefing,
/// where the last one's tasks stand, what is late in the wards. The demo seeds the briefings.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class OpeningTheCommitteePage(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_secretariat_reads_the_next_briefing_and_the_late_tasks_and_goes_to_each()
    {
        var danang = await host.CommitteeOfUnitAsync("48");
        var page = await host.SignInAsync("thuky.danang");
        await page.GotoAsync($"/Committees/Details/{danang}");

        var overview = page.Locator("section.overview");
        await Assertions.Expect(overview.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Tình hình công việc");
        // The demo's last briefing gave five tasks: one done, two late (one of them passed down to the wards).
        await Assertions.Expect(overview.Locator(".last-meeting .follow-up")).ToHaveTextAsync("Kết luận giao 5 nhiệm vụ: 1 hoàn thành, 2 quá hạn.");
        await Assertions.Expect(overview.Locator(".last-meeting .symbol")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+/TB-BCĐ$"));
        await Assertions.Expect(overview.Locator(".overdue-below a")).ToContainTextAsync("quá hạn ở Ban Chỉ đạo cấp dưới");
        await BrowserHost.ScreenshotAsync(page, "committee-overview");

        var next = overview.Locator(".next-meeting a");
        var title = (await next.InnerTextAsync()).Trim();
        title.ShouldStartWith("Hội nghị giao ban");
        await next.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        await page.GoBackAsync();
        await overview.Locator(".overdue-below a").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nhiệm vụ quá hạn");
        await Assertions.Expect(page.Locator(".rollup .overdue strong")).Not.ToHaveTextAsync("0");
    }

    [Fact]
    public async Task The_committee_page_fits_a_phone()
    {
        var page = await host.SignInAsync("thuky.danang", phone: true);
        await page.GotoAsync($"/Committees/Details/{await host.CommitteeOfUnitAsync("48")}");
        await Assertions.Expect(page.Locator("section.overview .panel")).ToHaveCountAsync(4);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
    }
}
