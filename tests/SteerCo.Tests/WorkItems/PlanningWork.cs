using System.Net;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Tests.Support;
using SteerCo.WorkItems;

namespace SteerCo.Tests.WorkItems;

/// <summary>A plan's items become tasks; a directive's cascade shows the tasks under each document implementing it.</summary>
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
}
