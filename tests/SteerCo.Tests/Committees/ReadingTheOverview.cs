using System.Net;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Meetings;
using SteerCo.Reporting;
using SteerCo.Tests.Members;
using SteerCo.Tests.Reporting;
using SteerCo.Tests.Support;
using SteerCo.Tests.WorkItems;
using SteerCo.Text;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Committees;

/// <summary>
/// The first section of a committee's page: the next meeting, where the last one's conclusions
/// stand, the committee's tasks and what is overdue below it, the reports to send and those awaited.
/// </summary>
public sealed class ReadingTheOverview(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    /// <summary>A briefing ten days ago whose notice gave two tasks (one passed down to the communes, already late; one due in five days), and the next briefing in twenty days.</summary>
    private async Task<(Branch Branch, MeetingDetail Held, MeetingDetail Next)> BriefingsAsync(string name)
    {
        var branch = await WorkData.BranchAsync(app, name, communes: 2);
        var chair = await MemberData.PersonAsync(app, $"Nguyễn Văn Chủ {name}", branch.Lead, "Phó Chủ tịch UBND thành phố");
        await MemberData.AddOkAsync(app, branch.Province.Id, chair, MemberData.Chair, Today.AddMonths(-6));
        await using var scope = app.ServiceScope();
        var meetings = scope.Get<MeetingService>();
        var held = (await meetings.ScheduleAsync(scope.Actor, branch.Province.Id,
            new MeetingInput(MeetingKind.QuarterlyBriefing, "Quý III/2026", Today.AddDays(-10), "08 giờ 00", "Hội trường UBND thành phố", chair))).Ok();
        var version = (await meetings.SetConclusionsAsync(scope.Actor, held.Id, "Các cơ quan đã chủ động ứng phó mưa lũ.", held.Version)).Ok().Version;
        (await meetings.AddAssignmentAsync(scope.Actor, held.Id, new("kiểm tra các hồ chứa", branch.Lead.Id, null, Today.AddDays(-2), false, true))).Ok();
        (await meetings.AddAssignmentAsync(scope.Actor, held.Id, new("gia cố trường học", branch.Other.Id, null, Today.AddDays(5), false, false))).Ok();
        held = (await meetings.IssueNoticeAsync(scope.Actor, held.Id, new(Today.AddDays(-9), $"Nguyễn Văn Chủ {name}", "Trưởng ban"), version)).Ok();
        var next = (await meetings.ScheduleAsync(scope.Actor, branch.Province.Id,
            new MeetingInput(MeetingKind.QuarterlyBriefing, "Quý IV/2026", Today.AddDays(20), "08 giờ 00", "Phòng họp số 2", chair))).Ok();
        return (branch, held, next);
    }

    [Fact]
    public async Task The_secretariat_sees_the_next_briefing_the_last_ones_tasks_and_what_is_late_below()
    {
        var branch = await WorkData.BranchAsync(app, "Ngũ Hành Sơn", communes: 1);
        await using (var scope = app.ServiceScope())
        {
            var empty = (await scope.Get<CommitteeOverviews>().GetAsync(WorkData.Secretariat(branch.Province), branch.Province.Id)).Ok();
            (empty.NextMeeting, empty.LastMeeting, empty.OwnWork, empty.OverdueBelow).ShouldBe((null, null, RollUp.Empty, 0), "a new committee has nothing on it yet");
        }

        var (b, held, next) = await BriefingsAsync("Sơn Trà");
        await using (var scope = app.ServiceScope())
        {
            var overviews = scope.Get<CommitteeOverviews>();
            var overview = (await overviews.GetAsync(WorkData.Secretariat(b.Province), b.Province.Id)).Ok();
            overview.NextMeeting!.Id.ShouldBe(next.Id);
            overview.NextMeeting.Date.ShouldBe(Today.AddDays(20));
            overview.LastMeeting!.Id.ShouldBe(held.Id);
            overview.LastMeeting.NoticeSymbol.ShouldBe(held.NoticeSymbol);
            overview.LastMeetingFollowUp.ShouldBe(new RollUp(0, 0, 1, 1, 0), "the task passed down is late, the other not started");
            overview.OwnWork.ShouldBe(new RollUp(0, 0, 1, 1, 0));
            overview.DueWithinAWeek.ShouldBe(1);
            overview.OverdueBelow.ShouldBe(2, "each commune's share of the task passed down is late");

            // A member agency reads the committee's own tasks only: nothing is said about below.
            var member = (await overviews.GetAsync(WorkData.Member(b.Province, b.Lead), b.Province.Id)).Ok();
            (member.OwnWork, member.OverdueBelow).ShouldBe((new RollUp(0, 0, 1, 1, 0), null));

            // A commune sees its own share, nothing below it; the province's page is not its own.
            var commune = b.Communes[0];
            var communes = (await overviews.GetAsync(WorkData.Secretariat(commune), commune.Id)).Ok();
            (communes.OwnWork.Overdue, communes.OverdueBelow, communes.NextMeeting).ShouldBe((1, 0, null));
            (await overviews.GetAsync(WorkData.Secretariat(commune), b.Province.Id)).Outcome.ShouldBe(Outcome.NotFound);
            (await overviews.GetAsync(WorkData.Secretariat(app.Hierarchy.Hue), b.Province.Id)).Outcome.ShouldBe(Outcome.NotFound);
        }
    }

    [Fact]
    public async Task A_commune_sees_the_report_it_still_owes_and_the_province_the_one_waiting_for_its_review()
    {
        var tree = await ReportingData.TreeAsync(app);
        int submissionA, submissionB;
        await using (var scope = app.ServiceScope())
        {
            var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
            var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
                new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 4, Today.AddDays(10), null))).Ok();
            // Last year's third quarter, long past its deadline, nothing sent: the reporting page's business, not the day's.
            (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
                new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2025, 3, Today.AddDays(-60), null))).Ok();
            (submissionA, submissionB) = (request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id, request.Submissions.Single(s => s.CommitteeId == tree.CommuneB.Id).Id);
            var submissions = scope.Get<Submissions>();
            var draft = (await submissions.GetAsync(tree.SecretariatA, submissionA)).Ok();
            var values = new Dictionary<string, string?> { ["HO"] = "120", ["HO_CAN"] = "150", ["NHATRU"] = "80", ["KEHOACH"] = "Có" };
            var saved = (await submissions.SaveAsync(tree.SecretariatA, submissionA, new SubmissionInput(values, null), draft.Version)).Ok();
            (await submissions.SubmitAsync(tree.SecretariatA, submissionA, saved.Version)).Ok();
        }

        await using (var scope = app.ServiceScope())
        {
            var overviews = scope.Get<CommitteeOverviews>();
            var province = (await overviews.GetAsync(tree.ProvinceSecretariat, tree.Province.Id)).Ok();
            var awaited = province.ReportsAwaited.ShouldHaveSingleItem();
            (awaited.Expected, awaited.Accepted, awaited.Submitted, awaited.Missing, awaited.Deadline).ShouldBe((2, 0, 1, 0, Today.AddDays(10)));
            province.ReportsToSend.ShouldBeEmpty("the centre has asked this province for nothing");

            // This quarter's is sent, waiting for the province; last year's is still owed, late.
            var late = (await overviews.GetAsync(tree.SecretariatA, tree.CommuneA.Id)).Ok().ReportsToSend.ShouldHaveSingleItem();
            (late.Deadline, late.Compliance).ShouldBe((Today.AddDays(-60), Compliance.Missing));
            var owed = (await overviews.GetAsync(tree.SecretariatB, tree.CommuneB.Id)).Ok().ReportsToSend;
            owed.Select(o => o.Deadline).ShouldBe([Today.AddDays(-60), Today.AddDays(10)], "the longest overdue first");
            (owed[1].Id, owed[1].RequesterCommitteeId).ShouldBe((submissionB, tree.Province.Id));
        }
    }

    [Fact]
    public async Task Over_http_the_overview_answers_within_the_readers_scope_only()
    {
        var (branch, held, next) = await BriefingsAsync("Liên Chiểu");
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);
        var overview = await secretariat.GetJsonAsync<CommitteeOverview>($"/api/v1/committees/{branch.Province.Id}/overview");
        (overview.NextMeeting!.Id, overview.LastMeeting!.Id, overview.OverdueBelow, overview.DueWithinAWeek).ShouldBe((next.Id, held.Id, 2, 1));

        var commune = await app.SignInAsync(Role.Secretariat, branch.Communes[0].Id);
        await (await commune.GetAsync($"/api/v1/committees/{branch.Province.Id}/overview")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await app.AnonymousClient().GetAsync($"/api/v1/committees/{branch.Province.Id}/overview")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);

        // The page puts it above everything else, in the reader's words and dates.
        var page = await app.SignInToPagesAsync(Role.Secretariat, branch.Province.Id);
        var html = await page.GetPageAsync($"/Committees/Details/{branch.Province.Id}");
        html.ShouldContain("Tình hình công việc");
        html.ShouldContain($"{next.Title}</a>");
        html.ShouldContain(Today.AddDays(20).ToShort());
        html.ShouldContain("Kết luận giao 2 nhiệm vụ: 0 hoàn thành, 1 quá hạn.");
        html.ShouldContain("2 nhiệm vụ quá hạn ở Ban Chỉ đạo cấp dưới");
        html.ShouldContain("1 nhiệm vụ đến hạn trong 7 ngày tới");
    }
}
