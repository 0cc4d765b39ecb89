using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco db migrate</c>, <c>steerco db status</c> and <c>steerco db analyze</c>.</summary>
internal static class DbCommands
{
    public static Command Create(GlobalOptions globals)
    {
        var db = new Command("db", CliText.T("Lược đồ cơ sở dữ liệu.", "The database schema."));

        var migrate = new Command("migrate", CliText.T("Áp dụng các migration còn thiếu.", "Applies pending migrations."));
        migrate.SetSessionAction(globals, MigrateAsync);
        db.Subcommands.Add(migrate);

        var status = new Command("status", CliText.T("Liệt kê migration đã và chưa áp dụng.", "Lists applied and pending migrations."));
        status.SetSessionAction(globals, StatusAsync);
        db.Subcommands.Add(status);

        var analyze = new Command("analyze", CliText.T(
            "Cập nhật thống kê cho bộ tối ưu truy vấn (chạy sau khi nạp nhiều dữ liệu).",
            "Refreshes the query planner's statistics (run after loading much data)."));
        analyze.SetSessionAction(globals, AnalyzeAsync);
        db.Subcommands.Add(analyze);
        return db;
    }

    private static async Task<int> MigrateAsync(ParseResult parseResult, CliSession session, CancellationToken cancellationToken)
    {
        var database = session.Db.Database;
        await session.Output.WriteLineAsync(CliText.T("Cơ sở dữ liệu: ", "Database: ") + session.DescribeDatabase());
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            await session.Output.WriteLineAsync(CliText.T("Đã cập nhật đầy đủ, không có migration nào cần áp dụng.", "Up to date: no pending migrations."));
            return ExitCodes.Ok;
        }
        // A migration that rebuilds an index or rewrites a table of a million documents takes minutes, not the default 30 s.
        database.SetCommandTimeout(TimeSpan.FromHours(2));
        await database.MigrateAsync(cancellationToken);
        foreach (var migration in pending)
        {
            await session.Output.WriteLineAsync("  " + migration);
        }
        await session.Output.WriteLineAsync(CliText.T($"Đã áp dụng {pending.Count} migration.", $"Applied {pending.Count} migration(s)."));
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
        await session.Output.WriteLineAsync(CliText.T("Cơ sở dữ liệu: ", "Database: ") + session.DescribeDatabase());
        database.SetCommandTimeout(TimeSpan.FromHours(2));
        var started = System.Diagnostics.Stopwatch.StartNew();
        await database.ExecuteSqlRawAsync(database.IsNpgsql() ? "VACUUM (ANALYZE)" : "ANALYZE", cancellationToken);
        await session.Output.WriteLineAsync(CliText.T(
            $"Đã cập nhật thống kê trong {started.Elapsed.TotalSeconds:0.0} giây.",
            $"Statistics refreshed in {started.Elapsed.TotalSeconds:0.0} s."));
        return ExitCodes.Ok;
    }

    private static async Task<int> StatusAsync(ParseResult parseResult, CliSession session, CancellationToken cancellationToken)
    {
        var database = session.Db.Database;
        await session.Output.WriteLineAsync(CliText.T("Cơ sở dữ liệu: ", "Database: ") + session.DescribeDatabase());
        var known = database.GetMigrations().ToList();
        // Asking an absent SQLite file for its history would create it.
        var exists = !database.IsSqlite() || File.Exists(new SqliteConnectionStringBuilder(database.GetConnectionString()).DataSource);
        var applied = exists ? (await database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet() : [];
        if (!exists)
        {
            await session.Output.WriteLineAsync(CliText.T("Tệp cơ sở dữ liệu chưa tồn tại.", "The database file does not exist yet."));
        }

        var rows = known.Select(m => (IReadOnlyList<string>)[m, applied.Contains(m) ? CliText.T("đã áp dụng", "applied") : CliText.T("chưa áp dụng", "pending")])
            .Concat(applied.Except(known).Order().Select(m => (IReadOnlyList<string>)[m, CliText.T("không có trong bản dựng này", "not in this build")]))
            .ToList();
        if (rows.Count > 0)
        {
            session.WriteTable([CliText.T("Migration", "Migration"), CliText.T("Trạng thái", "Status")], rows);
        }
        var pending = known.Count(m => !applied.Contains(m));
        await session.Output.WriteLineAsync(CliText.T(
            $"{known.Count - pending} đã áp dụng, {pending} chưa áp dụng.",
            $"{known.Count - pending} applied, {pending} pending."));
        return ExitCodes.Ok;
    }
}
