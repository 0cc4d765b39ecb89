using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using SteerCo.Data;
using SteerCo.Data.CompiledModels.Postgres;
using SteerCo.Data.CompiledModels.Sqlite;

namespace SteerCo.Tests.Data;

/// <summary>
/// The app loads each engine's model compiled ahead of time (src/SteerCo/Data/CompiledModels)
/// instead of building it by convention at its first query. A compiled model that no longer
/// describes the entities would read and write the wrong columns, so each is compared with the
/// model the conventions build from today's code: the tables the migrations would make of it, and
/// every entity's properties, relationships, keys, indexes and filters, and the tables, columns and
/// constraints they map to.
/// </summary>
public sealed class CompiledModels
{
    [Fact]
    public void The_SQLite_compiled_model_is_the_model_of_the_code()
    {
        using var db = new SqliteSteerCoDbContext(new DbContextOptionsBuilder<SqliteSteerCoDbContext>().UseSqlite("Data Source=:memory:").Options);

        ShouldDescribe(SqliteSteerCoDbContextModel.Instance, db);
    }

    [Fact]
    public void The_PostgreSQL_compiled_model_is_the_model_of_the_code()
    {
        // No connection is opened: only the models are read.
        using var db = new PostgresSteerCoDbContext(new DbContextOptionsBuilder<PostgresSteerCoDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        ShouldDescribe(PostgresSteerCoDbContextModel.Instance, db);
    }

    [Fact]
    public void A_compiled_model_that_lacks_a_column_is_told_apart()
    {
        using var db = new SqliteSteerCoDbContext(new DbContextOptionsBuilder<SqliteSteerCoDbContext>().UseSqlite("Data Source=:memory:").Options);
        var built = db.GetService<IDesignTimeModel>().Model;
        var compiled = SqliteSteerCoDbContextModel.Instance;

        // The comparison itself must see a difference: the same model read with one property fewer.
        var shape = Shape(compiled);
        var line = shape.Split('\n').First(l => l.Contains("  Title ", StringComparison.Ordinal));
        shape.Replace(line + "\n", "", StringComparison.Ordinal).ShouldNotBe(Shape(built));
    }

    private static void ShouldDescribe(IModel compiled, DbContext db)
    {
        var built = db.GetService<IDesignTimeModel>().Model;
        const string advice = "run scripts/compile-models.sh: the entities changed since the compiled models were written";

        Shape(compiled).ShouldBe(Shape(built), advice);
    }

    /// <summary>What the app reads of a model, one line per fact, in a fixed order.</summary>
    private static string Shape(IModel model)
    {
        var text = new StringBuilder();
        void Line(string s) => text.Append(s).Append('\n');
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            Line($"{entity.Name} table={entity.GetTableName()} view={entity.GetViewName()} base={entity.BaseType?.Name} owned={entity.IsOwned()} filters={entity.GetDeclaredQueryFilters().Count}");
            foreach (var p in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                Line(string.Create(CultureInfo.InvariantCulture,
                    $"  {p.Name} {p.ClrType.Name} null={p.IsNullable} column={p.GetColumnName()} type={p.GetColumnType()} max={p.GetMaxLength()} converter={p.GetTypeMapping().Converter?.GetType().Name} generated={p.ValueGenerated} concurrency={p.IsConcurrencyToken} shadow={p.IsShadowProperty()} default={p.GetDefaultValueSql()}{p.GetDefaultValue()} computed={p.GetComputedColumnSql()}"));
            }
            foreach (var n in entity.GetNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                Line($"  nav {n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection} field={n.FieldInfo?.Name}");
            }
            foreach (var n in entity.GetSkipNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                Line($"  skip {n.Name} -> {n.TargetEntityType.Name}");
            }
            foreach (var k in entity.GetKeys().OrderBy(k => Names(k.Properties), StringComparer.Ordinal))
            {
                Line($"  key {Names(k.Properties)} primary={k.IsPrimaryKey()}");
            }
            foreach (var f in entity.GetForeignKeys().OrderBy(f => Names(f.Properties), StringComparer.Ordinal))
            {
                Line($"  fk {Names(f.Properties)} -> {f.PrincipalEntityType.Name}({Names(f.PrincipalKey.Properties)}) delete={f.DeleteBehavior} required={f.IsRequired} unique={f.IsUnique}");
            }
            foreach (var i in entity.GetIndexes().OrderBy(i => Names(i.Properties), StringComparer.Ordinal))
            {
                Line($"  index {Names(i.Properties)} name={i.GetDatabaseName()} unique={i.IsUnique} filter={i.GetFilter()}");
            }
        }
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Line($"table {table.Name}");
            foreach (var c in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                Line($"  {c.Name} {c.StoreType} null={c.IsNullable}");
            }
            foreach (var f in table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                Line($"  fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}");
            }
            foreach (var i in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                Line($"  index {i.Name} unique={i.IsUnique} ({string.Join(",", i.Columns.Select(c => c.Name))})");
            }
        }
        return text.ToString();
    }

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));
}
