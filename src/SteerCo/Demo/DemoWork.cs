using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Meetings;
using SteerCo.Reporting;
using SteerCo.WorkItems;

namespace SteerCo.Demo;

/// <summary>
/// The demo's meetings and their follow-up, dated from today so that the loop is mid-way when a
/// user first signs in: Đà Nẵng's last quarterly briefing (held on the 10th of the first month of
/// the quarter, at least a week ago) with its invitation, attendance, contributions, minutes and
/// conclusion notice; the notice's five tasks, one done, one overdue, one regular, two passed
/// down to the city's three wards, where the wards have reported; and the next briefing, three
/// months on, with the open tasks carried onto its agenda. Everything goes through the services
/// a user's clicks go through, as the secretariats' users, so the register, the audit log and the
/// roll-ups hold what they would.
/// </summary>
internal sealed class DemoWork(SteerCoDbContext db, MeetingService meetings, WorkItemService workItems)
{
    public const string Place = "Hội trường Ủy ban nhân dân thành phố Đà Nẵng";

    /// <summary>The briefing held last: the 10th of the quarter's first month, moved back a quarter when that is less than a week ago.</summary>
    public static DateOnly LastBriefing(DateOnly today)
    {
        var held = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 10);
        return held > today.AddDays(-7) ? held.AddMonths(-3) : held;
    }

    /// <summary>Three months on; a week from today when that has passed (in the days after a quarter's briefing was due).</summary>
    public static DateOnly NextBriefing(DateOnly held, DateOnly today) => held.AddMonths(3) is var next && next > today ? next : today.AddDays(7);

    /// <summary>"Quý III/2026" for a briefing held in October 2026: the quarter it looks back on.</summary>
    public static string PeriodBefore(DateOnly held)
    {
        var reviewed = held.AddMonths(-3);
        return ReportingPeriod.Quarter(reviewed.Year, (reviewed.Month - 1) / 3 + 1).ToString();
    }

    /// <summary>Holds the meetings unless the committee has any already.</summary>
    public async Task SeedAsync(Committee danang, CancellationToken cancellationToken)
    {
        if (await db.Meetings.AnyAsync(m => m.CommitteeId == danang.Id, cancellationToken))
        {
            return;
        }
        var today = workItems.Today;
        var held = LastBriefing(today);
        var secretariat = await ActorAsync("thuky.danang", cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.UnitId == danang.UnitId)
            .ToDictionaryAsync(a => a.Abbreviation, a => a.Id, cancellationToken);
        var people = await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == danang.Id && m.EndDate == null)
            .Select(m => new { m.PersonId, m.Person!.FullName }).ToDictionaryAsync(m => m.FullName, m => m.PersonId, cancellationToken);

        var meeting = Ok(await meetings.ScheduleAsync(secretariat, danang.Id,
            new MeetingInput(MeetingKind.QuarterlyBriefing, PeriodBefore(held), held, "08 giờ 00", Place, people["Nguyễn Văn An"], "Lê Thị Mai"), cancellationToken));
        meeting = Ok(await meetings.IssueInvitationAsync(secretariat, meeting.Id,
            new NoticeInput(held.AddDays(-5), "Trần Quốc Bảo", "Phó Trưởng ban Thường trực"), meeting.Version, cancellationToken));
        foreach (var (title, presenter) in Agenda)
        {
            meeting = Ok(await meetings.AddAgendaItemAsync(secretariat, meeting.Id, title, presenter, cancellationToken));
        }
        // The health director is away; the police sends a deputy; everyone else comes.
        var attendance = meeting.Invitees.Select(i => i.AgencyId == agencies["SYT"]
                ? new AttendanceInput(i.Id, Attendance.Absent, "Đi công tác tại Hà Nội", null)
                : i.AgencyId == agencies["CA"]
                    ? new AttendanceInput(i.Id, Attendance.Represented, null, "Thượng tá Nguyễn Hữu Tâm, Trưởng phòng Tham mưu")
                    : new AttendanceInput(i.Id, Attendance.Present, null, null))
            .ToList();
        meeting = Ok(await meetings.RecordAttendanceAsync(secretariat, meeting.Id, attendance, meeting.Version, cancellationToken));
        foreach (var (speaker, agency, summary) in Contributions)
        {
            meeting = Ok(await meetings.AddContributionAsync(secretariat, meeting.Id, new ContributionInput(speaker, agencies[agency], summary), cancellationToken));
        }
        meeting = Ok(await meetings.SetConclusionsAsync(secretariat, meeting.Id, Conclusions, meeting.Version, cancellationToken));

        var dueDates = new DateOnly?[] { today.AddDays(-2), today.AddDays(-5), null, today.AddDays(-4), today.AddDays(20) };
        for (var i = 0; i < Assignments.Length; i++)
        {
            var (text, lead, coordinators, toWards) = Assignments[i];
            meeting = Ok(await meetings.AddAssignmentAsync(secretariat, meeting.Id, new AssignmentInput(text, agencies[lead],
                [.. coordinators.Select(c => agencies[c])], dueDates[i], dueDates[i] is null, toWards), cancellationToken));
        }
        meeting = Ok(await meetings.IssueMinutesAsync(secretariat, meeting.Id, new MinutesInput(held, "Lê Thị Mai"), meeting.Version, cancellationToken));
        meeting = Ok(await meetings.IssueNoticeAsync(secretariat, meeting.Id, new NoticeInput(held.AddDays(3), "Nguyễn Văn An", "Trưởng ban"), meeting.Version, cancellationToken));

        var tasks = meeting.Assignments.OrderBy(a => a.Order).Select(a => a.WorkItemId!.Value).ToList();
        await ReportAsync(secretariat, tasks[0], today.AddDays(-3), 100,
            "Đã trình Ủy ban nhân dân thành phố phê duyệt phương án ứng phó với bão mạnh, siêu bão năm 2026; đã gửi các phường, xã.", cancellationToken);
        await ReportAsync(secretariat, tasks[1], today.AddDays(-6), 60,
            "Đã kiểm tra 42/65 trường học và 9/14 trạm y tế; đang gia cố 7 điểm trường, dự kiến xong trong tháng.", cancellationToken);
        await ReportAsync(secretariat, tasks[2], today.AddDays(-1), 50,
            "Đã cấp bổ sung cơ số thuốc cho 5 trạm y tế vùng dễ bị chia cắt.", cancellationToken);

        // The wards' shares of the survey: Hòa Cường has finished, Hải Châu is half-way, Thanh Khê has not begun (overdue).
        var survey = Ok(await workItems.GetAsync(secretariat, tasks[3], cancellationToken)).Children;
        await ReportAsync(await ActorAsync("thuky.hoacuong", cancellationToken), survey.Single(c => c.CommitteeName.EndsWith("Hòa Cường", StringComparison.Ordinal)).Id,
            today.AddDays(-5), 100, "Đã rà soát 312 hộ ở khu vực có nguy cơ sạt lở, ngập sâu; danh sách gửi kèm.", cancellationToken);
        var haichau = await ActorAsync("thuky.haichau", cancellationToken);
        await ReportAsync(haichau, survey.Single(c => c.CommitteeName.EndsWith("Hải Châu", StringComparison.Ordinal)).Id,
            today.AddDays(-6), 50, "Đã rà soát 4/8 tổ dân phố.", cancellationToken);
        var drill = Ok(await workItems.GetAsync(secretariat, tasks[4], cancellationToken)).Children;
        await ReportAsync(haichau, drill.Single(c => c.CommitteeName.EndsWith("Hải Châu", StringComparison.Ordinal)).Id,
            today.AddDays(-1), 20, "Đã xây dựng kịch bản diễn tập; dự kiến tổ chức ngày 15 tháng sau.", cancellationToken);

        // The next briefing: the open tasks are carried onto its agenda.
        var next = NextBriefing(held, today);
        Ok(await meetings.ScheduleAsync(secretariat, danang.Id,
            new MeetingInput(MeetingKind.QuarterlyBriefing, PeriodBefore(held.AddMonths(3)), next, "08 giờ 00", Place, people["Nguyễn Văn An"], "Lê Thị Mai"), cancellationToken));
    }

    private static readonly (string Title, string Presenter)[] Agenda =
    [
        ("Báo cáo kết quả công tác phòng, chống thiên tai quý; nhiệm vụ quý tới", "Sở Nông nghiệp và Môi trường (cơ quan thường trực)"),
        ("Tình hình chuẩn bị lực lượng, phương tiện ứng phó mùa mưa bão", "Bộ Chỉ huy Quân sự thành phố"),
    ];

    private static readonly (string Speaker, string Agency, string Summary)[] Contributions =
    [
        ("Lê Văn Cường", "SNNMT", "Báo cáo kết quả quý: đã kiểm tra 118 km đê, kè; 6 điểm sạt lở cần xử lý trước mùa mưa bão."),
        ("Hồ Văn Dũng", "BCHQS", "Lực lượng, phương tiện sẵn sàng; đề nghị các phường cập nhật danh sách hộ phải sơ tán."),
        ("Ngô Văn Lợi", "SXD", "Còn 23 trường học, 5 trạm y tế xuống cấp; đề nghị bố trí kinh phí gia cố."),
    ];

    private const string Conclusions = "Trong quý, các cơ quan thành viên đã chủ động triển khai nhiệm vụ phòng, chống thiên tai "
        + "theo kế hoạch; công tác kiểm tra đê, kè, hồ đập được thực hiện nghiêm túc. Mùa mưa bão đang đến gần, các cơ quan, "
        + "đơn vị tập trung thực hiện các nhiệm vụ sau.";

    private static readonly (string Text, string Lead, string[] Coordinators, bool ToWards)[] Assignments =
    [
        ("rà soát, cập nhật phương án ứng phó với bão mạnh, siêu bão trên địa bàn thành phố", "SNNMT", ["BCHQS", "CA"], false),
        ("kiểm tra, gia cố trường học, trạm y tế xuống cấp trước mùa mưa bão", "SXD", ["SYT"], false),
        ("bảo đảm cơ số thuốc, vật tư y tế dự phòng tại các khu vực dễ bị chia cắt", "SYT", [], false),
        ("rà soát, lập danh sách hộ dân ở khu vực có nguy cơ sạt lở, ngập sâu", "SNNMT", [], true),
        ("tổ chức diễn tập phòng, chống thiên tai và tìm kiếm cứu nạn cấp phường", "BCHQS", [], true),
    ];

    private async Task ReportAsync(Actor actor, int id, DateOnly on, int percent, string text, CancellationToken cancellationToken)
    {
        var item = Ok(await workItems.GetAsync(actor, id, cancellationToken));
        Ok(await workItems.ReportAsync(actor, id, new ProgressInput(on, text, percent), item.Version, cancellationToken));
    }

    private async Task<Actor> ActorAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == userName)
            .Select(u => new { u.Id, u.Role, u.CommitteeId, u.Committee!.Path, u.AgencyId }).SingleAsync(cancellationToken);
        return new Actor(user.Id, userName, user.Role, user.CommitteeId, user.Path, user.AgencyId);
    }

    private static T Ok<T>(Result<T> result) => result.IsOk
        ? result.Value!
        : throw new InvalidOperationException("The demo's meetings do not save: " + string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Message}")) + $" ({result.Outcome})");
}
