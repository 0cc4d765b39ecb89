using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SteerCo.Tests.Browser;

/// <summary>What a new administrator does on a fresh installation, in the browser.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed class AdministratorFirstVisit(BrowserHost host) : IClassFixture<BrowserHost>
{
    /// <summary>The last commune in the official list by code (Units/Data/units-2025.csv).</summary>
    private const string HighestCommuneCode = "32248";

    [Fact]
    public async Task The_login_page_is_in_Vietnamese_and_a_wrong_password_gets_a_clear_message()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập");
        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    [Fact]
    public async Task The_administrator_sees_the_national_hierarchy_opens_a_committee_and_creates_one_under_it()
    {
        var page = await host.SignInAsync("admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị hành chính" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-count=province]")).ToHaveTextAsync("34");
        await Assertions.Expect(page.Locator("[data-count=commune]")).ToHaveTextAsync("3.321");
        await BrowserHost.ScreenshotAsync(page, "units");

        // The tree is the navigation: open the central committee's branch, then Đà Nẵng.
        var central = page.Locator("aside details").First;
        await central.Locator("summary .count").ClickAsync();
        var danang = page.Locator("aside").GetByRole(AriaRole.Link, new() { Name = "Thành phố Đà Nẵng" });
        await danang.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn thành phố Đà Nẵng");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm Ban Chỉ đạo cấp dưới" }).ClickAsync();
        await page.GetByLabel("Tên Ban Chỉ đạo").FillAsync("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn phường An Hải");
        await page.Locator("select[name='Input.UnitId']").SelectOptionAsync(new SelectOptionValue { Label = "Phường An Hải" });
        await page.Locator("input[name='Input.EstablishedOn']").FillAsync("31/02/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo" }).ClickAsync();

        await BrowserHost.ScreenshotAsync(page, "committee-create-error");
        await Assertions.Expect(page.Locator("[data-field='Input.EstablishedOn']")).ToHaveTextAsync("Ngày '31/02/2025' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        await page.Locator("input[name='Input.EstablishedOn']").FillAsync("05/03/2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn phường An Hải");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tạo");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("05/03/2025");
        await Assertions.Expect(page.Locator(".crumbs")).ToContainTextAsync("thành phố Đà Nẵng");
        await BrowserHost.ScreenshotAsync(page, "committee-details");

        // The creation is in the audit log, under the administrator's name.
        await page.GotoAsync("/Admin/Audit?entity=Committee");
        var created = page.Locator("tbody tr", new() { HasText = "phường An Hải" }).Filter(new() { HasText = "Tạo mới" });
        await Assertions.Expect(created).ToHaveCountAsync(1);
        await Assertions.Expect(created).ToContainTextAsync("admin");
        await BrowserHost.ScreenshotAsync(page, "audit");
    }

    [Fact]
    public async Task Units_are_found_without_diacritics_sorted_and_paged()
    {
        var page = await host.SignInAsync("admin");
        await page.GotoAsync("/Units");

        await page.GetByPlaceholder("tên hoặc mã, không cần dấu").FillAsync("da nang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Thành phố Đà Nẵng");

        await page.GotoAsync("/Units?level=Commune");
        await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("Trang 1/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sau ›" }).ClickAsync();
        await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("Trang 2/");

        // Sorted by code by default; a click on the header turns the order round.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mã ▲" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mã ▼" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tbody tr td").First).ToHaveTextAsync(HighestCommuneCode);
    }

    [Fact]
    public async Task Agencies_are_added_and_edited_from_the_unit_page_with_their_abbreviation_checked()
    {
        var page = await host.SignInAsync("admin");
        await page.GotoAsync($"/Units/Details/{await host.UnitIdAsync("48")}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm cơ quan" }).ClickAsync();
        await page.GetByLabel("Tên cơ quan").FillAsync("Sở Tài chính");
        await page.Locator("input[name='Input.Abbreviation']").FillAsync("S TC");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field='Input.Abbreviation']")).ToContainTextAsync("không hợp lệ");

        await page.Locator("input[name='Input.Abbreviation']").FillAsync("STC");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo" }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = "Sở Tài chính" });
        await Assertions.Expect(row).ToContainTextAsync("STC");

        await row.GetByRole(AriaRole.Link, new() { Name = "Sửa" }).ClickAsync();
        await page.GetByLabel("Tên cơ quan").FillAsync("Sở Tài chính thành phố Đà Nẵng");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sở Tài chính thành phố Đà Nẵng");
    }

    [Fact]
    public async Task A_new_user_gets_a_role_and_committee_and_can_sign_in()
    {
        var page = await host.SignInAsync("admin");
        await page.GotoAsync("/Admin/Users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm người dùng" }).ClickAsync();

        await page.GetByLabel("Tên đăng nhập").FillAsync("thuky.thanhkhe");
        await page.GetByLabel("Họ và tên").FillAsync("Ngô Thị Bích");
        await page.Locator("select[name='Input.Role']").SelectOptionAsync("Secretariat");
        await page.Locator("select[name='Input.CommitteeId']").SelectOptionAsync(new SelectOptionValue { Label = "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn phường Thanh Khê" });
        await page.Locator("input[name='Input.Password']").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field='Input.Password']")).ToContainTextAsync("Mật khẩu phải có ít nhất 10 ký tự.");

        await page.Locator("input[name='Input.Password']").FillAsync("Thanh-Khe-2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("thuky.thanhkhe");
        await page.GetByRole(AriaRole.Link, new() { Name = "Họ và tên" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Ngô Thị Bích");

        var user = await host.SignInAsync("thuky.thanhkhe", "Thanh-Khe-2025");
        await Assertions.Expect(user.Locator("aside")).ToContainTextAsync("Phường Thanh Khê");
        await Assertions.Expect(user.Locator("aside")).Not.ToContainTextAsync("Đà Nẵng");
    }

    [Fact]
    public async Task An_administrator_deactivates_a_user_and_unlocks_by_resetting_the_password()
    {
        var page = await host.SignInAsync("admin");
        await page.GotoAsync("/Admin/Users?q=lanhdao.tw");
        await page.GetByRole(AriaRole.Link, new() { Name = "lanhdao.tw" }).ClickAsync();

        await page.Locator("input[name='NewPassword']").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt lại mật khẩu" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field='NewPassword']")).ToContainTextAsync("ít nhất 10 ký tự");

        await page.Locator("input[name='NewPassword']").FillAsync("Lanh-Dao-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt lại mật khẩu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đặt lại mật khẩu");

        await page.GetByLabel("Đang hoạt động").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = "lanhdao.tw" })).ToContainTextAsync("Đã khóa");

        var refused = await host.NewPageAsync();
        await refused.GotoAsync("/Account/Login");
        await refused.GetByLabel("Tên đăng nhập").FillAsync("lanhdao.tw");
        await refused.GetByLabel("Mật khẩu").FillAsync("Lanh-Dao-2026");
        await refused.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(refused.GetByRole(AriaRole.Alert)).ToContainTextAsync("không đúng");
    }

    [Fact]
    public async Task A_user_changes_the_password_signs_out_and_switches_to_English()
    {
        var page = await host.SignInAsync("xem.danang");
        await page.GetByRole(AriaRole.Link, new() { Name = "xem.danang" }).ClickAsync();
        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(BrowserHost.DemoPassword);
        await page.Locator("input[name='Input.NewPassword']").FillAsync("Xem-Da-Nang-2026");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("Xem-Da-Nang-2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Mật khẩu nhập lại không khớp.")).ToBeVisibleAsync();

        await page.GetByLabel("Mật khẩu hiện tại").FillAsync(BrowserHost.DemoPassword);
        await page.Locator("input[name='Input.NewPassword']").FillAsync("Xem-Da-Nang-2026");
        await page.GetByLabel("Nhập lại mật khẩu mới").FillAsync("Xem-Da-Nang-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã đổi mật khẩu.");

        await page.GetByRole(AriaRole.Link, new() { Name = "EN" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Committees");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");

        var again = await host.SignInAsync("xem.danang", "Xem-Da-Nang-2026");
        await Assertions.Expect(again.Locator("aside")).ToContainTextAsync("Thành phố Đà Nẵng");
    }
}
