using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// A regime set up wrong is changed under its version (the requests made from it keep theirs) or,
/// if no request was made from it, deleted; one that was stays. By service, API and page.
/// </summary>
public sealed class ChangingARegime(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static RegimeInput Quarterly(int templateId, string name = "Báo cáo quý", int deadline = 25) =>
        new(name, templateId, ReportKind.Periodic, PeriodKind.Quarter, 14, deadline, 0);

    private async Task<(ReportingTree Tree, int TemplateId, RegimeView Regime)> RegimeAsync(string name = "Báo cáo quý")
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var templates = scope.Get<ReportTemplates>();
        var template = (await templates.CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        var regime = (await templates.CreateRegimeAsync(tree.ProvinceSecretariat, tree.Province.Id, Quarterly(template.Id, name))).Ok();
        return (tree, template.Id, regime);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_regime_is_changed_under_its_version_and_a_request_made_from_it_keeps_its_deadline()
    {
        var (tree, templateId, regime) = await RegimeAsync();
        await using var scope = app.ServiceScope();
        var templates = scope.Get<ReportTemplates>();
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(regime.Id, null, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 1, null, null))).Ok();
        request.Deadline.ShouldBe(new DateOnly(2026, 3, 25));

        var changed = await templates.UpdateRegimeAsync(tree.ProvinceSecretariat, tree.Province.Id, regime.Id,
            Quarterly(templateId, "Báo cáo quý (sửa)", deadline: 20) with { DeadlineMonthOffset = 1, Reporters = ReporterKind.MemberAgencies }, regime.Version);

        var now = changed.Ok();
        (now.Name, now.DeadlineDay, now.DeadlineMonthOffset, now.Reporters).ShouldBe(("Báo cáo quý (sửa)", 20, 1, ReporterKind.MemberAgencies));
        now.Version.ShouldBeGreaterThan(regime.Version);
        scope.Db.ChangeTracker.Clear();
        (await scope.Db.ReportRequests.SingleAsync(r => r.Id == request.Id)).Deadline.ShouldBe(new DateOnly(2026, 3, 25), "a request keeps the rule it was made with");
        (await scope.Db.AuditEntries.CountAsync(e => e.Entity == nameof(ReportingRegime) && e.EntityKey == Key(regime.Id) && e.Action == "Updated")).ShouldBe(1);

        // The page it was read on is stale now: refused, nothing changed.
        scope.Db.ChangeTracker.Clear();
        (await templates.UpdateRegimeAsync(tree.ProvinceSecretariat, tree.Province.Id, regime.Id, Quarterly(templateId, "Cũ"), regime.Version)).Outcome.ShouldBe(Outcome.Conflict);
        scope.Db.ChangeTracker.Clear();
        var bad = await templates.UpdateRegimeAsync(tree.ProvinceSecretariat, tree.Province.Id, regime.Id, Quarterly(templateId, " ", deadline: 31), now.Version);
        bad.Problems.Select(p => p.Field).ShouldBe(["Name", "DeadlineDay"], ignoreOrder: true);
        scope.Db.ChangeTracker.Clear();
        (await scope.Db.ReportingRegimes.SingleAsync(r => r.Id == regime.Id)).Name.ShouldBe("Báo cáo quý (sửa)");

        // Only its own committee's secretariat changes it.
        scope.Db.ChangeTracker.Clear();
        var leader = new Actor(null, "lanhdao", Role.Leader, tree.Province.Id, tree.Province.Path, null);
        (await templates.UpdateRegimeAsync(leader, tree.Province.Id, regime.Id, Quarterly(templateId), now.Version)).Outcome.ShouldBe(Outcome.Forbidden);
        var commune = new Actor(null, "thuky", Role.Secretariat, tree.CommuneA.Id, tree.CommuneA.Path, null);
        (await templates.UpdateRegimeAsync(commune, tree.CommuneA.Id, regime.Id, Quarterly(templateId), now.Version)).Outcome.ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task A_regime_no_request_was_made_from_is_deleted_and_one_that_was_stays()
    {
        var (tree, _, unused) = await RegimeAsync("Báo cáo đột xuất");
        await using var scope = app.ServiceScope();
        var templates = scope.Get<ReportTemplates>();
        var used = (await templates.CreateRegimeAsync(tree.ProvinceSecretariat, tree.Province.Id, Quarterly(unused.TemplateId, "Báo cáo quý đã dùng"))).Ok();
        (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(used.Id, null, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 2, null, null))).IsOk.ShouldBeTrue();

        (await templates.DeleteRegimeAsync(tree.ProvinceSecretariat, tree.Province.Id, unused.Id, unused.Version - 1)).Outcome.ShouldBe(Outcome.Conflict);
        scope.Db.ChangeTracker.Clear();
        (await templates.DeleteRegimeAsync(tree.ProvinceSecretariat, tree.Province.Id, unused.Id, unused.Version)).Ok().ShouldBeTrue();
        var refused = await templates.DeleteRegimeAsync(tree.ProvinceSecretariat, tree.Province.Id, used.Id, used.Version);

        refused.Problems.Single().Message.ShouldBe("Chế độ báo cáo \"Báo cáo quý đã dùng\" đã được dùng cho 1 yêu cầu báo cáo nên không xóa được; hãy sửa để áp dụng cho các kỳ sau.");
        scope.Db.ChangeTracker.Clear();
        (await scope.Db.ReportingRegimes.Where(r => r.CommitteeId == tree.Province.Id).Select(r => r.Name).ToListAsync()).ShouldBe(["Báo cáo quý đã dùng"]);
        (await scope.Db.AuditEntries.CountAsync(e => e.Entity == nameof(ReportingRegime) && e.EntityKey == Key(unused.Id) && e.Action == "Deleted")).ShouldBe(1);
    }

    [Fact]
    public async Task Over_the_api_a_regime_is_changed_and_deleted_with_its_version_and_a_stale_one_is_409()
    {
        var (tree, templateId, regime) = await RegimeAsync();
        var province = await app.SignInAsync(Role.Secretariat, tree.Province.Id);
        var url = $"/api/v1/committees/{tree.Province.Id}/report-regimes/{regime.Id}";
        var body = new { name = "Báo cáo quý mới", templateId, kind = "Periodic", periodKind = "Quarter", cutoffDay = 14, deadlineDay = 20, deadlineMonthOffset = 1, version = regime.Version };

        var otherReporters = await province.PostJsonAsync($"/api/v1/committees/{tree.Province.Id}/report-requests",
            new { regimeId = regime.Id, year = 2026, number = 2, reporters = "MemberAgencies" });
        await otherReporters.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await otherReporters.ReadProblemAsync()).GetProperty("errors").GetProperty("reporters")[0].GetString().ShouldBe(
            "Chế độ 'Báo cáo quý' do các Ban Chỉ đạo cấp dưới báo cáo: hãy chọn gửi tất cả hoặc một số Ban Chỉ đạo cấp dưới.");
        (await province.GetJsonAsync<List<RequestSummary>>($"/api/v1/committees/{tree.Province.Id}/report-requests")).ShouldBeEmpty();

        var changed = await province.PutJsonAsync(url, body);

        await changed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var now = await changed.ReadJsonAsync<RegimeView>();
        (now.Name, now.DeadlineDay).ShouldBe(("Báo cáo quý mới", 20));
        (await province.PutJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "made on the version before the change");
        (await province.PutJsonAsync(url, body with { version = now.Version, deadlineDay = 40 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var leader = await app.SignInAsync(Role.Leader, tree.Province.Id);
        (await leader.DeleteAsync($"{url}?version={now.Version}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var commune = await app.SignInAsync(Role.Secretariat, tree.CommuneA.Id);
        (await commune.DeleteAsync($"/api/v1/committees/{tree.CommuneA.Id}/report-regimes/{regime.Id}?version={now.Version}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await province.DeleteAsync($"{url}?version={now.Version}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await province.GetJsonAsync<List<RegimeView>>($"/api/v1/committees/{tree.Province.Id}/report-regimes")).ShouldNotContain(r => r.Id == regime.Id);
    }

    [Fact]
    public async Task The_page_fills_the_form_with_the_regime_saves_the_change_and_refuses_deleting_a_used_one()
    {
        var (tree, templateId, regime) = await RegimeAsync();
        await using (var scope = app.ServiceScope())
        {
            (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
                new RequestInput(regime.Id, null, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 3, null, null))).IsOk.ShouldBeTrue();
        }
        var pages = await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id);
        var list = $"/Reporting/{tree.Province.Id}/Regimes";
        var edit = $"{list}?edit={regime.Id}";

        var form = await pages.GetPageAsync(edit);

        form.ShouldContain("Sửa chế độ báo cáo \"Báo cáo quý\"");
        form.ShouldContain("name=\"Input.Name\" value=\"Báo cáo quý\"");
        form.ShouldContain($"name=\"version\" value=\"{regime.Version}\"");
        var fields = new Dictionary<string, string>
        {
            ["regimeId"] = Key(regime.Id),
            ["version"] = Key(regime.Version),
            ["Input.Name"] = "Báo cáo quý (hạn ngày 20)",
            ["Input.TemplateId"] = Key(templateId),
            ["Input.PeriodKind"] = "Quarter",
            ["Input.Kind"] = "Periodic",
            ["Input.CutoffDay"] = "14",
            ["Input.DeadlineDay"] = "hai mươi",
            ["Input.DeadlineMonthOffset"] = "0",
            ["Input.Reporters"] = "Committees",
        };
        var refused = await pages.PostFormAsync(edit, $"{list}?handler=Update", fields);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("Sửa chế độ báo cáo \"Báo cáo quý\"", customMessage: "the form stays the regime's");

        fields["Input.DeadlineDay"] = "20";
        var saved = await pages.PostFormAsync(edit, $"{list}?handler=Update", fields);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var listed = WebUtility.HtmlDecode(await pages.GetPageAsync(list));
        listed.ShouldContain("Đã sửa chế độ báo cáo \"Báo cáo quý (hạn ngày 20)\"; các kỳ sau áp dụng theo nội dung mới.");
        Regex.Match(listed, "<table class=\"regimes\">.*?</table>", RegexOptions.Singleline).Value.ShouldContain("ngày 20");
        var stale = await pages.PostFormAsync(edit, $"{list}?handler=Update", fields);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        int version;
        await using (var scope = app.ServiceScope())
        {
            version = await scope.Db.ReportingRegimes.Where(r => r.Id == regime.Id).Select(r => r.Version).SingleAsync();
        }
        var delete = await pages.PostFormAsync(list, $"{list}?handler=Delete", new() { ["regimeId"] = Key(regime.Id), ["version"] = Key(version), ["name"] = "Báo cáo quý (hạn ngày 20)" });
        delete.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await delete.Content.ReadAsStringAsync()).ShouldContain("đã được dùng cho 1 yêu cầu báo cáo nên không xóa được");
        var leader = await app.SignInToPagesAsync(Role.Leader, tree.Province.Id);
        (await leader.Http.GetAsync(edit)).Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
        (await leader.GetPageAsync(list)).ShouldNotContain("?edit=", customMessage: "a leader reads the regimes and changes none");
    }
}
