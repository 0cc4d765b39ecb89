using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Meetings;
using SteerCo.Office;
using SteerCo.Tests.Members;
using SteerCo.Tests.Office;
using SteerCo.Tests.Support;
using SteerCo.Text;
using SteerCo.WorkItems;

namespace SteerCo.Tests.WorkItems;

/// <summary>A meeting from invitation to conclusion notice: the roster invited, open tasks carried over, the notice's assignments tracked.</summary>
public sealed class HoldingAMeeting(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    private async Task<(Branch Branch, MeetingDetail Meeting, WorkItemDetail Open)> ScheduledAsync(string name)
    {
        var branch = await WorkData.BranchAsync(app, name, communes: 2);
        var chair = await MemberData.PersonAsync(app, $"Nguyễn Văn Chủ {name}", branch.Lead, "Phó Chủ tịch UBND thành phố");
        var member = await MemberData.PersonAsync(app, $"Trần Thị Thành {name}", branch.Other, "Giám đốc Sở Xây dựng");
        await MemberData.AddOkAsync(app, branch.Province.Id, chair, MemberData.Chair, Today.AddMonths(-6));
        await MemberData.AddOkAsync(app, branch.Province.Id, member, MemberData.Member, Today.AddMonths(-6));
        var open = await WorkData.ItemAsync(app, branch.Province, branch.Other, Today.AddDays(-2), "Gia cố trường học");
        await using var scope = app.ServiceScope();
        var scheduled = await scope.Get<MeetingService>().ScheduleAsync(scope.Actor, branch.Province.Id,
            new MeetingInput(MeetingKind.QuarterlyBriefing, "Quý I/2026", Today.AddDays(-1), "08 giờ 00", "Hội trường UBND thành phố", chair));
        scheduled.IsOk.ShouldBeTrue(string.Join("; ", scheduled.Problems.Select(p => p.Message)));
        return (branch, scheduled.Value!, open);
    }

    [Fact]
    public async Task Scheduling_invites_the_roster_of_the_day_and_carries_the_open_tasks_onto_the_agenda()
    {
        var (_, meeting, open) = await ScheduledAsync("Hải Vân");

        meeting.Title.ShouldBe("Hội nghị giao ban Quý I/2026");
        meeting.ChairName.ShouldBe("Nguyễn Văn Chủ Hải Vân");
        meeting.Invitees.Select(i => i.Name).ShouldBe(["Nguyễn Văn Chủ Hải Vân, Phó Chủ tịch UBND thành phố", "Trần Thị Thành Hải Vân, Giám đốc Sở Xây dựng"]);
        meeting.Agenda.Single().WorkItemId.ShouldBe(open.Id);
        meeting.Agenda.Single().Title.ShouldContain("Gia cố trường học");
    }

    [Fact]
    public async Task The_check_of_a_meeting_names_every_problem_scheduling_would_and_schedules_nothing()
    {
        var branch = await WorkData.BranchAsync(app, "Sơn Phong", communes: 0);
        var chair = await WorkData.ChairAsync(app, branch, "Nguyễn Văn Chủ Sơn Phong");
        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();
        var entries = await scope.Db.AuditEntries.LongCountAsync();
        var valid = new MeetingInput(MeetingKind.QuarterlyBriefing, "Quý I/2026", Today, null, "Hội trường UBND", chair);

        var refused = await service.CheckScheduleAsync(scope.Actor, branch.Province.Id, valid with { Date = null, Place = " ", RecorderName = new string('R', 201) });
        var fine = await service.CheckScheduleAsync(scope.Actor, branch.Province.Id, valid);
        var member = await service.CheckScheduleAsync(WorkData.Member(branch.Province, branch.Lead), branch.Province.Id, valid);

        refused.Problems.ShouldBe([
            new Problem("Place", "Nhập địa điểm."),
            new Problem("RecorderName", "Thư ký (người ghi biên bản) dài quá 200 ký tự."),
            new Problem("Date", "Nhập ngày họp."),
        ], ignoreOrder: true);
        fine.IsOk.ShouldBeTrue(string.Join("; ", fine.Problems.Select(p => p.Message)));
        member.Outcome.ShouldBe(Outcome.Forbidden);
        (await scope.Db.Meetings.CountAsync(m => m.CommitteeId == branch.Province.Id)).ShouldBe(0);
        (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "a check writes nothing");
    }

    [Fact]
    public async Task Attendance_needs_a_reason_for_an_absence_and_a_name_for_a_deputy()
    {
        var (_, meeting, _) = await ScheduledAsync("Bà Nà");
        var (chair, member) = (meeting.Invitees[0], meeting.Invitees[1]);

        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();
        var refused = await service.RecordAttendanceAsync(scope.Actor, meeting.Id, [new(chair.Id, Attendance.Present, null, null), new(member.Id, Attendance.Absent, " ", null)], meeting.Version);
        refused.Problems.Single().Message.ShouldBe($"Ghi lý do vắng mặt của {member.Name}.");
        (await service.GetAsync(scope.Actor, meeting.Id)).Value!.Invitees.ShouldAllBe(i => i.Attendance == Attendance.Invited, "a refused list changes nothing");

        scope.Db.ChangeTracker.Clear();
        var recorded = await service.RecordAttendanceAsync(scope.Actor, meeting.Id, [new(chair.Id, Attendance.Present, null, null), new(member.Id, Attendance.Represented, null, "Phó Giám đốc Lê Văn B")], meeting.Version);
        recorded.IsOk.ShouldBeTrue(string.Join("; ", recorded.Problems.Select(p => p.Message)));
        recorded.Value!.Invitees.Select(i => (i.Attendance, i.RepresentedBy)).ShouldBe([(Attendance.Present, null), (Attendance.Represented, "Phó Giám đốc Lê Văn B")]);
        (await service.RecordAttendanceAsync(scope.Actor, meeting.Id, [], meeting.Version)).Outcome.ShouldBe(Outcome.Conflict);
    }

    [Fact]
    public async Task Text_longer_than_its_field_is_refused_not_cut_and_an_invitee_is_marked_once()
    {
        var (branch, meeting, _) = await ScheduledAsync("Hòa Vang");
        var (chair, member) = (meeting.Invitees[0], meeting.Invitees[1]);
        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();

        var hall = await service.ScheduleAsync(scope.Actor, branch.Province.Id,
            new MeetingInput(MeetingKind.Thematic, "năm 2026", Today, "08 giờ 00", new string('H', 301), meeting.ChairPersonId));
        hall.Problems.Single().ShouldBe(new Problem(nameof(MeetingInput.Place), "Địa điểm dài quá 300 ký tự."));
        var presenter = await service.AddAgendaItemAsync(scope.Actor, meeting.Id, "Báo cáo tình hình", new string('S', 301));
        presenter.Problems.Single().Message.ShouldBe("Người trình bày dài quá 300 ký tự.");
        var reason = await service.RecordAttendanceAsync(scope.Actor, meeting.Id, [new(member.Id, Attendance.Absent, new string('x', 501), null)], meeting.Version);
        reason.Problems.Single().Message.ShouldBe($"Lý do vắng mặt của {member.Name} dài quá 500 ký tự.");
        var twice = await service.RecordAttendanceAsync(scope.Actor, meeting.Id, [new(chair.Id, Attendance.Present, null, null), new(chair.Id, Attendance.Absent, "Đi công tác", null)], meeting.Version);
        twice.Problems.Single().Message.ShouldBe($"{chair.Name} được điểm danh hai lần: mỗi người chỉ một dòng.");
        var signer = await service.IssueInvitationAsync(scope.Actor, meeting.Id, new(Today.AddDays(-3), "Nguyễn Văn Chủ", new string('P', 201)), meeting.Version);
        signer.Problems.Single().ShouldBe(new Problem(nameof(NoticeInput.SignerTitle), "Chức vụ người ký dài quá 200 ký tự."));

        scope.Db.ChangeTracker.Clear();
        var unchanged = (await service.GetAsync(scope.Actor, meeting.Id)).Value!;
        (unchanged.Version, unchanged.Agenda.Count, unchanged.InvitationSymbol).ShouldBe((meeting.Version, meeting.Agenda.Count, null));
        unchanged.Invitees.ShouldAllBe(i => i.Attendance == Attendance.Invited);
        (await scope.Db.Meetings.CountAsync(m => m.CommitteeId == branch.Province.Id)).ShouldBe(1);
    }

    [Theory]
    [InlineData("8:00", "08 giờ 00")]
    [InlineData("08:00", "08 giờ 00")]
    [InlineData("8h", "08 giờ 00")]
    [InlineData("8h00", "08 giờ 00")]
    [InlineData("8H30", "08 giờ 30")]
    [InlineData("8 h 30", "08 giờ 30")]
    [InlineData("8 giờ", "08 giờ 00")]
    [InlineData("8 giờ 00", "08 giờ 00")]
    [InlineData("8 giờ 30 phút", "08 giờ 30")]
    [InlineData("  14   GIỜ  5  PHÚT ", "14 giờ 05")]
    [InlineData("14 gio 00", "14 giờ 00")]
    [InlineData("14 gi\u01a1\u0300 00", "14 giờ 00")] // "giờ" with its tone mark typed apart
    [InlineData("0:00", "00 giờ 00")]
    [InlineData("23:59", "23 giờ 59")]
    public void A_time_is_read_as_a_clerk_types_it_and_written_as_the_invitation_prints_it(string typed, string official)
    {
        TimeFormats.TryParse(typed, out var time).ShouldBeTrue(typed);
        time.ToOfficial().ShouldBe(official);
    }

    [Fact]
    public async Task The_time_is_stored_as_the_invitation_prints_it_and_left_empty_it_stays_empty()
    {
        var (branch, meeting, _) = await ScheduledAsync("Liên Chiểu");
        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();

        foreach (var (typed, stored) in new[] { ("8h30", "08 giờ 30"), ("14:00", "14 giờ 00"), ("8 giờ 30 phút", "08 giờ 30"), (" ", null), (null, null) })
        {
            var scheduled = await service.ScheduleAsync(scope.Actor, branch.Province.Id,
                new MeetingInput(MeetingKind.Thematic, "năm 2026", Today, typed, "Phòng họp số 1", meeting.ChairPersonId));
            scheduled.IsOk.ShouldBeTrue(string.Join("; ", scheduled.Problems.Select(p => p.Message)));
            scheduled.Value!.Time.ShouldBe(stored, typed);
            (await scope.Db.Meetings.AsNoTracking().SingleAsync(m => m.Id == scheduled.Value.Id)).Time.ShouldBe(stored);
        }

        var printed = (await service.ScheduleAsync(scope.Actor, branch.Province.Id,
            new MeetingInput(MeetingKind.Thematic, "năm 2026", Today, "8h30", "Phòng họp số 1", meeting.ChairPersonId))).Value!;
        using var invitation = Docx.Open((await service.PaperAsync(scope.Actor, printed.Id, MeetingPaper.Invitation)).Value!.Content);
        invitation.Line($"Thời gian: 08 giờ 30, {OfficialText.LongDate(Today)}.");
    }

    [Fact]
    public async Task A_time_that_is_no_time_of_day_is_refused_beside_the_field_and_nothing_is_scheduled()
    {
        var (branch, meeting, _) = await ScheduledAsync("Sơn Trà");
        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();

        foreach (var typed in new[] { "25 giờ 99", "sáng mai", "8:75", "24:00", "8:5", "8h5", "8 phút", "8.30", "giờ 8" })
        {
            var refused = await service.ScheduleAsync(scope.Actor, branch.Province.Id,
                new MeetingInput(MeetingKind.Thematic, "năm 2026", Today, typed, "Phòng họp số 1", meeting.ChairPersonId));
            refused.Outcome.ShouldBe(Outcome.Invalid, typed);
            refused.Problems.Single().ShouldBe(new Problem(nameof(MeetingInput.Time),
                $"Giờ họp '{typed}' không hợp lệ: nhập giờ từ 0 đến 23 và phút từ 00 đến 59, ví dụ 8:00, 8h30 hoặc 14 giờ 00."));
        }
        // A long value is quoted back cut short, not whole.
        (await service.ScheduleAsync(scope.Actor, branch.Province.Id,
            new MeetingInput(MeetingKind.Thematic, "năm 2026", Today, new string('8', 51), "Phòng họp số 1", meeting.ChairPersonId)))
            .Problems.Single().Message.ShouldStartWith("Giờ họp '88888888888888888888…' không hợp lệ");
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new("en");
            (await service.ScheduleAsync(scope.Actor, branch.Province.Id,
                new MeetingInput(MeetingKind.Thematic, "năm 2026", Today, "25 giờ 99", "Phòng họp số 1", meeting.ChairPersonId)))
                .Problems.Single().Message.ShouldBe("Time '25 giờ 99' is not valid: enter an hour from 0 to 23 and minutes from 00 to 59, for example 8:00, 8h30 or 14:00.");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }

        (await scope.Db.Meetings.CountAsync(m => m.CommitteeId == branch.Province.Id)).ShouldBe(1, "only the meeting scheduled before");
    }

    [Fact]
    public async Task A_time_stored_before_it_was_checked_still_reads_and_prints_as_it_was_typed()
    {
        var (_, meeting, _) = await ScheduledAsync("Ngũ Hành Sơn");
        await using var scope = app.ServiceScope();
        await scope.Db.Meetings.Where(m => m.Id == meeting.Id).ExecuteUpdateAsync(m => m.SetProperty(x => x.Time, "Sáng thứ Hai, 7h30"));
        var service = scope.Get<MeetingService>();

        (await service.GetAsync(scope.Actor, meeting.Id)).Value!.Time.ShouldBe("Sáng thứ Hai, 7h30");
        using var invitation = Docx.Open((await service.PaperAsync(scope.Actor, meeting.Id, MeetingPaper.Invitation)).Value!.Content);
        invitation.Line($"Thời gian: Sáng thứ Hai, 7h30, {OfficialText.LongDate(meeting.Date)}.");
        using var minutes = Docx.Open((await service.PaperAsync(scope.Actor, meeting.Id, MeetingPaper.Minutes)).Value!.Content);
        minutes.Line($"Thời gian: Sáng thứ Hai, 7h30, {OfficialText.LongDate(meeting.Date)}.");
    }

    [Fact]
    public async Task Issuing_the_notice_numbers_it_in_the_register_and_makes_each_assignment_a_task_linked_to_the_meeting()
    {
        var (branch, meeting, _) = await ScheduledAsync("Thanh Khê");
        await using (var scope = app.ServiceScope())
        {
            var service = scope.Get<MeetingService>();
            (await service.AddContributionAsync(scope.Actor, meeting.Id, new("Trần Thị Thành", branch.Other.Id, "Đề nghị bổ sung kinh phí gia cố trường học."))).IsOk.ShouldBeTrue();
            var version = (await service.SetConclusionsAsync(scope.Actor, meeting.Id, "Các cơ quan đã chủ động triển khai nhiệm vụ quý I.", meeting.Version)).Value!.Version;
            (await service.AddAssignmentAsync(scope.Actor, meeting.Id, new("rà soát phương án sơ tán dân vùng trũng", branch.Lead.Id, [branch.Other.Id], Today.AddDays(30), false, false))).IsOk.ShouldBeTrue();
            (await service.AddAssignmentAsync(scope.Actor, meeting.Id, new("tổ chức diễn tập phòng, chống lụt bão", branch.Lead.Id, null, Today.AddDays(-1), false, true))).IsOk.ShouldBeTrue();
            var bad = await service.AddAssignmentAsync(scope.Actor, meeting.Id, new("", app.Hierarchy.HueAgency.Id, null, Today.AddDays(-9), false, false));
            bad.Problems.Select(p => p.Field).ShouldBe(["Text", "LeadAgencyId", "DueDate"], ignoreOrder: true);

            var issued = await service.IssueNoticeAsync(scope.Actor, meeting.Id, new(Today, "Nguyễn Văn Chủ Thanh Khê", "Trưởng ban"), version);
            issued.IsOk.ShouldBeTrue(string.Join("; ", issued.Problems.Select(p => p.Message)));
            issued.Value!.NoticeSymbol.ShouldBe("01/TB-BCĐ");
            issued.Value.Assignments.ShouldAllBe(a => a.WorkItemId != null);
            issued.Value.Assignments[1].ChildRollUp!.Total.ShouldBe(2, "passed down to both communes");
            issued.Value.FollowUp.ShouldBe(new RollUp(0, 0, 1, 1, 0));

            var again = await service.IssueNoticeAsync(scope.Actor, meeting.Id, new(Today, "Nguyễn Văn Chủ", null), issued.Value.Version);
            again.Problems.Single().Message.ShouldContain("đã ban hành");
            (await service.AddAssignmentAsync(scope.Actor, meeting.Id, new("thêm việc", branch.Lead.Id, null, null, true, false))).Outcome.ShouldBe(Outcome.Invalid);
        }

        await using (var scope = app.ServiceScope())
        {
            var notice = await scope.Db.Documents.AsNoTracking().SingleAsync(d => d.CommitteeId == branch.Province.Id && d.Type == "TB");
            notice.Subject.ShouldBe("Kết luận của Nguyễn Văn Chủ Thanh Khê tại Hội nghị giao ban Quý I/2026");
            notice.Body!.ShouldContain($"Giao Sở Y tế Thanh Khê chủ trì, phối hợp với Sở Xây dựng Thanh Khê rà soát phương án sơ tán dân vùng trũng, báo cáo kết quả trước ngày {Today.AddDays(30).ToShort()}.");
            var tasks = await scope.Db.WorkItems.AsNoTracking().Include(w => w.Coordinators).Where(w => w.MeetingId == meeting.Id).ToListAsync();
            tasks.Count.ShouldBe(4, "two assignments, one passed down to two communes");
            tasks.Where(w => w.ParentId == null).ShouldAllBe(w => w.SourceKind == WorkItemSource.MeetingConclusion && w.SourceDocumentId == notice.Id && w.CommitteeId == branch.Province.Id);
            tasks.Single(w => w.Title.StartsWith("rà soát")).Coordinators.Single().AgencyId.ShouldBe(branch.Other.Id);
            (await scope.Db.NumberReservations.SingleAsync(r => r.Id == notice.ReservationId)).Status.ShouldBe(ReservationStatus.Issued);
        }
    }

    [Fact]
    public async Task A_notice_that_cannot_be_issued_takes_no_number_and_makes_no_task()
    {
        var (branch, meeting, _) = await ScheduledAsync("Hòa Khánh");
        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();
        var empty = await service.IssueNoticeAsync(scope.Actor, meeting.Id, new(Today, "Nguyễn Văn Chủ", null), meeting.Version);
        empty.Problems.Single().Message.ShouldBe("Chưa có kết luận hay nhiệm vụ nào để thông báo.");

        (await service.AddAssignmentAsync(scope.Actor, meeting.Id, new("báo cáo thiệt hại", branch.Lead.Id, null, Today.AddDays(5), false, true))).IsOk.ShouldBeTrue();
        // A commune loses its standing agency after the assignment was written: the fan-out cannot lead there.
        await scope.Db.Committees.Where(c => c.Id == branch.Communes[1].Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.StandingAgencyId, (int?)null));
        var refused = await service.IssueNoticeAsync(scope.Actor, meeting.Id, new(Today, "Nguyễn Văn Chủ", null), meeting.Version);
        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.Single().Message.ShouldContain(branch.Communes[1].Name);

        (await scope.Db.Documents.CountAsync(d => d.CommitteeId == branch.Province.Id)).ShouldBe(0);
        (await scope.Db.NumberReservations.CountAsync(r => r.Series!.CommitteeId == branch.Province.Id)).ShouldBe(0, "the number went back with the transaction");
        (await scope.Db.WorkItems.CountAsync(w => w.MeetingId == meeting.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task The_notice_invitation_and_minutes_print_in_the_official_layout()
    {
        var (branch, meeting, _) = await ScheduledAsync("Non Nước");
        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();
        meeting = (await service.RecordAttendanceAsync(scope.Actor, meeting.Id,
            [new(meeting.Invitees[0].Id, Attendance.Present, null, null), new(meeting.Invitees[1].Id, Attendance.Absent, "Đi công tác", null)], meeting.Version)).Value!;
        await service.AddContributionAsync(scope.Actor, meeting.Id, new("Trần Thị Thành", branch.Other.Id, "Đề nghị bổ sung kinh phí."));
        await service.AddAssignmentAsync(scope.Actor, meeting.Id, new("rà soát phương án sơ tán", branch.Lead.Id, [branch.Other.Id], new DateOnly(2030, 4, 15), false, false));
        (await service.PaperAsync(scope.Actor, meeting.Id, MeetingPaper.Notice)).Outcome.ShouldBe(Outcome.NotFound, "no notice before the register issues it");
        var issued = await service.IssueNoticeAsync(scope.Actor, meeting.Id, new(new DateOnly(Today.Year, Today.Month, Today.Day), "Nguyễn Văn Chủ Non Nước", "Trưởng ban"), meeting.Version);
        issued.IsOk.ShouldBeTrue(string.Join("; ", issued.Problems.Select(p => p.Message)));

        using (var notice = Docx.Open((await service.PaperAsync(scope.Actor, meeting.Id, MeetingPaper.Notice)).Value!.Content))
        {
            CheckHeader(notice, "Số: 01/TB-BCĐ");
            var type = notice.Line("THÔNG BÁO");
            Docx.Bold(type).ShouldBeTrue();
            notice.Size(type).ShouldBeInRange(13, 14);
            Docx.Alignment(type).ShouldBe(DocumentFormat.OpenXml.Wordprocessing.JustificationValues.Center);
            Docx.Text(Docx.Next(type)).ShouldBe("Kết luận của Nguyễn Văn Chủ Non Nước tại Hội nghị giao ban Quý I/2026");
            notice.LinesStartingWith("1. Giao Sở Y tế Non Nước chủ trì, phối hợp với Sở Xây dựng Non Nước rà soát phương án sơ tán, báo cáo kết quả trước ngày 15/04/2030.").Count.ShouldBe(1);
            notice.Line("TM. BAN CHỈ ĐẠO");
            notice.Line("TRƯỞNG BAN");
            Docx.Bold(notice.Line("Nguyễn Văn Chủ Non Nước")).ShouldBeTrue();
            notice.Line("Nơi nhận:");
            notice.Line("- Lưu: VT.");
        }
        using (var invitation = Docx.Open((await service.PaperAsync(scope.Actor, meeting.Id, MeetingPaper.Invitation)).Value!.Content))
        {
            CheckHeader(invitation, "Số:       /GM-BCĐ");
            Docx.Bold(invitation.Line("GIẤY MỜI")).ShouldBeTrue();
            invitation.Line("Dự Hội nghị giao ban Quý I/2026");
            invitation.Line("- Nguyễn Văn Chủ Non Nước, Phó Chủ tịch UBND thành phố;");
            invitation.Line("- Trần Thị Thành Non Nước, Giám đốc Sở Xây dựng.");
            invitation.LinesStartingWith("Địa điểm: Hội trường UBND thành phố").Count.ShouldBe(1);
        }
        using var minutes = Docx.Open((await service.PaperAsync(scope.Actor, meeting.Id, MeetingPaper.Minutes)).Value!.Content);
        CheckHeader(minutes, "Số:       /BB-BCĐ");
        Docx.Bold(minutes.Line("BIÊN BẢN")).ShouldBeTrue();
        minutes.Line("- Nguyễn Văn Chủ Non Nước, Phó Chủ tịch UBND thành phố.");
        minutes.Line("- Trần Thị Thành Non Nước, Giám đốc Sở Xây dựng (lý do: Đi công tác).");
        minutes.Line("- Trần Thị Thành (Sở Xây dựng Non Nước): Đề nghị bổ sung kinh phí.");
        CheckSignatures(minutes, "Nguyễn Văn Chủ Non Nước");
    }

    [Fact]
    public async Task Agenda_items_are_edited_and_removed_under_the_meetings_version_and_the_audit_log_keeps_both_wordings()
    {
        var (_, meeting, _) = await ScheduledAsync("Hòa Minh");
        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();
        meeting = (await service.AddAgendaItemAsync(scope.Actor, meeting.Id, "Báo cáo tình hình quý I", "Văn phòng")).Value!;
        var (carried, added) = (meeting.Agenda[0], meeting.Agenda[1]);

        var blank = await service.UpdateAgendaItemAsync(scope.Actor, meeting.Id, added.Id, " ", null, meeting.Version);
        blank.Problems.Single().Message.ShouldBe("Nhập nội dung chương trình.");
        scope.Db.ChangeTracker.Clear();
        var edited = await service.UpdateAgendaItemAsync(scope.Actor, meeting.Id, added.Id, "Báo cáo kết quả quý I, phương hướng quý II", "Chánh Văn phòng", meeting.Version);
        edited.IsOk.ShouldBeTrue(string.Join("; ", edited.Problems.Select(p => p.Message)));
        edited.Value!.Agenda[1].ShouldBe(added with { Title = "Báo cáo kết quả quý I, phương hướng quý II", Presenter = "Chánh Văn phòng" });

        scope.Db.ChangeTracker.Clear();
        (await service.RemoveAgendaItemAsync(scope.Actor, meeting.Id, carried.Id, meeting.Version)).Outcome.ShouldBe(Outcome.Conflict, "the page was opened before the edit");
        scope.Db.ChangeTracker.Clear();
        var removed = await service.RemoveAgendaItemAsync(scope.Actor, meeting.Id, carried.Id, edited.Value.Version);
        removed.Value!.Agenda.Select(a => a.Title).ShouldBe(["Báo cáo kết quả quý I, phương hướng quý II"]);
        (await scope.Db.WorkItems.AnyAsync(w => w.Id == carried.WorkItemId && w.Status == WorkItemStatus.NotStarted)).ShouldBeTrue("the carried-over task stays open");

        var key = added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var update = await scope.Db.AuditEntries.SingleAsync(e => e.Entity == nameof(AgendaItem) && e.EntityKey == key && e.Action == "Updated");
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?[]>>(update.Changes)!["Title"]
            .ShouldBe(["Báo cáo tình hình quý I", "Báo cáo kết quả quý I, phương hướng quý II"]);
        var carriedKey = carried.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await scope.Db.AuditEntries.CountAsync(e => e.Entity == nameof(AgendaItem) && e.EntityKey == carriedKey && e.Action == "Deleted")).ShouldBe(1);

        var secretariatElsewhere = WorkData.Secretariat(app.Hierarchy.Hue);
        scope.Db.ChangeTracker.Clear();
        (await service.RemoveAgendaItemAsync(secretariatElsewhere, meeting.Id, added.Id, removed.Value.Version)).Outcome.ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task The_invitation_and_the_minutes_take_their_numbers_from_the_register_and_the_minutes_fix_the_agenda()
    {
        var (branch, meeting, _) = await ScheduledAsync("Thuận Phước");
        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();

        var late = await service.IssueInvitationAsync(scope.Actor, meeting.Id, new(meeting.Date.AddDays(1), "Nguyễn Văn Chủ", null), meeting.Version);
        late.Problems.Single().Message.ShouldBe("Ngày ban hành giấy mời không được sau ngày họp.");
        var invitation = await service.IssueInvitationAsync(scope.Actor, meeting.Id, new(meeting.Date.AddDays(-5), "Nguyễn Văn Chủ Thuận Phước", "Phó Trưởng ban"), meeting.Version);
        invitation.IsOk.ShouldBeTrue(string.Join("; ", invitation.Problems.Select(p => p.Message)));
        invitation.Value!.InvitationSymbol.ShouldBe("01/GM-BCĐ");
        (await service.IssueInvitationAsync(scope.Actor, meeting.Id, new(meeting.Date, "Nguyễn Văn Chủ", null), invitation.Value.Version))
            .Problems.Single().Message.ShouldBe("Giấy mời đã được cấp số.");

        var noRecorder = await service.IssueMinutesAsync(scope.Actor, meeting.Id, new(Today, " "), invitation.Value.Version);
        noRecorder.Problems.Single().Field.ShouldBe("RecorderName");
        scope.Db.ChangeTracker.Clear();
        (await service.IssueMinutesAsync(scope.Actor, meeting.Id, new(Today, "Lê Thị Ghi"), meeting.Version)).Outcome.ShouldBe(Outcome.Conflict, "a stale page takes no number");
        scope.Db.ChangeTracker.Clear();
        var minutes = await service.IssueMinutesAsync(scope.Actor, meeting.Id, new(Today, "Lê Thị Ghi"), invitation.Value.Version);
        minutes.IsOk.ShouldBeTrue(string.Join("; ", minutes.Problems.Select(p => p.Message)));
        minutes.Value!.MinutesSymbol.ShouldBe("02/BB-BCĐ", "one series for the committee's titled documents");
        minutes.Value.RecorderName.ShouldBe("Lê Thị Ghi");

        var documents = await scope.Db.Documents.AsNoTracking().Where(d => d.CommitteeId == branch.Province.Id).OrderBy(d => d.Number).ToListAsync();
        documents.Select(d => (d.Type, d.Number, d.SignerName)).ShouldBe([("GM", 1, "Nguyễn Văn Chủ Thuận Phước"), ("BB", 2, "Nguyễn Văn Chủ Thuận Phước")]);
        (await scope.Db.NumberReservations.Where(r => r.Series!.CommitteeId == branch.Province.Id).Select(r => r.Status).ToListAsync())
            .ShouldBe([ReservationStatus.Issued, ReservationStatus.Issued], "the stale attempt's number went back with its transaction");

        scope.Db.ChangeTracker.Clear();
        (await service.AddAgendaItemAsync(scope.Actor, meeting.Id, "Thêm mục", null)).Problems.Single().Message.ShouldBe("Biên bản đã được cấp số: chương trình họp không thay đổi được nữa.");
        scope.Db.ChangeTracker.Clear();
        (await service.RemoveAgendaItemAsync(scope.Actor, meeting.Id, meeting.Agenda[0].Id, minutes.Value.Version)).Outcome.ShouldBe(Outcome.Invalid);

        // The minutes record who came and who spoke: once numbered, neither changes.
        var invitee = minutes.Value.Invitees[0];
        scope.Db.ChangeTracker.Clear();
        (await service.RecordAttendanceAsync(scope.Actor, meeting.Id, [new(invitee.Id, Attendance.Absent, "Đi công tác", null)], minutes.Value.Version))
            .Problems.Single().Message.ShouldBe("Biên bản đã được cấp số: thành phần và tình hình dự họp không thay đổi được nữa.");
        scope.Db.ChangeTracker.Clear();
        (await service.InviteAgencyAsync(scope.Actor, meeting.Id, minutes.Value.AgencyChoices[0].Id)).Outcome.ShouldBe(Outcome.Invalid);
        scope.Db.ChangeTracker.Clear();
        (await service.AddContributionAsync(scope.Actor, meeting.Id, new("Trần Văn Nói", null, "Ý kiến thêm sau khi đã có biên bản.")))
            .Problems.Single().Message.ShouldBe("Biên bản đã được cấp số: không thêm được ý kiến phát biểu.");
        scope.Db.ChangeTracker.Clear();
        var unchanged = (await service.GetAsync(scope.Actor, meeting.Id)).Value!;
        unchanged.Invitees.Select(i => (i.Id, i.Attendance, i.AbsenceReason)).ShouldBe(minutes.Value.Invitees.Select(i => (i.Id, i.Attendance, i.AbsenceReason)));
        unchanged.Contributions.Count.ShouldBe(minutes.Value.Contributions.Count);
        unchanged.Version.ShouldBe(minutes.Value.Version);
    }

    [Fact]
    public async Task The_invitation_and_minutes_print_the_numbers_the_register_issued_and_the_minutes_both_signatures()
    {
        var (_, meeting, _) = await ScheduledAsync("Phước Mỹ");
        await using var scope = app.ServiceScope();
        var service = scope.Get<MeetingService>();
        var issuedOn = meeting.Date.AddDays(-3);
        var version = (await service.IssueInvitationAsync(scope.Actor, meeting.Id, new(issuedOn, "Trần Văn Ký", "Phó Trưởng ban"), meeting.Version)).Value!.Version;
        (await service.IssueMinutesAsync(scope.Actor, meeting.Id, new(meeting.Date, "Lê Thị Ghi"), version)).IsOk.ShouldBeTrue();

        using (var invitation = Docx.Open((await service.PaperAsync(scope.Actor, meeting.Id, MeetingPaper.Invitation)).Value!.Content))
        {
            CheckHeader(invitation, "Số: 01/GM-BCĐ");
            invitation.Line($"Đà Nẵng, {OfficialText.LongDate(issuedOn)}");
            invitation.Line("PHÓ TRƯỞNG BAN");
            Docx.Bold(invitation.Line("Trần Văn Ký")).ShouldBeTrue();
        }
        using var minutes = Docx.Open((await service.PaperAsync(scope.Actor, meeting.Id, MeetingPaper.Minutes)).Value!.Content);
        CheckHeader(minutes, "Số: 02/BB-BCĐ");
        CheckSignatures(minutes, "Nguyễn Văn Chủ Phước Mỹ", "Lê Thị Ghi");
    }

    /// <summary>The minutes are signed by two side by side: the recorder on the left, the chair on the right, each with room to sign above the name.</summary>
    private static void CheckSignatures(Docx minutes, string chair, string? recorder = null)
    {
        var recorderTitle = minutes.Line("THƯ KÝ");
        var chairTitle = minutes.Line("CHỦ TRÌ");
        Docx.Bold(recorderTitle).ShouldBeTrue();
        Docx.Bold(chairTitle).ShouldBeTrue();
        (Docx.Column(recorderTitle), Docx.Column(chairTitle)).ShouldBe((0, 1));
        recorderTitle.Ancestors<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First()
            .ShouldBeSameAs(chairTitle.Ancestors<DocumentFormat.OpenXml.Wordprocessing.TableRow>().First(), "side by side, in one row");
        var chairName = minutes.Line(chair);
        Docx.Column(chairName).ShouldBe(1);
        Docx.Bold(chairName).ShouldBeTrue();
        (chairName.ParagraphProperties?.SpacingBetweenLines?.Before?.Value is { } before ? int.Parse(before, System.Globalization.CultureInfo.InvariantCulture) : 0)
            .ShouldBeGreaterThan(800, "room for the signature");
        if (recorder is not null)
        {
            var recorderName = minutes.Line(recorder);
            Docx.Column(recorderName).ShouldBe(0);
            Docx.Bold(recorderName).ShouldBeTrue();
        }
    }

    /// <summary>A4 with the rule margins, the motto top right, the committee top left, the number line (DOMAIN.md §4).</summary>
    private static void CheckHeader(Docx docx, string numberLine)
    {
        var section = docx.Sections[0];
        var size = section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!;
        Docx.Mm((int)size.Width!.Value).ShouldBe(210, 0.1);
        Docx.Mm((int)size.Height!.Value).ShouldBe(297, 0.1);
        Docx.Mm((int)section.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageMargin>()!.Left!.Value).ShouldBeInRange(29.9, 35.1);
        var motto = docx.Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        Docx.Bold(motto).ShouldBeTrue();
        Docx.Column(motto).ShouldBe(1);
        Docx.Text(Docx.Next(motto)).ShouldBe("Độc lập - Tự do - Hạnh phúc");
        var issuer = docx.LinesStartingWith("BAN CHỈ ĐẠO").First();
        Docx.Bold(issuer).ShouldBeTrue();
        Docx.Column(issuer).ShouldBe(0);
        var number = docx.Line(numberLine);
        docx.Size(number).ShouldBe(13);
        Docx.Column(number).ShouldBe(0);
        Docx.Italic(docx.LinesStartingWith("Đà Nẵng, ngày ").Single()).ShouldBeTrue();
    }
}
