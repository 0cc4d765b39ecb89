using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Tests.Support;
using SteerCo.Text;
using SteerCo.WorkItems;

namespace SteerCo.Tests.WorkItems;

/// <summary>Tasks at the service: passed down and rolled up, reported on by their agency, extended, reassigned, closed.</summary>
public sealed class TrackingWorkItems(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    [Fact]
    public async Task Passing_a_task_down_gives_each_committee_below_its_share_once_and_the_parent_rolls_up_from_them()
    {
        var branch = await WorkData.BranchAsync(app, "Hòa Vang", communes: 3);
        var parent = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(20));

        await using (var scope = app.ServiceScope())
        {
            var fanned = await scope.Get<WorkItemService>().FanOutAsync(scope.Actor, parent.Id, [branch.Communes[0].Id, branch.Communes[1].Id], parent.Version);
            fanned.IsOk.ShouldBeTrue(string.Join("; ", fanned.Problems.Select(p => p.Message)));
            fanned.Value!.Children.Select(c => c.CommitteeId).ShouldBe([branch.Communes[0].Id, branch.Communes[1].Id], ignoreOrder: true);
            fanned.Value.Children.ShouldAllBe(c => c.LeadAgencyId != branch.Lead.Id && c.DueDate == Today.AddDays(20) && c.Title == parent.Title);
            var again = await scope.Get<WorkItemService>().FanOutAsync(scope.Actor, parent.Id, null, fanned.Value.Version);
            again.Value!.Children.Count.ShouldBe(3, "asking again adds only the commune left out");
            again.Value.ChildRollUp.ShouldBe(new RollUp(0, 0, 0, 3, 0));
        }

        var children = (await WorkData.GetAsync(app, parent.Id)).Children;
        await using (var scope = app.ServiceScope())
        {
            var first = children[0];
            var reporter = WorkData.Member(branch.Communes.Single(c => c.Id == first.CommitteeId), new() { Id = first.LeadAgencyId, Name = "", Abbreviation = "" });
            var version = (await WorkData.GetAsync(app, first.Id)).Version;
            (await scope.Get<WorkItemService>().ReportAsync(reporter, first.Id, new(Today, "Đã hoàn thành rà soát.", 100), version)).IsOk.ShouldBeTrue();
            var second = children[1];
            version = (await WorkData.GetAsync(app, second.Id)).Version;
            (await scope.Get<WorkItemService>().ReportAsync(scope.Actor, second.Id, new(Today, "Đang rà soát.", 40), version)).IsOk.ShouldBeTrue();
        }
        var rolled = await WorkData.GetAsync(app, parent.Id);
        rolled.ChildRollUp.ShouldBe(new RollUp(1, 1, 0, 1, 0));
        rolled.Status.ShouldBe(WorkItemStatus.InProgress);
        rolled.Percent.ShouldBe(47);

        await using (var scope = app.ServiceScope())
        {
            foreach (var child in children.Skip(1))
            {
                var version = (await WorkData.GetAsync(app, child.Id)).Version;
                (await scope.Get<WorkItemService>().ReportAsync(scope.Actor, child.Id, new(Today, "Xong.", 100), version)).IsOk.ShouldBeTrue();
            }
        }
        var done = await WorkData.GetAsync(app, parent.Id);
        done.Status.ShouldBe(WorkItemStatus.Done);
        done.CompletedOn.ShouldBe(Today);
        done.ChildRollUp.ShouldBe(new RollUp(3, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Overdue_is_derived_from_the_due_date_and_counted_per_committee_below_at_every_level()
    {
        var branch = await WorkData.BranchAsync(app, "Liên Chiểu", communes: 2);
        var late = await WorkData.ItemAsync(app, branch.Communes[0], new() { Id = branch.Communes[0].StandingAgencyId!.Value, Name = "", Abbreviation = "" }, Today.AddDays(-3), "Báo cáo thiệt hại");
        await WorkData.ItemAsync(app, branch.Communes[1], new() { Id = branch.Communes[1].StandingAgencyId!.Value, Name = "", Abbreviation = "" }, Today.AddDays(5), "Diễn tập");
        await WorkData.ItemAsync(app, branch.Province, branch.Lead, null, "Trực ban thường xuyên");
        late.State.ShouldBe(WorkItemState.Overdue);

        await using (var scope = app.ServiceScope())
        {
            var service = scope.Get<WorkItemService>();
            var province = (await service.OverdueAsync(WorkData.Secretariat(branch.Province), null, new())).Value!;
            province.Overdue.Items.Select(i => i.Id).ShouldBe([late.Id]);
            province.Own.ShouldBe(new RollUp(0, 0, 0, 1, 0), "a regular task is never overdue");
            province.Children.Single(c => c.CommitteeId == branch.Communes[0].Id).RollUp.Overdue.ShouldBe(1);
            province.Children.Single(c => c.CommitteeId == branch.Communes[1].Id).RollUp.ShouldBe(new RollUp(0, 0, 0, 1, 0));

            var central = (await service.OverdueAsync(Actor.System(), app.Hierarchy.Danang.Id, new())).Value!;
            central.Children.Single(c => c.CommitteeId == branch.Province.Id).RollUp.ShouldBe(new RollUp(0, 0, 1, 2, 0));

            var stored = await scope.Db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == late.Id);
            stored.Status.ShouldBe(WorkItemStatus.NotStarted, "overdue is never stored");
        }

        await using (var scope = app.ServiceScope())
        {
            (await scope.Get<WorkItemService>().ReportAsync(scope.Actor, late.Id, new(Today, "Đã gửi báo cáo.", 100), late.Version)).IsOk.ShouldBeTrue();
            var after = (await scope.Get<WorkItemService>().OverdueAsync(WorkData.Secretariat(branch.Province), null, new())).Value!;
            after.Overdue.Total.ShouldBe(0);
            after.Children.Single(c => c.CommitteeId == branch.Communes[0].Id).RollUp.ShouldBe(new RollUp(1, 0, 0, 0, 0));
        }
    }

    [Fact]
    public async Task Extending_a_deadline_needs_a_later_date_and_a_reason_and_the_audit_log_keeps_both_dates()
    {
        var branch = await WorkData.BranchAsync(app, "Sơn Trà", communes: 0);
        var item = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(3));

        await using (var scope = app.ServiceScope())
        {
            var service = scope.Get<WorkItemService>();
            var noReason = await service.ExtendAsync(scope.Actor, item.Id, Today.AddDays(30), "  ", item.Version);
            noReason.Outcome.ShouldBe(Outcome.Invalid);
            noReason.Problems.ShouldContain(p => p.Field == "Reason" && p.Message == "Nhập lý do.");
            var earlier = await service.ExtendAsync(scope.Actor, item.Id, Today.AddDays(1), "Chờ số liệu", item.Version);
            earlier.Problems.ShouldContain(p => p.Field == "DueDate");
            (await WorkData.GetAsync(app, item.Id)).DueDate.ShouldBe(Today.AddDays(3), "a refused extension changes nothing");

            var member = await service.ExtendAsync(WorkData.Member(branch.Province, branch.Lead), item.Id, Today.AddDays(30), "Chờ số liệu", item.Version);
            member.Outcome.ShouldBe(Outcome.Forbidden, "only the secretariat extends");

            var extended = await service.ExtendAsync(scope.Actor, item.Id, Today.AddDays(30), "Chờ số liệu của các xã", item.Version);
            extended.IsOk.ShouldBeTrue();
            extended.Value!.DueDate.ShouldBe(Today.AddDays(30));
            var update = extended.Value.Updates.Single();
            (update.Kind, update.PreviousDueDate, update.NewDueDate, update.Text).ShouldBe((WorkItemUpdateKind.DeadlineExtended, Today.AddDays(3), Today.AddDays(30), "Chờ số liệu của các xã"));

            var stale = await service.ExtendAsync(scope.Actor, item.Id, Today.AddDays(40), "Lần nữa", item.Version);
            stale.Outcome.ShouldBe(Outcome.Conflict);
        }

        await using (var scope = app.ServiceScope())
        {
            var key = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var audit = await scope.Db.AuditEntries.Where(e => e.Entity == "WorkItem" && e.EntityKey == key && e.Action == "Updated").Select(e => e.Changes).ToListAsync();
            audit.ShouldContain(c => c.Contains("DueDate") && c.Contains(Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                && c.Contains(Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            var created = await scope.Db.AuditEntries.Where(e => e.Entity == "WorkItemUpdate" && e.Action == "Created").Select(e => e.Changes).ToListAsync();
            created.Select(System.Text.RegularExpressions.Regex.Unescape).ShouldContain(c => c.Contains("Chờ số liệu của các xã"), "the reason is in the audit log");
        }
    }

    [Fact]
    public async Task The_check_of_an_extension_names_every_problem_extending_would_and_extends_nothing()
    {
        var branch = await WorkData.BranchAsync(app, "Cẩm Thanh", communes: 0);
        var item = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(3));
        await using var scope = app.ServiceScope();
        var service = scope.Get<WorkItemService>();
        var entries = await scope.Db.AuditEntries.LongCountAsync();

        var noDate = await service.CheckExtensionAsync(scope.Actor, item.Id, null, " ");
        var earlier = await service.CheckExtensionAsync(scope.Actor, item.Id, Today.AddDays(1), new string('L', 4001));
        var fine = await service.CheckExtensionAsync(scope.Actor, item.Id, Today.AddDays(30), "Chờ số liệu");
        var member = await service.CheckExtensionAsync(WorkData.Member(branch.Province, branch.Lead), item.Id, Today.AddDays(30), "Chờ số liệu");

        noDate.Problems.ShouldBe([new Problem("Reason", "Nhập lý do."), new Problem("DueDate", "Nhập hạn mới.")], ignoreOrder: true);
        earlier.Problems.ShouldBe([new Problem("Reason", "Lý do dài quá 4000 ký tự."), new Problem("DueDate", $"Hạn mới phải sau hạn hiện tại ({Today.AddDays(3).ToShort()}).")], ignoreOrder: true);
        fine.IsOk.ShouldBeTrue(string.Join("; ", fine.Problems.Select(p => p.Message)));
        member.Outcome.ShouldBe(Outcome.Forbidden);
        (await WorkData.GetAsync(app, item.Id)).DueDate.ShouldBe(Today.AddDays(3));
        (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "a check writes nothing");
    }

    [Fact]
    public async Task A_member_reports_progress_only_on_tasks_its_own_agency_leads()
    {
        var branch = await WorkData.BranchAsync(app, "Ngũ Hành Sơn", communes: 0);
        var ours = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(10), "Kiểm tra đê kè");
        var theirs = await WorkData.ItemAsync(app, branch.Province, branch.Other, Today.AddDays(10), "Kiểm tra nhà tạm");
        var member = WorkData.Member(branch.Province, branch.Lead);

        await using var scope = app.ServiceScope();
        var service = scope.Get<WorkItemService>();
        (await service.ReportAsync(member, theirs.Id, new(Today, "Đã kiểm tra.", 50), theirs.Version)).Outcome.ShouldBe(Outcome.Forbidden);
        (await service.GetAsync(member, theirs.Id)).Value!.CanReport.ShouldBeFalse();
        var reported = await service.ReportAsync(member, ours.Id, new(Today, "Đã kiểm tra 3/5 tuyến đê.", 60), ours.Version);
        reported.IsOk.ShouldBeTrue();
        reported.Value!.State.ShouldBe(WorkItemState.InProgress);
        reported.Value.Percent.ShouldBe(60);

        var bad = await service.ReportAsync(member, ours.Id, new(Today.AddDays(2), "", 120), reported.Value.Version);
        bad.Problems.Select(p => p.Field).ShouldBe(["Text", "Percent", "On"], ignoreOrder: true);
        (await WorkData.GetAsync(app, ours.Id)).Percent.ShouldBe(60, "a refused report changes nothing");

        var mine = await service.ListAsync(member, new(), new());
        mine.Items.Select(i => i.Id).ShouldBe([ours.Id]);
    }

    [Fact]
    public async Task Reassigning_and_closing_are_the_secretariats_and_a_closed_task_takes_no_more_reports()
    {
        var branch = await WorkData.BranchAsync(app, "Cẩm Lệ", communes: 0);
        var item = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(10));

        await using var scope = app.ServiceScope();
        var service = scope.Get<WorkItemService>();
        var secretariat = WorkData.Secretariat(branch.Province);
        var moved = await service.ReassignAsync(secretariat, item.Id, branch.Other.Id, "Đúng chức năng của Sở Xây dựng", item.Version);
        moved.IsOk.ShouldBeTrue(string.Join("; ", moved.Problems.Select(p => p.Message)));
        moved.Value!.LeadAgencyId.ShouldBe(branch.Other.Id);
        (await service.ReassignAsync(secretariat, item.Id, app.Hierarchy.HueAgency.Id, "Khác tỉnh", moved.Value.Version)).Problems.ShouldContain(p => p.Field == "AgencyId");

        var closed = await service.CloseAsync(secretariat, item.Id, WorkItemStatus.Cancelled, "Không còn phù hợp", moved.Value.Version);
        closed.Value!.State.ShouldBe(WorkItemState.Cancelled);
        (await service.ReportAsync(secretariat, item.Id, new(Today, "Thêm", 10), closed.Value.Version)).Problems.Single().Message.ShouldContain("đã đóng");
        closed.Value.Updates.Select(u => u.Kind).ShouldBe([WorkItemUpdateKind.Reassigned, WorkItemUpdateKind.Closed]);
    }

    [Fact]
    public async Task A_task_needs_a_title_an_agency_of_the_committees_unit_and_a_due_date_or_regular()
    {
        await using var scope = app.ServiceScope();
        var h = app.Hierarchy;
        var created = await scope.Get<WorkItemService>().CreateAsync(scope.Actor, h.Danang.Id, new WorkItemInput(" ", null, h.HueAgency.Id, [h.HueAgency.Id], null, false));
        created.Outcome.ShouldBe(Outcome.Invalid);
        created.Problems.Select(p => p.Field).ShouldBe(["Title", "DueDate", "LeadAgencyId"], ignoreOrder: true);
        (await scope.Db.WorkItems.CountAsync(w => w.CommitteeId == h.Danang.Id && w.Title == " ")).ShouldBe(0);

        var other = await scope.Get<WorkItemService>().CreateAsync(WorkData.Secretariat(h.Hue), h.Danang.Id, new WorkItemInput("Việc", null, h.DanangAgency.Id, null, null, true));
        other.Outcome.ShouldBe(Outcome.NotFound, "another province's committee is out of scope");
    }
}
