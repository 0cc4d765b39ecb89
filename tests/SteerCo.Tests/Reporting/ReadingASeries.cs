using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Reporting;
using SteerCo.Tests.Demo;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// A series: one indicator's consolidated figure over twelve quarters of the generated reports,
/// the same figures the consolidated table of each quarter shows, read only by those who read the committee.
/// </summary>
public sealed class ReadingASeries(GeneratedSmallDataSet data) : IClassFixture<GeneratedSmallDataSet>
{
    private SteerCoApp App => data.App;

    private async Task<(int Central, int Province, int Commune)> CommitteesAsync()
    {
        await using var scope = App.ServiceScope();
        var central = await scope.Db.ReportRequests.Where(r => r.Committee!.ParentId == null).Select(r => r.CommitteeId).FirstAsync();
        var province = await scope.Db.Committees.Where(c => c.ParentId == central).Select(c => c.Id).FirstAsync();
        var commune = await scope.Db.Committees.Where(c => c.ParentId == province).Select(c => c.Id).FirstAsync();
        return (central, province, commune);
    }

    [Theory]
    [InlineData("CD02")] // summed
    [InlineData("HS08")] // averaged
    [InlineData("CD05")] // a formula over two sums
    public async Task Twelve_quarters_of_one_indicator_are_the_consolidated_figures_of_the_twelve_requests(string code)
    {
        var (central, _, _) = await CommitteesAsync();
        await using var scope = App.ServiceScope();
        var requests = scope.Get<ReportRequests>();

        var series = await requests.SeriesAsync(Actor.System(), central, code, PeriodKind.Quarter, "2023-2-1", "2025-2-4");

        series.IsOk.ShouldBeTrue();
        series.Value!.Code.ShouldBe(code);
        series.Value.Points.Select(p => p.Period).ShouldBe([.. ReportingPeriod.Between(PeriodKind.Quarter, 2023, 2025).Select(p => p.ToString())]);
        foreach (var point in series.Value.Points)
        {
            var consolidated = await requests.ConsolidatedAsync(Actor.System(), point.RequestId);
            var row = consolidated.Value!.Rows.Single(r => r.Code == code);
            point.Value.ShouldBe(row.Value, point.Period);
            point.Display.ShouldBe(row.Display);
        }
        series.Value.Points.Count(p => p.Value is not null).ShouldBeGreaterThan(6, "most quarters have an accepted report");
    }

    [Fact]
    public async Task Without_periods_it_gives_the_last_twelve_quarters_asked_and_an_unknown_indicator_or_a_bad_period_is_refused()
    {
        var (central, _, _) = await CommitteesAsync();
        await using var scope = App.ServiceScope();
        var requests = scope.Get<ReportRequests>();

        var last = await requests.SeriesAsync(Actor.System(), central, "CD02", PeriodKind.Quarter, null, null);
        last.Value!.Points.Count.ShouldBe(12);
        last.Value.Points[^1].Period.ShouldBe("Quý III/2026");

        (await requests.SeriesAsync(Actor.System(), central, "KHONG_CO", PeriodKind.Quarter, null, null)).Problems.ShouldContain(p => p.Field == "Indicator");
        (await requests.SeriesAsync(Actor.System(), central, "CD02", PeriodKind.Quarter, "2025-2-4", "2023-2-1")).Problems.ShouldContain(p => p.Field == "Period");
        (await requests.SeriesAsync(Actor.System(), central, "CD02", PeriodKind.Quarter, "quý 1", null)).Problems.ShouldContain(p => p.Field == "Period");
    }

    [Fact]
    public async Task Over_http_the_centre_reads_its_series_and_a_commune_cannot_read_the_centre_s()
    {
        var (central, province, commune) = await CommitteesAsync();
        var centre = await App.SignInAsync(Role.Secretariat, central);
        var local = await App.SignInAsync(Role.Secretariat, commune);

        var series = await centre.GetJsonAsync<SeriesView>($"/api/v1/committees/{central}/reporting/series?indicator=CD02&from=2023-2-1&to=2025-2-4");
        series.Points.Count.ShouldBe(12);
        series.Points.Count(p => p.Value > 0 && p.Contributors > 0).ShouldBeGreaterThan(6);

        (await local.GetAsync($"/api/v1/committees/{central}/reporting/series?indicator=CD02")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await local.GetAsync($"/api/v1/committees/{province}/reporting/series?indicator=CD02")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await centre.GetAsync($"/api/v1/committees/{central}/reporting/series?indicator=KHONG_CO")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
