using System.Net;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>The member-agency loop over the API with real accounts: request, an agency's user submits, another agency's cannot see it, the secretariat accepts.</summary>
public sealed class ReportingToMemberAgenciesOverHttp(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public async Task A_province_asks_its_member_agencies_one_agency_submits_over_the_api_and_the_secretariat_accepts()
    {
        var tree = await ReportingData.TreeAsync(app);
        var agencies = await ReportingData.MemberAgenciesAsync(app, tree.Province);
        var province = await app.SignInAsync(Role.Secretariat, tree.Province.Id);
        var health = await app.SignInAsync(Role.Member, tree.Province.Id, agencies.Health.Id);
        var finance = await app.SignInAsync(Role.Member, tree.Province.Id, agencies.Finance.Id);
        var created = await province.PostJsonAsync($"/api/v1/committees/{tree.Province.Id}/report-templates", ReportingData.Template());
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var template = await created.ReadJsonAsync<TemplateView>();

        var requested = await province.PostJsonAsync($"/api/v1/committees/{tree.Province.Id}/report-requests",
            new { templateId = template.Id, kind = "Thematic", reporters = "MemberAgencies", periodKind = "Year", year = 2026, number = 1, deadline = "2026-12-20" });

        await requested.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var request = await requested.ReadJsonAsync<RequestView>();
        request.Reporters.ShouldBe(ReporterKind.MemberAgencies);
        var submissionId = request.Submissions.Single(s => s.AgencyId == agencies.Health.Id).Id;
        var owed = await (await health.GetAsync($"/api/v1/committees/{tree.Province.Id}/submissions")).ReadJsonAsync<List<OwedSubmission>>();
        owed.Select(o => o.Id).ShouldContain(submissionId);

        (await finance.GetAsync($"/api/v1/submissions/{submissionId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var view = await (await health.GetAsync($"/api/v1/submissions/{submissionId}")).ReadJsonAsync<SubmissionView>();
        var forbidden = await province.PutJsonAsync($"/api/v1/submissions/{submissionId}", new { values = new Dictionary<string, string> { ["HO"] = "1" }, version = view.Version });
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var saved = await health.PutJsonAsync($"/api/v1/submissions/{submissionId}",
            new { values = new Dictionary<string, string> { ["HO"] = "150", ["HO_CAN"] = "200", ["NHATRU"] = "90", ["KEHOACH"] = "Có" }, version = view.Version });
        await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        // The secretariat does not read the draft being typed, nor download it as a workbook.
        var unsent = await (await province.GetAsync($"/api/v1/submissions/{submissionId}")).ReadJsonAsync<SubmissionView>();
        unsent.NothingSubmitted.ShouldBeTrue();
        unsent.Fields.ShouldAllBe(f => f.Display == "");
        var workbook = await province.GetAsync($"/api/v1/submissions/{submissionId}/workbook.xlsx");
        await workbook.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var cells = SubmissionWorkbook.Read(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()), unsent);
        cells.Problems.ShouldBeEmpty();
        cells.Values.Values.ShouldAllBe(v => v.Number == null && v.Text == null);
        var page = await (await app.SignInToPagesAsync(Role.Secretariat, tree.Province.Id)).GetPageAsync($"/Reporting/Submission/{submissionId}");
        page.ShouldContain($"{agencies.Health.Name} chưa gửi báo cáo. Số liệu đang nhập chỉ đơn vị báo cáo xem được, cho đến khi gửi.");
        page.ShouldNotContain("<table class=\"figures\">");
        var submitted = await health.PostJsonAsync($"/api/v1/submissions/{submissionId}/submit", new { version = (await saved.ReadJsonAsync<SubmissionView>()).Version });
        await submitted.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var accepted = await province.PostJsonAsync($"/api/v1/submissions/{submissionId}/accept", new { version = (await submitted.ReadJsonAsync<SubmissionView>()).Version });
        await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await accepted.ReadJsonAsync<SubmissionView>()).Status.ShouldBe(SubmissionStatus.Accepted);
        var read = await (await province.GetAsync($"/api/v1/submissions/{submissionId}")).ReadJsonAsync<SubmissionView>();
        read.ShouldSatisfyAllConditions(v => v.NothingSubmitted.ShouldBeFalse(), v => v.Fields.Single(f => f.Code == "HO").Display.ShouldBe("150"));
        var consolidated = await (await province.GetAsync($"/api/v1/report-requests/{request.Id}/consolidated")).ReadJsonAsync<ConsolidatedView>();
        consolidated.Rows.Single(r => r.Code == "HO").Value.ShouldBe(150m);
        var grid = await (await province.GetAsync($"/api/v1/committees/{tree.Province.Id}/report-compliance?kind=Year&from=2026")).ReadJsonAsync<ComplianceGrid>();
        grid.Rows.Single(r => r.AgencyId == agencies.Health.Id).Cells.Single().Compliance.ShouldBe(Compliance.OnTime);
        grid.Rows.Single(r => r.AgencyId == agencies.Finance.Id).Cells.Single().Compliance.ShouldBe(Compliance.Pending);
    }
}
