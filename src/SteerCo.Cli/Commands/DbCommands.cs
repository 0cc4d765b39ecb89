using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SteerCo.Data;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco db migrate</c>, <c>steerco db status</c> and <c>steerco db analyze</c>.</summary>
internal static class DbCommands
{
    public static Command Create(GlobalOptions globals)
    {
        var db = new Command("db", CliText.Get("DbCommand"));

        var migrate = new Command("migrate", CliText.Get("DbMigrateCommand"));
        migrate.SetSessionAction(globals, MigrateAsync);
        db.Subcommands.Add(migrate);

        var status = new Command("status", CliText.Get("DbStatusCommand"));
        status.SetSessionAction(globals, StatusAsync);
        db.Subcommands.Add(status);

        var analyze = new Command("analyze", CliText.Get("DbAnalyzeCommand"));
        analyze.SetSessionAction(globals, AnalyzeAsync);
        db.Subcommands.Add(analyze);
        return db;
    }

    private static async Task<int> MigrateAsync(ParseResult parseResult, CliSession session, CancellationToken cancellationToken)
    {
        var database = session.Db.Database;
        await session.Output.WriteLineAsync(CliText.Get("DatabaseIs", session.DescribeDatabase()));
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            await session.Output.WriteLineAsync(CliText.Get("DbUpToDate"));
            return ExitCodes.Ok;
        }
        // A migration that rebuilds an index or rewrites a table of a million documents takes minutes, not the default 30 s.
        database.SetCommandTimeout(TimeSpan.FromHours(2));
        string? backup = null;
        if (database.IsSqlite())
        {
            backup = (await SqliteUpgrade.MigrateAsync(session.Db, cancellationToken)).Backup;
        }
        else
        {
            await database.MigrateAsync(cancellationToken);
        }
        foreach (var migration in pending)
        {
            await session.Output.WriteLineAsync("  " + migration);
        }
        await session.Output.WriteLineAsync(CliText.Get("DbMigrationsApplied", pending.Count));
        if (backup is not null)
        {
            await session.Output.WriteLineAsync(CliText.Get("DbBackupKept", backup));
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// After a bulk load the planner knows nothing of the new rows: PostgreSQL vacuums (so that
    /// index-only scans need not visit the table) and analyzes every table; SQLite analyzes into
    /// sqlite_stat1, which it reads when it chooses an index.
    /// </summary>
    private static async Task<int> AnalyzeAsync(ParseResult parseResult, CliSession session, CancellationToken cancellationToken)
    {
        var database = session.Db.Database;
        await session.Output.WriteLineAsync(CliText.Get("DatabaseIs", session.DescribeDatabase()));
        database.SetCommandTimeout(TimeSpan.FromHours(2));
        var started = System.Diagnostics.Stopwatch.StartNew();
        await database.ExecuteSqlRawAsync(database.IsNpgsql() ? "VACUUM (ANALYZE)" : "ANALYZE", cancellationToken);
        await session.Output.WriteLineAsync(CliText.Get("DbStatisticsRefreshed", started.Elapsed.TotalSeconds));
        return ExitCodes.Ok;
    }

    private static async Task<int> StatusAsync(ParseResult parseResult, CliSession session, CancellationToken cancellationToken)
    {
        var database = session.Db.Database;
        await session.Output.WriteLineAsync(CliText.Get("DatabaseIs", session.DescribeDatabase()));
        var known = database.GetMigrations().ToList();
        // Asking an absent SQLite file for its history would create it.
        var exists = !database.IsSqlite() || File.Exists(new SqliteConnectionStringBuilder(database.GetConnectionString()).DataSource);
        var applied = exists ? (await database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet() : [];
        if (!exists)
        {
            await session.Output.WriteLineAsync(CliText.Get("DbFileMissing"));
        }

        var rows = known.Select(m => (IReadOnlyList<string>)[m, applied.Contains(m) ? CliText.Get("MigrationApplied") : CliText.Get("MigrationPending")])
            .Concat(applied.Except(known).Order().Select(m => (IReadOnlyList<string>)[m, CliText.Get("MigrationNotInBuild")]))
            .ToList();
        if (rows.Count > 0)
        {
            session.WriteTable([CliText.Get("MigrationHeader"), CliText.Get("StatusHeader")], rows);
        }
        var pending = known.Count(m => !applied.Contains(m));
        await session.Output.WriteLineAsync(CliText.Get("DbStatusSummary", known.Count - pending, pending));
        return ExitCodes.Ok;
    }
}
