using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SteerCo.Access;
using SteerCo.Documents;

namespace SteerCo.Tests.Browser;

/// <summary>The register in the browser: numbering an outgoing document, a stale edit, the filters, the cascade, a phone.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed partial class KeepingTheDocumentRegister(BrowserHost host) : IClassFixture<BrowserHost>
{
    private async Task<DocumentDetail> RegisterAsync(string unitCode, DocumentInput input)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DocumentRegister>().RegisterAsync(Actor.System(), await host.CommitteeOfUnitAsync(unitCode), input);
        result.IsOk.ShouldBeTrue(string.Join("; ", result.Problems.Select(p => p.Message)));
        return result.Value!;
    }

    private static DocumentInput Outgoing(string type, string subject, DocumentVisibility visibility = DocumentVisibility.Committee, DateOnly? issuedOn = null) => new(
        DocumentDirection.Outgoing, type, null, true, null, issuedOn ?? new DateOnly(2026, 3, 2), null, IssuerKind.Committee, null, null, null,
        subject, "Nguyễn Văn An", SigningAuthority.Deputy, "Phó Trưởng ban", null, null, visibility);

    private static DocumentInput Incoming(string symbol, string issuer, DateOnly issuedOn, string subject) => new(
        DocumentDirection.Incoming, null, symbol, false, null, issuedOn, issuedOn, IssuerKind.Outside, null, null, issuer,
        subject, null, SigningAuthority.None, null, null, null, DocumentVisibility.Committee);

    private async Task RelateAsync(int id, int relatedId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DocumentRegister>().RelateAsync(Actor.System(), id, relatedId, RelationKind.Implements)).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task A_secretariat_registers_an_outgoing_document_and_sees_the_number_the_register_issued()
    {
        var page = await host.SignInAsync("thuky.danang");
        await page.GotoAsync("/Documents");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng ký văn bản" }).ClickAsync();

        await page.GetByLabel("Văn bản đi").CheckAsync();
        await page.GetByLabel("Cấp số").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Ngày đến")).ToBeHiddenAsync();
        await page.Locator("select[name='Input.Type']").SelectOptionAsync("KH");
        await page.Locator("input[name='Input.IssuedOn']").FillAsync("02/03/2026");
        await page.Locator("textarea[name='Input.Subject']").FillAsync("Kế hoạch phòng, chống thiên tai năm 2026");
        await page.Locator("select[name='Input.SigningAuthority']").SelectOptionAsync("Deputy");
        await page.Locator("input[name='Input.SignerTitle']").FillAsync("Phó Trưởng ban Thường trực");
        await page.Locator("input[name='Input.SignerName']").FillAsync("Lê Văn Bình");
        await page.Locator("textarea[name='Input.Recipients']").FillAsync("- UBND các phường;\n- Lưu: VT.");
        await page.GetByLabel("Cả các Ban Chỉ đạo cấp dưới").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vào sổ" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(SymbolFlash());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(KhSymbol());
        await Assertions.Expect(page.Locator("dd.signer")).ToContainTextAsync("KT.");
        await Assertions.Expect(page.Locator("dd.signer")).ToContainTextAsync("Lê Văn Bình");
        await Assertions.Expect(page.Locator("ul.recipients li")).ToHaveCountAsync(2);
        await BrowserHost.ScreenshotAsync(page, "document-registered");
    }

    [Fact]
    public async Task A_symbol_the_parser_rejects_is_explained_under_the_field()
    {
        var page = await host.SignInAsync("thuky.danang");
        await page.GotoAsync("/Documents/Create");

        await page.GetByLabel("Văn bản đến").CheckAsync();
        await page.Locator("input[name='Input.Symbol']").FillAsync("12/QD-UBND");
        await page.Locator("input[name='Input.IssuedOn']").FillAsync("02/03/2026");
        await page.GetByLabel("Cơ quan khác (nhập tên)").CheckAsync();
        await page.Locator("input[name='Input.IssuerName']").FillAsync("Ủy ban nhân dân thành phố Đà Nẵng");
        await page.Locator("textarea[name='Input.Subject']").FillAsync("Về ứng phó bão");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vào sổ" }).ClickAsync();

        await Assertions.Expect(page.Locator(".field-validation-error[data-field='Input.Symbol']")).ToHaveTextAsync("'QD' không phải là tên loại văn bản — có phải là 'QĐ'?");
        await Assertions.Expect(page.Locator("textarea[name='Input.Subject']")).ToHaveValueAsync("Về ứng phó bão");
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_nothing_is_overwritten()
    {
        var document = await RegisterAsync("48", Incoming("21/TB-SNNMT", "Sở Nông nghiệp và Môi trường", new DateOnly(2026, 2, 3), "Thông báo lịch trực ban"));
        var first = await host.SignInAsync("thuky.danang");
        var second = await host.SignInAsync("thuky.danang");
        await first.GotoAsync($"/Documents/Edit/{document.Id}");
        await second.GotoAsync($"/Documents/Edit/{document.Id}");

        await first.Locator("textarea[name='Input.Subject']").FillAsync("Thông báo lịch trực ban tháng 3");
        await first.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu.");

        await second.Locator("textarea[name='Input.Subject']").FillAsync("Ghi đè");
        await second.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bản ghi đã được người khác sửa");

        await first.ReloadAsync();
        await Assertions.Expect(first.Locator("p.subject")).ToHaveTextAsync("Thông báo lịch trực ban tháng 3");
    }

    [Fact]
    public async Task The_register_filters_by_direction_type_issuer_and_dates()
    {
        const string issuer = "Đài Khí tượng Thủy văn khu vực";
        await RegisterAsync("48", Incoming("101/BC-ĐKTTV", issuer, new DateOnly(2026, 1, 12), "Báo cáo tình hình mưa lũ tháng 1"));
        await RegisterAsync("48", Incoming("102/TB-ĐKTTV", issuer, new DateOnly(2026, 2, 16), "Thông báo lũ khẩn cấp"));
        await RegisterAsync("48", Incoming("103/BC-ĐKTTV", issuer, new DateOnly(2026, 2, 20), "Báo cáo tình hình mưa lũ tháng 2"));
        var page = await host.SignInAsync("lanhdao.danang");
        await page.GotoAsync("/Documents");
        var rows = page.Locator("main table.register tbody tr");

        await page.Locator("input[name='issuer']").FillAsync("Khí tượng");
        await page.Locator("select[name='direction']").SelectOptionAsync("Incoming");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.First).ToContainTextAsync("103/BC-ĐKTTV");

        await page.Locator("select[name='type']").SelectOptionAsync("BC");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        await page.Locator("input[name='from']").FillAsync("01/02/2026");
        await page.Locator("input[name='to']").FillAsync("28/02/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("20/02/2026");

        await page.Locator("input[name='from']").FillAsync("");
        await page.Locator("input[name='to']").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ngày ban hành" }).ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("101/BC-ĐKTTV");
        page.Url.ShouldContain("type=BC");

        await page.Locator("input[name='from']").FillAsync("31/02/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error[data-field='From']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_document_page_shows_the_cascade_with_the_committees_that_have_not_implemented_yet()
    {
        var directive = await RegisterAsync("VN", Outgoing("CT", "Chỉ thị về chủ động phòng, chống bão, lũ năm 2026", DocumentVisibility.Subtree));
        var provincePlan = await RegisterAsync("48", Outgoing("KH", "Kế hoạch triển khai Chỉ thị về phòng, chống bão, lũ"));
        var communePlan = await RegisterAsync("20242", Outgoing("KH", "Kế hoạch của phường Hải Châu triển khai Kế hoạch của thành phố"));
        await RelateAsync(provincePlan.Id, directive.Id);
        await RelateAsync(communePlan.Id, provincePlan.Id);

        var page = await host.SignInAsync("thuky.tw");
        await page.GotoAsync($"/Documents/Details/{directive.Id}");
        var cascade = page.Locator("#cascade");

        await Assertions.Expect(cascade).ToContainTextAsync("2/7 Ban Chỉ đạo cấp dưới đã có văn bản triển khai.");
        var danang = cascade.Locator("details", new() { HasText = "thành phố Đà Nẵng" });
        await Assertions.Expect(danang.Locator("summary")).ToContainTextAsync("2/4 đã triển khai");
        await Assertions.Expect(cascade.Locator("details", new() { HasText = "thành phố Huế" }).Locator("summary")).ToContainTextAsync("0/3 đã triển khai");
        await danang.Locator("summary").ClickAsync();
        await Assertions.Expect(danang.GetByRole(AriaRole.Link, new() { Name = communePlan.Symbol! })).ToBeVisibleAsync();
        await Assertions.Expect(danang.Locator("li", new() { HasText = "phường Hòa Cường" })).ToContainTextAsync("Chưa có văn bản triển khai");

        await danang.GetByRole(AriaRole.Link, new() { Name = provincePlan.Symbol! }).ClickAsync();
        await Assertions.Expect(page.Locator("#relations")).ToContainTextAsync("Triển khai thực hiện");
        await Assertions.Expect(page.Locator("#relations")).ToContainTextAsync("Được triển khai bởi");
        await BrowserHost.ScreenshotAsync(page, "document-relations");
    }

    [Fact]
    public async Task A_secretariat_links_a_document_by_searching_for_its_symbol_and_removes_the_link()
    {
        var plan = await RegisterAsync("48", Outgoing("KH", "Kế hoạch diễn tập ứng phó sự cố"));
        var notice = await RegisterAsync("48", Incoming("55/TB-BCHQS", "Bộ Chỉ huy Quân sự", new DateOnly(2026, 2, 25), "Thông báo diễn tập"));
        var page = await host.SignInAsync("thuky.danang");
        await page.GotoAsync($"/Documents/Details/{plan.Id}");

        await page.GetByLabel("Tìm văn bản").FillAsync("55/TB-BCHQS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        var found = page.Locator("ul.found li", new() { HasText = notice.Symbol! });
        await found.Locator("select").SelectOptionAsync("Cites");
        await found.GetByRole(AriaRole.Button, new() { Name = "Liên kết" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã thêm văn bản liên quan.");
        await Assertions.Expect(page.Locator("#relations tbody tr")).ToHaveCountAsync(1);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator("#relations").GetByRole(AriaRole.Button, new() { Name = "Bỏ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#relations")).ToContainTextAsync("Chưa có văn bản liên quan.");
    }

    [Theory]
    [InlineData("/Documents")]
    [InlineData("/Documents/Create")]
    [InlineData("/Documents/Details")]
    [InlineData("/Documents/Numbers")]
    public async Task Document_pages_fit_a_phone_screen_without_sideways_scrolling(string path)
    {
        var document = await RegisterAsync("48", Incoming($"{Random.Shared.Next(1000, 9999)}/QĐ-UBND", "Ủy ban nhân dân thành phố Đà Nẵng",
            new DateOnly(2026, 1, 8), "Quyết định về việc kiện toàn Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn thành phố Đà Nẵng với một trích yếu rất dài"));
        var page = await host.SignInAsync("thuky.danang", phone: true);
        var url = path switch
        {
            "/Documents/Details" => $"{path}/{document.Id}",
            "/Documents/Numbers" => $"{path}?committeeId={await host.CommitteeOfUnitAsync("48")}",
            _ => path,
        };

        var response = await page.GotoAsync(url);

        response!.Status.ShouldBe(200);
        // Against the screen, not the layout viewport: a phone widens that to fit what overflows.
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - screen.width");
        overflow.ShouldBeLessThanOrEqualTo(0);
        await BrowserHost.ScreenshotAsync(page, "phone" + path.Replace('/', '-'));
    }

    [GeneratedRegex(@"^Đã vào sổ văn bản số \d{2,}/KH-BCĐ\.$")]
    private static partial Regex SymbolFlash();

    [GeneratedRegex(@"^\s*\d{2,}/KH-BCĐ\s*$")]
    private static partial Regex KhSymbol();
}
