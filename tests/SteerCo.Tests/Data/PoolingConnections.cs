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
        built.Options.ShouldBe("-c plan_cache_mode=force_custom_plan");
        built.Host.ShouldBe("db");
    }

    [Fact]
    public void An_operator_s_own_settings_stand()
    {
        var built = new NpgsqlConnectionStringBuilder(SteerCoServiceCollectionExtensions.WithPoolDefaults(
            "Host=db;No Reset On Close=false;MaxAutoPrepare=0;Options=-c statement_timeout=5000"));

        built.NoResetOnClose.ShouldBeFalse();
        built.MaxAutoPrepare.ShouldBe(0);
        built.Options.ShouldBe("-c statement_timeout=5000");
    }

    [Fact]
    public async Task The_app_s_connections_plan_every_call_for_its_own_values()
    {
        await using var scope = app.ServiceScope();
        if (!scope.Db.Database.IsNpgsql())
        {
            scope.Db.Database.IsSqlite().ShouldBeTrue("SQLite has no pool settings of this kind: nothing to check");
            return;
        }
        var connection = scope.Db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SHOW plan_cache_mode";
        (await command.ExecuteScalarAsync()).ShouldBe("force_custom_plan");
    }
}
