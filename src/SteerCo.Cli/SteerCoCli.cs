using System.CommandLine;
using System.Globalization;
using SteerCo.Cli.Commands;

namespace SteerCo.Cli;

/// <summary>Exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}

/// <summary>The <c>steerco</c> command line, runnable in-process: tests pass their own writers.</summary>
public static class SteerCoCli
{
    /// <summary>What operators type; the assembly is SteerCo.Cli (see the project file).</summary>
    public const string CommandName = "steerco";

    /// <summary>
    /// Parses and runs one command line. <paramref name="settings"/> (configuration keys such as
    /// <c>ConnectionStrings:Default</c>) override appsettings.json and the environment; the
    /// <c>--provider</c> and <c>--connection</c> options override them in turn.
    /// </summary>
    /// <returns><see cref="ExitCodes.Ok"/>, <see cref="ExitCodes.Failure"/> or <see cref="ExitCodes.Usage"/>.</returns>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        // Set before the commands are built, so that their help text is in the chosen language too.
        // The culture flows into the commands and is restored for the caller when this returns.
        CultureInfo.CurrentUICulture = CliText.CultureFor(LanguageIn(args));
        var globals = new GlobalOptions(settings ?? new Dictionary<string, string?>());
        var parsed = BuildRootCommand(globals).Parse(args);
        var exitCode = await parsed.InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false },
            cancellationToken);
        return parsed.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }

    internal static RootCommand BuildRootCommand(GlobalOptions globals)
    {
        var root = new RootCommand(CliText.Get("RootCommand"))
        {
            HelpName = CommandName,
        };
        root.Options.Add(globals.Provider);
        root.Options.Add(globals.Connection);
        root.Options.Add(globals.Language);
        root.Subcommands.Add(DbCommands.Create(globals));
        root.Subcommands.Add(DemoCommands.Create(globals));
        root.Subcommands.Add(UnitsCommands.Create(globals));
        root.Subcommands.Add(UsersCommands.Create(globals));
        root.Subcommands.Add(AuditCommands.Create(globals));
        root.Subcommands.Add(FilesCommands.Create(globals));
        root.Subcommands.Add(SymbolsCommands.Create());
        root.Subcommands.Add(OfficeCommands.Create());
        return root;
    }

    /// <summary>The value of --lang as typed (the parser validates it later), or null.</summary>
    private static string? LanguageIn(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == GlobalOptions.LanguageName && i + 1 < args.Length)
            {
                return args[i + 1];
            }
            if (args[i].StartsWith(GlobalOptions.LanguageName, StringComparison.Ordinal) && args[i].Length > GlobalOptions.LanguageName.Length
                && args[i][GlobalOptions.LanguageName.Length] is '=' or ':')
            {
                return args[i][(GlobalOptions.LanguageName.Length + 1)..];
            }
        }
        return null;
    }
}
