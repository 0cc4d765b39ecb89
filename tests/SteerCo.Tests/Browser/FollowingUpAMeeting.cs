using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Tests.Support;
using SteerCo.Text;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Browser;

/// <summary>
/// The loop issue 6 is about, in the browser: the province's secretariat holds its quarterly
/// meeting and issues the conclusion notice; the agency it tasks finds its work and reports on
/// it; the overdue counts move at the province and at the centre.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserHost.Collection)]
public sealed partial class FollowingUpAMeeting(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static DateOnly Today => TestClock.Today;

    [Fact]
    public async Task A_meeting_becomes_tasks_the_agency_reports_on_and_the_overdue_counts_follow_at_province_and_centre()
    {
        var danang = await host.CommitteeOfUnitAsync("48");

        // What the demo's own briefing left overdue in Đà Nẵng, at the province and across its wards.
        var secretariat = await host.SignInAsync("thuky.danang");
        secretariat.Dialog += (_, dialog) => dialog.AcceptAsync();
        await secretariat.GotoAsync("/Work/Overdue");
        var ownBefore = await CountAsync(secretariat.Locator("tr.own td.overdue"));
        var subtreeBefore = await CountAsync(secretariat.Locator(".rollup .overdue strong"));
        var centre = await host.SignInAsync("thuky.tw");
        await centre.GotoAsync("/Work/Overdue");
        (await CountAsync(centre.Locator($"tr[data-committee='{danang}'] td.overdue"))).ShouldBe(subtreeBefore);

        // The secretariat enters a meeting held three weeks ago, whose deadline has just passed.
        await secretariat.GotoAsync($"/Committees/Details/{danang}");
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Cuộc họp" }).First.ClickAsync();
        await secretariat.Locator("details.add-membership > summary", new() { HasText = "Lên lịch cuộc họp" }).ClickAsync();
        await secretariat.GetByLabel("Kỳ", new() { Exact = true }).FillAsync("Quý IV/2026");
        await secretariat.GetByLabel("Ngày họp").FillAsync(Today.AddDays(-21).ToShort());
        await secretariat.GetByLabel("Địa điểm").FillAsync("Hội trường Ủy ban nhân dân thành phố");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Lên lịch cuộc họp" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hội nghị giao ban Quý IV/2026");
        await Assertions.Expect(secretariat.Locator("dl.facts")).ToContainTextAsync("Nguyễn Văn An");

        var attendance = secretariat.Locator("table.attendance tbody tr");
        (await attendance.CountAsync()).ShouldBeGreaterThan(3, "the roster of the day is invited");
        await attendance.Nth(0).Locator("select").SelectOptionAsync("Present");
        await attendance.Nth(1).Locator("select").SelectOptionAsync("Absent");
        await attendance.Nth(1).GetByPlaceholder("Lý do vắng").FillAsync("Đi công tác");
        await attendance.Nth(2).Locator("select").SelectOptionAsync("Represented");
        await attendance.Nth(2).GetByPlaceholder("Người dự thay").FillAsync("Phó Giám đốc Sở");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Lưu điểm danh" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu điểm danh.");
        await Assertions.Expect(secretariat.Locator("#attendance-heading")).ToContainTextAsync("(2/");

        var contribution = secretariat.Locator("form[action*='handler=Contribution']");
        await contribution.GetByLabel("Người phát biểu").FillAsync("Lê Văn Cường");
        await contribution.GetByLabel("Cơ quan").SelectOptionAsync(new SelectOptionValue { Label = "Sở Nông nghiệp và Môi trường" });
        await contribution.GetByLabel("Tóm tắt ý kiến").FillAsync("Đề nghị rà soát các hồ chứa trước mùa mưa.");
        await contribution.GetByRole(AriaRole.Button, new() { Name = "Thêm ý kiến" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("ul.contributions")).ToContainTextAsync("Lê Văn Cường (Sở Nông nghiệp và Môi trường): Đề nghị rà soát");

        await secretariat.GetByLabel("Kết luận chung").FillAsync("Các cơ quan đã chủ động ứng phó mưa lũ trong quý.");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Lưu kết luận" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu kết luận.");

        var assignment = secretariat.Locator("form[action*='handler=Assignment']");
        await assignment.GetByLabel("Cơ quan chủ trì").SelectOptionAsync(new SelectOptionValue { Label = "Sở Nông nghiệp và Môi trường" });
        await assignment.GetByRole(AriaRole.Checkbox, new() { Name = "Sở Xây dựng", Exact = true }).CheckAsync();
        await assignment.GetByLabel("Nội dung nhiệm vụ").FillAsync("rà soát an toàn các hồ chứa");
        await assignment.GetByLabel("Báo cáo trước ngày").FillAsync(Today.AddDays(-2).ToShort());
        await assignment.GetByRole(AriaRole.Checkbox, new() { Name = "Giao cho tất cả Ban Chỉ đạo cấp dưới" }).CheckAsync();
        await assignment.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ giao" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("ol.assignments")).ToContainTextAsync(
            $"Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Xây dựng rà soát an toàn các hồ chứa; triển khai đến Ban Chỉ đạo cấp dưới, báo cáo kết quả trước ngày {Today.AddDays(-2).ToShort()}.");

        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Ban hành thông báo kết luận" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync(NoticeIssued());
        await Assertions.Expect(secretariat.Locator("dd.notice")).ToHaveTextAsync(NoticeSymbol());
        await Assertions.Expect(secretariat.Locator("ol.assignments")).ToContainTextAsync("Quá hạn");
        await Assertions.Expect(secretariat.Locator("ol.assignments")).ToContainTextAsync("Đã giao 3 Ban Chỉ đạo cấp dưới: 0 hoàn thành, 3 quá hạn");
        var download = await secretariat.RunAndWaitForDownloadAsync(() => secretariat.GetByRole(AriaRole.Link, new() { Name = "Thông báo kết luận (DOCX)" }).ClickAsync());
        download.SuggestedFilename.ShouldStartWith("thong-bao-ket-luan-");
        await BrowserHost.ScreenshotAsync(secretariat, "meeting-follow-up");

        // The meeting adds one overdue task at the province and one in each of its three communes.
        await secretariat.GotoAsync("/Work/Overdue");
        await Assertions.Expect(secretariat.Locator("tr.own td.overdue")).ToHaveTextAsync($"{ownBefore + 1}");
        await Assertions.Expect(secretariat.Locator(".rollup .overdue strong")).ToHaveTextAsync($"{subtreeBefore + 4}");
        await centre.ReloadAsync();
        await Assertions.Expect(centre.Locator($"tr[data-committee='{danang}'] td.overdue")).ToHaveTextAsync($"{subtreeBefore + 4}");

        // The agency finds its task and reports it done; it may not report on another agency's task.
        var otherAgencysTask = await TaskOfAnotherAgencyAsync(danang);
        var member = await host.SignInAsync("thanhvien.danang");
        await member.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Nhiệm vụ", Exact = true }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nhiệm vụ của cơ quan tôi");
        await member.GetByRole(AriaRole.Link, new() { Name = "rà soát an toàn các hồ chứa" }).ClickAsync();
        await Assertions.Expect(member.Locator("dd.lead-agency")).ToHaveTextAsync("Sở Nông nghiệp và Môi trường");
        await member.GetByLabel("Kết quả thực hiện").FillAsync("Đã rà soát 12 hồ chứa, gia cố 2 hồ xung yếu.");
        await member.GetByLabel("Tiến độ (%)").FillAsync("100");
        await member.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(member.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã gửi báo cáo tiến độ.");
        await Assertions.Expect(member.Locator("dl.facts .badge")).ToHaveTextAsync("Hoàn thành");
        await Assertions.Expect(member.Locator("ol.history")).ToContainTextAsync("Đã rà soát 12 hồ chứa");
        await member.GotoAsync($"/Work/Details/{otherAgencysTask}");
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kiểm tra nhà ở xung yếu");
        await Assertions.Expect(member.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" })).ToHaveCountAsync(0);

        // After: the province's own task is done; the communes' shares are still overdue, and the centre sees 3.
        await secretariat.ReloadAsync();
        await Assertions.Expect(secretariat.Locator("tr.own td.overdue")).ToHaveTextAsync($"{ownBefore}");
        await Assertions.Expect(secretariat.Locator(".rollup .overdue strong")).ToHaveTextAsync($"{subtreeBefore + 3}");
        await centre.ReloadAsync();
        await Assertions.Expect(centre.Locator($"tr[data-committee='{danang}'] td.overdue")).ToHaveTextAsync($"{subtreeBefore + 3}");
        await centre.Locator($"tr[data-committee='{danang}'] a").ClickAsync();
        await Assertions.Expect(centre.Locator("table.work-items tbody tr", new() { HasText = "rà soát an toàn các hồ chứa" })).ToHaveCountAsync(3);
    }

    private static async Task<int> CountAsync(ILocator cell) => int.Parse((await cell.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_overdue_board_and_a_task_fit_a_phone()
    {
        var page = await host.SignInAsync("thuky.danang", phone: true);
        foreach (var path in new[] { "/Work/Overdue", "/Work", $"/Meetings?CommitteeId={await host.CommitteeOfUnitAsync("48")}" })
        {
            await page.GotoAsync(path);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0, path);
        }
    }

    [Fact]
    public async Task A_plans_secretariat_adds_its_items_and_reads_its_progress()
    {
        // Huế's register, so that the loop's counts in Đà Nẵng stay the loop's own.
        var hue = await host.CommitteeOfUnitAsync("46");
        var plan = (await host.IssueAsync(hue, "KH", "Kế hoạch phòng, chống thiên tai năm 2026", SteerCo.Documents.DocumentVisibility.Committee)).Id;
        var page = await host.SignInAsync("thuky.hue");
        await page.GotoAsync($"/Documents/Details/{plan}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiến độ thực hiện văn bản · Thêm nhiệm vụ của kế hoạch" }).ClickAsync();
        await page.GetByLabel("Nhiệm vụ", new() { Exact = true }).FillAsync("Tập huấn kỹ năng cứu hộ");
        await page.GetByLabel("Hạn hoàn thành").FillAsync("31/12/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ của kế hoạch" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã thêm nhiệm vụ của kế hoạch.");
        await Assertions.Expect(page.Locator("table.work-items tbody")).ToContainTextAsync("Tập huấn kỹ năng cứu hộ");
        await page.Locator("summary", new() { HasText = "Thêm nhiệm vụ của kế hoạch" }).ClickAsync();
        await page.GetByLabel("Nhiệm vụ", new() { Exact = true }).FillAsync("Diễn tập");
        await page.GetByLabel("Hạn hoàn thành").FillAsync("31/02/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm nhiệm vụ của kế hoạch" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-validation-error[data-field='DueDate']")).ToContainTextAsync("31/02/2026");
        await Assertions.Expect(page.Locator("table.work-items tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_user_makes_a_calendar_address_a_calendar_reads_and_revoking_ends_it()
    {
        var page = await host.SignInAsync("thanhvien.danang");
        await page.GotoAsync("/Work");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lịch công tác (iCal)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo địa chỉ lịch" }).ClickAsync();
        var address = await page.GetByLabel("Địa chỉ lịch").InputValueAsync();
        address.ShouldStartWith(host.BaseUrl + "/calendar/");

        using var http = new HttpClient();
        var feed = await http.GetAsync(address);
        feed.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await feed.Content.ReadAsStringAsync()).ShouldStartWith("BEGIN:VCALENDAR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi địa chỉ lịch" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã thu hồi địa chỉ lịch.");
        (await http.GetAsync(address)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    /// <summary>A task of Đà Nẵng led by its health department, not the member's agency.</summary>
    private async Task<int> TaskOfAnotherAgencyAsync(int danang)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SteerCoDbContext>();
        var health = db.Agencies.Single(a => a.Unit!.Code == "48" && a.Abbreviation == "SYT").Id;
        var created = await scope.ServiceProvider.GetRequiredService<WorkItemService>().CreateAsync(Actor.System(), danang,
            new WorkItemInput("Kiểm tra nhà ở xung yếu", null, health, null, Today.AddDays(30), false));
        return created.Value!.Id;
    }

    [GeneratedRegex(@"^Đã ban hành thông báo kết luận số \d+/TB-BCĐ\.$")]
    private static partial Regex NoticeIssued();

    [GeneratedRegex(@"^\s*\d+/TB-BCĐ\s*$")]
    private static partial Regex NoticeSymbol();
}
