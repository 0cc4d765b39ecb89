using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.WorkItems;

/// <summary>
/// A date the page cannot read ("31/02/2026", "abc") is named beside its field together with the
/// form's other problems, all in one go, not one submit at a time; nothing is written.
/// </summary>
public sealed class NamingEveryProblemOnThePage(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    private async Task<long> AuditEntriesAsync()
    {
        await using var scope = app.ServiceScope();
        return await scope.Db.AuditEntries.LongCountAsync();
    }

    [Fact]
    public async Task Extending_to_an_unreadable_date_without_a_reason_names_both_and_the_deadline_stays()
    {
        var branch = await WorkData.BranchAsync(app, "Tam Kỳ", communes: 0);
        var item = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(3));
        var pages = await app.SignInToPagesAsync(Role.Secretariat, branch.Province.Id);
        var page = $"/Work/Details/{item.Id}";
        var entries = await AuditEntriesAsync();

        var refused = await pages.PostFormAsync(page, $"{page}?handler=Extend", new()
        {
            ["Version"] = item.Version.ToString(),
            ["DueDate"] = "31/02/2026",
            ["Text"] = " ",
        });

        await refused.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "DueDate").ShouldBe("Ngày '31/02/2026' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Reason").ShouldBe("Nhập lý do.");
        html.ShouldNotContain("Nhập hạn mới.", customMessage: "the unreadable date is not also asked for");
        (await WorkData.GetAsync(app, item.Id)).DueDate.ShouldBe(Today.AddDays(3));
        (await AuditEntriesAsync()).ShouldBe(entries, "nothing is written while a field is wrong");
    }

    [Fact]
    public async Task Scheduling_on_an_unreadable_date_without_a_place_names_both_and_schedules_nothing()
    {
        var branch = await WorkData.BranchAsync(app, "Hội An", communes: 0);
        var chair = await WorkData.ChairAsync(app, branch, "Nguyễn Văn Chủ Hội An");
        var pages = await app.SignInToPagesAsync(Role.Secretariat, branch.Province.Id);
        var url = $"/Meetings?committeeId={branch.Province.Id}";
        var entries = await AuditEntriesAsync();

        var refused = await pages.PostFormAsync(url, url, new()
        {
            ["Input.Kind"] = "QuarterlyBriefing",
            ["Input.Period"] = "Quý I/2026",
            ["Input.Date"] = "abc",
            ["Input.Place"] = " ",
            ["Input.ChairPersonId"] = chair.ToString(),
            ["Input.RecorderName"] = new string('R', 201),
        });

        await refused.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Input.Date").ShouldBe("Ngày 'abc' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Input.Place").ShouldBe("Nhập địa điểm.");
        PageClient.ErrorBeside(html, "Input.RecorderName").ShouldBe("Thư ký (người ghi biên bản) dài quá 200 ký tự.");
        PageClient.ErrorBeside(html, "Input.ChairPersonId").ShouldBeNull("the chair is on today's roster");
        html.ShouldNotContain("Nhập ngày họp.", customMessage: "the unreadable date is not also asked for");
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.Meetings.CountAsync(m => m.CommitteeId == branch.Province.Id)).ShouldBe(0);
        }
        (await AuditEntriesAsync()).ShouldBe(entries, "nothing is written while a field is wrong");
    }

    [Fact]
    public async Task A_member_posting_a_meeting_with_an_unreadable_date_is_refused_as_for_any_meeting()
    {
        var branch = await WorkData.BranchAsync(app, "Duy Xuyên", communes: 0);
        var member = await PageClient.SignInAsync(app, await app.CreateUserAsync(Role.Member, branch.Province.Id, branch.Lead.Id));
        var url = $"/Meetings?committeeId={branch.Province.Id}";

        var refused = await member.PostFormAsync(url, url, new() { ["Input.Date"] = "31/02/2026", ["Input.Place"] = "Hội trường" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
    }
}
