using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// Issue 7 item 2, the other answer to "who reports to whom": a province asks its own member
/// agencies (those on today's roster) for a thematic report; each agency's user fills its own,
/// the secretariat reviews; other agencies' members see nothing of it.
/// </summary>
public sealed class ReportingToMemberAgencies(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private sealed record Setup(ReportingTree Tree, MemberAgencies Agencies, TemplateView Template);

    private static Actor MemberOf(Committee committee, Agency agency) => new(null, $"thanhvien.{agency.Id}", Role.Member, committee.Id, committee.Path, agency.Id);

    private async Task<Setup> SetupAsync()
    {
        var tree = await ReportingData.TreeAsync(app);
        var agencies = await ReportingData.MemberAgenciesAsync(app, tree.Province);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template("Báo cáo chuyên đề phòng, chống thiên tai"))).Ok();
        return new(tree, agencies, template);
    }

    private static RequestInput Thematic(int templateId, IReadOnlyList<int>? committeeIds = null) =>
        new(null, templateId, "Báo cáo chuyên đề mùa mưa bão", ReportKind.Thematic, PeriodKind.Year, 2026, 1, new DateOnly(2026, 12, 20), committeeIds, ReporterKind.MemberAgencies);

    private async Task<RequestView> RequestAsync(Setup s)
    {
        await using var scope = app.ServiceScope();
        return (await scope.Get<ReportRequests>().CreateAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id, Thematic(s.Template.Id))).Ok();
    }

    private async Task<SubmissionView> FillAndSubmitAsync(Actor actor, int submissionId, string households)
    {
        await using var scope = app.ServiceScope();
        var submissions = scope.Get<Submissions>();
        var current = (await submissions.GetAsync(actor, submissionId)).Ok();
        var saved = (await submissions.SaveAsync(actor, submissionId, new SubmissionInput(new Dictionary<string, string?>
        {
            ["HO"] = households,
            ["HO_CAN"] = "200",
            ["NHATRU"] = "90",
            ["KEHOACH"] = "Có",
        }, null), current.Version)).Ok();
        return (await submissions.SubmitAsync(actor, submissionId, saved.Version)).Ok();
    }

    [Fact]
    public async Task A_request_to_the_member_agencies_reaches_each_agency_on_todays_roster_once_and_no_committee_below()
    {
        var s = await SetupAsync();

        var request = await RequestAsync(s);

        request.Reporters.ShouldBe(ReporterKind.MemberAgencies);
        request.Kind.ShouldBe(ReportKind.Thematic);
        // The health department sits twice (two people), the former member left the roster last year.
        request.Submissions.Select(x => x.AgencyId).ShouldBe([s.Agencies.Finance.Id, s.Agencies.Health.Id], ignoreOrder: true);
        request.Submissions.Select(x => x.CommitteeName).ShouldBe([s.Agencies.Finance.Name, s.Agencies.Health.Name], ignoreOrder: true);
        request.Submissions.ShouldAllBe(x => x.CommitteeId == s.Tree.Province.Id);
        await using var scope = app.ServiceScope();
        (await scope.Db.Submissions.CountAsync(x => x.RequestId == request.Id && (x.CommitteeId == s.Tree.CommuneA.Id || x.CommitteeId == s.Tree.CommuneB.Id))).ShouldBe(0);
        (await scope.Db.Notifications.CountAsync(n => n.CommitteeId == s.Tree.Province.Id && n.Text.Contains(s.Agencies.Health.Name) && n.Text.Contains("mùa mưa bão"))).ShouldBe(1);
    }

    [Fact]
    public async Task An_agency_user_fills_and_submits_its_own_report_and_the_secretariat_accepts_it_into_the_consolidation()
    {
        var s = await SetupAsync();
        var request = await RequestAsync(s);
        var health = request.Submissions.Single(x => x.AgencyId == s.Agencies.Health.Id).Id;
        var healthUser = MemberOf(s.Tree.Province, s.Agencies.Health);

        await using (var scope = app.ServiceScope())
        {
            var view = (await scope.Get<Submissions>().GetAsync(healthUser, health)).Ok();
            view.CanEdit.ShouldBeTrue();
            view.ReporterName.ShouldBe(s.Agencies.Health.Name);
            var owed = (await scope.Get<Submissions>().OwedAsync(healthUser, s.Tree.Province.Id)).Ok();
            owed.Select(o => o.Id).ShouldBe([health]);
            (await scope.Get<Submissions>().OwedAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id)).Ok().ShouldBeEmpty("the secretariat reviews them, it does not owe them");
        }
        var submitted = await FillAndSubmitAsync(healthUser, health, "150");
        submitted.Status.ShouldBe(SubmissionStatus.Submitted);

        await using (var scope = app.ServiceScope())
        {
            var submissions = scope.Get<Submissions>();
            var seen = (await submissions.GetAsync(s.Tree.ProvinceSecretariat, health)).Ok();
            seen.CanReview.ShouldBeTrue();
            seen.CanEdit.ShouldBeFalse();
            (await submissions.AcceptAsync(s.Tree.ProvinceSecretariat, health, null, seen.Version)).Ok().Status.ShouldBe(SubmissionStatus.Accepted);
            var requests = scope.Get<ReportRequests>();
            var consolidated = (await requests.ConsolidatedAsync(s.Tree.ProvinceSecretariat, request.Id)).Ok();
            consolidated.Rows.Single(r => r.Code == "HO").Value.ShouldBe(150m);
            consolidated.Counted.Single().CommitteeName.ShouldBe(s.Agencies.Health.Name);
            consolidated.NotCounted.Single().CommitteeName.ShouldBe(s.Agencies.Finance.Name);
            var provenance = (await requests.ProvenanceAsync(s.Tree.ProvinceSecretariat, request.Id, "HO")).Ok();
            provenance.Lines.Single().ShouldSatisfyAllConditions(l => l.AgencyId.ShouldBe(s.Agencies.Health.Id), l => l.CommitteeName.ShouldBe(s.Agencies.Health.Name));
            var grid = (await requests.ComplianceAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id, PeriodKind.Year, 2026, 2026)).Ok();
            grid.Rows.Select(r => (r.AgencyId, r.CommitteeName)).ShouldBe([(s.Agencies.Finance.Id, s.Agencies.Finance.Name), (s.Agencies.Health.Id, s.Agencies.Health.Name)], ignoreOrder: true);
            grid.Rows.Single(r => r.AgencyId == s.Agencies.Health.Id).Cells.Single().Compliance.ShouldBe(Compliance.OnTime);
        }

        // The committee's users read which agency's report was accepted, and which returned and why.
        var finance = request.Submissions.Single(x => x.AgencyId == s.Agencies.Finance.Id).Id;
        var financeSubmitted = await FillAndSubmitAsync(MemberOf(s.Tree.Province, s.Agencies.Finance), finance, "90");
        await using (var scope = app.ServiceScope())
        {
            (await scope.Get<Submissions>().ReturnAsync(s.Tree.ProvinceSecretariat, finance, "Thiếu số liệu nhà trú ẩn.", financeSubmitted.Version)).Ok();
            var notices = await scope.Db.Notifications.Where(n => n.CommitteeId == s.Tree.Province.Id && (n.Key.StartsWith("accepted:") || n.Key.StartsWith("returned:")))
                .Select(n => n.Text).ToListAsync();
            notices.Select(n => n.Trim()).ShouldBe([
                $"Báo cáo \"Báo cáo chuyên đề mùa mưa bão\" của {s.Agencies.Health.Name} đã được tiếp nhận.",
                $"Báo cáo \"Báo cáo chuyên đề mùa mưa bão\" của {s.Agencies.Finance.Name} bị trả lại: Thiếu số liệu nhà trú ẩn.",
            ], ignoreOrder: true);
        }
    }

    [Fact]
    public async Task The_secretariat_reads_nothing_of_an_agencys_draft_until_it_is_submitted_then_the_submitted_figures_not_the_next_draft()
    {
        var s = await SetupAsync();
        var request = await RequestAsync(s);
        var health = request.Submissions.Single(x => x.AgencyId == s.Agencies.Health.Id).Id;
        var healthUser = MemberOf(s.Tree.Province, s.Agencies.Health);
        await using (var scope = app.ServiceScope())
        {
            var submissions = scope.Get<Submissions>();
            var current = (await submissions.GetAsync(healthUser, health)).Ok();
            (await submissions.SaveAsync(healthUser, health, new SubmissionInput(new Dictionary<string, string?> { ["HO"] = "120" }, null), current.Version)).Ok();

            var unsent = (await submissions.GetAsync(s.Tree.ProvinceSecretariat, health)).Ok();
            unsent.ShouldSatisfyAllConditions(
                v => v.NothingSubmitted.ShouldBeTrue(),
                v => v.Fields.ShouldAllBe(f => f.Number == null && f.Display == ""),
                v => v.CanEdit.ShouldBeFalse());
            var own = (await submissions.GetAsync(healthUser, health)).Ok();
            own.ShouldSatisfyAllConditions(v => v.NothingSubmitted.ShouldBeFalse(), v => v.Fields.Single(f => f.Code == "HO").Number.ShouldBe(120m));
        }

        var submitted = await FillAndSubmitAsync(healthUser, health, "150");
        await using (var scope = app.ServiceScope())
        {
            var submissions = scope.Get<Submissions>();
            var returned = (await submissions.ReturnAsync(s.Tree.ProvinceSecretariat, health, "Bổ sung số hộ cần sơ tán.", submitted.Version)).Ok();
            (await submissions.SaveAsync(healthUser, health, new SubmissionInput(new Dictionary<string, string?> { ["HO"] = "175" }, null), returned.Version)).Ok();

            var seen = (await submissions.GetAsync(s.Tree.ProvinceSecretariat, health)).Ok();
            seen.ShouldSatisfyAllConditions(
                v => v.NothingSubmitted.ShouldBeFalse(),
                v => v.ShownVersionNumber.ShouldBe(1),
                v => v.Fields.Single(f => f.Code == "HO").Number.ShouldBe(150m));
        }
    }

    [Fact]
    public async Task An_agencys_notices_are_read_by_its_members_and_the_secretariat_not_by_the_other_agencys_members()
    {
        var s = await SetupAsync();
        var request = await RequestAsync(s);
        var health = request.Submissions.Single(x => x.AgencyId == s.Agencies.Health.Id).Id;
        var healthUser = MemberOf(s.Tree.Province, s.Agencies.Health);
        var financeUser = MemberOf(s.Tree.Province, s.Agencies.Finance);
        var submitted = await FillAndSubmitAsync(healthUser, health, "150");
        await using (var scope = app.ServiceScope())
        {
            (await scope.Get<Submissions>().ReturnAsync(s.Tree.ProvinceSecretariat, health, "Thiếu số liệu nhà trú ẩn.", submitted.Version)).Ok();
        }

        await using var read = app.ServiceScope();
        var notifications = read.Get<Notifications>();
        async Task<List<string>> NoticesOf(Actor actor) =>
            [.. (await notifications.ListAsync(actor, unreadOnly: false, new PageRequest(1, 100))).Items.Select(n => n.Text).Where(t => t.Contains("mùa mưa bão"))];
        var ofHealth = await NoticesOf(healthUser);
        var ofFinance = await NoticesOf(financeUser);
        var ofSecretariat = await NoticesOf(s.Tree.ProvinceSecretariat);

        ofHealth.Count.ShouldBe(3, "asked, submitted, returned");
        ofHealth.ShouldAllBe(t => t.Contains(s.Agencies.Health.Name));
        ofFinance.ShouldAllBe(t => t.Contains(s.Agencies.Finance.Name));
        ofFinance.ShouldNotBeEmpty();
        ofSecretariat.ShouldBe([.. ofHealth.Concat(ofFinance)], ignoreOrder: true);
        (await notifications.UnreadCountAsync(financeUser)).ShouldBe(ofFinance.Count);
    }

    [Fact]
    public async Task Another_agencys_member_neither_reads_nor_fills_it_and_the_secretariat_does_not_fill_it_for_the_agency()
    {
        var s = await SetupAsync();
        var request = await RequestAsync(s);
        var health = request.Submissions.Single(x => x.AgencyId == s.Agencies.Health.Id).Id;
        var financeUser = MemberOf(s.Tree.Province, s.Agencies.Finance);
        await using var scope = app.ServiceScope();
        var submissions = scope.Get<Submissions>();
        var version = (await submissions.GetAsync(s.Tree.ProvinceSecretariat, health)).Ok().Version;

        (await submissions.GetAsync(financeUser, health)).Outcome.ShouldBe(Outcome.NotFound);
        (await submissions.SaveAsync(financeUser, health, new SubmissionInput(new Dictionary<string, string?> { ["HO"] = "1" }, null), version)).Outcome.ShouldBe(Outcome.NotFound);
        (await submissions.SaveAsync(s.Tree.ProvinceSecretariat, health, new SubmissionInput(new Dictionary<string, string?> { ["HO"] = "1" }, null), version)).Outcome.ShouldBe(Outcome.Forbidden);
        (await submissions.GetAsync(s.Tree.ProvinceSecretariat, health)).Ok().CanEdit.ShouldBeFalse();
        // The request, its provenance and the grid show a member only its own agency's row.
        var requests = scope.Get<ReportRequests>();
        (await requests.GetAsync(financeUser, request.Id)).Ok().Submissions.Select(x => x.AgencyId).ShouldBe([s.Agencies.Finance.Id]);
        (await requests.ComplianceAsync(financeUser, s.Tree.Province.Id, PeriodKind.Year, 2026, 2026)).Ok().Rows.Select(r => r.AgencyId).ShouldBe([s.Agencies.Finance.Id]);
        // A commune below has no business with the province's agencies.
        (await submissions.GetAsync(s.Tree.SecretariatA, health)).Outcome.ShouldBe(Outcome.NotFound);
        (await scope.Db.SubmissionValues.CountAsync(v => scope.Db.SubmissionVersions.Any(x => x.SubmissionId == health && x.Id == v.SubmissionVersionId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_regime_for_the_member_agencies_sends_its_requests_to_them_and_a_choice_of_committees_is_refused()
    {
        var s = await SetupAsync();
        await using var scope = app.ServiceScope();
        var templates = scope.Get<ReportTemplates>();
        var regime = (await templates.CreateRegimeAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id,
            new RegimeInput("Báo cáo quý của các sở, ngành", s.Template.Id, ReportKind.Periodic, PeriodKind.Quarter, null, null, null, ReporterKind.MemberAgencies))).Ok();
        regime.Reporters.ShouldBe(ReporterKind.MemberAgencies);
        var requests = scope.Get<ReportRequests>();

        var request = (await requests.CreateAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id,
            new RequestInput(regime.Id, null, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 2, null, null))).Ok();
        request.Submissions.ShouldAllBe(x => x.AgencyId != null);
        request.Submissions.Count.ShouldBe(2);

        var before = await scope.Db.ReportRequests.CountAsync();
        var refused = await requests.CreateAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id, Thematic(s.Template.Id, [s.Tree.CommuneA.Id]));
        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.Single().Message.ShouldContain("cơ quan thành viên");
        // A form that names the committees below under this regime is told who reports, not overruled.
        var committees = await requests.CreateAsync(s.Tree.ProvinceSecretariat, s.Tree.Province.Id,
            new RequestInput(regime.Id, null, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 3, null, null, ReporterKind.Committees));
        committees.Outcome.ShouldBe(Outcome.Invalid);
        committees.Problems.Single().ShouldSatisfyAllConditions(
            p => p.Field.ShouldBe(nameof(RequestInput.Reporters)),
            p => p.Message.ShouldBe("Chế độ 'Báo cáo quý của các sở, ngành' do các cơ quan thành viên báo cáo: hãy chọn gửi các cơ quan thành viên."));
        (await scope.Db.ReportRequests.CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_committee_with_no_member_agency_on_its_roster_is_told_so_and_nothing_is_requested()
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();

        var refused = await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, Thematic(template.Id));

        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.Single().Message.ShouldBe("Danh sách thành viên hôm nay chưa có cơ quan nào để yêu cầu báo cáo.");
        (await scope.Db.ReportRequests.CountAsync(r => r.CommitteeId == tree.Province.Id)).ShouldBe(0);
    }
}
