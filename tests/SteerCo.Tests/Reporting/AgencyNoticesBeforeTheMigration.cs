using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// The notices about member agencies' reports sent before notices had an agency: the migration
/// that adds it gives each the agency of the report its link opens, so they leave the other
/// agencies' lists too.
/// </summary>
public sealed class AgencyNoticesBeforeTheMigration
{
    [Fact]
    public async Task The_migration_gives_the_notices_already_sent_the_agency_of_their_report()
    {
        await using var app = await SteerCoApp.StartAsync();
        var tree = await ReportingData.TreeAsync(app);
        var agencies = await ReportingData.MemberAgenciesAsync(app, tree.Province);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, new RequestInput(null, template.Id, "Báo cáo chuyên đề",
            ReportKind.Thematic, PeriodKind.Year, 2026, 1, new DateOnly(2026, 12, 20), null, ReporterKind.MemberAgencies))).Ok();
        (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, new RequestInput(null, template.Id, null,
            ReportKind.Periodic, PeriodKind.Quarter, 2026, 1, null, null))).Ok();
        var sent = await NoticesAsync(scope.Db);
        sent.Count(n => n.AgencyId != null).ShouldBe(2);

        var migrator = scope.Db.GetService<IMigrator>();
        var migrations = scope.Db.Database.GetMigrations().ToList();
        var agencyNotices = migrations.Single(m => m.EndsWith("_NotificationsOfAnAgency", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[migrations.IndexOf(agencyNotices) - 1]);
        await migrator.MigrateAsync();

        (await NoticesAsync(scope.Db)).ShouldBe(sent, ignoreOrder: true);
        sent.Where(n => n.AgencyId != null).Select(n => n.AgencyId).ShouldBe([agencies.Finance.Id, agencies.Health.Id], ignoreOrder: true);
    }

    private static async Task<List<(int Id, int? AgencyId)>> NoticesAsync(SteerCo.Data.SteerCoDbContext db) =>
        [.. (await db.Notifications.AsNoTracking().Select(n => new { n.Id, n.AgencyId }).ToListAsync()).Select(n => (n.Id, n.AgencyId))];
}
