using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SteerCo.Accounts;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Reporting;

/// <summary>
/// The reminder job's work, run with a clock the test sets: the committees that have not submitted
/// are reminded three days before the deadline and on it, once each, and mailed when SMTP is set.
/// </summary>
public sealed class RemindingBeforeTheDeadline(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private sealed record Setup(ReportingTree Tree, RequestView Request, int SubmissionA, int SubmissionB);

    private async Task<Setup> RequestAsync(ReportingPeriod period, DateOnly? deadline = null)
    {
        var tree = await ReportingData.TreeAsync(app);
        await using var scope = app.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(null, template.Id, null, ReportKind.Periodic, period.Kind, period.Year, period.Number, deadline, null))).Ok();
        return new(tree, request, request.Submissions.Single(s => s.CommitteeId == tree.CommuneA.Id).Id, request.Submissions.Single(s => s.CommitteeId == tree.CommuneB.Id).Id);
    }

    private async Task SubmitAsync(ReportingTree tree, int submissionId)
    {
        await using var scope = app.ServiceScope();
        var values = new Dictionary<string, string?> { ["HO"] = "1", ["HO_CAN"] = "2", ["NHATRU"] = "50", ["KEHOACH"] = "Có" };
        (await scope.Get<Submissions>().SaveAndSubmitAsync(tree.SecretariatA, submissionId, new SubmissionInput(values, null), 0)).Ok();
    }

    private async Task<ReminderRun> RunAsync(DateTimeOffset at, SmtpOptions? smtp = null)
    {
        await using var scope = app.ServiceScope();
        var reminders = new ReportReminders(scope.Db, new TestClock(at), Options.Create(new ReminderOptions { BaseUrl = "https://steerco.example.vn" }),
            new ReminderMail(Options.Create(smtp ?? new SmtpOptions())), NullLogger<ReportReminders>.Instance);
        return await reminders.RunAsync();
    }

    private async Task<List<string>> RemindersOfAsync(int committeeId)
    {
        await using var scope = app.ServiceScope();
        return await scope.Db.Notifications.Where(n => n.CommitteeId == committeeId && n.Key.StartsWith("remind-")).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync();
    }

    [Fact]
    public async Task Communes_that_have_not_submitted_are_reminded_three_days_before_and_on_the_day_once_each()
    {
        var s = await RequestAsync(ReportingPeriod.Quarter(2026, 1));
        await SubmitAsync(s.Tree, s.SubmissionA);

        await RunAsync(TestClock.At(2026, 3, 21, 23));
        (await RemindersOfAsync(s.Tree.CommuneB.Id)).ShouldBeEmpty("four days before, nobody is reminded");

        await RunAsync(TestClock.At(2026, 3, 22, 7));
        await RunAsync(TestClock.At(2026, 3, 22, 15));
        await RunAsync(TestClock.At(2026, 3, 24));

        (await RemindersOfAsync(s.Tree.CommuneB.Id)).ShouldBe(["Nhắc: báo cáo \"Báo cáo công tác phòng, chống thiên tai Quý I/2026\" đến hạn gửi ngày 25/03/2026 (còn 3 ngày) mà đơn vị chưa gửi."]);
        (await RemindersOfAsync(s.Tree.CommuneA.Id)).ShouldBeEmpty("commune A has submitted");

        await using (var scope = app.ServiceScope())
        {
            var submissions = scope.Get<Submissions>();
            var submitted = (await submissions.GetAsync(s.Tree.ProvinceSecretariat, s.SubmissionA)).Ok();
            (await submissions.ReturnAsync(s.Tree.ProvinceSecretariat, s.SubmissionA, "Thiếu số liệu nhà trú ẩn.", submitted.Version)).Ok();
        }
        await RunAsync(TestClock.At(2026, 3, 25, 0));
        await RunAsync(TestClock.At(2026, 3, 25, 18));
        await RunAsync(TestClock.At(2026, 3, 26));

        (await RemindersOfAsync(s.Tree.CommuneB.Id)).Count.ShouldBe(2);
        (await RemindersOfAsync(s.Tree.CommuneB.Id))[1].ShouldBe("Nhắc: hôm nay (25/03/2026) là hạn gửi báo cáo \"Báo cáo công tác phòng, chống thiên tai Quý I/2026\" mà đơn vị chưa gửi.");
        (await RemindersOfAsync(s.Tree.CommuneA.Id)).ShouldHaveSingleItem().ShouldContain("hôm nay", customMessage: "a returned report is owed again");
    }

    [Fact]
    public async Task Reminders_are_mailed_to_the_committees_active_users_only_when_SMTP_is_configured()
    {
        var s = await RequestAsync(ReportingPeriod.Quarter(2026, 2));
        await using (var scope = app.ServiceScope())
        {
            var users = scope.Get<UserAdministration>();
            (await users.CreateAsync(scope.Actor, new UserInput($"nhac.b.{s.Tree.CommuneB.Id}", "Thư ký xã Tây", $"thuky.{s.Tree.CommuneB.Id}@example.vn",
                SteerCo.Access.Role.Secretariat, s.Tree.CommuneB.Id, null, TestData.Password()))).Ok();
            (await users.CreateAsync(scope.Actor, new UserInput($"nhac.tinh.{s.Tree.Province.Id}", "Thư ký tỉnh", $"tinh.{s.Tree.Province.Id}@example.vn",
                SteerCo.Access.Role.Secretariat, s.Tree.Province.Id, null, TestData.Password()))).Ok();
        }
        var folder = Path.Combine(Path.GetTempPath(), "steerco-mail-" + Guid.NewGuid().ToString("N"));
        try
        {
            var before = await RunAsync(TestClock.At(2026, 6, 22));
            before.Notified.ShouldBeGreaterThanOrEqualTo(2);
            before.Mailed.ShouldBe(0, "no SMTP configured");

            var onTheDay = await RunAsync(TestClock.At(2026, 6, 25), new SmtpOptions { PickupDirectory = folder, From = "SteerCo <steerco@example.vn>" });

            onTheDay.Mailed.ShouldBe(1);
            var message = await File.ReadAllTextAsync(Directory.GetFiles(folder).ShouldHaveSingleItem());
            message.ShouldContain($"To: thuky.{s.Tree.CommuneB.Id}@example.vn");
            message.ShouldNotContain($"tinh.{s.Tree.Province.Id}@example.vn");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_member_agency_that_has_not_submitted_is_named_in_its_reminder_and_only_its_own_users_are_mailed()
    {
        var tree = await ReportingData.TreeAsync(app);
        var agencies = await ReportingData.MemberAgenciesAsync(app, tree.Province);
        await using (var scope = app.ServiceScope())
        {
            var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
            (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
                new RequestInput(null, template.Id, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 3, null, null, ReporterKind.MemberAgencies))).Ok();
            var users = scope.Get<UserAdministration>();
            foreach (var (name, role, agencyId) in new[] { ("yte", SteerCo.Access.Role.Member, (int?)agencies.Health.Id), ("taichinh", SteerCo.Access.Role.Member, agencies.Finance.Id), ("thuky", SteerCo.Access.Role.Secretariat, null) })
            {
                (await users.CreateAsync(scope.Actor, new UserInput($"{name}.{tree.Province.Id}", name, $"{name}.{tree.Province.Id}@example.vn", role, tree.Province.Id, agencyId, TestData.Password()))).Ok();
            }
        }
        var folder = Path.Combine(Path.GetTempPath(), "steerco-mail-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await RunAsync(TestClock.At(2026, 9, 22), new SmtpOptions { PickupDirectory = folder, From = "SteerCo <steerco@example.vn>" });

            (await RemindersOfAsync(tree.Province.Id)).ShouldBe([
                $"Nhắc: {agencies.Health.Name} chưa gửi báo cáo \"Báo cáo công tác phòng, chống thiên tai Quý III/2026\", hạn gửi ngày 25/09/2026 (còn 3 ngày).",
                $"Nhắc: {agencies.Finance.Name} chưa gửi báo cáo \"Báo cáo công tác phòng, chống thiên tai Quý III/2026\", hạn gửi ngày 25/09/2026 (còn 3 ngày).",
            ], ignoreOrder: true);
            run.Mailed.ShouldBe(2, "one message to each agency's member, none to the secretariat");
            var recipients = Directory.GetFiles(folder).Select(File.ReadAllText)
                .Select(m => System.Text.RegularExpressions.Regex.Match(m, "^To: (.*)$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value.Trim()).ToList();
            recipients.ShouldBe([$"yte.{tree.Province.Id}@example.vn", $"taichinh.{tree.Province.Id}@example.vn"], ignoreOrder: true);

            await RunAsync(TestClock.At(2026, 9, 25, 8));

            (await RemindersOfAsync(tree.Province.Id)).ShouldContain($"Nhắc: hôm nay (25/09/2026) là hạn gửi báo cáo \"Báo cáo công tác phòng, chống thiên tai Quý III/2026\" mà {agencies.Health.Name} chưa gửi.");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_web_app_runs_the_reminders_on_its_own_every_interval()
    {
        await using var running = await SteerCoApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Reminders:Enabled"] = "true",
            ["Reminders:Interval"] = "00:00:01",
        });
        var tree = await ReportingData.TreeAsync(running);
        await using var scope = running.ServiceScope();
        var template = (await scope.Get<ReportTemplates>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id, ReportingData.Template())).Ok();
        var request = (await scope.Get<ReportRequests>().CreateAsync(tree.ProvinceSecretariat, tree.Province.Id,
            new RequestInput(null, template.Id, null, ReportKind.AdHoc, PeriodKind.Quarter, 2030, 1, TestClock.Today.AddDays(2), null))).Ok();
        var key = $"remind-before:{request.Submissions.Single(x => x.CommitteeId == tree.CommuneA.Id).Id}";

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await scope.Db.Notifications.AnyAsync(n => n.Key == key) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250);
        }

        (await scope.Db.Notifications.CountAsync(n => n.Key == key)).ShouldBe(1);
    }
}
