using Microsoft.EntityFrameworkCore;
using Npgsql;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Data;

/// <summary>PostgreSQL connections keep their prepared statements in the pool, unless the operator says otherwise.</summary>
public sealed class PoolingConnections(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public void The_pool_defaults_apply_where_the_connection_string_is_silent()
    {
        var built = new NpgsqlConnectionStringBuilder(SteerCoServiceCollectionExtensions.WithPoolDefaults("Host=db;Username=steerco;Password=x"));

        built.NoResetOnClose.ShouldBeTrue();
        built.MaxAutoPrepare.ShouldBe(64);
        built.Host.ShouldBe("db");
    }

    [Fact]
    public void An_operator_s_own_settings_stand()
    {
        var built = new NpgsqlConnectionStringBuilder(SteerCoServiceCollectionExtensions.WithPoolDefaults(
            "Host=db;No Reset On Close=false;MaxAutoPrepare=0"));

        built.NoResetOnClose.ShouldBeFalse();
        built.MaxAutoPrepare.ShouldBe(0);
    }

    [Fact]
    public async Task The_app_s_statements_run_most_are_prepared_on_the_connection()
    {
        await using var scope = app.ServiceScope();
        if (!scope.Db.Database.IsNpgsql())
        {
            scope.Db.Database.IsSqlite().ShouldBeTrue("SQLite has no pool settings of this kind: nothing to check");
            return;
        }
        await scope.Db.Database.OpenConnectionAsync();
        // Npgsql prepares a statement at its fifth use on a connection.
        for (var i = 0; i < 6; i++)
        {
            (await scope.Db.Committees.CountAsync(c => c.Id == app.Hierarchy.Hue.Id)).ShouldBe(1);
        }
        var prepared = await scope.Db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%FROM \"Committees\"%'").SingleAsync();
        prepared.ShouldBeGreaterThan(0);
    }
}
