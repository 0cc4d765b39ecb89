using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SteerCo.Data;

namespace SteerCo.Tests.Data;

/// <summary>
/// The embedded database migrates itself at start. A migration that rebuilds a SQLite table runs
/// outside a transaction, so a database that holds data is copied aside first; a new one is not.
/// These use a SQLite file of their own, whatever engine the run is on.
/// </summary>
public sealed class UpgradingTheEmbeddedDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("steerco-upgrade-").FullName;

    private string DatabasePath => Path.Combine(_folder, "steerco.db");

    [Fact]
    public async Task An_older_database_is_copied_as_it_was_before_it_is_migrated()
    {
        List<string> migrations;
        await using (var db = Open())
        {
            migrations = [.. db.Database.GetMigrations()];
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Units\" (\"Code\", \"Name\", \"Level\", \"FoldedName\", \"Version\") VALUES ('99999', 'Xã Thử', 1, 'xa thu', 1)");
        }

        SqliteUpgrade.Outcome outcome;
        await using (var db = Open())
        {
            outcome = await SqliteUpgrade.MigrateAsync(db);
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }

        outcome.Applied.ShouldBe([migrations[^1]]);
        outcome.Backup.ShouldBe(Path.Combine(_folder, $"steerco.before-{migrations[^1]}.db"));
        File.Exists(outcome.Backup).ShouldBeTrue();
        await using var copy = new SqliteConnection($"Data Source={outcome.Backup};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        (await ScalarAsync(copy, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1")).ShouldBe(migrations[^2]);
        (await ScalarAsync(copy, "SELECT \"Name\" FROM \"Units\" WHERE \"Code\" = '99999'")).ShouldBe("Xã Thử");
    }

    [Fact]
    public async Task A_new_database_is_created_without_a_copy_and_an_up_to_date_one_is_left_alone()
    {
        await using (var db = Open())
        {
            var created = await SqliteUpgrade.MigrateAsync(db);
            created.Applied.ShouldBe(db.Database.GetMigrations());
            created.Backup.ShouldBeNull();
        }
        await using (var db = Open())
        {
            var again = await SqliteUpgrade.MigrateAsync(db);
            again.Applied.ShouldBeEmpty();
            again.Backup.ShouldBeNull();
        }

        Directory.GetFiles(_folder, "*.before-*").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_copy_before_the_same_migration_does_not_overwrite_the_first()
    {
        string? first;
        await using (var db = Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            first = (await SqliteUpgrade.MigrateAsync(db)).Backup;
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        await using (var db = Open())
        {
            var second = (await SqliteUpgrade.MigrateAsync(db)).Backup;

            second.ShouldNotBe(first);
            second.ShouldEndWith("-2.db");
            File.Exists(first).ShouldBeTrue();
            File.Exists(second).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task The_command_line_migration_keeps_the_same_copy_and_says_where_it_is()
    {
        string last;
        await using (var db = Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            last = migrations[^1];
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }
        SqliteConnection.ClearAllPools();
        var output = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "sqlite", ["ConnectionStrings:Default"] = $"Data Source={DatabasePath}" };

        var code = await SteerCo.Cli.SteerCoCli.RunAsync(["db", "migrate"], output, TextWriter.Null, settings);

        code.ShouldBe(0);
        var backup = Path.Combine(_folder, $"steerco.before-{last}.db");
        output.ToString().ShouldContain("Tệp cơ sở dữ liệu như trước khi áp dụng được giữ tại: " + backup);
        File.Exists(backup).ShouldBeTrue();
    }

    private SqliteSteerCoDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteSteerCoDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
