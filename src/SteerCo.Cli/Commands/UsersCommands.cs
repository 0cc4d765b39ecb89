using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Data;
using SteerCo.Demo;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco users list | create | reset-password</c>, acting as the CLI administrator.</summary>
internal static class UsersCommands
{
    /// <summary>The option a service's field name corresponds to, so that problems point at what to retype.</summary>
    private static readonly Dictionary<string, string> OptionNames = new()
    {
        [nameof(UserInput.UserName)] = "--username",
        [nameof(UserInput.FullName)] = "--full-name",
        [nameof(UserInput.Email)] = "--email",
        [nameof(UserInput.Role)] = "--role",
        [nameof(UserInput.CommitteeId)] = "--committee",
        [nameof(UserInput.AgencyId)] = "--agency",
        [nameof(UserInput.Password)] = "--password",
    };

    public static Command Create(GlobalOptions globals)
    {
        var users = new Command("users", CliText.T("Tài khoản người dùng.", "User accounts."));
        users.Subcommands.Add(List(globals));
        users.Subcommands.Add(CreateUser(globals));
        users.Subcommands.Add(ResetPassword(globals));
        return users;
    }

    private static Option<Role?> RoleOption(bool required)
    {
        var role = new Option<Role?>("--role")
        {
            Description = CliText.T("Vai trò: ", "Role: ") + string.Join(", ", Enum.GetNames<Role>()) + ".",
            Required = required,
        };
        role.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, Enum.GetNames<Role>());
        return role;
    }

    private static Option<string?> PasswordOption() => new("--password")
    {
        Description = CliText.T("Mật khẩu (mặc định: sinh ngẫu nhiên và in ra một lần).", "Password (default: generated and printed once)."),
    };

    private static Command List(GlobalOptions globals)
    {
        var search = new Option<string?>("--search") { Description = CliText.T("Tìm theo tên đăng nhập, họ tên hoặc email.", "Search user name, full name or email.") };
        var role = RoleOption(required: false);
        var committee = new Option<int?>("--committee") { Description = CliText.T("Chỉ người dùng của ban chỉ đạo này (mã số).", "Only users of this committee (id).") };
        var list = new Command("list", CliText.T("Liệt kê người dùng.", "Lists users."))
        {
            search,
            role,
            committee,
        };
        list.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            var administration = session.Get<UserAdministration>();
            var query = new UserQuery(parseResult.GetValue(search), parseResult.GetValue(role), parseResult.GetValue(committee));
            var all = new List<UserSummary>();
            for (var page = 1; ; page++)
            {
                var batch = await administration.ListAsync(session.Actor, query, new PageRequest(page, PageRequest.MaxPageSize), cancellationToken);
                all.AddRange(batch.Items);
                if (page >= batch.PageCount)
                {
                    break;
                }
            }
            if (all.Count == 0)
            {
                await session.Output.WriteLineAsync(CliText.T("Không có người dùng nào.", "No users."));
                return ExitCodes.Ok;
            }
            session.WriteTable(
                ["Id", CliText.T("Tên đăng nhập", "User name"), CliText.T("Họ tên", "Full name"), CliText.T("Vai trò", "Role"),
                    CliText.T("Ban chỉ đạo", "Committee"), CliText.T("Cơ quan", "Agency"), CliText.T("Trạng thái", "Status")],
                all.Select(u => (IReadOnlyList<string>)[
                    u.Id.ToString(CultureInfo.InvariantCulture), u.UserName, u.FullName, u.Role.ToString(),
                    u.CommitteeId is { } id ? $"{id} {u.CommitteeName}" : "",
                    u.AgencyId is { } agency ? $"{agency} {u.AgencyName}" : "",
                    !u.IsActive ? CliText.T("ngừng hoạt động", "inactive") : u.IsLockedOut ? CliText.T("bị khóa", "locked out") : CliText.T("hoạt động", "active")]));
            await session.Output.WriteLineAsync(CliText.T($"{all.Count} người dùng.", $"{all.Count} user(s)."));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateUser(GlobalOptions globals)
    {
        var userName = new Option<string>("--username") { Description = CliText.T("Tên đăng nhập.", "User name."), Required = true };
        var fullName = new Option<string>("--full-name") { Description = CliText.T("Họ và tên.", "Full name."), Required = true };
        var role = RoleOption(required: true);
        var committee = new Option<int?>("--committee") { Description = CliText.T("Ban chỉ đạo (mã số); bắt buộc trừ Administrator.", "Committee id; required except for Administrator.") };
        var agency = new Option<int?>("--agency") { Description = CliText.T("Cơ quan đại diện (mã số); bắt buộc với Member.", "Agency id represented; required for Member.") };
        var email = new Option<string?>("--email") { Description = "Email." };
        var password = PasswordOption();
        var create = new Command("create", CliText.T("Tạo người dùng.", "Creates a user."))
        {
            userName,
            fullName,
            role,
            committee,
            agency,
            email,
            password,
        };
        create.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            var given = parseResult.GetValue(password);
            var chosen = string.IsNullOrEmpty(given) ? DemoSeeder.GeneratePassword() : given;
            var input = new UserInput(
                parseResult.GetRequiredValue(userName), parseResult.GetRequiredValue(fullName), parseResult.GetValue(email),
                parseResult.GetRequiredValue(role)!.Value, parseResult.GetValue(committee), parseResult.GetValue(agency), chosen);
            var result = await session.Get<UserAdministration>().CreateAsync(session.Actor, input, cancellationToken);
            if (!result.IsOk)
            {
                session.WriteProblems(result.Problems, OptionNames);
                return ExitCodes.Failure;
            }
            var user = result.Value!;
            await session.Output.WriteLineAsync(CliText.T(
                $"Đã tạo người dùng '{user.UserName}' (id {user.Id}, {user.Role}{(user.CommitteeName is { } c ? ", " + c : "")}).",
                $"Created user '{user.UserName}' (id {user.Id}, {user.Role}{(user.CommitteeName is { } c2 ? ", " + c2 : "")})."));
            if (string.IsNullOrEmpty(given))
            {
                await session.Output.WriteLineAsync(CliText.T($"Mật khẩu: {chosen} (chỉ hiện một lần)", $"Password: {chosen} (shown once)"));
            }
            return ExitCodes.Ok;
        });
        return create;
    }

    private static Command ResetPassword(GlobalOptions globals)
    {
        var userName = new Argument<string>("username") { Description = CliText.T("Tên đăng nhập.", "User name.") };
        var password = PasswordOption();
        var reset = new Command("reset-password", CliText.T("Đặt mật khẩu mới và mở khóa tài khoản.", "Sets a new password and lifts any lockout."))
        {
            userName,
            password,
        };
        reset.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            var name = parseResult.GetRequiredValue(userName);
            if (await session.Get<UserManager<AppUser>>().FindByNameAsync(name) is not { } user)
            {
                await session.Error.WriteLineAsync(CliText.T($"Không có người dùng '{name}'.", $"No user '{name}'."));
                return ExitCodes.Failure;
            }
            var given = parseResult.GetValue(password);
            var chosen = string.IsNullOrEmpty(given) ? DemoSeeder.GeneratePassword() : given;
            var result = await session.Get<UserAdministration>().ResetPasswordAsync(session.Actor, user.Id, chosen, cancellationToken);
            if (!result.IsOk)
            {
                session.WriteProblems(result.Problems, OptionNames);
                return ExitCodes.Failure;
            }
            await session.Output.WriteLineAsync(CliText.T(
                $"Đã đặt lại mật khẩu của '{user.UserName}' và mở khóa tài khoản.",
                $"Reset the password of '{user.UserName}' and lifted any lockout."));
            if (string.IsNullOrEmpty(given))
            {
                await session.Output.WriteLineAsync(CliText.T($"Mật khẩu mới: {chosen} (chỉ hiện một lần)", $"New password: {chosen} (shown once)"));
            }
            return ExitCodes.Ok;
        });
        return reset;
    }
}
