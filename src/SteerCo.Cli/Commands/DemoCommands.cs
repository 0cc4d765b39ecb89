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
        var demo = new Command("demo", CliText.T("Dữ liệu mẫu.", "Demo data."));
        var adminPassword = new Option<string?>("--admin-password")
        {
            Description = CliText.T("Mật khẩu cho tài khoản admin nếu nó được tạo (mặc định: sinh ngẫu nhiên).", "Password for 'admin' if it is created (default: generated)."),
        };
        var demoPassword = new Option<string?>("--demo-password")
        {
            Description = CliText.T("Mật khẩu chung của người dùng mẫu nếu họ được tạo (mặc định: sinh ngẫu nhiên).", "Shared password of the demo users if they are created (default: generated)."),
        };
        var seed = new Command("seed", CliText.T(
            "Nhập danh mục đơn vị hành chính, tạo admin, các ban chỉ đạo và người dùng mẫu. Chạy lại không thay đổi gì.",
            "Imports the official units, creates 'admin', the demo committees and users. Running it again changes nothing."))
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
                ? CliText.T($"Đã nhập {report.UnitsImported} đơn vị hành chính.", $"Imported {report.UnitsImported} administrative units.")
                : CliText.T("Danh mục đơn vị hành chính đã có.", "Administrative units already present."));

            if (report.AdminPassword is not { } admin)
            {
                await output.WriteLineAsync(CliText.T($"Tài khoản quản trị '{report.AdminUserName}' đã có.", $"Administrator '{report.AdminUserName}' already exists."));
            }
            else if (string.IsNullOrEmpty(givenAdmin))
            {
                await output.WriteLineAsync(CliText.T(
                    $"Đã tạo tài khoản quản trị '{report.AdminUserName}', mật khẩu: {admin} (chỉ hiện một lần)",
                    $"Created administrator '{report.AdminUserName}', password: {admin} (shown once)"));
            }
            else
            {
                await output.WriteLineAsync(CliText.T(
                    $"Đã tạo tài khoản quản trị '{report.AdminUserName}' với mật khẩu đã cho.",
                    $"Created administrator '{report.AdminUserName}' with the given password."));
            }

            if (!report.DemoCreated)
            {
                await output.WriteLineAsync(CliText.T("Dữ liệu mẫu đã có, không thay đổi gì.", "The demo is already present; nothing changed."));
                return ExitCodes.Ok;
            }
            await output.WriteLineAsync(CliText.T(
                $"Đã tạo các ban chỉ đạo mẫu và {report.DemoUsers.Count} người dùng mẫu:",
                $"Created the demo committees and {report.DemoUsers.Count} demo users:"));
            session.WriteTable(
                [CliText.T("Tên đăng nhập", "User name"), CliText.T("Vai trò", "Role"), CliText.T("Ban chỉ đạo", "Committee")],
                report.DemoUsers.Select(u => (IReadOnlyList<string>)[u.UserName, u.Role.ToString(), u.Committee]));
            await output.WriteLineAsync(string.IsNullOrEmpty(givenDemo)
                ? CliText.T($"Mật khẩu chung của người dùng mẫu: {report.DemoPassword} (chỉ hiện một lần)", $"Demo users' password: {report.DemoPassword} (shown once)")
                : CliText.T("Người dùng mẫu dùng mật khẩu đã cho.", "The demo users have the given password."));
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
            Description = CliText.T(
                "small (một tỉnh nhỏ, 2 loại ban chỉ đạo), province (Đà Nẵng, mọi loại) hoặc national (34 tỉnh, 3.321 xã).",
                "small (one small province, 2 kinds of committee), province (Đà Nẵng, every kind) or national (34 provinces, 3,321 communes)."),
            DefaultValueFactory = _ => GenerationScale.Small,
        };
        var seedValue = new Option<int>("--seed")
        {
            Description = CliText.T("Hạt giống ngẫu nhiên: cùng hạt giống cho cùng dữ liệu.", "Random seed: the same seed gives the same data."),
            DefaultValueFactory = _ => 42,
        };
        var password = new Option<string?>("--password")
        {
            Description = CliText.T("Mật khẩu chung của người dùng được sinh (mặc định: sinh ngẫu nhiên và in ra).", "Shared password of the generated users (default: generated and printed)."),
        };
        var adminPassword = new Option<string?>("--admin-password")
        {
            Description = CliText.T("Mật khẩu cho tài khoản admin nếu nó được tạo.", "Password for 'admin' if it is created."),
        };
        var generate = new Command("generate", CliText.T(
            "Sinh bộ dữ liệu tổng hợp (ban chỉ đạo mọi cấp, cơ quan, người dùng, văn bản, thành phần qua năm năm) vào một cơ sở dữ liệu chưa có ban chỉ đạo nào.",
            "Generates the synthetic data set (committees at every level, agencies, users, documents, five years of members) into a database with no committees yet."))
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

            await session.Output.WriteLineAsync(CliText.T(
                $"Đã sinh dữ liệu quy mô {report.Scale.ToString().ToLowerInvariant()}, hạt giống {report.Seed}, vào {session.DescribeDatabase()}:",
                $"Generated the {report.Scale.ToString().ToLowerInvariant()} data set, seed {report.Seed}, into {session.DescribeDatabase()}:"));
            session.WriteTable(
                [CliText.T("Bảng", "Table"), CliText.T("Số dòng", "Rows"), CliText.T("Thời gian (giây)", "Time (s)")],
                report.Tables.Select(t => (IReadOnlyList<string>)[t.Table, Number(t.Rows), Seconds(t.Elapsed)]));
            await session.Output.WriteLineAsync(CliText.T(
                $"Tổng cộng {Number(report.Tables.Sum(t => t.Rows))} dòng trong {Seconds(report.Elapsed)} giây.",
                $"{Number(report.Tables.Sum(t => t.Rows))} rows in {Seconds(report.Elapsed)} s in all."));
            if (report.AdminPassword is { } admin && string.IsNullOrEmpty(parseResult.GetValue(adminPassword)))
            {
                await session.Output.WriteLineAsync(CliText.T(
                    $"Đã tạo tài khoản quản trị '{report.AdminUserName}', mật khẩu: {admin} (chỉ hiện một lần)",
                    $"Created administrator '{report.AdminUserName}', password: {admin} (shown once)"));
            }
            await session.Output.WriteLineAsync(string.IsNullOrEmpty(givenPassword)
                ? CliText.T($"Mật khẩu chung của người dùng được sinh: {usersPassword} (chỉ hiện một lần)", $"Generated users' password: {usersPassword} (shown once)")
                : CliText.T("Người dùng được sinh dùng mật khẩu đã cho.", "The generated users have the given password."));
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
