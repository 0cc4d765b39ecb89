using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SteerCo.Data;

namespace SteerCo.Design;

/// <summary>Builds the SQLite context for `dotnet ef`; the file is never opened to add a migration.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSteerCoDbContext>
{
    public SqliteSteerCoDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteSteerCoDbContext>()
            .UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsAssembly("SteerCo"))
            .Options);
}

/// <summary>Builds the PostgreSQL context for `dotnet ef`; no server is needed to add a migration.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSteerCoDbContext>
{
    public PostgresSteerCoDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresSteerCoDbContext>()
            .UseNpgsql("Host=localhost;Database=steerco_design;Username=design;Password=design", npgsql => npgsql.MigrationsAssembly("SteerCo"))
            .Options);
}
