using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Browser;

/// <summary>
/// Đà Nẵng's secretariat reads the committee's composition on any day and reconstitutes it; a
/// second draft made before is then refused. The demo seeds the roster and its history.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class ReconstitutingInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static string Today => TestClock.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_secretariat_sees_the_roster_on_any_day_drafts_a_reconstitution_and_applies_it()
    {
        var danang = await host.CommitteeOfUnitAsync("48");
        var page = await host.SignInAsync("thuky.danang");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/Committees/Details/{danang}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thành phần Ban Chỉ đạo" }).ClickAsync();

        var roster = page.Locator("table.roster");
        await Assertions.Expect(roster).ToContainTextAsync("Nguyễn Văn An");
        await Assertions.Expect(roster).ToContainTextAsync("Trương Văn Phúc");
        await Assertions.Expect(roster).Not.ToContainTextAsync("Phan Thị Hạnh");
        await Assertions.Expect(roster.Locator("tbody tr").First).ToContainTextAsync("Trưởng ban");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("2460/QĐ-UBND");

        await page.Locator("input[name='on']").FillAsync("31/10/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.Locator("h2#roster-heading")).ToHaveTextAsync("Thành phần ngày 31/10/2025");
        await Assertions.Expect(roster).ToContainTextAsync("Phan Thị Hạnh");
        await Assertions.Expect(roster).ToContainTextAsync("Trần Quốc Bảo");
        await Assertions.Expect(roster).Not.ToContainTextAsync("Trương Văn Phúc");

        // A second draft, made now, goes stale when the first is applied.
        var other = await host.SignInAsync("thuky.danang");
        await other.GotoAsync($"/Members/{danang}");
        await other.GetByRole(AriaRole.Button, new() { Name = "Lập dự thảo kiện toàn" }).ClickAsync();
        await Assertions.Expect(other.Locator("h1")).ToContainTextAsync("Kiện toàn");

        await page.Locator("input[name='EffectiveOn']").FillAsync(Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập dự thảo kiện toàn" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Kiện toàn {Today}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ Ngô Văn Lợi khỏi danh sách" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu.");
        var police = page.Locator("table.roster tr", new() { HasText = "Võ Minh Khoa" });
        await police.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Phó Trưởng ban" });
        await police.GetByRole(AriaRole.Button, new() { Name = "Đổi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm người" }).ClickAsync();
        await page.GetByLabel("Họ và tên").FillAsync("Đoàn Thị Quyên");
        await page.GetByLabel("Chức vụ").FillAsync("Giám đốc Sở Xây dựng");
        await page.Locator("select[name='Input.AgencyId']").SelectOptionAsync(new SelectOptionValue { Label = "Sở Xây dựng (Thành phố Đà Nẵng)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Kiện toàn {Today}");
        await page.Locator("select[name='PersonId']").SelectOptionAsync(new SelectOptionValue { Label = "Đoàn Thị Quyên · Giám đốc Sở Xây dựng · Sở Xây dựng" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào danh sách" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu.");

        var changes = page.Locator("table.changes");
        await Assertions.Expect(changes.Locator("tr", new() { HasText = "Đoàn Thị Quyên" })).ToContainTextAsync("Bổ sung");
        await Assertions.Expect(changes.Locator("tr", new() { HasText = "Ngô Văn Lợi" })).ToContainTextAsync("Thôi tham gia");
        await Assertions.Expect(changes.Locator("tr", new() { HasText = "Võ Minh Khoa" })).ToContainTextAsync("Đổi chức danh");
        await Assertions.Expect(changes.Locator("tbody tr")).ToHaveCountAsync(3);

        await page.GetByText("Tạo quyết định mới trong sổ văn bản").ClickAsync();
        await page.Locator("input[name='DecisionIssuedOn']").FillAsync(Today);
        await page.Locator("input[name='SignerName']").FillAsync("Nguyễn Văn An");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo quyết định" }).ClickAsync();
        // The register numbers on from the demo's invitation, minutes and notice of the year.
        var created = new Regex(@"^Đã tạo quyết định (\d{2,}/QĐ-BCĐ) trong sổ văn bản\.$");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(created);
        var symbol = created.Match((await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim()).Groups[1].Value;
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(symbol);

        // The decision, as the clerk will edit and sign it, lists the new roster.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải DOCX" }).ClickAsync());
        download.SuggestedFilename.ShouldBe($"QĐ kiện toàn BCĐ {Today.Replace('/', '-')}.docx");
        using (var decision = Office.Docx.Open(await File.ReadAllBytesAsync(await download.PathAsync())))
        {
            decision.Line($"Số: {symbol}");
            var annex = string.Join("\n", decision.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.InnerText));
            annex.ShouldContain("Đoàn Thị Quyên");
            annex.ShouldNotContain("Ngô Văn Lợi");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng kiện toàn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã áp dụng kiện toàn, hiệu lực từ ngày {Today}.");
        await Assertions.Expect(page.Locator("p .badge")).ToHaveTextAsync("Đã áp dụng");

        await page.GotoAsync($"/Members/{danang}");
        await Assertions.Expect(roster).ToContainTextAsync("Đoàn Thị Quyên");
        await Assertions.Expect(roster).Not.ToContainTextAsync("Ngô Văn Lợi");
        await Assertions.Expect(roster.Locator("tr", new() { HasText = "Võ Minh Khoa" })).ToContainTextAsync("Phó Trưởng ban");
        await Assertions.Expect(page.Locator("ol.timeline > li").First).ToContainTextAsync(symbol);

        await other.ReloadAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Alert).First).ToContainTextAsync("đã thay đổi sau khi lập dự thảo");
        other.Dialog += (_, dialog) => dialog.AcceptAsync();
        await other.Locator("select[name='DecisionDocumentId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await other.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        var response = await other.RunAndWaitForResponseAsync(
            () => other.GetByRole(AriaRole.Button, new() { Name = "Áp dụng kiện toàn" }).ClickAsync(),
            r => r.Request.Method == "POST");
        response.Status.ShouldBe(409);
        await Assertions.Expect(other.Locator(".validation-summary-errors")).ToContainTextAsync("không thể áp dụng");
        await BrowserHost.ScreenshotAsync(page, "members-roster");
    }

    [Fact]
    public async Task A_leader_reads_the_composition_without_changing_it_and_another_province_finds_nothing()
    {
        var danang = await host.CommitteeOfUnitAsync("48");
        var leader = await host.SignInAsync("lanhdao.danang");
        await leader.GotoAsync($"/Members/{danang}");
        await Assertions.Expect(leader.Locator("table.roster")).ToContainTextAsync("Nguyễn Văn An");
        await Assertions.Expect(leader.GetByRole(AriaRole.Button, new() { Name = "Lập dự thảo kiện toàn" })).ToHaveCountAsync(0);

        var hue = await host.SignInAsync("thuky.hue");
        var response = await hue.GotoAsync($"/Members/{danang}");
        response!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task A_commune_secretariat_ends_one_membership_on_its_last_day()
    {
        var haichau = await host.CommitteeOfUnitAsync("20242");
        var page = await host.SignInAsync("thuky.haichau");
        await page.GotoAsync($"/Members/{haichau}");
        var police = page.Locator("table.roster tr", new() { HasText = "Huỳnh Thị Uyên" });
        await police.GetByText("Kết thúc", new() { Exact = true }).ClickAsync();
        await police.Locator("input[name='Ending.EndDate']").FillAsync("31/02/2026");
        await police.GetByRole(AriaRole.Button, new() { Name = "Kết thúc chức danh" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error[data-field='Ending.EndDate']")).ToBeVisibleAsync();
        await Assertions.Expect(police.Locator("details.end-membership")).ToHaveJSPropertyAsync("open", true);
        await Assertions.Expect(police).Not.ToContainTextAsync("Đến ngày");

        await police.Locator("input[name='Ending.EndDate']").FillAsync(Today);
        await police.GetByRole(AriaRole.Button, new() { Name = "Kết thúc chức danh" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã kết thúc chức danh của Huỳnh Thị Uyên; ngày cuối {Today}.");
        // The last day is still hers; the next is not.
        await Assertions.Expect(police).ToContainTextAsync($"Đến ngày {Today}");
        var tomorrow = TestClock.Today.AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await page.GotoAsync($"/Members/{haichau}?on={tomorrow}");
        await Assertions.Expect(page.Locator("table.roster")).ToContainTextAsync("Bùi Văn Sơn");
        await Assertions.Expect(page.Locator("table.roster")).Not.ToContainTextAsync("Huỳnh Thị Uyên");
    }

    [Fact]
    public async Task A_commune_secretariat_records_a_past_membership_and_an_overlap_is_explained()
    {
        var haichau = await host.CommitteeOfUnitAsync("20242");
        var page = await host.SignInAsync("thuky.haichau");
        await page.GotoAsync($"/Members/{haichau}");
        await page.GetByText("Ghi nhận thành viên").ClickAsync();
        var form = page.Locator("details.add-membership form");
        await form.Locator("select[name='Membership.PersonId']").SelectOptionAsync(new SelectOptionValue { Label = "Bùi Văn Sơn · Ủy ban nhân dân phường Hải Châu" });
        await form.Locator("select[name='Membership.PostId']").SelectOptionAsync(new SelectOptionValue { Label = "Ủy viên" });
        await form.Locator("input[name='Membership.StartDate']").FillAsync("01/03/2023");
        await form.Locator("input[name='Membership.EndDate']").FillAsync("30/06/2025");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu.");
        await Assertions.Expect(page.Locator("h2#roster-heading")).ToHaveTextAsync("Thành phần ngày 01/03/2023");
        await Assertions.Expect(page.Locator("table.roster")).ToContainTextAsync("Bùi Văn Sơn");

        await page.GetByText("Ghi nhận thành viên").ClickAsync();
        await form.Locator("select[name='Membership.PersonId']").SelectOptionAsync(new SelectOptionValue { Label = "Bùi Văn Sơn · Ủy ban nhân dân phường Hải Châu" });
        await form.Locator("input[name='Membership.StartDate']").FillAsync("01/01/2024");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error[data-field='Membership.PersonId']")).ToContainTextAsync("một người không giữ hai chức danh cùng lúc");
    }

    [Fact]
    public async Task The_composition_page_works_on_a_phone()
    {
        var page = await host.SignInAsync("thuky.danang", phone: true);
        await page.GotoAsync($"/Members/{await host.CommitteeOfUnitAsync("48")}");
        await Assertions.Expect(page.Locator("table.roster")).ToContainTextAsync("Nguyễn Văn An");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        await BrowserHost.ScreenshotAsync(page, "phone-members");
    }
}
