using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SteerCo.Data;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents.Search;

/// <summary>
/// The index lives outside the EF model (an FTS5 table and triggers on SQLite, a generated column
/// on PostgreSQL): these tests notice when a later migration loses it, and check that the
/// migration indexes documents registered before it.
/// </summary>
public sealed class TheSearchIndex
{
    [Fact]
    public async Task Documents_registered_before_the_migration_are_found_after_it_and_the_migration_can_be_undone()
    {
        await using var app = await SteerCoApp.StartAsync();
        var marker = SearchDocuments.Marker();
        var before = await app.RegisterAsync(app.Hierarchy.Danang, $"Nghị quyết chuyên đề {marker}");
        await using (var scope = app.ServiceScope())
        {
            var migrator = scope.Db.GetService<IMigrator>();
            var migrations = scope.Db.Database.GetMigrations().ToList();
            var search = migrations.Single(m => m.EndsWith("_DocumentSearch", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[migrations.IndexOf(search) - 1]);
            (await IndexObjectsAsync(scope.Db, app.Database.IsPostgres)).ShouldBe(0);
            await migrator.MigrateAsync();
        }

        (await app.SearchAsync($"nghi quyet chuyen de {marker}")).Ids().ShouldBe([before.Id]);
    }

    [Fact]
    public async Task The_index_and_what_keeps_it_current_exist_after_every_migration()
    {
        await using var app = await SteerCoApp.StartAsync(withHierarchy: false);
        await using var scope = app.ServiceScope();

        (await IndexObjectsAsync(scope.Db, app.Database.IsPostgres)).ShouldBe(app.Database.IsPostgres ? 2 : 4,
            "a migration that rebuilds Documents must create the search index and its triggers again (see the DocumentSearch migration)");
    }

    /// <summary>SQLite: the FTS5 table and its three triggers. PostgreSQL: the generated column and its GIN index.</summary>
    private static async Task<int> IndexObjectsAsync(SteerCoDbContext db, bool postgres) => postgres
        ? await db.Database.SqlQueryRaw<int>("""
            SELECT ((SELECT count(*) FROM information_schema.columns WHERE table_name = 'Documents' AND column_name = 'SearchVector' AND is_generated = 'ALWAYS')
                  + (SELECT count(*) FROM pg_indexes WHERE tablename = 'Documents' AND indexname = 'IX_Documents_SearchVector'))::int AS "Value"
            """).SingleAsync()
        : await db.Database.SqlQueryRaw<int>("""
            SELECT count(*) AS "Value" FROM sqlite_master
            WHERE (type = 'table' AND name = 'DocumentSearch')
               OR (type = 'trigger' AND tbl_name = 'Documents' AND name IN ('Documents_SearchInsert', 'Documents_SearchUpdate', 'Documents_SearchDelete'))
            """).SingleAsync();
}
