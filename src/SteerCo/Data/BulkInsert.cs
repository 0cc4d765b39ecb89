using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace SteerCo.Data;

/// <summary>
/// Writes many new rows of one entity type fast, past the change tracker and the audit log:
/// binary COPY on PostgreSQL, one prepared INSERT reused for every row on SQLite. Columns,
/// names and value conversions come from the EF model, so a new column is written without a
/// change here. Rows carry their own keys; run it inside the caller's transaction.
/// </summary>
/// <remarks>For synthetic data sets only (<c>steerco demo generate</c>): nothing is audited.</remarks>
public static class BulkInsert
{
    private const int ProgressEvery = 1_000;

    /// <summary>
    /// How long a COPY waits for the server at a time. The connection's command timeout (30 s) is
    /// too short on a busy machine: the server, checking keys and indexing text, fell that far
    /// behind the million documents and the import failed with "Timeout during reading attempt".
    /// </summary>
    internal static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The rows one COPY statement carries. The server checks a statement's foreign keys when it
    /// ends, all at once: 28 million report values in one statement kept it busy past the
    /// timeout on a busy machine, and the generation failed after 40 minutes.
    /// </summary>
    internal const int RowsPerCopy = 1_000_000;

    /// <summary>Inserts <paramref name="rows"/>; reports the running count every thousand rows and at the end.</summary>
    public static Task<long> WriteAsync<T>(SteerCoDbContext db, IEnumerable<T> rows, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
        where T : class => WriteAsync(db, rows, RowsPerCopy, progress, cancellationToken);

    /// <summary>As <see cref="WriteAsync{T}(SteerCoDbContext, IEnumerable{T}, IProgress{long}?, CancellationToken)"/>, with at most <paramref name="rowsPerCopy"/> rows in one COPY.</summary>
    internal static async Task<long> WriteAsync<T>(SteerCoDbContext db, IEnumerable<T> rows, int rowsPerCopy, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(table) is not null)
            .Select(p => new Column(p, p.GetColumnName(table)!))
            .ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var written = connection switch
        {
            NpgsqlConnection npgsql => await CopyAsync(npgsql, table.Name, columns, rows, rowsPerCopy, progress, cancellationToken),
            SqliteConnection sqlite => await InsertAsync(sqlite, (SqliteTransaction?)transaction, table.Name, columns, rows, progress, cancellationToken),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
        progress?.Report(written);
        return written;
    }

    /// <summary>After rows with explicit keys, PostgreSQL's identity sequence must move past them.</summary>
    public static async Task ResetIdentityAsync<T>(SteerCoDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return; // SQLite's INTEGER PRIMARY KEY continues from the largest key by itself.
        }
        var entity = db.Model.FindEntityType(typeof(T))!;
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var table = entity.GetTableName()!;
        var column = key.GetColumnName();
        var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), GREATEST((SELECT MAX(\"{column}\") FROM \"{table}\"), 1))";
        await db.Database.SqlQueryRaw<long>(sql).ToListAsync(cancellationToken);
    }

    private static async Task<long> CopyAsync<T>(
        NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows, int rowsPerCopy, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var types = columns.Select(c => StripFacets(c.Property.GetRelationalTypeMapping().StoreType)).ToArray();
        long count = 0;
        using var source = rows.GetEnumerator();
        var more = source.MoveNext();
        while (more)
        {
            await using var importer = await connection.BeginBinaryImportAsync($"COPY {Quote(table)} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            importer.Timeout = CopyTimeout;
            for (var inStatement = 0; more && inStatement < rowsPerCopy; inStatement++, more = source.MoveNext())
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = columns[i].ValueOf(source.Current!);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, types[i], cancellationToken);
                    }
                }
                if (++count % ProgressEvery == 0)
                {
                    progress?.Report(count);
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        return count;
    }

    private static async Task<long> InsertAsync<T>(
        SqliteConnection connection, SqliteTransaction? transaction, string table, List<Column> columns, IEnumerable<T> rows,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder()
            .Append("INSERT INTO ").Append(Quote(table)).Append(" (")
            .AppendJoin(", ", columns.Select(c => Quote(c.Name)))
            .Append(") VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => "$p" + i))
            .Append(')')
            .ToString();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        await command.PrepareAsync(cancellationToken);
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ValueOf(row!) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (++count % ProgressEvery == 0)
            {
                progress?.Report(count);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        return count;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>"character varying(300)" is "character varying" to Npgsql's type lookup.</summary>
    private static string StripFacets(string storeType) =>
        storeType.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? storeType[..open].TrimEnd() : storeType;

    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        private readonly ValueConverter? _converter = property.GetTypeMapping().Converter;

        public IProperty Property { get; } = property;
        public string Name { get; } = name;

        public object? ValueOf(object row)
        {
            var value = _getter.GetClrValueUsingContainingEntity(row);
            return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
        }
    }
}
