using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Demo;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Demo;

/// <summary>
/// The generated reports: five years of quarterly requests down the hierarchy, answered as the app
/// would have it — each province's report to the centre rolled up from its accepted communes — so
/// that the consolidated tables the centre reads add up.
/// </summary>
public sealed class GeneratingTheReports(GeneratedSmallDataSet data) : IClassFixture<GeneratedSmallDataSet>
{
    private SteerCoApp App => data.App;

    [Fact]
    public async Task Every_committee_with_committees_below_asks_them_each_quarter_and_each_gets_one_submission()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var committees = await db.Committees.AsNoTracking().Select(c => new { c.Id, c.ParentId }).ToListAsync();
        var requests = await db.ReportRequests.AsNoTracking().ToListAsync();
        var submissions = (await db.Submissions.AsNoTracking().Select(s => new { s.RequestId, s.CommitteeId }).ToListAsync()).ToLookup(s => s.RequestId);

        var askers = committees.Where(c => committees.Any(b => b.ParentId == c.Id)).Select(c => c.Id).ToHashSet();
        requests.Select(r => r.CommitteeId).ToHashSet().ShouldBe(askers, ignoreOrder: true);
        foreach (var asker in requests.GroupBy(r => r.CommitteeId))
        {
            asker.Select(r => r.Period).Distinct().Count().ShouldBe(GeneratedReporting.Quarters);
            asker.Min(r => r.Period.Key).ShouldBe(GeneratedReporting.First.Key);
        }
        foreach (var request in requests)
        {
            var below = committees.Where(c => c.ParentId == request.CommitteeId).Select(c => c.Id).Order();
            submissions[request.Id].Select(s => s.CommitteeId).Order().ShouldBe(below, $"request {request.Id}");
        }
    }

    [Fact]
    public async Task The_centre_s_consolidated_figures_are_the_sums_of_its_provinces_accepted_figures_and_theirs_of_their_communes()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var requests = scope.Get<ReportRequests>();
        var central = await db.ReportRequests.AsNoTracking().Include(r => r.Committee)
            .Where(r => r.Committee!.ParentId == null && r.PeriodYear == 2023).ToListAsync();
        central.ShouldNotBeEmpty();
        var checkedFigures = 0;
        foreach (var request in central)
        {
            var consolidated = await requests.ConsolidatedAsync(Actor.System(), request.Id);
            consolidated.IsOk.ShouldBeTrue();
            var accepted = await AcceptedValuesAsync(db, request.Id);
            if (accepted.Count == 0)
            {
                continue; // No province accepted this quarter: nothing rolls up.
            }
            foreach (var row in consolidated.Value!.Rows.Where(r => r.Type is IndicatorType.Number or IndicatorType.Count && r.Aggregation == Aggregation.Sum && r.Formula is null))
            {
                row.Value.ShouldBe(accepted.Where(v => v.IndicatorId == row.IndicatorId).Sum(v => v.Number), row.Code);
                checkedFigures++;
            }

            // Each accepted province's figures are its own request's consolidated figures, as the app's prefill gives them.
            var provinces = await db.Submissions.AsNoTracking().Where(s => s.RequestId == request.Id && s.AcceptedVersionId != null)
                .Join(db.SubmissionVersions, s => s.AcceptedVersionId, v => v.Id, (s, v) => new { s.Id, VersionId = v.Id, v.PrefilledFromRequestId })
                .ToListAsync();
            foreach (var province in provinces)
            {
                province.PrefilledFromRequestId.ShouldNotBeNull();
                var own = await requests.ConsolidatedAsync(Actor.System(), province.PrefilledFromRequestId!.Value);
                var figures = accepted.Where(v => v.SubmissionVersionId == province.VersionId).ToDictionary(v => v.Code);
                foreach (var row in own.Value!.Rows.Where(r => r.Formula is null && r.Type is IndicatorType.Number or IndicatorType.Count or IndicatorType.Percentage))
                {
                    figures[row.Code].Number.ShouldBe(row.Value, $"{row.Code} of submission {province.Id}");
                    checkedFigures++;
                }
            }
        }
        checkedFigures.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Every_figure_of_a_count_is_whole_and_not_negative_as_a_count_typed_in_the_app_must_be()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var counts = GeneratedReporting.Indicators.Where(i => i.Type == IndicatorType.Count).Select(i => i.Code).ToList();
        counts.ShouldContain("CD01");

        var figures = await (from v in db.SubmissionValues.AsNoTracking()
                             join i in db.ReportIndicators on v.IndicatorId equals i.Id
                             where counts.Contains(i.Code) && i.Formula == null
                             select new { i.Code, v.Number }).ToListAsync();

        figures.ShouldNotBeEmpty();
        figures.Where(f => f.Number is not { } n || n < 0 || n != decimal.Truncate(n)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Some_reports_are_late_some_returned_and_resubmitted_with_both_versions_kept_and_some_missing()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var requests = scope.Get<ReportRequests>();
        var central = await db.ReportRequests.AsNoTracking().Where(r => r.Committee!.ParentId == null).Select(r => r.CommitteeId).FirstAsync();
        var provincial = await db.Committees.AsNoTracking().Where(c => c.ParentId == central).Select(c => c.Id).FirstAsync();

        var grid = await requests.ComplianceAsync(Actor.System(), provincial, PeriodKind.Quarter, 2021, 2026);

        var cells = grid.Value!.Rows.SelectMany(r => r.Cells).Where(c => c.SubmissionId is not null).ToList();
        cells.Count(c => c.Compliance == Compliance.OnTime).ShouldBeGreaterThan(cells.Count / 2);
        cells.ShouldContain(c => c.Compliance == Compliance.Late);
        cells.ShouldContain(c => c.Compliance == Compliance.Missing);
        var versions = await db.SubmissionVersions.AsNoTracking().GroupBy(v => v.SubmissionId)
            .Where(g => g.Count() == 2 && g.Any(v => v.Accepted == false) && g.Any(v => v.Accepted == true)).Select(g => g.Key).ToListAsync();
        versions.ShouldNotBeEmpty("returned, resubmitted and accepted: both versions kept");
        var returned = await db.SubmissionValues.AsNoTracking().Where(v => v.SubmissionVersionId == db.SubmissionVersions.First(x => x.SubmissionId == versions[0] && x.Accepted == false).Id).CountAsync();
        returned.ShouldBe(GeneratedReporting.Indicators.Length, "the returned version keeps its figures");
    }

    private sealed record Figure(int SubmissionVersionId, int IndicatorId, string Code, decimal? Number);

    private static Task<List<Figure>> AcceptedValuesAsync(SteerCo.Data.SteerCoDbContext db, int requestId) =>
        (from s in db.Submissions.AsNoTracking()
         where s.RequestId == requestId && s.AcceptedVersionId != null
         join v in db.SubmissionValues on s.AcceptedVersionId equals v.SubmissionVersionId
         join i in db.ReportIndicators on v.IndicatorId equals i.Id
         select new Figure(v.SubmissionVersionId, v.IndicatorId, i.Code, v.Number)).ToListAsync();
}
