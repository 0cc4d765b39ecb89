using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// The regimes page over HTTP as a browser posts it: Decree 09's days prefilled, a regime for the
/// member agencies created and listed (and audited), a wrong form refused beside its fields with
/// nothing saved, and another province, a commune below and a leader kept out of the form.
/// </summary>
public sealed class SettingUpARegime(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private async Task<(ReportingTree Tree, int TemplateId)> TemplateAsync()
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        return (tree, template.Id);
    }

    private static string Page(ReportingTree tree) => $"/Reporting/{tree.Province.Id}/Regimes";

    private static Dictionary<string, string> Form(int? templateId, string name = "Báo cáo quý của các cơ quan thành viên", string cutoff = "14", string deadline = "25", string offset = "0") => new()
    {
        ["Input.Name"] = name,
        ["Input.TemplateId"] = templateId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Input.PeriodKind"] = "HalfYear",
        ["Input.Kind"] = "Periodic",
        ["Input.CutoffDay"] = cutoff,
        ["Input.DeadlineDay"] = deadline,
        ["Input.DeadlineMonthOffset"] = offset,
        ["Input.Reporters"] = "MemberAgencies",
    };

    private async Task<int> RegimeCountAsync(int committeeId)
    {
        await using var scope = app.ServiceScope();
        return await scope.Db.ReportingRegimes.CountAsync(r => r.CommitteeId == committeeId);
    }

    [Fact]
    public async Task A_province_secretariat_creates_a_regime_for_its_member_agencies_with_Decree_09_days_prefilled_and_sees_it_listed()
    {
        var (tree, templateId) = await TemplateAsync();
        var province = await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id);
        (await province.GetPageAsync($"/Reporting/{tree.Province.Id}")).ShouldContain($"href=\"{Page(tree)}\"");
        var empty = await province.GetPageAsync(Page(tree));
        empty.ShouldContain("Chưa có chế độ báo cáo.");
        empty.ShouldContain("name=\"Input.CutoffDay\" value=\"14\"");
        empty.ShouldContain("name=\"Input.DeadlineDay\" value=\"25\"");
        empty.ShouldContain("<option value=\"0\" selected=\"selected\">tháng cuối kỳ</option>");

        var posted = await province.PostFormAsync(Page(tree), Page(tree), Form(templateId, deadline: "5", offset: "1"));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldBe(Page(tree));
        var listed = await province.GetPageAsync(Page(tree));
        listed.ShouldContain("Đã tạo chế độ báo cáo \"Báo cáo quý của các cơ quan thành viên\".");
        var row = Regex.Match(listed, "<table class=\"regimes\">.*?</table>", RegexOptions.Singleline).Value;
        row.ShouldContain("Báo cáo quý của các cơ quan thành viên");
        row.ShouldContain("Báo cáo công tác phòng, chống thiên tai");
        row.ShouldContain("6 tháng");
        row.ShouldContain("đến ngày 14");
        row.ShouldContain("ngày 5 tháng sau kỳ");
        row.ShouldContain("Các cơ quan thành viên");
        await using var scope = app.ServiceScope();
        var regime = await scope.Db.ReportingRegimes.SingleAsync(r => r.CommitteeId == tree.Province.Id);
        (regime.TemplateId, regime.PeriodKind, regime.CutoffDay, regime.DeadlineDay, regime.DeadlineMonthOffset, regime.Reporters)
            .ShouldBe((templateId, PeriodKind.HalfYear, 14, 5, 1, ReporterKind.MemberAgencies));
        (await scope.Db.AuditEntries.CountAsync(e => e.Entity == nameof(ReportingRegime) && e.EntityKey == regime.Id.ToString(CultureInfo.InvariantCulture) && e.Action == "Created"))
            .ShouldBe(1);

        var request = await province.GetPageAsync($"/Reporting/{tree.Province.Id}/Request?regime={regime.Id}");
        request.ShouldContain($"<option value=\"{regime.Id}\" selected=\"selected\" data-recipients=\"agencies\">");
        request.ShouldContain("value=\"agencies\" checked=\"checked\"");
        request.ShouldContain($"<option value=\"{ReportingPeriod.Containing(PeriodKind.HalfYear, TestClock.Today).Key}\" selected=\"selected\">");
    }

    [Fact]
    public async Task A_form_without_a_name_or_template_or_with_a_day_that_is_not_one_is_refused_beside_its_fields_and_nothing_is_saved()
    {
        var (tree, templateId) = await TemplateAsync();
        var (other, otherTemplateId) = await TemplateAsync();
        var province = await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id);

        var empty = await province.PostFormAsync(Page(tree), Page(tree), Form(null, name: "  ", cutoff: "mười bốn"));

        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Input.Rule").ShouldBe("Ngày chốt số liệu và hạn gửi phải từ 1 đến 28, lùi tối đa 3 tháng.");
        html.ShouldContain("value=\"mười bốn\"", customMessage: "what was typed stays in the form");

        var unnamed = await province.PostFormAsync(Page(tree), Page(tree), Form(null, name: "", deadline: "31"));

        html = WebUtility.HtmlDecode(await unnamed.Content.ReadAsStringAsync());
        unnamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        PageClient.ErrorBeside(html, "Input.Name").ShouldBe("Nhập tên.");
        PageClient.ErrorBeside(html, "Input.TemplateId").ShouldBe("Chọn mẫu báo cáo.", "no template chosen is asked for, not called missing");
        PageClient.ErrorBeside(html, "Input.Rule").ShouldBe("Ngày chốt số liệu và hạn gửi phải từ 1 đến 28, lùi tối đa 3 tháng.");
        html.ShouldContain("value=\"31\"");

        var othersTemplate = await province.PostFormAsync(Page(tree), Page(tree), Form(otherTemplateId));

        othersTemplate.StatusCode.ShouldBe(HttpStatusCode.OK);
        PageClient.ErrorBeside(WebUtility.HtmlDecode(await othersTemplate.Content.ReadAsStringAsync()), "Input.TemplateId").ShouldBe("Không tìm thấy mẫu báo cáo.");
        (await RegimeCountAsync(tree.Province.Id)).ShouldBe(0);
        (await RegimeCountAsync(other.Province.Id)).ShouldBe(0);
        templateId.ShouldNotBe(otherTemplateId);
    }

    [Fact]
    public async Task Another_province_and_a_commune_below_find_no_page_a_leader_reads_the_list_but_cannot_create_and_a_post_needs_its_token()
    {
        var (tree, templateId) = await TemplateAsync();
        var (other, _) = await TemplateAsync();
        var stranger = await app.SignInToPagesAsync(Role.Secretariat, other.Province.Id);
        (await stranger.Http.GetAsync(Page(tree))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var forged = await stranger.PostFormAsync(Page(other), Page(tree), Form(templateId));
        forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var commune = await app.SignInToPagesAsync(Role.Secretariat, tree.CommuneA.Id);
        (await commune.Http.GetAsync(Page(tree))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var leader = await app.SignInToPagesAsync(Role.Leader, tree.Province.Id);
        var page = await leader.GetPageAsync(Page(tree));
        page.ShouldContain("<table class=\"regimes\">");
        page.ShouldNotContain("name=\"Input.Name\"");
        var refused = await leader.PostFormAsync(Page(tree), Page(tree), Form(templateId));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");

        var secretariat = await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id);
        var withoutToken = await secretariat.Http.PostAsync(Page(tree), new FormUrlEncodedContent(Form(templateId)));
        withoutToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RegimeCountAsync(tree.Province.Id)).ShouldBe(0);
    }
}
