using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Tests.Support;
using SteerCo.WorkItems;

namespace SteerCo.Tests.WorkItems;

/// <summary>
/// A plan's items become tasks; a directive's cascade shows the tasks under each document implementing
/// it. The plan page names an item's problems all at once, a due date it could not read among them.
/// </summary>
public sealed class PlanningWork(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    [Fact]
    public async Task A_plans_items_become_its_tasks_and_its_progress_page_rolls_them_up()
    {
        var branch = await WorkData.BranchAsync(app, "Tam Kỳ", communes: 0);
        var plan = await WorkData.DocumentAsync(app, branch.Province.Id, "KH", "Kế hoạch phòng, chống thiên tai năm 2026");
        var decision = await WorkData.DocumentAsync(app, branch.Province.Id, "QĐ", "Quyết định giao chỉ tiêu");
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);

        var item = await secretariat.PostJsonAsync("/api/v1/work-items", new
        {
            committeeId = branch.Province.Id,
            title = "Tập huấn kỹ năng ứng phó",
            leadAgencyId = branch.Lead.Id,
            dueDate = Today.AddDays(-1),
            sourceKind = "PlanItem",
            sourceDocumentId = plan,
        });
        await item.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await secretariat.PostJsonAsync("/api/v1/work-items", new
        {
            committeeId = branch.Province.Id,
            title = "Trực ban",
            leadAgencyId = branch.Other.Id,
            regular = true,
            sourceKind = "PlanItem",
            sourceDocumentId = plan,
        })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var notAPlan = await secretariat.PostJsonAsync("/api/v1/work-items", new
        {
            committeeId = branch.Province.Id,
            title = "Việc",
            leadAgencyId = branch.Lead.Id,
            regular = true,
            sourceKind = "PlanItem",
            sourceDocumentId = decision,
        });
        await notAPlan.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await notAPlan.ReadProblemAsync()).ErrorsFor("sourceDocumentId").Single().ShouldContain("kế hoạch (KH)");

        var work = await secretariat.GetJsonAsync<DocumentWork>($"/api/v1/documents/{plan}/work-items");
        work.CanAddItems.ShouldBeTrue();
        work.Items.Select(i => i.Title).ShouldBe(["Tập huấn kỹ năng ứng phó", "Trực ban"]);
        work.RollUp.ShouldBe(new RollUp(0, 0, 1, 1, 0));
        var other = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Hue.Id);
        (await other.GetAsync($"/api/v1/documents/{plan}/work-items")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_cascade_counts_the_tasks_under_each_document_that_implements_a_directive()
    {
        var branch = await WorkData.BranchAsync(app, "Hội An cổ", communes: 1);
        var directive = await WorkData.DocumentAsync(app, branch.Province.Id, "CT", "Chỉ thị về công tác phòng, chống lũ", DocumentVisibility.Subtree);
        var communePlan = await WorkData.DocumentAsync(app, branch.Communes[0].Id, "KH", "Kế hoạch thực hiện Chỉ thị");
        await using var scope = app.ServiceScope();
        (await scope.Get<DocumentRegister>().RelateAsync(scope.Actor, communePlan, directive, RelationKind.Implements)).IsOk.ShouldBeTrue();
        var service = scope.Get<WorkItemService>();
        var commune = branch.Communes[0];
        var lead = commune.StandingAgencyId!.Value;
        var late = await service.CreateAsync(scope.Actor, commune.Id, new WorkItemInput("Sơ tán dân", null, lead, null, Today.AddDays(-3), false, WorkItemSource.PlanItem, communePlan));
        late.IsOk.ShouldBeTrue(string.Join("; ", late.Problems.Select(p => p.Message)));
        await service.CreateAsync(scope.Actor, commune.Id, new WorkItemInput("Kiểm đếm", null, lead, null, Today.AddDays(3), false, WorkItemSource.PlanItem, communePlan));
        (await service.CreateAsync(scope.Actor, commune.Id, new WorkItemInput("Theo chỉ thị", null, lead, null, null, true, WorkItemSource.Document, directive))).IsOk
            .ShouldBeTrue("a committee below may take a task from a directive above");
        (await service.CreateAsync(scope.Actor, branch.Province.Id, new WorkItemInput("Ngược lên", null, branch.Lead.Id, null, null, true, WorkItemSource.Document, communePlan)))
            .Problems.ShouldContain(p => p.Field == "SourceDocumentId", "a directive from below is not one to implement");

        var cascade = (await scope.Get<DocumentRegister>().CascadeAsync(scope.Actor, directive)).Value!;
        cascade.Children.Single().Documents.Single().Id.ShouldBe(communePlan);
        var rollUps = await service.RollUpsByDocumentAsync(WorkData.Secretariat(branch.Province), [directive, communePlan]);
        rollUps[communePlan].ShouldBe(new RollUp(0, 0, 1, 1, 0));
        rollUps[directive].ShouldBe(new RollUp(0, 0, 0, 1, 0));
        (await service.RollUpsByDocumentAsync(WorkData.Secretariat(app.Hierarchy.Hue), [directive, communePlan])).ShouldBeEmpty("another province sees none of it");
    }

    [Fact]
    public async Task The_check_of_a_plan_item_names_every_problem_adding_it_would_and_adds_nothing()
    {
        var branch = await WorkData.BranchAsync(app, "Quế Sơn", communes: 0);
        var plan = await WorkData.DocumentAsync(app, branch.Province.Id, "KH", "Kế hoạch ứng phó bão năm 2026");
        var decision = await WorkData.DocumentAsync(app, branch.Province.Id, "QĐ", "Quyết định phân công nhiệm vụ");
        await using var scope = app.ServiceScope(WorkData.Secretariat(branch.Province));
        var service = scope.Get<WorkItemService>();
        var entries = await scope.Db.AuditEntries.LongCountAsync();
        var valid = new WorkItemInput("Tập huấn kỹ năng ứng phó", null, branch.Lead.Id, null, Today.AddDays(7), false, WorkItemSource.PlanItem, plan);

        var refused = await service.CheckCreationAsync(scope.Actor, branch.Province.Id,
            valid with { Title = " ", LeadAgencyId = app.Hierarchy.HueAgency.Id, DueDate = null, SourceDocumentId = decision });
        var fine = await service.CheckCreationAsync(scope.Actor, branch.Province.Id, valid);
        var member = await service.CheckCreationAsync(WorkData.Member(branch.Province, branch.Lead), branch.Province.Id, valid);

        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.ShouldBe([
            new Problem("Title", "Nhập nội dung nhiệm vụ."),
            new Problem("DueDate", "Nhập hạn hoàn thành hoặc chọn \"Thường xuyên\"."),
            new Problem("LeadAgencyId", "Cơ quan chủ trì phải là cơ quan của đơn vị hành chính của Ban Chỉ đạo."),
            new Problem("SourceDocumentId", "Nhiệm vụ của kế hoạch phải thuộc một kế hoạch (KH) trong sổ văn bản của chính Ban Chỉ đạo."),
        ], ignoreOrder: true);
        fine.IsOk.ShouldBeTrue(string.Join("; ", fine.Problems.Select(p => p.Message)));
        member.Outcome.ShouldBe(Outcome.Forbidden);
        (await scope.Db.WorkItems.CountAsync(w => w.SourceDocumentId == plan || w.SourceDocumentId == decision)).ShouldBe(0);
        (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "a check writes nothing");
    }

    [Fact]
    public async Task The_plan_page_shows_an_unreadable_due_date_with_the_other_problems_and_adds_nothing()
    {
        var branch = await WorkData.BranchAsync(app, "Thăng Bình", communes: 0);
        var plan = await WorkData.DocumentAsync(app, branch.Province.Id, "KH", "Kế hoạch phòng, chống thiên tai năm 2026");
        var pages = await app.SignInToPagesAsync(Role.Secretariat, branch.Province.Id);
        var url = $"/Work/Plan/{plan}";
        long entries;
        await using (var scope = app.ServiceScope())
        {
            entries = await scope.Db.AuditEntries.LongCountAsync();
        }

        var refused = await pages.PostFormAsync(url, url, new()
        {
            ["Title"] = " ",
            ["LeadAgencyId"] = app.Hierarchy.HueAgency.Id.ToString(),
            ["DueDate"] = "31/02/2026",
        });
        var words = await pages.PostFormAsync(url, url, new()
        {
            ["Title"] = "Tập huấn kỹ năng ứng phó",
            ["DueDate"] = "abc",
        });

        await refused.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "DueDate").ShouldBe("Ngày '31/02/2026' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Title").ShouldBe("Nhập nội dung nhiệm vụ.");
        PageClient.ErrorBeside(html, "LeadAgencyId").ShouldBe("Cơ quan chủ trì phải là cơ quan của đơn vị hành chính của Ban Chỉ đạo.");
        html.ShouldNotContain("Nhập hạn hoàn thành hoặc", customMessage: "the unreadable date is not also asked for");
        await words.ShouldHaveStatusAsync(HttpStatusCode.OK);
        html = WebUtility.HtmlDecode(await words.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "DueDate").ShouldBe("Ngày 'abc' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "LeadAgencyId").ShouldBe("Chọn cơ quan chủ trì.");
        PageClient.ErrorBeside(html, "Title").ShouldBeNull();
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.WorkItems.CountAsync(w => w.SourceDocumentId == plan)).ShouldBe(0);
            (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "nothing is written while a field is wrong");
        }
    }
}
