using Microsoft.EntityFrameworkCore;
using SteerCo.Data;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Data;

/// <summary>
/// Each provider keeps its own migration set; both must describe the current model. Checking a
/// model against its migrations needs no server, so both providers are checked on every run,
/// and the database of this run is checked to be fully migrated.
/// </summary>
public sealed class Migrations(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteSteerCoDbContext(new DbContextOptionsBuilder<SqliteSteerCoDbContext>().UseSqlite("Data Source=:memory:").Options);

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh: the model changed without a SQLite migration");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        // No connection is opened: the model is compared with the migrations' snapshot.
        using var db = new PostgresSteerCoDbContext(new DbContextOptionsBuilder<PostgresSteerCoDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/add-migration.sh: the model changed without a PostgreSQL migration");
    }

    [Fact]
    public async Task The_database_of_this_run_has_every_migration_and_no_pending_model_changes()
    {
        await using var scope = app.ServiceScope();

        scope.Db.Database.ProviderName.ShouldBe(app.Database.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite");
        (await scope.Db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await scope.Db.Database.GetAppliedMigrationsAsync()).ShouldBe(scope.Db.Database.GetMigrations());
        scope.Db.Database.HasPendingModelChanges().ShouldBeFalse();
    }
}
