using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// The template editor: each broken rule named beside its row (bad code, duplicate, formula over
/// an unknown code or round a cycle) with nothing saved; rows added, removed and moved without
/// script; a revision is a new version, a stale one is refused, and past requests keep theirs.
/// </summary>
public sealed class EditingTemplates(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static TemplateInput Broken() => new("Mẫu thử", [
        new("1HO", "Số hộ", "hộ", IndicatorType.Number, Aggregation.Sum),
        new("HO_CAN", "Số hộ cần sơ tán", "hộ", IndicatorType.Number, Aggregation.Sum),
        new("ho_can", "Trùng mã", "hộ", IndicatorType.Number, Aggregation.Sum),
        new("TYLE", "Tỷ lệ", "%", IndicatorType.Percentage, Aggregation.Average, "KHONG_CO / HO_CAN * 100"),
        new("A", "Vòng A", null, IndicatorType.Number, Aggregation.Sum, "B + 1"),
        new("B", "Vòng B", null, IndicatorType.Number, Aggregation.Sum, "A * 2"),
    ], []);

    [Fact]
    public async Task Each_broken_rule_is_named_beside_its_row_in_Vietnamese_and_nothing_is_saved()
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var before = await scope.Db.ReportTemplates.CountAsync();

        var result = await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, Broken());

        result.Outcome.ShouldBe(Outcome.Invalid);
        var problems = result.Problems.ToLookup(p => p.Field, p => p.Message);
        problems["Indicators[0].Code"].Single().ShouldBe("Chỉ tiêu thứ 1: mã '1HO' không hợp lệ (chữ cái, chữ số, dấu chấm, gạch dưới; tối đa 20 ký tự; bắt đầu bằng chữ).");
        problems["Indicators[1].Code"].Single().ShouldBe("Mã chỉ tiêu 'HO_CAN' bị trùng.");
        problems["Indicators[2].Code"].Single().ShouldBe("Mã chỉ tiêu 'ho_can' bị trùng.");
        problems["Indicators[3].Formula"].Single().ShouldBe("Chỉ tiêu TYLE: công thức dùng mã 'KHONG_CO' không phải một chỉ tiêu số nhập tay của mẫu.");
        problems["Indicators[4].Formula"].Single().ShouldBe("Chỉ tiêu A: công thức tạo vòng lặp (A → B → A).");
        problems["Indicators[5].Formula"].Single().ShouldBe("Chỉ tiêu B: công thức tạo vòng lặp (B → A → B).");
        (await scope.Db.ReportTemplates.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_revision_is_a_new_version_a_stale_one_is_refused_and_the_history_counts_the_requests_that_keep_each_version()
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var templates = scope.Get<ReportTemplates>();
        var created = (await templates.CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(null, created.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 1, null, null))).Ok();
        var changed = ReportingData.Template() with { Indicators = [.. ReportingData.Template().Indicators!, new("THUYEN", "Số tàu thuyền", "chiếc", IndicatorType.Number, Aggregation.Sum)] };

        var revised = (await templates.ReviseAsync(tree.ProvinceSecretariat, tree.Province.Id, created.Id, changed, created.Version)).Ok();
        var stale = await templates.ReviseAsync(tree.ProvinceSecretariat, tree.Province.Id, created.Id, changed, created.Version);

        revised.Current.Number.ShouldBe(2);
        stale.Outcome.ShouldBe(Outcome.Conflict);
        var history = (await templates.VersionsAsync(tree.ProvinceSecretariat, tree.Province.Id, created.Id)).Ok();
        history.Select(v => (v.Number, v.IndicatorCount, v.RequestCount, v.IsCurrent)).ShouldBe([(2, 7, 0, true), (1, 6, 1, false)]);
        (await templates.VersionAsync(tree.ProvinceSecretariat, tree.Province.Id, created.Id, 1)).Ok().Indicators.Select(i => i.Code).ShouldNotContain("THUYEN");
        (await scope.Get<ReportRequests>().ConsolidatedAsync(tree.ProvinceSecretariat, request.Id)).Ok().Rows.Select(r => r.Code).ShouldNotContain("THUYEN");
        (await templates.VersionsAsync(ReportingData.Secretariat(tree.CommuneA), tree.Province.Id, created.Id)).Outcome.ShouldBe(Outcome.NotFound);
    }

    private static Dictionary<string, string> Form(string name, int? version, params (string Code, string Name, string Type, string Aggregation, string Formula)[] rows)
    {
        var form = new Dictionary<string, string> { ["Input.Name"] = name };
        if (version is { } v)
        {
            form["Input.Version"] = v.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            form[$"Input.Indicators[{i}].Code"] = row.Code;
            form[$"Input.Indicators[{i}].Name"] = row.Name;
            form[$"Input.Indicators[{i}].Type"] = row.Type;
            form[$"Input.Indicators[{i}].Aggregation"] = row.Aggregation;
            form[$"Input.Indicators[{i}].Formula"] = row.Formula;
        }
        return form;
    }

    [Fact]
    public async Task The_editor_page_moves_rows_without_saving_shows_errors_beside_the_row_creates_revises_and_answers_409_when_stale()
    {
        var tree = await ReportingData.TreeAsync(app);
        var secretariat = await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id);
        var newPage = $"/Reporting/{tree.Province.Id}/Templates/new";
        (await secretariat.GetPageAsync(newPage)).ShouldContain("Thêm chỉ tiêu");
        var rows = new[] { ("HO", "Số hộ", "Number", "Sum", ""), ("HO_CAN", "Số hộ cần", "Number", "Sum", "") };
        await using (var scope = app.ServiceScope())
        {
            var before = await scope.Db.ReportTemplates.CountAsync();

            // Moving a row posts back and saves nothing; the rows come back in the new order.
            var moved = await secretariat.PostFormAsync(newPage, newPage, new(Form("Mẫu quý", null, rows)) { ["command"] = "down-indicator:0" });
            await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync());
            html.IndexOf("value=\"HO_CAN\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("value=\"HO\"", StringComparison.Ordinal));
            var added = await secretariat.PostFormAsync(newPage, newPage, new(Form("Mẫu quý", null, rows)) { ["command"] = "add-indicator" });
            WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync()).ShouldContain("name=\"Input.Indicators[2].Code\"");

            // A formula over an unknown code: the message beside its row, nothing saved.
            var refused = await secretariat.PostFormAsync(newPage, newPage, Form("Mẫu quý", null, [.. rows, ("TYLE", "Tỷ lệ", "Percentage", "Average", "HO / HO_PHAI * 100")]));
            await refused.ShouldHaveStatusAsync(HttpStatusCode.OK);
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync())
                .ShouldContain("data-field=\"Input.Indicators[2].Formula\">Chỉ tiêu TYLE: công thức dùng mã 'HO_PHAI' không phải một chỉ tiêu số nhập tay của mẫu.");
            (await scope.Db.ReportTemplates.CountAsync()).ShouldBe(before);
        }

        var created = await secretariat.PostFormAsync(newPage, newPage, Form("Mẫu quý", null, [.. rows, ("TYLE", "Tỷ lệ", "Percentage", "Average", "HO / HO_CAN * 100"), ("", "", "Number", "Sum", "")]));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var editUrl = created.Headers.Location!.OriginalString;
        var edit = await secretariat.GetPageAsync(editUrl);
        edit.ShouldContain("value=\"TYLE\"");
        edit.ShouldNotContain("name=\"Input.Indicators[3].Code\"", customMessage: "the empty row was dropped");

        var revised = await secretariat.PostFormAsync(editUrl, editUrl, Form("Mẫu quý", 1, [.. rows, ("GHICHU", "Ghi chú", "Text", "None", "")]));
        revised.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await secretariat.PostFormAsync(editUrl, editUrl, Form("Mẫu quý", 1, [.. rows]));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var history = await secretariat.GetPageAsync(editUrl);
        history.ShouldContain("Lịch sử phiên bản");
        history.ShouldContain("value=\"GHICHU\"");
        (await secretariat.GetPageAsync(editUrl + "?version=1")).ShouldContain("Đây là phiên bản 1");

        // A viewer reads the template but cannot change it; a commune below cannot post to the province's.
        var viewer = await app.SignInToPagesAsync(Role.Viewer, tree.Province.Id);
        (await viewer.GetPageAsync(editUrl)).ShouldNotContain("Lưu phiên bản mới");
        (await viewer.PostFormAsync(editUrl, editUrl, Form("Mẫu quý", 2, [.. rows]))).Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
        (await viewer.Http.GetAsync(newPage)).Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
        var commune = await app.SignInToPagesAsync(Role.Secretariat, tree.CommuneA.Id);
        (await commune.Http.GetAsync(editUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var check = app.ServiceScope();
        (await check.Db.ReportTemplateVersions.CountAsync(v => v.Template!.CommitteeId == tree.Province.Id)).ShouldBe(2, "the refused and stale saves made no version");
    }

    [Fact]
    public async Task The_editor_offers_a_count_beside_the_number_saves_it_and_refuses_averaging_it_beside_the_row()
    {
        var tree = await ReportingData.TreeAsync(app);
        var secretariat = await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id);
        var newPage = $"/Reporting/{tree.Province.Id}/Templates/new";
        var empty = WebUtility.HtmlDecode(await secretariat.GetPageAsync(newPage));
        var (number, count, percentage) = (empty.IndexOf("<option value=\"Number\"", StringComparison.Ordinal),
            empty.IndexOf("<option value=\"Count\">Số nguyên (đếm)</option>", StringComparison.Ordinal), empty.IndexOf("<option value=\"Percentage\"", StringComparison.Ordinal));
        count.ShouldBeGreaterThan(number);
        percentage.ShouldBeGreaterThan(count);

        var averaged = await secretariat.PostFormAsync(newPage, newPage, Form("Mẫu đếm", null, ("HOP", "Số cuộc họp", "Count", "Average", "")));

        await averaged.ShouldHaveStatusAsync(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await averaged.Content.ReadAsStringAsync())
            .ShouldContain("data-field=\"Input.Indicators[0].Aggregation\">Chỉ tiêu HOP: cách tổng hợp \"Trung bình\" không dùng được cho kiểu \"Số nguyên (đếm)\".");

        var created = await secretariat.PostFormAsync(newPage, newPage, Form("Mẫu đếm", null, ("HOP", "Số cuộc họp", "Count", "Sum", ""), ("VB", "Số văn bản", "Count", "Max", "")));

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await secretariat.GetPageAsync(created.Headers.Location!.OriginalString)).ShouldContain("<option value=\"Count\" selected=\"selected\">");
        await using var scope = app.ServiceScope();
        (await scope.Db.ReportTemplateVersions.Where(v => v.Template!.CommitteeId == tree.Province.Id).SelectMany(v => v.Indicators).Select(i => i.Type).ToListAsync())
            .ShouldBe([IndicatorType.Count, IndicatorType.Count]);
    }
}
