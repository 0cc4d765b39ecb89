using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Members;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// A template that counts meetings held and documents issued: a count is a whole number, 0 or more,
/// refused otherwise beside its field, over the API and cell by cell in the workbook, with nothing
/// saved; a plain number may still be negative (a change from the last period).
/// </summary>
public sealed class CountingMeetingsAndDocuments(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private const string Meetings = "HOP Số cuộc họp Ban Chỉ đạo đã tổ chức";
    private const string Documents = "VANBAN Số văn bản chỉ đạo đã ban hành";

    /// <summary>Rows from 7 in the workbook in this order: HOP, VANBAN, CHENH, TYLE, then the two computed.</summary>
    private static TemplateInput Template() => new("Báo cáo kết quả chỉ đạo, điều hành",
    [
        new("HOP", "Số cuộc họp Ban Chỉ đạo đã tổ chức", "cuộc", IndicatorType.Count, Aggregation.Sum),
        new("VANBAN", "Số văn bản chỉ đạo đã ban hành", "văn bản", IndicatorType.Count, Aggregation.Max),
        new("CHENH", "Kinh phí tăng, giảm so với kỳ trước", "triệu đồng", IndicatorType.Number, Aggregation.Sum),
        new("TYLE", "Tỷ lệ cuộc họp đúng kế hoạch", "%", IndicatorType.Percentage, Aggregation.Average),
        new("TONG", "Tổng số cuộc họp và văn bản", null, IndicatorType.Count, Aggregation.Sum, "HOP + VANBAN"),
        new("BINHQUAN", "Số văn bản bình quân mỗi cuộc họp", null, IndicatorType.Number, Aggregation.None, "VANBAN / HOP"),
    ], []);

    private static Dictionary<string, string?> Values(string meetings, string documents, string change = "-12,5", string rate = "75") => new()
    {
        ["HOP"] = meetings,
        ["VANBAN"] = documents,
        ["CHENH"] = change,
        ["TYLE"] = rate,
    };

    private sealed record Setup(ReportingTree Tree, int RequestId, int SubmissionA, int SubmissionB);

    private async Task<Setup> RequestAsync()
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, Template())).Ok();
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 1, null, null))).Ok();
        return new(tree, request.Id,
            request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id, request.Submissions.Single(s => s.CommitteeId == tree.CommuneB.Id).Id);
    }

    private async Task<int> ValueCountAsync(int submissionId)
    {
        await using var scope = app.ServiceScope();
        var versions = scope.Db.SubmissionVersions.Where(v => v.SubmissionId == submissionId).Select(v => v.Id);
        return await scope.Db.SubmissionValues.CountAsync(v => versions.Contains(v.SubmissionVersionId));
    }

    [Fact]
    public async Task A_count_below_zero_or_with_a_fraction_is_refused_naming_the_indicator_and_nothing_is_saved()
    {
        var s = await RequestAsync();
        await using var scope = app.ServiceScope();
        var submissions = scope.Get<Submissions>();
        var before = (await submissions.GetAsync(s.Tree.SecretariatA, s.SubmissionA)).Ok();

        var refused = await submissions.SaveAsync(s.Tree.SecretariatA, s.SubmissionA, new SubmissionInput(Values("-1", "2,5"), null), before.Version);
        var point = await submissions.SaveAsync(s.Tree.SecretariatA, s.SubmissionA, new SubmissionInput(Values("3", "2.5"), null), before.Version);

        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.Select(p => (p.Field, p.Message)).ShouldBe([
            ("Values.HOP", $"{Meetings}: '-1' không hợp lệ, nhập số nguyên từ 0 trở lên."),
            ("Values.VANBAN", $"{Documents}: '2,5' không hợp lệ, nhập số nguyên từ 0 trở lên."),
        ], ignoreOrder: true);
        point.Outcome.ShouldBe(Outcome.Invalid);
        point.Problems.Select(p => p.Message).ShouldBe([$"{Documents}: '2,5' không hợp lệ, nhập số nguyên từ 0 trở lên."]);
        (await ValueCountAsync(s.SubmissionA)).ShouldBe(0);
        (await submissions.GetAsync(s.Tree.SecretariatA, s.SubmissionA)).Ok().Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task A_whole_count_is_saved_while_a_plain_number_may_still_be_negative_and_the_counts_roll_up_whole()
    {
        var s = await RequestAsync();
        await using var scope = app.ServiceScope();
        var submissions = scope.Get<Submissions>();
        var a = (await submissions.GetAsync(s.Tree.SecretariatA, s.SubmissionA)).Ok();
        var b = (await submissions.GetAsync(s.Tree.SecretariatB, s.SubmissionB)).Ok();

        var savedA = (await submissions.SaveAsync(s.Tree.SecretariatA, s.SubmissionA, new SubmissionInput(Values("3", "1.234"), null), a.Version)).Ok();
        var savedB = (await submissions.SaveAsync(s.Tree.SecretariatB, s.SubmissionB, new SubmissionInput(Values("0", "12,0", change: "4"), null), b.Version)).Ok();

        savedA.Fields.Single(f => f.Code == "HOP").Number.ShouldBe(3m);
        savedA.Fields.Single(f => f.Code == "VANBAN").Number.ShouldBe(1234m);
        savedA.Fields.Single(f => f.Code == "VANBAN").Display.ShouldBe("1.234");
        savedA.Fields.Single(f => f.Code == "CHENH").Number.ShouldBe(-12.5m);
        savedA.Fields.Single(f => f.Code == "TONG").Number.ShouldBe(1237m, "a formula reads a count as a number");
        savedB.Fields.Single(f => f.Code == "HOP").Number.ShouldBe(0m);
        savedB.Fields.Single(f => f.Code == "VANBAN").Number.ShouldBe(12m, "12,0 is a whole twelve");
        foreach (var (actor, id, version) in new[] { (s.Tree.SecretariatA, s.SubmissionA, savedA.Version), (s.Tree.SecretariatB, s.SubmissionB, savedB.Version) })
        {
            var sent = (await submissions.SubmitAsync(actor, id, version)).Ok();
            (await submissions.AcceptAsync(s.Tree.ProvinceSecretariat, id, null, sent.Version)).Ok();
        }
        var rows = (await scope.Get<ReportRequests>().ConsolidatedAsync(s.Tree.ProvinceSecretariat, s.RequestId)).Ok().Rows.ToDictionary(r => r.Code);
        rows["HOP"].Value.ShouldBe(3m);
        rows["VANBAN"].Value.ShouldBe(1234m);
        rows["CHENH"].Value.ShouldBe(-8.5m);
        rows["TONG"].Value.ShouldBe(1237m);
    }

    [Fact]
    public void A_count_rolls_up_by_sum_least_or_greatest_but_is_not_averaged_and_may_be_computed()
    {
        var problems = ReportTemplates.Check(new TemplateInput("Mẫu",
        [
            new("HOP", "Số cuộc họp", "cuộc", IndicatorType.Count, Aggregation.Average),
            new("VB", "Số văn bản", "văn bản", IndicatorType.Count, Aggregation.Min),
            new("TONG", "Tổng", null, IndicatorType.Count, Aggregation.None, "HOP + VB"),
        ], null));

        problems.Select(p => (p.Field, p.Message)).ShouldBe([
            ("Indicators[0].Aggregation", "Chỉ tiêu HOP: cách tổng hợp \"Trung bình\" không dùng được cho kiểu \"Số nguyên (đếm)\"."),
        ]);
        ReportTemplates.Check(Template()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Over_the_api_a_count_with_a_fraction_answers_400_naming_the_indicator_by_its_code()
    {
        var s = await RequestAsync();
        var commune = await app.SignInAsync(Role.Secretariat, s.Tree.CommuneA.Id);

        var refused = await commune.PutJsonAsync($"/api/v1/submissions/{s.SubmissionA}", new { values = Values("2.5", "-3"), version = 0 });

        await refused.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await refused.ReadProblemAsync();
        problem.ErrorsFor("values.HOP").ShouldBe([$"{Meetings}: '2,5' không hợp lệ, nhập số nguyên từ 0 trở lên."]);
        problem.ErrorsFor("values.VANBAN").ShouldBe([$"{Documents}: '-3' không hợp lệ, nhập số nguyên từ 0 trở lên."]);
        (await ValueCountAsync(s.SubmissionA)).ShouldBe(0);

        var saved = await commune.PutJsonAsync($"/api/v1/submissions/{s.SubmissionA}", new { values = Values("2", "7"), version = 0 });

        await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await saved.ReadJsonAsync<SubmissionView>()).Fields.Single(f => f.Code == "HOP").Number.ShouldBe(2m);
    }

    [Fact]
    public async Task A_workbook_with_a_negative_or_fractional_count_is_refused_by_its_cell_and_nothing_is_saved()
    {
        var s = await RequestAsync();
        var commune = await app.SignInAsync(Role.Secretariat, s.Tree.CommuneA.Id);
        var workbook = await Workbooks.DownloadAsync(commune, s.SubmissionA);
        var cells = RosterSheets.Cells(workbook);
        cells["D7"].ShouldBe("Số nguyên (đếm)");
        cells["D9"].ShouldBe("Số");

        var refused = await Workbooks.UploadAsync(commune, s.SubmissionA, Workbooks.Edit(workbook, ("E7", -1), ("E8", 2.5m), ("E9", -4), ("E10", 80)));
        var typed = await Workbooks.UploadAsync(commune, s.SubmissionA, Workbooks.Edit(workbook, ("E7", "1,5"), ("E8", 3), ("E10", 80)));

        await refused.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(m => m.GetString())).ShouldBe([
            $"Ô E7: {Meetings}: '-1' không hợp lệ, nhập số nguyên từ 0 trở lên.",
            $"Ô E8: {Documents}: '2,5' không hợp lệ, nhập số nguyên từ 0 trở lên.",
        ], ignoreOrder: true);
        await typed.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await typed.ReadProblemAsync()).GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(m => m.GetString()))
            .ShouldBe([$"Ô E7: {Meetings}: '1,5' không hợp lệ, nhập số nguyên từ 0 trở lên."]);
        (await ValueCountAsync(s.SubmissionA)).ShouldBe(0);

        var accepted = await Workbooks.UploadAsync(commune, s.SubmissionA, Workbooks.Edit(workbook, ("E7", 4), ("E8", 9), ("E9", -4), ("E10", 80)));

        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var view = await accepted.ReadJsonAsync<SubmissionView>();
        view.Fields.Single(f => f.Code == "HOP").Number.ShouldBe(4m);
        view.Fields.Single(f => f.Code == "CHENH").Number.ShouldBe(-4m);
        var again = RosterSheets.Cells(await Workbooks.DownloadAsync(commune, s.SubmissionA));
        decimal.Parse(again["E7"], CultureInfo.InvariantCulture).ShouldBe(4m, "the count goes back into the workbook as a number");
        decimal.Parse(again["E8"], CultureInfo.InvariantCulture).ShouldBe(9m);
    }

    [Fact]
    public async Task On_the_page_a_count_typed_with_a_fraction_is_refused_beside_its_field_and_nothing_is_saved()
    {
        var s = await RequestAsync();
        var commune = await app.SignInToPagesAsync(Role.Secretariat, s.Tree.CommuneA.Id);
        var url = $"/Reporting/Submission/{s.SubmissionA}";
        var page = await commune.GetPageAsync(url);
        page.ShouldContain("Số nguyên (đếm)");
        page.ShouldContain("inputmode=\"numeric\"");
        var form = new Dictionary<string, string>
        {
            ["Version"] = "0",
            ["Values[HOP]"] = "2.5",
            ["Values[VANBAN]"] = "4",
            ["Values[CHENH]"] = "-3",
            ["Values[TYLE]"] = "50",
        };

        var refused = await commune.PostFormAsync(url, url + "?handler=Save", form);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Values.HOP").ShouldBe($"{Meetings}: '2,5' không hợp lệ, nhập số nguyên từ 0 trở lên.");
        PageClient.ErrorBeside(html, "Values.CHENH").ShouldBeNull();
        html.ShouldContain("value=\"2.5\"", customMessage: "what was typed stays in the form");
        (await ValueCountAsync(s.SubmissionA)).ShouldBe(0);
    }
}
