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
        var users = new Command("users", CliText.Get("UsersCommand"));
        users.Subcommands.Add(List(globals));
        users.Subcommands.Add(CreateUser(globals));
        users.Subcommands.Add(ResetPassword(globals));
        return users;
    }

    private static Option<Role?> RoleOption(bool required)
    {
        var role = new Option<Role?>("--role")
        {
            Description = CliText.Get("RoleOption", string.Join(", ", Enum.GetNames<Role>())),
            Required = required,
        };
        role.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, Enum.GetNames<Role>());
        return role;
    }

    private static Option<string?> PasswordOption() => new("--password")
    {
        Description = CliText.Get("PasswordOption"),
    };

    private static Command List(GlobalOptions globals)
    {
        var search = new Option<string?>("--search") { Description = CliText.Get("SearchOption") };
        var role = RoleOption(required: false);
        var committee = new Option<int?>("--committee") { Description = CliText.Get("CommitteeFilterOption") };
        var list = new Command("list", CliText.Get("UsersListCommand"))
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
                await session.Output.WriteLineAsync(CliText.Get("NoUsers"));
                return ExitCodes.Ok;
            }
            session.WriteTable(
                ["Id", CliText.Get("UserNameHeader"), CliText.Get("FullNameHeader"), CliText.Get("RoleHeader"),
                    CliText.Get("CommitteeHeader"), CliText.Get("AgencyHeader"), CliText.Get("StatusHeader")],
                all.Select(u => (IReadOnlyList<string>)[
                    u.Id.ToString(CultureInfo.InvariantCulture), u.UserName, u.FullName, u.Role.ToString(),
                    u.CommitteeId is { } id ? $"{id} {u.CommitteeName}" : "",
                    u.AgencyId is { } agency ? $"{agency} {u.AgencyName}" : "",
                    !u.IsActive ? CliText.Get("UserInactive") : u.IsLockedOut ? CliText.Get("UserLockedOut") : CliText.Get("UserActive")]));
            await session.Output.WriteLineAsync(CliText.Get("UsersCount", all.Count));
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command CreateUser(GlobalOptions globals)
    {
        var userName = new Option<string>("--username") { Description = CliText.Get("UserNameDescription"), Required = true };
        var fullName = new Option<string>("--full-name") { Description = CliText.Get("FullNameOption"), Required = true };
        var role = RoleOption(required: true);
        var committee = new Option<int?>("--committee") { Description = CliText.Get("CommitteeOption") };
        var agency = new Option<int?>("--agency") { Description = CliText.Get("AgencyOption") };
        var email = new Option<string?>("--email") { Description = "Email." };
        var password = PasswordOption();
        var create = new Command("create", CliText.Get("UsersCreateCommand"))
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
            var committeeSuffix = user.CommitteeName is { } c ? ", " + c : "";
            await session.Output.WriteLineAsync(CliText.Get("UsersCreated", user.UserName, user.Id, user.Role, committeeSuffix));
            if (string.IsNullOrEmpty(given))
            {
                await session.Output.WriteLineAsync(CliText.Get("PasswordShownOnce", chosen));
            }
            return ExitCodes.Ok;
        });
        return create;
    }

    private static Command ResetPassword(GlobalOptions globals)
    {
        var userName = new Argument<string>("username") { Description = CliText.Get("UserNameDescription") };
        var password = PasswordOption();
        var reset = new Command("reset-password", CliText.Get("ResetPasswordCommand"))
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
                await session.Error.WriteLineAsync(CliText.Get("UserNotFound", name));
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
            await session.Output.WriteLineAsync(CliText.Get("PasswordReset", user.UserName));
            if (string.IsNullOrEmpty(given))
            {
                await session.Output.WriteLineAsync(CliText.Get("NewPasswordShownOnce", chosen));
            }
            return ExitCodes.Ok;
        });
        return reset;
    }
}
