using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Members;
using SteerCo.Tests.Reporting;
using SteerCo.Tests.Support;
using SteerCo.Tests.WorkItems;
using SteerCo.Text;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Api;

/// <summary>
/// A date no committee's work can carry (year 1, year 9999, or decades ahead) is a slip of the
/// keyboard: a task due then, a meeting, a membership, a report's deadline or a document received
/// then is refused beside the field, and nothing is written.
/// </summary>
public sealed class RefusingImplausibleDates(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    private static string Span => $"ngày phải trong khoảng từ năm 1945 đến năm {Today.Year + PlausibleDates.YearsAhead}.";

    [Fact]
    public void The_span_runs_from_1945_to_twenty_years_ahead()
    {
        PlausibleDates.Check(new DateOnly(1945, 1, 1), Today, "On", "Ngày").ShouldBeNull();
        PlausibleDates.Check(Today.AddYears(PlausibleDates.YearsAhead), Today, "On", "Ngày").ShouldBeNull();
        PlausibleDates.Check(null, Today, "On", "Ngày").ShouldBeNull();
        PlausibleDates.Check(new DateOnly(1944, 12, 31), Today, "On", "Ngày").ShouldBe(new Problem("On", "Ngày: " + Span));
        PlausibleDates.Check(Today.AddYears(PlausibleDates.YearsAhead).AddDays(1), Today, "On", "Ngày").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_task_due_or_reported_or_extended_to_year_one_or_9999_is_refused_and_the_task_stays_as_it_was()
    {
        var branch = await WorkData.BranchAsync(app, "Tiên Phước", communes: 0);
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);
        var item = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(10));

        foreach (var due in new[] { "0001-01-01", "9999-12-31" })
        {
            var created = await secretariat.PostJsonAsync("/api/v1/work-items", new { committeeId = branch.Province.Id, title = "Kiểm tra đê", leadAgencyId = branch.Lead.Id, dueDate = due });
            await created.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
            (await created.ReadProblemAsync()).ErrorsFor("dueDate").ShouldBe(["Hạn hoàn thành: " + Span]);
        }
        var extended = await secretariat.PostJsonAsync($"/api/v1/work-items/{item.Id}/extension", new { dueDate = "9999-12-31", reason = "Chờ kinh phí", version = item.Version });
        await extended.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await extended.ReadProblemAsync()).ErrorsFor("dueDate").ShouldBe(["Hạn hoàn thành: " + Span]);
        var reported = await secretariat.PostJsonAsync($"/api/v1/work-items/{item.Id}/progress", new { on = "0001-01-01", text = "Đã xong", percent = 100, version = item.Version });
        await reported.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await reported.ReadProblemAsync()).ErrorsFor("on").ShouldBe(["Ngày báo cáo tiến độ: " + Span]);

        var unchanged = await WorkData.GetAsync(app, item.Id);
        (unchanged.Version, unchanged.DueDate, unchanged.Status, unchanged.Updates.Count).ShouldBe((item.Version, Today.AddDays(10), WorkItemStatus.NotStarted, 0));
        await using var scope = app.ServiceScope();
        (await scope.Db.WorkItems.CountAsync(w => w.CommitteeId == branch.Province.Id && w.Title == "Kiểm tra đê")).ShouldBe(0);
    }

    [Fact]
    public async Task A_meeting_a_membership_a_report_deadline_or_a_document_received_far_off_is_refused_by_name()
    {
        var branch = await WorkData.BranchAsync(app, "Quế Sơn", communes: 0);
        var chair = await WorkData.ChairAsync(app, branch, "Hồ Văn Chủ");
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);

        var meeting = await secretariat.PostJsonAsync($"/api/v1/committees/{branch.Province.Id}/meetings",
            new { kind = "Thematic", period = "năm 2026", date = "9999-12-31", place = "Phòng họp", chairPersonId = chair });
        var member = await secretariat.PostJsonAsync($"/api/v1/committees/{branch.Province.Id}/memberships",
            new { personId = chair, postId = MemberData.Member, startDate = "0001-01-01" });
        var received = await secretariat.PostJsonAsync("/api/v1/documents", new
        {
            committeeId = branch.Province.Id,
            direction = "Incoming",
            symbol = "15/UBND-VP",
            issuedOn = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            receivedOn = "9999-12-31",
            issuerKind = "Outside",
            issuerName = "Ủy ban nhân dân tỉnh",
            subject = "Về việc kiểm tra đê",
        });

        await meeting.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await meeting.ReadProblemAsync()).ErrorsFor("date").ShouldBe(["Ngày họp: " + Span]);
        await member.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await member.ReadProblemAsync()).ErrorsFor("startDate").ShouldContain("Ngày bắt đầu: " + Span);
        await received.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await received.ReadProblemAsync()).ErrorsFor("receivedOn").ShouldBe(["Ngày đến không thể sau ngày mai."]);
        await using var scope = app.ServiceScope();
        (await scope.Db.Meetings.CountAsync(m => m.CommitteeId == branch.Province.Id)).ShouldBe(0);
        (await scope.Db.Memberships.CountAsync(m => m.CommitteeId == branch.Province.Id)).ShouldBe(1, "only the chair's");
        (await scope.Db.Documents.CountAsync(d => d.CommitteeId == branch.Province.Id && d.Subject == "Về việc kiểm tra đê")).ShouldBe(0);
    }

    [Fact]
    public async Task A_report_deadline_in_year_one_is_refused_and_one_already_past_is_kept_for_a_request_sent_on_paper()
    {
        var tree = await ReportingData.TreeAsync(app);
        var province = await app.SignInAsync(Role.Secretariat, tree.Province.Id);
        var template = await (await province.PostJsonAsync($"/api/v1/committees/{tree.Province.Id}/report-templates", ReportingData.Template())).ReadJsonAsync<TemplateView>();
        var url = $"/api/v1/committees/{tree.Province.Id}/report-requests";

        var yearOne = await province.PostJsonAsync(url, new { templateId = template.Id, periodKind = "Quarter", year = 2026, number = 3, deadline = "0001-01-01" });
        var past = await province.PostJsonAsync(url, new { templateId = template.Id, periodKind = "Quarter", year = 2026, number = 3, deadline = Today.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        await yearOne.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await yearOne.ReadProblemAsync()).ErrorsFor("deadline").ShouldBe(["Hạn nộp: " + Span]);
        await past.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await past.ReadJsonAsync<RequestView>()).Deadline.ShouldBe(Today.AddDays(-20));
    }
}
