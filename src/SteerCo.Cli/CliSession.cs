using System.CommandLine;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Audit;
using SteerCo.Data;

namespace SteerCo.Cli;

/// <summary>What one command works with: the services of one scope, the writers, the operator.</summary>
internal sealed class CliSession(IServiceProvider services, TextWriter output, TextWriter error, IAnsiConsole console)
{
    public IServiceProvider Services { get; } = services;
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Tables go through Spectre.Console, onto <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; } = console;

    public Actor Actor => Services.GetRequiredService<IActorSource>().Current!;

    public SteerCoDbContext Db => Services.GetRequiredService<SteerCoDbContext>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Data commands refuse to run on a database that lacks migrations, and say how to fix it.</summary>
    public async Task<bool> EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        var pending = (await Db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending == 0)
        {
            return true;
        }
        await Error.WriteLineAsync(CliText.Get("DatabaseNotMigrated", pending));
        return false;
    }

    /// <summary>Where the database is, without secrets: a file path or host:port/database.</summary>
    public string DescribeDatabase()
    {
        var connectionString = Db.Database.GetConnectionString() ?? "";
        if (Db.Database.IsSqlite())
        {
            return "sqlite " + Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres {npgsql.Host}:{npgsql.Port}/{npgsql.Database}";
    }

    /// <summary>A table whose cells are plain text (names may contain brackets, never markup).</summary>
    public void WriteTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table();
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Markup(Markup.Escape(header))));
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => new Markup(Markup.Escape(cell))));
        }
        Console.Write(table);
    }

    public void WriteProblems(IEnumerable<Problem> problems, IReadOnlyDictionary<string, string>? optionNames = null)
    {
        foreach (var problem in problems)
        {
            var field = optionNames?.GetValueOrDefault(problem.Field) ?? problem.Field;
            Error.WriteLine(field.Length > 0 ? $"{field}: {problem.Message}" : problem.Message);
        }
    }
}

internal static class CliSessionExtensions
{
    /// <summary>
    /// Runs <paramref name="body"/> with services built from configuration and options. A broken
    /// configuration is a usage error (2); an exception while running is a failure (1).
    /// </summary>
    public static void SetSessionAction(this Command command, GlobalOptions globals, Func<ParseResult, CliSession, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            ServiceProvider services;
            try
            {
                services = BuildServices(BuildConfiguration(parseResult, globals));
                _ = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            }
            catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or ArgumentException)
            {
                await error.WriteLineAsync(ex.Message);
                return ExitCodes.Usage;
            }
            await using (services)
            {
                await using var scope = services.CreateAsyncScope();
                var session = new CliSession(scope.ServiceProvider, output, error, CreateConsole(output));
                try
                {
                    return await body(parseResult, session, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await error.WriteLineAsync(CliText.Get("Cancelled"));
                    return ExitCodes.Failure;
                }
                catch (Exception ex)
                {
                    await error.WriteLineAsync(CliText.Get("Error", Describe(ex)));
                    return ExitCodes.Failure;
                }
            }
        });

    private static IConfiguration BuildConfiguration(ParseResult parseResult, GlobalOptions globals)
    {
        var fromOptions = new Dictionary<string, string?>();
        if (parseResult.GetValue(globals.Provider) is { } provider)
        {
            fromOptions[$"{DatabaseOptions.Section}:Provider"] = provider;
        }
        if (parseResult.GetValue(globals.Connection) is { } connection)
        {
            fromOptions["ConnectionStrings:Default"] = connection;
        }
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(globals.Settings)
            .AddInMemoryCollection(fromOptions)
            .Build();
    }

    private static ServiceProvider BuildServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddSteerCo(configuration);
        services.AddSteerCoIdentity();
        // Password-reset tokens are made and used within one run: no key ring to keep.
        services.AddSingleton<IDataProtectionProvider, EphemeralDataProtectionProvider>();
        services.AddScoped<IActorSource>(_ => new FixedActorSource(Actor.System("cli")));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            // A pipe or a test has no width; wide enough that Vietnamese names do not wrap.
            console.Profile.Width = 200;
        }
        return console;
    }

    private static string Describe(Exception ex)
    {
        var inner = ex.GetBaseException();
        return inner == ex || inner.Message == ex.Message ? ex.Message : $"{ex.Message} ({inner.Message})";
    }
}
