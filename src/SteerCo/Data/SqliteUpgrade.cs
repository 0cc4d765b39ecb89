using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SteerCo.Data;

/// <summary>
/// Migrates the embedded SQLite database. SQLite changes a table by rebuilding it with foreign
/// keys off, which it cannot do inside a transaction: a migration stopped half-way leaves the
/// file half-changed. So before a migration touches a database that already holds data, the
/// file is copied beside itself (SQLite's online backup, consistent even with the WAL in use),
/// named after the last migration it is about to receive. A new, empty database is not copied.
/// </summary>
public static class SqliteUpgrade
{
    /// <summary>The migrations applied and, when the database held data, where its copy from before them is.</summary>
    public sealed record Outcome(IReadOnlyList<string> Applied, string? Backup);

    public static async Task<Outcome> MigrateAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        var database = db.Database;
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return new([], null);
        }
        string? backup = null;
        if ((await database.GetAppliedMigrationsAsync(cancellationToken)).Any() && database.GetDbConnection() is SqliteConnection connection)
        {
            backup = BackupPath(connection.DataSource, pending[^1]);
            await database.OpenConnectionAsync(cancellationToken);
            try
            {
                // Pooling off: the copy is a file to keep, not a connection to keep open.
                await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = backup, Pooling = false }.ToString());
                connection.BackupDatabase(copy);
            }
            finally
            {
                await database.CloseConnectionAsync();
            }
        }
        await database.MigrateAsync(cancellationToken);
        return new(pending, backup);
    }

    /// <summary>data/steerco.db before 20261201_Example: data/steerco.before-20261201_Example.db, or with a number when that exists.</summary>
    private static string BackupPath(string dataSource, string migration)
    {
        var full = Path.GetFullPath(dataSource);
        var stem = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".before-" + migration);
        var extension = Path.GetExtension(full);
        var path = stem + extension;
        for (var n = 2; File.Exists(path); n++)
        {
            path = $"{stem}-{n}{extension}";
        }
        return path;
    }
}
