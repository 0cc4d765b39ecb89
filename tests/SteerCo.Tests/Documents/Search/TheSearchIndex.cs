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

        (await IndexObjectsAsync(scope.Db, app.Database.IsPostgres)).ShouldBe(app.Database.IsPostgres ? 4 : 5,
            "a migration that rebuilds Documents must create the search index and its triggers again (see the DocumentSearchByDate migration)");
    }

    /// <summary>
    /// SQLite: the FTS5 table, its vocabulary and its three triggers. PostgreSQL: the generated
    /// word vector, the scope vector, the trigger that fills it and their GIN index.
    /// </summary>
    private static async Task<int> IndexObjectsAsync(SteerCoDbContext db, bool postgres) => postgres
        ? await db.Database.SqlQueryRaw<int>("""
            SELECT ((SELECT count(*) FROM information_schema.columns WHERE table_name = 'Documents' AND column_name = 'SearchVector' AND is_generated = 'ALWAYS')
                  + (SELECT count(*) FROM information_schema.columns WHERE table_name = 'Documents' AND column_name = 'ScopeVector')
                  + (SELECT count(*) FROM information_schema.triggers WHERE event_object_table = 'Documents' AND trigger_name = 'Documents_Scope' AND event_manipulation = 'INSERT')
                  + (SELECT count(*) FROM pg_indexes WHERE tablename = 'Documents' AND indexname = 'IX_Documents_SearchVector_ScopeVector'))::int AS "Value"
            """).SingleAsync()
        : await db.Database.SqlQueryRaw<int>("""
            SELECT count(*) AS "Value" FROM sqlite_master
            WHERE (type = 'table' AND name IN ('DocumentSearch', 'DocumentSearchTerms'))
               OR (type = 'trigger' AND tbl_name = 'Documents' AND name IN ('Documents_SearchInsert', 'Documents_SearchUpdate', 'Documents_SearchDelete'))
            """).SingleAsync();
}
