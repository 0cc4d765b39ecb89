using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Demo;
using SteerCo.Reporting;
using SteerCo.Tests.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Demo;

/// <summary>The demo that `dotnet run` seeds: something to report on, and seeding again changes nothing.</summary>
public sealed class SeedingTheDemo
{
    [Fact]
    public async Task Da_Nang_has_a_quarterly_report_of_every_kind_of_indicator_to_request_and_seeding_again_changes_nothing()
    {
        await using var app = await SteerCoApp.StartAsync(withHierarchy: false);
        await using var scope = app.ServiceScope();
        var seeder = scope.Get<DemoSeeder>();

        (await seeder.SeedAsync("Admin-Pass-2025", "Demo-Pass-2025")).DemoCreated.ShouldBeTrue();

        var danang = await scope.Db.Committees.SingleAsync(c => c.Unit!.Code == "48");
        var templates = scope.Get<ReportTemplates>();
        var summary = (await templates.ListAsync(Actor.System(), danang.Id)).Ok().ShouldHaveSingleItem();
        var template = (await templates.GetAsync(Actor.System(), danang.Id, summary.Id)).Ok().Current;
        template.Indicators.Count.ShouldBeInRange(8, 12);
        template.Indicators.Select(i => i.Type).Distinct().ShouldBe(Enum.GetValues<IndicatorType>(), ignoreOrder: true);
        template.Indicators.Select(i => i.Aggregation).Distinct().ShouldBe(Enum.GetValues<Aggregation>(), ignoreOrder: true);
        template.Indicators.ShouldContain(i => i.Formula != null);
        template.Sections.ShouldNotBeEmpty();
        var regime = (await templates.RegimesAsync(Actor.System(), danang.Id)).Ok().ShouldHaveSingleItem();
        (regime.TemplateId, regime.PeriodKind, regime.DeadlineDay).ShouldBe((summary.Id, PeriodKind.Quarter, 25));
        var communesWithSecretariats = await scope.Db.Users.Where(u => u.Role == Role.Secretariat && u.Committee!.ParentId == danang.Id).CountAsync();
        communesWithSecretariats.ShouldBeGreaterThanOrEqualTo(2, "two communes of Đà Nẵng can report");
        var audit = await scope.Db.AuditEntries.CountAsync();

        (await seeder.SeedAsync("Admin-Pass-2025", "Demo-Pass-2025")).DemoCreated.ShouldBeFalse();

        (await scope.Db.ReportTemplates.CountAsync()).ShouldBe(1);
        (await scope.Db.ReportingRegimes.CountAsync()).ShouldBe(1);
        (await scope.Db.AuditEntries.CountAsync()).ShouldBe(audit);
    }
}
