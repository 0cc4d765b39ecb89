using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SteerCo.Access;
using SteerCo.Documents;

namespace SteerCo.Tests.Browser;

/// <summary>A province secretariat searches the register: marked results, filters, pages, on a desk and on a phone.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class SearchingDocumentsInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task RegisterAsync(string unitCode, int count, Func<int, (string Subject, string Type, string? Body)> make)
    {
        var committeeId = await host.CommitteeOfUnitAsync(unitCode);
        using var scope = host.Services.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<DocumentRegister>();
        for (var i = 1; i <= count; i++)
        {
            var (subject, type, body) = make(i);
            var input = new DocumentInput(DocumentDirection.Incoming, null, $"{Random.Shared.Next(1000, 9_999_999)}/{type}-UBND", false, null,
                new DateOnly(2025, 1, 1).AddDays(i), null, IssuerKind.Outside, null, null, "Ủy ban nhân dân thành phố",
                subject, null, SigningAuthority.None, null, null, body, DocumentVisibility.Committee);
            var result = await register.RegisterAsync(Actor.System(), committeeId, input);
            result.IsOk.ShouldBeTrue(string.Join("; ", result.Problems.Select(p => p.Message)));
        }
    }

    [Fact]
    public async Task A_secretariat_searches_without_marks_sees_the_words_marked_filters_by_type_and_pages()
    {
        await RegisterAsync("48", 27, i => ($"Nghị quyết số {i} về phòng, chống thiên tai thành phố Đà Nẵng", "NQ", $"Triển khai Nghị quyết tại Đà Nẵng, đợt {i}."));
        await RegisterAsync("48", 3, i => ($"Quyết định số {i} thực hiện nghị quyết của thành phố Đà Nẵng", "QĐ", null));
        await RegisterAsync("46", 2, i => ($"Nghị quyết số {i} của thành phố Huế, không phải Đà Nẵng", "NQ", null));
        var page = await host.SignInAsync("thuky.danang");

        await page.GotoAsync("/Documents/Search");
        await page.GetByLabel("Từ khóa").FillAsync("nghi quyet da nang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();

        var rows = page.Locator("table.search-results tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        await Assertions.Expect(page.Locator("nav.pager")).ToContainTextAsync("30");
        await Assertions.Expect(rows.First.Locator("mark").First).ToHaveTextAsync("Nghị quyết", new() { IgnoreCase = true });
        await Assertions.Expect(rows.First.Locator("mark").Last).ToHaveTextAsync("Đà Nẵng");
        await Assertions.Expect(page.Locator("table.search-results")).Not.ToContainTextAsync("Huế");
        await BrowserHost.ScreenshotAsync(page, "document-search");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sau ›" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        page.Url.ShouldContain("p=2");

        await page.GetByLabel("Loại văn bản").FillAsync("QĐ");
        await page.GetByLabel("Sắp xếp").SelectOptionAsync("relevance");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.First).ToContainTextAsync("Quyết định số");
        page.Url.ShouldNotContain("p=2");
    }

    [Fact]
    public async Task The_search_page_fits_a_phone_and_a_hostile_query_is_just_a_query()
    {
        var page = await host.SignInAsync("thuky.haichau", phone: true);

        await page.GotoAsync("/Documents/Search?q=" + Uri.EscapeDataString("\"<script>alert(1)</script> NEAR( OR *"));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tìm kiếm văn bản");
        await Assertions.Expect(page.GetByLabel("Từ khóa")).ToHaveValueAsync("\"<script>alert(1)</script> NEAR( OR *");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
    }
}
