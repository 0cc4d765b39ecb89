using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Meetings;
using SteerCo.Tests.Support;
using SteerCo.WorkItems;

namespace SteerCo.Tests.WorkItems;

/// <summary>Tasks and meetings through /api/v1, as a secretariat's tool or another system would use them.</summary>
public sealed class WorkItemsOverHttp(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    [Fact]
    public async Task A_member_cannot_report_on_another_agencys_task_and_the_task_stays_as_it_was()
    {
        var branch = await WorkData.BranchAsync(app, "Hòa Xuân", communes: 0);
        var theirs = await WorkData.ItemAsync(app, branch.Province, branch.Other, Today.AddDays(5), "Sửa chữa nhà văn hóa");
        var ours = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(5), "Dự trữ lương thực");
        var member = await app.SignInAsync(Role.Member, branch.Province.Id, branch.Lead.Id);

        var refused = await member.PostJsonAsync($"/api/v1/work-items/{theirs.Id}/progress", new { on = Today, text = "Đã xong", percent = 100, version = theirs.Version });
        await refused.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        (await refused.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(403);
        var unchanged = await WorkData.GetAsync(app, theirs.Id);
        (unchanged.Status, unchanged.Percent, unchanged.Updates.Count).ShouldBe((WorkItemStatus.NotStarted, 0, 0));

        var accepted = await member.PostJsonAsync($"/api/v1/work-items/{ours.Id}/progress", new { on = Today, text = "Đã dự trữ 20 tấn gạo", percent = 100, version = ours.Version });
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var done = await accepted.ReadJsonAsync<WorkItemDetail>();
        (done.Status, done.Result, done.CompletedOn).ShouldBe((WorkItemStatus.Done, "Đã dự trữ 20 tấn gạo", Today));

        var extend = await member.PostJsonAsync($"/api/v1/work-items/{ours.Id}/extension", new { dueDate = Today.AddDays(9), reason = "x", version = done.Version });
        await extend.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_secretariat_creates_passes_down_and_extends_a_task_and_a_stale_extension_is_a_conflict()
    {
        var branch = await WorkData.BranchAsync(app, "Điện Bàn", communes: 2);
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);

        var bad = await secretariat.PostJsonAsync("/api/v1/work-items", new { committeeId = branch.Province.Id, title = "", leadAgencyId = branch.Lead.Id });
        await bad.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await bad.ReadProblemAsync();
        problem.ErrorsFor("title").ShouldBe(["Nhập nội dung nhiệm vụ."]);
        problem.ErrorsFor("dueDate").ShouldBe(["Nhập hạn hoàn thành hoặc chọn \"Thường xuyên\"."]);
        var noLead = await secretariat.PostJsonAsync("/api/v1/work-items", new { committeeId = branch.Province.Id, title = "Kiểm tra hồ chứa", regular = true });
        await noLead.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await noLead.ReadProblemAsync()).ErrorsFor("leadAgencyId").ShouldBe(["Chọn cơ quan chủ trì."]);

        var created = await secretariat.PostJsonAsync("/api/v1/work-items", new
        {
            committeeId = branch.Province.Id,
            title = "Kiểm tra hồ chứa",
            leadAgencyId = branch.Lead.Id,
            coordinatingAgencyIds = new[] { branch.Other.Id },
            dueDate = Today.AddDays(-1),
        });
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var item = await created.ReadJsonAsync<WorkItemDetail>();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/work-items/{item.Id}");
        item.State.ShouldBe(WorkItemState.Overdue);
        item.Coordinators.Single().Id.ShouldBe(branch.Other.Id);

        var fanned = await secretariat.PostJsonAsync($"/api/v1/work-items/{item.Id}/fan-out", new { version = item.Version });
        await fanned.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var parent = await fanned.ReadJsonAsync<WorkItemDetail>();
        parent.ChildRollUp.ShouldBe(new RollUp(0, 0, 2, 0, 0));
        // The task by id: its children, and not the lists its page offers a manager.
        var read = await secretariat.GetJsonAsync<WorkItemDetail>($"/api/v1/work-items/{item.Id}");
        (read.CanManage, read.Children.Count, read.AgencyChoices.Count, read.FanOutChoices.Count).ShouldBe((true, 2, 0, 0));
        var page = await (await app.SignInToPagesAsync(Role.Secretariat, branch.Province.Id)).GetPageAsync($"/Work/Details/{item.Id}");
        page.ShouldContain($"<option value=\"{branch.Other.Id}\"");

        var board = await secretariat.GetJsonAsync<OverdueBoard>("/api/v1/work-items/overdue");
        board.CommitteeId.ShouldBe(branch.Province.Id);
        board.Overdue.Total.ShouldBe(3);
        board.Children.Select(c => c.RollUp.Overdue).ShouldBe([1, 1]);
        // The list alone (no counts per committee below) is the board's page, for the reader's committee or one below it.
        var list = await secretariat.GetJsonAsync<Paged<WorkItemSummary>>("/api/v1/work-items/overdue/list");
        list.Total.ShouldBe(3);
        list.Items.Select(i => i.Id).ShouldBe(board.Overdue.Items.Select(i => i.Id));
        var commune = branch.Communes[0];
        var below = await secretariat.GetJsonAsync<Paged<WorkItemSummary>>($"/api/v1/work-items/overdue/list?committeeId={commune.Id}");
        below.Items.Single().CommitteeId.ShouldBe(commune.Id);
        var communeSecretariat = await app.SignInAsync(Role.Secretariat, commune.Id);
        (await communeSecretariat.GetJsonAsync<Paged<WorkItemSummary>>("/api/v1/work-items/overdue/list")).Items.Single().Id.ShouldBe(below.Items.Single().Id);
        (await communeSecretariat.GetAsync($"/api/v1/work-items/overdue/list?committeeId={branch.Province.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var extended = await secretariat.PostJsonAsync($"/api/v1/work-items/{item.Id}/extension", new { dueDate = Today.AddDays(14), reason = "Mưa lớn kéo dài", version = parent.Version });
        await extended.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await extended.ReadJsonAsync<WorkItemDetail>()).State.ShouldBe(WorkItemState.NotStarted);
        // The total above the list is kept between reads, and counted again after this write.
        (await secretariat.GetJsonAsync<Paged<WorkItemSummary>>("/api/v1/work-items/overdue/list")).Total.ShouldBe(2);
        var stale = await secretariat.PostJsonAsync($"/api/v1/work-items/{item.Id}/extension", new { dueDate = Today.AddDays(20), reason = "Lần nữa", version = parent.Version });
        await stale.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        var missing = await secretariat.PostJsonAsync($"/api/v1/work-items/{item.Id}/closing", new { status = "Done", text = "Xong" });
        await missing.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);

        var other = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Hue.Id);
        (await other.GetAsync($"/api/v1/work-items/{item.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetJsonAsync<Paged<WorkItemSummary>>($"/api/v1/work-items?committeeId={branch.Province.Id}")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_task_made_overdue_by_another_server_counts_in_the_total_within_seconds()
    {
        var branch = await WorkData.BranchAsync(app, "Cẩm Lệ", communes: 0);
        await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(-3), "Nạo vét kênh thoát nước");
        var later = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(30), "Trồng cây chắn sóng");
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);
        const string url = "/api/v1/work-items/overdue/list";
        (await secretariat.GetJsonAsync<Paged<WorkItemSummary>>(url)).Total.ShouldBe(1);

        // Another server's write: straight to the table, unseen by this process's saves.
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.Database.ExecuteSqlAsync($"UPDATE \"WorkItems\" SET \"DueDate\" = {Today.AddDays(-1)} WHERE \"Id\" = {later.Id}")).ShouldBe(1);
        }

        var deadline = DateTime.UtcNow + OverdueTotals.Lifetime + TimeSpan.FromSeconds(3);
        Paged<WorkItemSummary> list;
        while ((list = await secretariat.GetJsonAsync<Paged<WorkItemSummary>>(url)).Total == 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        list.Total.ShouldBe(2);
        list.Items.Select(i => i.Id).ShouldContain(later.Id);
    }

    [Fact]
    public async Task A_meeting_is_scheduled_concluded_and_its_notice_issued_and_downloaded()
    {
        var branch = await WorkData.BranchAsync(app, "Hội An", communes: 1);
        var chair = await WorkData.ChairAsync(app, branch, "Phan Văn Chủ");
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);

        var scheduled = await secretariat.PostJsonAsync($"/api/v1/committees/{branch.Province.Id}/meetings",
            new { kind = "SixMonthReview", period = "6 tháng đầu năm 2026", date = Today, place = "Phòng họp số 1", chairPersonId = chair });
        await scheduled.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var meeting = await scheduled.ReadJsonAsync<MeetingDetail>();
        meeting.Title.ShouldBe("Hội nghị sơ kết 6 tháng đầu năm 2026");

        await (await secretariat.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/contributions", new { speaker = "Lê Văn C", agencyId = branch.Other.Id, summary = "Đề nghị hỗ trợ máy bơm." }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await secretariat.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/assignments",
            new { text = "lắp đặt máy bơm tiêu úng", leadAgencyId = branch.Other.Id, dueDate = Today.AddDays(20), toSubordinates = true })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var issued = await secretariat.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/notice", new { signerName = "Phan Văn Chủ", version = meeting.Version });
        await issued.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var concluded = await issued.ReadJsonAsync<MeetingDetail>();
        concluded.NoticeSymbol.ShouldBe("01/TB-BCĐ");
        concluded.Assignments.Single().ChildRollUp!.NotStarted.ShouldBe(1);

        var docx = await secretariat.GetAsync($"/api/v1/meetings/{meeting.Id}/notice.docx");
        await docx.ShouldHaveStatusAsync(HttpStatusCode.OK);
        docx.Content.Headers.ContentType!.MediaType.ShouldBe(MeetingPaperFile.ContentType);
        (await docx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());

        var viewer = await app.SignInAsync(Role.Viewer, branch.Province.Id);
        (await viewer.GetJsonAsync<MeetingDetail>($"/api/v1/meetings/{meeting.Id}")).CanManage.ShouldBeFalse();
        (await viewer.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/agenda", new { title = "Thêm" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_agenda_is_edited_and_trimmed_with_its_version_and_the_invitation_and_minutes_are_numbered()
    {
        var branch = await WorkData.BranchAsync(app, "Duy Xuyên", communes: 0);
        var chair = await WorkData.ChairAsync(app, branch, "Võ Văn Chủ");
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);
        var scheduled = await secretariat.PostJsonAsync($"/api/v1/committees/{branch.Province.Id}/meetings",
            new { kind = "Thematic", period = "năm 2026", date = Today, place = "Phòng họp số 2", chairPersonId = chair, recorderName = "Đặng Thị Thư" });
        await scheduled.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var meeting = await scheduled.ReadJsonAsync<MeetingDetail>();
        meeting.RecorderName.ShouldBe("Đặng Thị Thư");
        await (await secretariat.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/agenda", new { title = "Báo cáo chuyên đề", presenter = "Sở Y tế" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        meeting = await (await secretariat.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/agenda", new { title = "Thảo luận" })).ReadJsonAsync<MeetingDetail>();
        var (first, second) = (meeting.Agenda[0], meeting.Agenda[1]);

        var blank = await secretariat.PutJsonAsync($"/api/v1/meetings/{meeting.Id}/agenda/{first.Id}", new { title = "", version = meeting.Version });
        await blank.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await blank.ReadProblemAsync()).ErrorsFor("title").Single().ShouldContain("Nội dung chương trình");
        var noVersion = await secretariat.PutJsonAsync($"/api/v1/meetings/{meeting.Id}/agenda/{first.Id}", new { title = "Báo cáo" });
        await noVersion.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var edited = await secretariat.PutJsonAsync($"/api/v1/meetings/{meeting.Id}/agenda/{first.Id}", new { title = "Báo cáo chuyên đề y tế", presenter = "Giám đốc Sở Y tế", version = meeting.Version });
        await edited.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var after = await edited.ReadJsonAsync<MeetingDetail>();
        after.Agenda[0].Title.ShouldBe("Báo cáo chuyên đề y tế");

        (await secretariat.DeleteAsync($"/api/v1/meetings/{meeting.Id}/agenda/{second.Id}?version={meeting.Version}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var removed = await secretariat.DeleteAsync($"/api/v1/meetings/{meeting.Id}/agenda/{second.Id}?version={after.Version}");
        await removed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        after = await removed.ReadJsonAsync<MeetingDetail>();
        after.Agenda.Select(a => a.Title).ShouldBe(["Báo cáo chuyên đề y tế"]);
        (await secretariat.DeleteAsync($"/api/v1/meetings/{meeting.Id}/agenda/{second.Id}?version={after.Version}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var viewer = await app.SignInAsync(Role.Viewer, branch.Province.Id);
        (await viewer.PutJsonAsync($"/api/v1/meetings/{meeting.Id}/agenda/{first.Id}", new { title = "Khác", version = after.Version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.DeleteAsync($"/api/v1/meetings/{meeting.Id}/agenda/{first.Id}?version={after.Version}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/invitation", new { signerName = "Võ Văn Chủ", version = after.Version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var invitation = await secretariat.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/invitation", new { issuedOn = Today.AddDays(-2), signerName = "Võ Văn Chủ", version = after.Version });
        await invitation.ShouldHaveStatusAsync(HttpStatusCode.OK);
        after = await invitation.ReadJsonAsync<MeetingDetail>();
        after.InvitationSymbol.ShouldBe("01/GM-BCĐ");
        var minutes = await secretariat.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/minutes", new { version = after.Version });
        await minutes.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var numbered = await minutes.ReadJsonAsync<MeetingDetail>();
        numbered.MinutesSymbol.ShouldBe("02/BB-BCĐ", "signed by the recorder named when the meeting was scheduled");
        var again = await secretariat.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/minutes", new { version = after.Version });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "numbered once");
        var attendance = await secretariat.PutJsonAsync($"/api/v1/meetings/{meeting.Id}/attendance",
            new { lines = new[] { new { inviteeId = numbered.Invitees[0].Id, attendance = "Absent", absenceReason = "Đi công tác" } }, version = numbered.Version });
        attendance.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the minutes fixed who came");
        (await attendance.Content.ReadAsStringAsync()).ShouldContain("Biên bản đã được cấp số");
        (await secretariat.PostJsonAsync($"/api/v1/meetings/{meeting.Id}/contributions", new { speaker = "Trần Văn Nói", summary = "Ý kiến muộn." }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var read = await secretariat.GetJsonAsync<MeetingDetail>($"/api/v1/meetings/{meeting.Id}");
        read.Invitees[0].Attendance.ShouldBe(numbered.Invitees[0].Attendance);
        read.Contributions.Count.ShouldBe(numbered.Contributions.Count);
    }

    [Fact]
    public async Task A_meeting_time_that_is_no_time_of_day_and_an_invitee_marked_twice_are_refused_by_name_and_nothing_is_saved()
    {
        var branch = await WorkData.BranchAsync(app, "Núi Thành", communes: 0);
        var chair = await WorkData.ChairAsync(app, branch, "Lê Văn Chủ");
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);
        var url = $"/api/v1/committees/{branch.Province.Id}/meetings";

        var late = await secretariat.PostJsonAsync(url, new { kind = "Thematic", period = "năm 2026", date = Today, time = "25 giờ 99", place = "Phòng họp", chairPersonId = chair });
        await late.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await late.ReadProblemAsync();
        problem.ErrorsFor("time").ShouldBe(["Giờ họp '25 giờ 99' không hợp lệ: nhập giờ từ 0 đến 23 và phút từ 00 đến 59, ví dụ 8:00, 8h30 hoặc 14 giờ 00."]);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["time"], "only the time is wrong");
        using (var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { kind = "Thematic", period = "năm 2026", date = Today, time = "sáng mai", place = "Phòng họp", chairPersonId = chair }, options: ApiJson.Options) })
        {
            request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den");
            var english = await secretariat.SendAsync(request);
            await english.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
            (await english.ReadProblemAsync()).ErrorsFor("time")
                .ShouldBe(["Time 'sáng mai' is not valid: enter an hour from 0 to 23 and minutes from 00 to 59, for example 8:00, 8h30 or 14:00."]);
        }
        (await secretariat.GetJsonAsync<SteerCo.Data.Paged<MeetingSummary>>(url)).Total.ShouldBe(0);

        var scheduled = await secretariat.PostJsonAsync(url, new { kind = "Thematic", period = "năm 2026", date = Today, time = "14h", place = "Phòng họp", chairPersonId = chair });
        await scheduled.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var meeting = await scheduled.ReadJsonAsync<MeetingDetail>();
        meeting.Time.ShouldBe("14 giờ 00", "stored as the invitation prints it");
        (await secretariat.GetJsonAsync<MeetingDetail>($"/api/v1/meetings/{meeting.Id}")).Time.ShouldBe("14 giờ 00");
        var invitee = meeting.Invitees.Single();
        var twice = await secretariat.PutJsonAsync($"/api/v1/meetings/{meeting.Id}/attendance", new
        {
            lines = new object[] { new { inviteeId = invitee.Id, attendance = "Present" }, new { inviteeId = invitee.Id, attendance = "Absent", absenceReason = "Đi công tác" } },
            version = meeting.Version,
        });
        await twice.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("được điểm danh hai lần");
        (await secretariat.GetJsonAsync<MeetingDetail>($"/api/v1/meetings/{meeting.Id}")).Invitees.Single().Attendance.ShouldBe(Attendance.Invited);
    }
}
