using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Support;
using SteerCo.Text;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// A province asks its two communes for Quý I/2026; they fill and submit, one is returned and
/// submitted again, the province accepts both and reads the consolidated figures and where each came from.
/// </summary>
public sealed class ReportingAQuarter(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static Dictionary<string, string?> Values(string ho, string hoCan, string nhaTru, string keHoach, string? ghiChu = null) => new()
    {
        ["HO"] = ho,
        ["HO_CAN"] = hoCan,
        ["NHATRU"] = nhaTru,
        ["KEHOACH"] = keHoach,
        ["GHICHU"] = ghiChu,
    };

    private sealed record Setup(ReportingTree Tree, TemplateView Template, RequestView Request, int SubmissionA, int SubmissionB);

    private async Task<Setup> RequestAsync(ReportingPeriod? period = null)
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        var p = period ?? ReportingPeriod.Quarter(2026, 1);
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(null, template.Id, null, ReportKind.Periodic, p.Kind, p.Year, p.Number, null, null))).Ok();
        return new(tree, template, request,
            request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id, request.Submissions.Single(s => s.CommitteeId == tree.CommuneB.Id).Id);
    }

    private async Task<SubmissionView> FillAndSubmitAsync(Actor actor, int submissionId, Dictionary<string, string?> values)
    {
        await using var scope = app.ServiceScope();
        var submissions = scope.Get<Submissions>();
        var current = (await submissions.GetAsync(actor, submissionId)).Ok();
        var saved = (await submissions.SaveAsync(actor, submissionId, new SubmissionInput(values, null), current.Version)).Ok();
        return (await submissions.SubmitAsync(actor, submissionId, saved.Version)).Ok();
    }

    private async Task<SubmissionView> ReviewAsync(Actor actor, int submissionId, bool accept, string? comment = null)
    {
        await using var scope = app.ServiceScope();
        var submissions = scope.Get<Submissions>();
        var current = (await submissions.GetAsync(actor, submissionId)).Ok();
        return accept
            ? (await submissions.AcceptAsync(actor, submissionId, comment, current.Version)).Ok()
            : (await submissions.ReturnAsync(actor, submissionId, comment, current.Version)).Ok();
    }

    [Fact]
    public async Task The_request_reaches_each_commune_below_with_Decree_09_dates()
    {
        var s = await RequestAsync();

        s.Request.PeriodText.ShouldBe("Quý I/2026");
        s.Request.CutoffFrom.ShouldBe(new DateOnly(2025, 12, 15));
        s.Request.CutoffTo.ShouldBe(new DateOnly(2026, 3, 14));
        s.Request.Deadline.ShouldBe(new DateOnly(2026, 3, 25));
        s.Request.Submissions.Select(x => x.CommitteeId).ShouldBe([s.Tree.CommuneA.Id, s.Tree.CommuneB.Id], ignoreOrder: true);
        s.Request.Submissions.ShouldAllBe(x => x.Status == SubmissionStatus.Draft);
        await using var scope = app.ServiceScope();
        (await scope.Db.Notifications.CountAsync(n => n.CommitteeId == s.Tree.CommuneA.Id && n.Text.Contains("Quý I/2026"))).ShouldBe(1);
    }

    [Fact]
    public async Task Accepted_figures_roll_up_by_each_indicators_rule_and_show_where_they_came_from()
    {
        var s = await RequestAsync();
        await FillAndSubmitAsync(s.Tree.SecretariatA, s.SubmissionA, Values("120", "150", "80", "Có", "Đã sơ tán xong"));
        await FillAndSubmitAsync(s.Tree.SecretariatB, s.SubmissionB, Values("1.234,5", "1500", "60,5", "Không"));
        await ReviewAsync(s.Tree.ProvinceSecretariat, s.SubmissionA, accept: true);
        await ReviewAsync(s.Tree.ProvinceSecretariat, s.SubmissionB, accept: true);

        await using var scope = app.ServiceScope();
        var requests = scope.Get<ReportRequests>();
        var consolidated = (await requests.ConsolidatedAsync(s.Tree.ProvinceSecretariat, s.Request.Id)).Ok();
        var rows = consolidated.Rows.ToDictionary(r => r.Code);
        rows["HO"].Value.ShouldBe(1354.5m);
        rows["HO_CAN"].Value.ShouldBe(1650m);
        // A formula is computed over the rolled-up figures, not averaged from the communes' rates.
        rows["TYLE"].Value.ShouldBe(Math.Round(1354.5m / 1650m * 100, 4));
        rows["NHATRU"].Value.ShouldBe(70.25m);
        rows["KEHOACH"].Value.ShouldBe(1m);
        rows["GHICHU"].Value.ShouldBeNull();
        rows["HO"].Display.ShouldBe("1.354,5");
        consolidated.Counted.Count.ShouldBe(2);

        var provenance = (await requests.ProvenanceAsync(s.Tree.ProvinceSecretariat, s.Request.Id, "HO")).Ok();
        provenance.Lines.Select(l => (l.CommitteeId, l.Number)).ShouldBe([(s.Tree.CommuneA.Id, 120m), (s.Tree.CommuneB.Id, 1234.5m)], ignoreOrder: true);
        var notes = (await requests.ProvenanceAsync(s.Tree.ProvinceSecretariat, s.Request.Id, "GHICHU")).Ok();
        notes.Lines.Single(l => l.CommitteeId == s.Tree.CommuneA.Id).Text.ShouldBe("Đã sơ tán xong");
    }

    [Fact]
    public async Task The_least_the_greatest_an_uneven_average_and_a_share_of_yes_roll_up_as_the_rules_say()
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, new TemplateInput("Báo cáo kiểm tra tổng hợp",
        [
            new("NHO", "Mực nước thấp nhất", "m", IndicatorType.Number, Aggregation.Min),
            new("LON", "Mực nước cao nhất", "m", IndicatorType.Number, Aggregation.Max),
            new("TB", "Lượng mưa trung bình", "mm", IndicatorType.Number, Aggregation.Average),
            new("CO", "Đã diễn tập", null, IndicatorType.YesNo, Aggregation.Average),
            new("GHICHU", "Ghi chú", null, IndicatorType.Text, Aggregation.None),
        ], []))).Ok();
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 2, null, null))).Ok();
        var a = request.Submissions.Single(x => x.CommitteeId == tree.CommuneA.Id).Id;
        var b = request.Submissions.Single(x => x.CommitteeId == tree.CommuneB.Id).Id;
        Dictionary<string, string?> Figures(string nho, string lon, string tb, string co, string? ghiChu) =>
            new() { ["NHO"] = nho, ["LON"] = lon, ["TB"] = tb, ["CO"] = co, ["GHICHU"] = ghiChu };
        await FillAndSubmitAsync(tree.SecretariatA, a, Figures("-1,25", "3,5", "1", "Có", "Chưa tập huấn"));
        await FillAndSubmitAsync(tree.SecretariatB, b, Figures("0,75", "12,0001", "0,0001", "Không", null));
        await ReviewAsync(tree.ProvinceSecretariat, a, accept: true);
        await ReviewAsync(tree.ProvinceSecretariat, b, accept: true);

        var consolidated = (await scope.Get<ReportRequests>().ConsolidatedAsync(tree.ProvinceSecretariat, request.Id)).Ok();

        var rows = consolidated.Rows.ToDictionary(r => r.Code);
        rows["NHO"].Value.ShouldBe(-1.25m);
        rows["LON"].Value.ShouldBe(12.0001m);
        // (1 + 0,0001) / 2 = 0,50005: rounded to four places, half to even.
        rows["TB"].Value.ShouldBe(0.5m);
        rows["TB"].Value.ShouldBe(Aggregations.Apply(IndicatorType.Number, Aggregation.Average, [1m, 0.0001m]));
        rows["CO"].ShouldSatisfyAllConditions(r => r.Value.ShouldBe(50m), r => r.Display.ShouldBe("50%"));
        // A text is counted where it was given, and never totalled.
        rows["GHICHU"].ShouldSatisfyAllConditions(r => r.Value.ShouldBeNull(), r => r.Contributors.ShouldBe(1));
        rows["NHO"].Contributors.ShouldBe(2);
    }

    [Fact]
    public async Task A_returned_report_is_corrected_and_submitted_again_and_every_version_is_kept()
    {
        var s = await RequestAsync();
        await FillAndSubmitAsync(s.Tree.SecretariatA, s.SubmissionA, Values("120", "150", "80", "Có"));
        await FillAndSubmitAsync(s.Tree.SecretariatB, s.SubmissionB, Values("999", "100", "60", "Có"));
        var returned = await ReviewAsync(s.Tree.ProvinceSecretariat, s.SubmissionB, accept: false, "Số hộ sơ tán lớn hơn số hộ cần sơ tán.");
        returned.Status.ShouldBe(SubmissionStatus.Returned);

        await using (var scope = app.ServiceScope())
        {
            var seen = (await scope.Get<Submissions>().GetAsync(s.Tree.SecretariatB, s.SubmissionB)).Ok();
            seen.IsDraft.ShouldBeTrue();
            seen.CanEdit.ShouldBeTrue();
            seen.Fields.Single(f => f.Code == "HO").Number.ShouldBe(999m, "the new draft starts from what was returned");
            seen.History.First().ReviewComment.ShouldBe("Số hộ sơ tán lớn hơn số hộ cần sơ tán.");
            seen.Compliance.ShouldBe(Compliance.Returned);
        }
        await FillAndSubmitAsync(s.Tree.SecretariatB, s.SubmissionB, new() { ["HO"] = "90" });
        await ReviewAsync(s.Tree.ProvinceSecretariat, s.SubmissionA, accept: true);
        var accepted = await ReviewAsync(s.Tree.ProvinceSecretariat, s.SubmissionB, accept: true);

        accepted.History.Select(v => (v.Number, v.Accepted)).ShouldBe([(1, false), (2, true)]);
        await using var check = app.ServiceScope();
        var consolidated = (await check.Get<ReportRequests>().ConsolidatedAsync(s.Tree.ProvinceSecretariat, s.Request.Id)).Ok();
        consolidated.Rows.Single(r => r.Code == "HO").Value.ShouldBe(210m);
        var firstVersion = await check.Db.SubmissionVersions.Where(v => v.SubmissionId == s.SubmissionB && v.Number == 1).Select(v => v.Id).SingleAsync();
        (await check.Db.SubmissionValues.SingleAsync(v => v.SubmissionVersionId == firstVersion && check.Db.ReportIndicators.Any(i => i.Id == v.IndicatorId && i.Code == "HO"))).Number.ShouldBe(999m);
    }

    [Fact]
    public async Task A_figure_that_does_not_read_as_its_type_is_refused_with_its_name_and_nothing_is_saved()
    {
        var s = await RequestAsync();
        await using var scope = app.ServiceScope();
        var submissions = scope.Get<Submissions>();
        var before = (await submissions.GetAsync(s.Tree.SecretariatA, s.SubmissionA)).Ok();

        var refused = await submissions.SaveAsync(s.Tree.SecretariatA, s.SubmissionA,
            new SubmissionInput(Values("mười hai", "150", "120", "Chưa"), null), before.Version);

        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.Select(p => p.Message).ShouldBe([
            "HO Số hộ dân được sơ tán: 'mười hai' không phải là số.",
            "NHATRU Tỷ lệ nhà trú ẩn sẵn sàng: tỷ lệ 120 phải từ 0 đến 100.",
            "KEHOACH Đã phê duyệt phương án ứng phó: 'Chưa' không hợp lệ, nhập Có hoặc Không.",
        ], ignoreOrder: true);
        (await scope.Db.SubmissionValues.CountAsync(v => v.SubmissionVersionId == before.History[0].Id)).ShouldBe(0);
        var submit = await submissions.SubmitAsync(s.Tree.SecretariatA, s.SubmissionA, before.Version);
        submit.Outcome.ShouldBe(Outcome.Invalid);
        submit.Problems.ShouldContain(p => p.Message == "HO Số hộ dân được sơ tán: chưa có số liệu.");
    }

    [Fact]
    public async Task Changing_the_template_leaves_past_requests_and_their_reports_as_they_were()
    {
        var s = await RequestAsync();
        await FillAndSubmitAsync(s.Tree.SecretariatA, s.SubmissionA, Values("120", "150", "80", "Có"));
        await using var scope = app.ServiceScope();
        var templates = scope.Get<ReportTemplates>();
        var changed = ReportingData.Template("Báo cáo công tác phòng, chống thiên tai (sửa đổi)") with
        {
            Indicators = [new("HO", "Số hộ được di dời", "hộ", IndicatorType.Number, Aggregation.Sum), new("TAU", "Số tàu thuyền", "chiếc", IndicatorType.Number, Aggregation.Max)],
        };
        var requests = scope.Get<ReportRequests>();
        string[] pastCodes = ["HO", "HO_CAN", "TYLE", "NHATRU", "KEHOACH", "GHICHU"];
        // The roll-up keeps a version's indicators once read: a revision is another version.
        (await requests.ConsolidatedAsync(s.Tree.ProvinceSecretariat, s.Request.Id)).Ok().Rows.Select(r => r.Code).ShouldBe(pastCodes);
        var revised = (await templates.ReviseAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id, s.Template.Id, changed, s.Template.Version)).Ok();

        revised.Current.Number.ShouldBe(2);
        var past = (await scope.Get<Submissions>().GetAsync(s.Tree.ProvinceSecretariat, s.SubmissionA)).Ok();
        past.Fields.Select(f => f.Code).ShouldBe(["HO", "HO_CAN", "TYLE", "NHATRU", "KEHOACH", "GHICHU"]);
        past.Fields.Single(f => f.Code == "HO").Name.ShouldBe("Số hộ dân được sơ tán");
        past.Fields.Single(f => f.Code == "HO").Number.ShouldBe(120m);
        var next = (await requests.CreateAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id,
            new RequestInput(null, s.Template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 2, null, null))).Ok();
        var nextSubmission = (await scope.Get<Submissions>().GetAsync(s.Tree.SecretariatA, next.Submissions.Single(x => x.CommitteeId == s.Tree.CommuneA.Id).Id)).Ok();
        nextSubmission.Fields.Select(f => f.Code).ShouldBe(["HO", "TAU"]);
        (await requests.ConsolidatedAsync(s.Tree.ProvinceSecretariat, next.Id)).Ok().Rows.Select(r => r.Code).ShouldBe(["HO", "TAU"]);
        (await requests.ConsolidatedAsync(s.Tree.ProvinceSecretariat, s.Request.Id)).Ok().Rows.Select(r => r.Code).ShouldBe(pastCodes);
        var stale = await templates.ReviseAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id, s.Template.Id, changed, s.Template.Version);
        stale.Outcome.ShouldBe(Outcome.Conflict);
    }

    [Fact]
    public async Task A_commune_cannot_read_another_communes_report_nor_review_its_own()
    {
        var s = await RequestAsync();
        await FillAndSubmitAsync(s.Tree.SecretariatA, s.SubmissionA, Values("120", "150", "80", "Có"));
        await using var scope = app.ServiceScope();
        var submissions = scope.Get<Submissions>();

        (await submissions.GetAsync(s.Tree.SecretariatB, s.SubmissionA)).Outcome.ShouldBe(Outcome.NotFound);
        (await submissions.GetAsync(ReportingData.Viewer(s.Tree.CommuneB), s.SubmissionA)).Outcome.ShouldBe(Outcome.NotFound);
        (await scope.Get<ReportRequests>().GetAsync(s.Tree.SecretariatA, s.Request.Id)).Outcome.ShouldBe(Outcome.NotFound);
        var own = (await submissions.GetAsync(s.Tree.SecretariatA, s.SubmissionA)).Ok();
        (await submissions.AcceptAsync(s.Tree.SecretariatA, s.SubmissionA, null, own.Version)).Outcome.ShouldBe(Outcome.Forbidden);
        // The province's viewer reads the report it asked for, but does not fill it or review it.
        var viewer = ReportingData.Viewer(s.Tree.Province);
        (await submissions.GetAsync(viewer, s.SubmissionA)).IsOk.ShouldBeTrue();
        (await submissions.AcceptAsync(viewer, s.SubmissionA, null, own.Version)).Outcome.ShouldBe(Outcome.Forbidden);
    }

    [Fact]
    public async Task The_provinces_own_report_upward_is_prefilled_from_its_accepted_communes()
    {
        var s = await RequestAsync(ReportingPeriod.Quarter(2026, 3));
        await FillAndSubmitAsync(s.Tree.SecretariatA, s.SubmissionA, Values("120", "150", "80", "Có"));
        await FillAndSubmitAsync(s.Tree.SecretariatB, s.SubmissionB, Values("30", "50", "60", "Có"));
        await ReviewAsync(s.Tree.ProvinceSecretariat, s.SubmissionA, accept: true);
        await ReviewAsync(s.Tree.ProvinceSecretariat, s.SubmissionB, accept: true);
        var central = app.Hierarchy.Central;
        await using var scope = app.ServiceScope();
        var centralTemplate = (await scope.Get<ReportTemplates>().CreateAsync(scope.Actor, central.Id, ReportingData.Template("Mẫu trung ương"))).Ok();
        var upward = (await scope.Get<ReportRequests>().CreateAsync(scope.Actor, central.Id,
            new RequestInput(null, centralTemplate.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 3, null, [s.Tree.Province.Id]))).Ok();
        var provinceSubmission = upward.Submissions.Single().Id;
        var submissions = scope.Get<Submissions>();
        var draft = (await submissions.GetAsync(s.Tree.ProvinceSecretariat, provinceSubmission)).Ok();

        var prefilled = (await submissions.PrefillAsync(s.Tree.ProvinceSecretariat, provinceSubmission, draft.Version)).Ok();

        prefilled.Fields.Single(f => f.Code == "HO").Number.ShouldBe(150m);
        prefilled.Fields.Single(f => f.Code == "NHATRU").Number.ShouldBe(70m);
        prefilled.Fields.Single(f => f.Code == "TYLE").Number.ShouldBe(75m);
        prefilled.History.Last().PrefilledFromRequestId.ShouldBe(s.Request.Id);
    }

    [Fact]
    public async Task Compliance_shows_on_time_late_missing_and_returned()
    {
        var s = await RequestAsync(ReportingPeriod.Quarter(2024, 1));
        await FillAndSubmitAsync(s.Tree.SecretariatA, s.SubmissionA, Values("1", "1", "1", "Có"));
        await using var scope = app.ServiceScope();
        var grid = (await scope.Get<ReportRequests>().ComplianceAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id, PeriodKind.Quarter, 2024, 2024)).Ok();

        grid.Periods.ShouldBe(["Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024"]);
        grid.Rows.Single(r => r.CommitteeId == s.Tree.CommuneA.Id).Cells[0].Compliance.ShouldBe(Compliance.Late, "submitted today, after 25/03/2024");
        grid.Rows.Single(r => r.CommitteeId == s.Tree.CommuneB.Id).Cells[0].Compliance.ShouldBe(Compliance.Missing);
        grid.Rows.Single(r => r.CommitteeId == s.Tree.CommuneB.Id).Cells[1].Compliance.ShouldBeNull();
        ReportRequests.ComplianceOf(SubmissionStatus.Submitted, new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.Zero), new DateOnly(2024, 3, 25), new DateOnly(2024, 4, 1), CommitteeTime.Vietnam).ShouldBe(Compliance.OnTime);
        ReportRequests.ComplianceOf(SubmissionStatus.Draft, null, new DateOnly(2024, 3, 25), new DateOnly(2024, 3, 20), CommitteeTime.Vietnam).ShouldBe(Compliance.Pending);
    }

    [Fact]
    public async Task Saving_and_submitting_at_once_when_a_figure_is_missing_saves_nothing()
    {
        var s = await RequestAsync(ReportingPeriod.Quarter(2026, 2));
        await using var scope = app.ServiceScope();
        var submissions = scope.Get<Submissions>();

        var refused = await submissions.SaveAndSubmitAsync(s.Tree.SecretariatA, s.SubmissionA, new SubmissionInput(Values("120", "150", "80", ""), null), 0);

        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.Single().Field.ShouldBe("Values.KEHOACH");
        var after = (await submissions.GetAsync(s.Tree.SecretariatA, s.SubmissionA)).Ok();
        after.Fields.ShouldAllBe(f => f.Number == null && f.Text == null);
        after.Version.ShouldBe(0);
        after.Status.ShouldBe(SubmissionStatus.Draft);
        var submitted = (await submissions.SaveAndSubmitAsync(s.Tree.SecretariatA, s.SubmissionA, new SubmissionInput(Values("120", "150", "80", "Có"), null), 0)).Ok();
        submitted.Status.ShouldBe(SubmissionStatus.Submitted);
        submitted.Fields.Single(f => f.Code == "HO").Number.ShouldBe(120m);
    }

    [Fact]
    public async Task A_commune_sees_the_reports_it_owes_with_who_asked_for_which_period_and_by_when()
    {
        var s = await RequestAsync(ReportingPeriod.Quarter(2026, 4));
        await using var scope = app.ServiceScope();

        var owed = (await scope.Get<Submissions>().OwedAsync(s.Tree.SecretariatB, s.Tree.CommuneB.Id)).Ok();

        var only = owed.ShouldHaveSingleItem();
        only.Id.ShouldBe(s.SubmissionB);
        only.RequestId.ShouldBe(s.Request.Id);
        only.PeriodText.ShouldBe("Quý IV/2026");
        only.RequesterName.ShouldBe(s.Tree.Province.Name);
        only.Deadline.ShouldBe(new DateOnly(2026, 12, 25));
        only.Status.ShouldBe(SubmissionStatus.Draft);
        (await scope.Get<Submissions>().OwedAsync(s.Tree.SecretariatB, s.Tree.CommuneA.Id)).Outcome.ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task The_check_of_a_request_names_every_problem_asking_would_and_asks_nothing()
    {
        var s = await RequestAsync();
        await using var scope = app.ServiceScope();
        var requests = scope.Get<ReportRequests>();
        var entries = await scope.Db.AuditEntries.LongCountAsync();
        var notifications = await scope.Db.Notifications.CountAsync();
        var secondQuarter = new RequestInput(null, s.Template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 2, null, null);

        var refused = await requests.CheckRequestAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id,
            secondQuarter with { TemplateId = null, Number = 9, CommitteeIds = [app.Hierarchy.Hue.Id] });
        var again = await requests.CheckRequestAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id, secondQuarter with { Number = 1 });
        var fine = await requests.CheckRequestAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id, secondQuarter);
        var viewer = await requests.CheckRequestAsync(ReportingData.Viewer(s.Tree.Province), s.Tree.Province.Id, secondQuarter);

        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.ShouldBe([
            new Problem("TemplateId", "Chọn chế độ báo cáo hoặc mẫu báo cáo."),
            new Problem("Number", "Kỳ báo cáo không hợp lệ."),
            new Problem("CommitteeIds", "Chỉ yêu cầu báo cáo được các Ban Chỉ đạo cấp dưới của mình."),
        ], ignoreOrder: true);
        again.Problems.ShouldBe([new Problem("Number", "Đã yêu cầu báo cáo Quý I/2026 theo mẫu này.")]);
        fine.IsOk.ShouldBeTrue(string.Join("; ", fine.Problems.Select(p => p.Message)));
        viewer.Outcome.ShouldBe(Outcome.Forbidden);
        (await scope.Db.ReportRequests.CountAsync(r => r.CommitteeId == s.Tree.Province.Id)).ShouldBe(1);
        (await scope.Db.Notifications.CountAsync()).ShouldBe(notifications);
        (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "a check writes nothing");
    }
}
