using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SteerCo.Tests.Support;
using SteerCo.Text;

namespace SteerCo.Tests.Browser;

/// <summary>The province's secretariat gives a task and passes it down, keeps a meeting's agenda and has its papers numbered.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class AssigningWorkInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task A_province_secretariat_gives_a_task_to_two_communes_and_each_commune_finds_its_share()
    {
        var danang = await host.CommitteeOfUnitAsync("48");
        var secretariat = await host.SignInAsync("thuky.danang");
        await secretariat.GotoAsync($"/Committees/Details/{danang}");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Giao nhiệm vụ");

        // Nothing filled in: the errors in Vietnamese beside their fields, and nothing saved.
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("[data-field='Title']")).ToHaveTextAsync("Nhập nội dung nhiệm vụ.");
        await Assertions.Expect(secretariat.Locator("[data-field='LeadAgencyId']")).ToHaveTextAsync("Chọn cơ quan chủ trì.");

        // A due date that does not exist is named together with the rest, not alone.
        await secretariat.GetByLabel("Hạn hoàn thành").FillAsync("31/02/2026");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("[data-field='DueDate']")).ToHaveTextAsync("Ngày '31/02/2026' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        await Assertions.Expect(secretariat.Locator("[data-field='Title']")).ToHaveTextAsync("Nhập nội dung nhiệm vụ.");
        await Assertions.Expect(secretariat.Locator("[data-field='LeadAgencyId']")).ToHaveTextAsync("Chọn cơ quan chủ trì.");

        await secretariat.Locator("textarea[name='Title']").FillAsync("Kiểm tra công tác chuẩn bị ứng phó bão số 5");
        await secretariat.GetByLabel("Cơ quan chủ trì").SelectOptionAsync(new SelectOptionValue { Label = "Sở Nông nghiệp và Môi trường" });
        await secretariat.GetByLabel("Hạn hoàn thành").FillAsync(Today.AddDays(14).ToShort());
        var passDown = secretariat.Locator("fieldset", new() { HasText = "Giao cho cấp dưới" });
        await passDown.GetByLabel("Giao cho các Ban Chỉ đạo được chọn:").CheckAsync();
        await passDown.GetByRole(AriaRole.Checkbox, new() { Name = "Hải Châu" }).CheckAsync();
        await passDown.GetByRole(AriaRole.Checkbox, new() { Name = "Hòa Cường" }).CheckAsync();
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();

        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã giao nhiệm vụ; giao cho 2 Ban Chỉ đạo cấp dưới.");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kiểm tra công tác chuẩn bị ứng phó bão số 5");
        await Assertions.Expect(secretariat.Locator("main")).ToContainTextAsync("Hải Châu");
        await Assertions.Expect(secretariat.Locator("main")).ToContainTextAsync("Hòa Cường");

        foreach (var commune in new[] { "thuky.haichau", "thuky.hoacuong" })
        {
            var page = await host.SignInAsync(commune);
            await page.GotoAsync("/Work");
            await page.GetByRole(AriaRole.Link, new() { Name = "Kiểm tra công tác chuẩn bị ứng phó bão số 5" }).ClickAsync();
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(Today.AddDays(14).ToShort());
        }
    }

    [Fact]
    public async Task A_province_gives_a_task_from_a_central_directive_typed_by_its_number_and_symbol()
    {
        // The centre's directive, so that Đà Nẵng's register stays the other tests' own.
        var centre = await host.CommitteeOfUnitAsync("VN");
        var symbol = (await host.IssueAsync(centre, "CT", "Chỉ thị về tăng cường công tác phòng, chống sạt lở", SteerCo.Documents.DocumentVisibility.Subtree)).Symbol!;
        var page = await host.SignInAsync("thuky.hue");
        await page.GotoAsync("/Work/Create");
        await page.Locator("textarea[name='Title']").FillAsync("Rà soát các điểm có nguy cơ sạt lở");
        await page.GetByLabel("Cơ quan chủ trì").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Thường xuyên").CheckAsync();
        await page.Locator("input[name='Source'][value='Document']").CheckAsync();
        var typed = page.Locator("input[name='DocumentSymbol']");
        await typed.FillAsync("99/CT-KHONGCO");
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-field='SourceDocumentId']")).ToHaveTextAsync("Không tìm thấy văn bản số, ký hiệu \"99/CT-KHONGCO\" của Ban Chỉ đạo này hoặc cấp trên.");
        await Assertions.Expect(typed).ToHaveValueAsync("99/CT-KHONGCO");

        await typed.FillAsync(symbol.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rà soát các điểm có nguy cơ sạt lở");
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = symbol })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_new_task_page_fits_a_phone()
    {
        var page = await host.SignInAsync("thuky.danang", phone: true);
        // The narrowest phones in use are 320 CSS pixels wide.
        await page.SetViewportSizeAsync(320, 640);
        await page.GotoAsync("/Work/Create");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        // A clipped box does not scroll the page: every field must also end within the screen.
        var cutOff = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button')]"
            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.name || e.textContent.trim())");
        cutOff.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_secretariat_edits_and_removes_agenda_items_then_numbers_the_invitation_and_the_minutes()
    {
        var secretariat = await host.SignInAsync("thuky.danang");
        secretariat.Dialog += (_, dialog) => dialog.AcceptAsync();
        await secretariat.GotoAsync($"/Meetings?CommitteeId={await host.CommitteeOfUnitAsync("48")}");
        // The demo's briefings are listed, so the form starts folded under its summary.
        await secretariat.Locator("details.add-membership > summary", new() { HasText = "Lên lịch cuộc họp" }).ClickAsync();
        await secretariat.GetByLabel("Kỳ", new() { Exact = true }).FillAsync("năm 2026");
        await secretariat.GetByLabel("Ngày họp").FillAsync(Today.ToShort());
        await secretariat.GetByLabel("Địa điểm").FillAsync("Phòng họp số 3");
        await secretariat.GetByLabel("Thư ký (người ghi biên bản)").FillAsync("Phan Thị Ghi");
        // A time that is no time of day comes back beside the field, the rest of the form as typed.
        await secretariat.GetByLabel("Giờ họp").FillAsync("25 giờ 99");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Lên lịch cuộc họp" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator(".field-validation-error[data-field='Input.Time']")).ToContainTextAsync("Giờ họp '25 giờ 99' không hợp lệ");
        await Assertions.Expect(secretariat.GetByLabel("Địa điểm")).ToHaveValueAsync("Phòng họp số 3");
        await secretariat.GetByLabel("Giờ họp").FillAsync("8h30");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Lên lịch cuộc họp" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("dd.recorder")).ToHaveTextAsync("Phan Thị Ghi");
        await Assertions.Expect(secretariat.Locator("dl.facts")).ToContainTextAsync($"{Today.ToShort()} 08 giờ 30");

        var add = secretariat.Locator("form[action*='handler=Agenda']");
        await add.GetByLabel("Nội dung").FillAsync("Báo cáo tình hình");
        await add.GetByLabel("Người trình bày").FillAsync("Văn phòng");
        await add.GetByRole(AriaRole.Button, new() { Name = "Thêm" }).ClickAsync();
        var item = secretariat.Locator("ol.agenda > li", new() { HasText = "Báo cáo tình hình" });
        await item.Locator("summary").ClickAsync();
        await item.GetByLabel("Sửa: Báo cáo tình hình").FillAsync("Báo cáo tình hình thiệt hại do bão");
        await item.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã sửa nội dung chương trình.");
        await Assertions.Expect(secretariat.Locator("ol.agenda")).ToContainTextAsync("Báo cáo tình hình thiệt hại do bão — Văn phòng");

        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Bỏ: Báo cáo tình hình thiệt hại do bão" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã bỏ khỏi chương trình.");
        await Assertions.Expect(secretariat.Locator("ol.agenda")).Not.ToContainTextAsync("thiệt hại do bão");

        await secretariat.Locator("details", new() { HasText = "Cấp số giấy mời" }).Locator("summary").ClickAsync();
        await secretariat.Locator("form[action*='handler=Invitation'] button").ClickAsync();
        await Assertions.Expect(secretariat.Locator("dd.invitation")).ToHaveTextAsync(Symbol("GM"));
        await secretariat.Locator("details", new() { HasText = "Cấp số biên bản" }).Locator("summary").ClickAsync();
        await secretariat.Locator("form[action*='handler=Minutes'] button").ClickAsync();
        await Assertions.Expect(secretariat.Locator("dd.minutes")).ToHaveTextAsync(Symbol("BB"));
        await Assertions.Expect(secretariat.Locator("details.agenda-edit")).ToHaveCountAsync(0);
        // The minutes fixed who came and who spoke: the lists stay, their forms are gone.
        await Assertions.Expect(secretariat.Locator("form[action*='handler=Attendance']")).ToHaveCountAsync(0);
        await Assertions.Expect(secretariat.Locator("form[action*='handler=Contribution']")).ToHaveCountAsync(0);
        await Assertions.Expect(secretariat.Locator("section[aria-labelledby='attendance-heading'] li")).Not.ToHaveCountAsync(0);
        var download = await secretariat.RunAndWaitForDownloadAsync(() => secretariat.GetByRole(AriaRole.Link, new() { Name = "Biên bản (DOCX)" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("bien-ban-");
    }

    private static Regex Symbol(string type) => new($@"^\s*\d+/{type}-BCĐ\s*$");
}
