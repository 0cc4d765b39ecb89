using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SteerCo.Access;
using SteerCo.Members;
using SteerCo.Reporting;
using SteerCo.Tests.Support;
using SteerCo.Text;

namespace SteerCo.Tests.Localization;

/// <summary>
/// Dates and times are Vietnam's whatever the server's own zone (the tests' machine runs on UTC):
/// "today" turns at midnight in Vietnam, times on pages are Vietnam's, a report sent at 1 a.m. the
/// day after its deadline is late. An operator may name another zone (Clock:TimeZone).
/// </summary>
public sealed class ReadingTheCommitteesTime(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static TimeProvider ClockOf(string? zone)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite",
            ["ConnectionStrings:Default"] = "Data Source=:memory:",
            ["Clock:TimeZone"] = zone,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSteerCo(configuration);
        return services.BuildServiceProvider().GetRequiredService<TimeProvider>();
    }

    [Fact]
    public void The_clock_reads_Vietnams_time_unless_an_operator_names_another_zone()
    {
        var vietnam = ClockOf(null);
        var utc = ClockOf("UTC");

        // 18:30 UTC on 2 March is 01:30 on 3 March in Vietnam.
        var evening = new DateTimeOffset(2026, 3, 2, 18, 30, 0, TimeSpan.Zero);
        vietnam.Local(evening).ShouldBe(new DateTimeOffset(2026, 3, 3, 1, 30, 0, TimeSpan.FromHours(7)));
        vietnam.Local(evening).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("03/03/2026 01:30");
        utc.Local(evening).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("02/03/2026 18:30");
        vietnam.LocalTimeZone.GetUtcOffset(DateTimeOffset.UtcNow).ShouldBe(TimeSpan.FromHours(7));
        vietnam.Today().ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)));
        utc.Today().ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow));
    }

    [Fact]
    public void A_zone_the_server_does_not_know_stops_the_app_with_its_name()
    {
        var problem = Should.Throw<InvalidOperationException>(() => ClockOf("Mars/Olympus_Mons"));

        problem.Message.ShouldContain("Clock:TimeZone 'Mars/Olympus_Mons'");
    }

    [Fact]
    public void A_report_first_sent_after_midnight_in_Vietnam_is_late_though_it_is_still_the_deadline_day_in_UTC()
    {
        var deadline = new DateOnly(2026, 3, 25);
        var after = new DateOnly(2026, 4, 1);

        // 23:30 on the 25th in Vietnam: on time. 01:00 on the 26th in Vietnam (18:00 UTC on the 25th): late.
        ReportRequests.ComplianceOf(SubmissionStatus.Submitted, new DateTimeOffset(2026, 3, 25, 16, 30, 0, TimeSpan.Zero), deadline, after, CommitteeTime.Vietnam)
            .ShouldBe(Compliance.OnTime);
        ReportRequests.ComplianceOf(SubmissionStatus.Submitted, new DateTimeOffset(2026, 3, 25, 18, 0, 0, TimeSpan.Zero), deadline, after, CommitteeTime.Vietnam)
            .ShouldBe(Compliance.Late);
    }

    [Fact]
    public async Task A_notice_shows_the_time_it_came_in_Vietnam()
    {
        var committee = app.Hierarchy.Danang;
        await using (var scope = app.ServiceScope())
        {
            scope.Db.Notifications.Add(new Notification
            {
                CommitteeId = committee.Id,
                Key = $"clock-test:{Guid.NewGuid():N}",
                Text = "Thông báo lúc nửa đêm",
                CreatedAt = new DateTimeOffset(2026, 3, 2, 18, 30, 0, TimeSpan.Zero),
            });
            await scope.Db.SaveChangesAsync();
        }
        var secretariat = await app.SignInToPagesAsync(Role.Secretariat, committee.Id);

        var page = await secretariat.GetPageAsync("/Notifications");

        page.ShouldContain("03/03/2026 01:30");
        page.ShouldNotContain("02/03/2026 18:30");
    }

    [Fact]
    public async Task Today_over_the_API_is_the_named_zones_day()
    {
        // UTC+14 is a day or two ahead of UTC−12 at every hour: whichever the machine's zone, only the setting decides.
        await using var ahead = await SteerCoApp.StartAsync(settings: new Dictionary<string, string?> { ["Clock:TimeZone"] = "Etc/GMT-14" });
        await using var behind = await SteerCoApp.StartAsync(settings: new Dictionary<string, string?> { ["Clock:TimeZone"] = "Etc/GMT+12" });

        var first = await RosterDayAsync(ahead);
        var second = await RosterDayAsync(behind);

        first.ShouldBeOneOf(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(14)), DateOnly.FromDateTime(DateTime.UtcNow.AddHours(14).AddMinutes(-1)));
        second.ShouldBeOneOf(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-12)), DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-12).AddMinutes(-1)));
        first.ShouldBeGreaterThan(second);
    }

    private static async Task<DateOnly> RosterDayAsync(SteerCoApp app)
    {
        var leader = await app.SignInAsync(Role.Leader, app.Hierarchy.Danang.Id);
        return (await leader.GetJsonAsync<Roster>($"/api/v1/committees/{app.Hierarchy.Danang.Id}/roster")).On;
    }
}
