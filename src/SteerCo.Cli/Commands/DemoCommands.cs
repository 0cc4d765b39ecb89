using System.CommandLine;
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
        return demo;
    }
}
