using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SteerCo.Demo;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco demo seed</c>: the official units, the administrator and the demo committees.</summary>
internal static class DemoCommands
{
    public static Command Create(GlobalOptions globals)
    {
        var demo = new Command("demo", CliText.Get("DemoCommand"));
        var adminPassword = new Option<string?>("--admin-password")
        {
            Description = CliText.Get("DemoAdminPasswordOption"),
        };
        var demoPassword = new Option<string?>("--demo-password")
        {
            Description = CliText.Get("DemoUsersPasswordOption"),
        };
        var seed = new Command("seed", CliText.Get("DemoSeedCommand"))
        {
            adminPassword,
            demoPassword,
        };
        seed.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            var givenAdmin = parseResult.GetValue(adminPassword);
            var givenDemo = parseResult.GetValue(demoPassword);
            var report = await session.Get<DemoSeeder>().SeedAsync(givenAdmin, givenDemo, cancellationToken);
            var output = session.Output;

            await output.WriteLineAsync(report.UnitsImported > 0
                ? CliText.Get("DemoUnitsImported", report.UnitsImported)
                : CliText.Get("DemoUnitsPresent"));

            if (report.AdminPassword is not { } admin)
            {
                await output.WriteLineAsync(CliText.Get("DemoAdminExists", report.AdminUserName));
            }
            else if (string.IsNullOrEmpty(givenAdmin))
            {
                await output.WriteLineAsync(CliText.Get("AdminCreatedWithPassword", report.AdminUserName, admin));
            }
            else
            {
                await output.WriteLineAsync(CliText.Get("AdminCreatedWithGivenPassword", report.AdminUserName));
            }

            if (!report.DemoCreated)
            {
                await output.WriteLineAsync(CliText.Get("DemoPresent"));
                return ExitCodes.Ok;
            }
            await output.WriteLineAsync(CliText.Get("DemoCreated", report.DemoUsers.Count));
            session.WriteTable(
                [CliText.Get("UserNameHeader"), CliText.Get("RoleHeader"), CliText.Get("CommitteeHeader")],
                report.DemoUsers.Select(u => (IReadOnlyList<string>)[u.UserName, u.Role.ToString(), u.Committee]));
            await output.WriteLineAsync(string.IsNullOrEmpty(givenDemo)
                ? CliText.Get("DemoUsersPassword", report.DemoPassword)
                : CliText.Get("DemoUsersGivenPassword"));
            return ExitCodes.Ok;
        });
        demo.Subcommands.Add(seed);
        demo.Subcommands.Add(CreateGenerate(globals));
        return demo;
    }

    /// <summary><c>steerco demo generate</c>: the synthetic data set for benchmarks, with a progress bar per table.</summary>
    private static Command CreateGenerate(GlobalOptions globals)
    {
        var scale = new Option<GenerationScale>("--scale")
        {
            Description = CliText.Get("GenerateScaleOption"),
            DefaultValueFactory = _ => GenerationScale.Small,
        };
        var seedValue = new Option<int>("--seed")
        {
            Description = CliText.Get("GenerateSeedOption"),
            DefaultValueFactory = _ => 42,
        };
        var password = new Option<string?>("--password")
        {
            Description = CliText.Get("GeneratePasswordOption"),
        };
        var adminPassword = new Option<string?>("--admin-password")
        {
            Description = CliText.Get("GenerateAdminPasswordOption"),
        };
        var generate = new Command("generate", CliText.Get("DemoGenerateCommand"))
        {
            scale,
            seedValue,
            password,
            adminPassword,
        };
        generate.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            var givenPassword = parseResult.GetValue(password);
            var usersPassword = string.IsNullOrEmpty(givenPassword) ? DemoSeeder.GeneratePassword() : givenPassword;
            var generator = session.Get<DemoGenerator>();
            var result = await WithProgressAsync(session, progress => generator.GenerateAsync(
                parseResult.GetValue(scale), parseResult.GetValue(seedValue), usersPassword, parseResult.GetValue(adminPassword), progress, cancellationToken));
            if (result.Value is not { } report)
            {
                session.WriteProblems(result.Problems, new Dictionary<string, string> { ["Password"] = "--password" });
                return ExitCodes.Failure;
            }

            await session.Output.WriteLineAsync(CliText.Get("DemoGenerated", report.Scale.ToString().ToLowerInvariant(), report.Seed, session.DescribeDatabase()));
            session.WriteTable(
                [CliText.Get("TableHeader"), CliText.Get("RowsHeader"), CliText.Get("TimeHeader")],
                report.Tables.Select(t => (IReadOnlyList<string>)[t.Table, Number(t.Rows), Seconds(t.Elapsed)]));
            await session.Output.WriteLineAsync(CliText.Get("DemoGeneratedTotal", Number(report.Tables.Sum(t => t.Rows)), Seconds(report.Elapsed)));
            if (report.AdminPassword is { } admin && string.IsNullOrEmpty(parseResult.GetValue(adminPassword)))
            {
                await session.Output.WriteLineAsync(CliText.Get("AdminCreatedWithPassword", report.AdminUserName, admin));
            }
            await session.Output.WriteLineAsync(string.IsNullOrEmpty(givenPassword)
                ? CliText.Get("GeneratedUsersPassword", usersPassword)
                : CliText.Get("GeneratedUsersGivenPassword"));
            return ExitCodes.Ok;
        });
        return generate;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.CurrentUICulture);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.CurrentUICulture);

    /// <summary>A live bar per table on a terminal; in a pipe or a log, one line per finished table.</summary>
    private static async Task<T> WithProgressAsync<T>(CliSession session, Func<IProgress<GenerationProgress>, Task<T>> work)
    {
        if (!session.Console.Profile.Capabilities.Ansi)
        {
            return await work(new LineProgress(session.Output));
        }
        return await session.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                return await work(new InlineProgress(step =>
                {
                    if (!tasks.TryGetValue(step.Table, out var task))
                    {
                        task = tasks[step.Table] = context.AddTask(Markup.Escape(step.Table), maxValue: Math.Max(step.Total, 1));
                    }
                    task.Value = step.Done;
                }));
            });
    }

    private sealed class InlineProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }

    private sealed class LineProgress(TextWriter output) : IProgress<GenerationProgress>
    {
        private readonly HashSet<string> _finished = [];

        public void Report(GenerationProgress value)
        {
            if (value.Done == value.Total && _finished.Add(value.Table))
            {
                output.WriteLine($"{value.Table}: {Number(value.Done)}/{Number(value.Total)}");
            }
        }
    }
}
