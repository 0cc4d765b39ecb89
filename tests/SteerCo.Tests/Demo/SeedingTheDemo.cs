using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Demo;
using SteerCo.Meetings;
using SteerCo.Reporting;
using SteerCo.Tests.Reporting;
using SteerCo.Tests.Support;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Demo;

/// <summary>The demo that `dotnet run` seeds: something to report on, and seeding again changes nothing.</summary>
public sealed class SeedingTheDemo
{
    [Fact]
    public async Task Da_Nang_has_a_quarterly_report_of_every_kind_of_indicator_to_request_and_seeding_again_changes_nothing()
    {
        await using var app = await SteerCoApp.StartAsync(withHierarchy: false);
        await using var scope = app.ServiceScope();
        var seeder = scope.Get<DemoSeeder>();

        (await seeder.SeedAsync("Admin-Pass-2025", "Demo-Pass-2025")).DemoCreated.ShouldBeTrue();

        var danang = await scope.Db.Committees.SingleAsync(c => c.Unit!.Code == "48");
        var templates = scope.Get<ReportTemplates>();
        var summary = (await templates.ListAsync(Actor.System(), danang.Id)).Ok().ShouldHaveSingleItem();
        var template = (await templates.GetAsync(Actor.System(), danang.Id, summary.Id)).Ok().Current;
        template.Indicators.Count.ShouldBeInRange(8, 12);
        template.Indicators.Select(i => i.Type).Distinct().ShouldBe(Enum.GetValues<IndicatorType>(), ignoreOrder: true);
        template.Indicators.Select(i => i.Aggregation).Distinct().ShouldBe(Enum.GetValues<Aggregation>(), ignoreOrder: true);
        template.Indicators.ShouldContain(i => i.Formula != null);
        template.Sections.ShouldNotBeEmpty();
        var regime = (await templates.RegimesAsync(Actor.System(), danang.Id)).Ok().ShouldHaveSingleItem();
        (regime.TemplateId, regime.PeriodKind, regime.DeadlineDay).ShouldBe((summary.Id, PeriodKind.Quarter, 25));
        var communesWithSecretariats = await scope.Db.Users.Where(u => u.Role == Role.Secretariat && u.Committee!.ParentId == danang.Id).CountAsync();
        communesWithSecretariats.ShouldBeGreaterThanOrEqualTo(2, "two communes of Đà Nẵng can report");
        var audit = await scope.Db.AuditEntries.CountAsync();
        var meetings = await scope.Db.Meetings.CountAsync();

        (await seeder.SeedAsync("Admin-Pass-2025", "Demo-Pass-2025")).DemoCreated.ShouldBeFalse();

        (await scope.Db.ReportTemplates.CountAsync()).ShouldBe(1);
        (await scope.Db.ReportingRegimes.CountAsync()).ShouldBe(1);
        (await scope.Db.AuditEntries.CountAsync()).ShouldBe(audit);
        (await scope.Db.Meetings.CountAsync()).ShouldBe(meetings);
    }

    [Theory]
    [InlineData("01/12/2026", "10/10/2026", "Quý III/2026", "10/01/2027")]
    [InlineData("17/10/2026", "10/10/2026", "Quý III/2026", "10/01/2027")]
    [InlineData("12/10/2026", "10/07/2026", "Quý II/2026", "19/10/2026")]
    [InlineData("05/02/2027", "10/01/2027", "Quý IV/2026", "10/04/2027")]
    public void The_last_briefing_is_at_least_a_week_old_and_the_next_is_still_to_come(string today, string held, string period, string next)
    {
        var day = DateOnly.ParseExact(today, "dd/MM/yyyy");
        var last = DemoWork.LastBriefing(day);
        last.ShouldBe(DateOnly.ParseExact(held, "dd/MM/yyyy"));
        DemoWork.PeriodBefore(last).ShouldBe(period);
        DemoWork.NextBriefing(last, day).ShouldBe(DateOnly.ParseExact(next, "dd/MM/yyyy"));
    }

    [Fact]
    public async Task Da_Nang_held_its_last_briefing_and_its_tasks_are_under_way_at_the_province_and_in_the_wards()
    {
        await using var app = await SteerCoApp.StartAsync(withHierarchy: false);
        await using var scope = app.ServiceScope();
        await scope.Get<DemoSeeder>().SeedAsync("Admin-Pass-2025", "Demo-Pass-2025");

        var danang = await scope.Db.Committees.SingleAsync(c => c.Unit!.Code == "48");
        var meetingService = scope.Get<MeetingService>();
        var list = (await meetingService.ListAsync(Actor.System(), danang.Id, new())).Value!.Items;
        list.Count.ShouldBe(2, "the last briefing and the next");
        var today = scope.Get<WorkItemService>().Today;
        var held = (await meetingService.GetAsync(Actor.System(), list.Single(m => m.Date < today).Id)).Value!;
        held.Period.ShouldBe(DemoWork.PeriodBefore(held.Date));
        (held.InvitationSymbol, held.MinutesSymbol, held.NoticeSymbol).ShouldBe(("01/GM-BCĐ", "02/BB-BCĐ", "03/TB-BCĐ"), "one series of numbers for the committee's outgoing papers");
        held.Invitees.ShouldContain(i => i.Attendance == Attendance.Absent && i.AbsenceReason != null);
        held.Invitees.ShouldContain(i => i.Attendance == Attendance.Represented && i.RepresentedBy != null);
        held.Contributions.Count.ShouldBe(3);
        held.Assignments.Count.ShouldBe(5);
        held.Assignments.ShouldAllBe(a => a.WorkItemId != null);
        held.FollowUp.ShouldBe(new RollUp(1, 2, 2, 0, 0), "done, in progress (one of them regular), overdue at the province and in a ward");

        var next = (await meetingService.GetAsync(Actor.System(), list.Single(m => m.Date > today).Id)).Value!;
        next.Date.ShouldBe(DemoWork.NextBriefing(held.Date, today));
        next.Agenda.Count(a => a.WorkItemId != null).ShouldBe(4, "the open tasks are carried over; the done one is not");

        var board = (await scope.Get<WorkItemService>().OverdueAsync(Actor.System(), null, new())).Value!;
        board.Total.Overdue.ShouldBe(4, "the province's two late tasks, and the survey's share in Thanh Khê (not begun) and in Hải Châu (half-way)");
        var wards = (await scope.Get<WorkItemService>().OverdueAsync(Actor.System(), danang.Id, new())).Value!;
        wards.Children.Single(c => c.CommitteeName.EndsWith("Thanh Khê", StringComparison.Ordinal)).RollUp.Overdue.ShouldBe(1);
        wards.Children.Single(c => c.CommitteeName.EndsWith("Hòa Cường", StringComparison.Ordinal)).RollUp.ShouldBe(new RollUp(1, 0, 0, 1, 0), "its survey done, its drill not begun and not yet due");
    }
}
