using System.Data.Common;

namespace SteerCo.Bench;

/// <summary>
/// Takes back the rows the write cases added, so that the next run measures the data set as it was
/// generated: one run of the fan-out case alone adds tens of thousands of tasks.
/// <para>
/// Before the first write, it notes the largest id of every table with an integer "Id". Afterwards,
/// with the foreign keys off for one transaction, it deletes every row above those ids, every row of a
/// table without an "Id" (a task's coordinating agencies) that points to a deleted row, and clears a
/// nullable reference from an older row to a deleted one. What the writes changed in older rows stays:
/// a task's status and percent, the next number of a document series. Uploaded files stay on disk.
/// </para>
/// </summary>
internal sealed class WriteUndo
{
    private readonly DirectDatabase _database;
    private readonly Dictionary<string, long> _largest;

    private WriteUndo(DirectDatabase database, Dictionary<string, long> largest)
    {
        _database = database;
        _largest = largest;
    }

    private bool IsPostgres => _database.Provider == "postgres";

    public static async Task<WriteUndo> NoteAsync(DirectDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var tables = await ReadAsync(connection, database.Provider == "postgres"
            ? "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'Id' AND data_type IN ('integer', 'bigint')"
            : "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'Id' AND upper(p.type) = 'INTEGER'",
            r => r.GetString(0), cancellationToken);
        var largest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
            largest[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        return new WriteUndo(database, largest);
    }

    /// <summary>Deletes what was added since <see cref="NoteAsync"/>; answers the rows deleted per table, the largest first.</summary>
    public async Task<IReadOnlyList<(string Table, int Rows)>> UndoAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var references = await ReadAsync(connection, IsPostgres
            ? """
              SELECT kcu.table_name, kcu.column_name, ccu.table_name, c.is_nullable = 'YES'
              FROM information_schema.table_constraints tc
              JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
              JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
              JOIN information_schema.columns c ON c.table_schema = kcu.table_schema AND c.table_name = kcu.table_name AND c.column_name = kcu.column_name
              WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() AND ccu.column_name = 'Id'
              """
            : """
              SELECT m.name, f."from", f."table", p."notnull" = 0
              FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f JOIN pragma_table_info(m.name) p ON p.name = f."from"
              WHERE m.type = 'table' AND f."to" = 'Id'
              """,
            r => (Table: r.GetString(0), Column: r.GetString(1), Parent: r.GetString(2), Nullable: r.GetBoolean(3)), cancellationToken);

        if (!IsPostgres)
        {
            // Only outside a transaction; the app's own connections keep theirs.
            await ExecuteAsync(connection, null, "PRAGMA foreign_keys = OFF", cancellationToken);
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (IsPostgres)
        {
            // Foreign keys are triggers in PostgreSQL; a superuser's session can leave them unfired.
            await ExecuteAsync(connection, transaction, "SET LOCAL session_replication_role = replica", cancellationToken);
        }
        var deleted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (table, largest) in _largest)
        {
            Count(deleted, table, await ExecuteAsync(connection, transaction, $"DELETE FROM \"{table}\" WHERE \"Id\" > {largest}", cancellationToken));
        }
        foreach (var reference in references.Where(r => _largest.ContainsKey(r.Parent)))
        {
            var above = $"\"{reference.Column}\" > {_largest[reference.Parent]}";
            if (!_largest.ContainsKey(reference.Table) || !reference.Nullable)
            {
                Count(deleted, reference.Table, await ExecuteAsync(connection, transaction, $"DELETE FROM \"{reference.Table}\" WHERE {above}", cancellationToken));
            }
            else
            {
                await ExecuteAsync(connection, transaction, $"UPDATE \"{reference.Table}\" SET \"{reference.Column}\" = NULL WHERE {above}", cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        if (IsPostgres)
        {
            // As after the bulk load: the planner's statistics and the visibility map of the tables as they are again.
            foreach (var table in deleted.Keys)
            {
                await ExecuteAsync(connection, null, $"VACUUM (ANALYZE) \"{table}\"", cancellationToken);
            }
        }
        else
        {
            await ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON", cancellationToken);
        }
        return [.. deleted.OrderByDescending(d => d.Value).Select(d => (d.Key, d.Value))];
    }

    private static void Count(Dictionary<string, int> deleted, string table, int rows)
    {
        if (rows > 0)
        {
            deleted[table] = deleted.GetValueOrDefault(table) + rows;
        }
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        // A national fan-out run deletes hundreds of thousands of rows.
        command.CommandTimeout = 600;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
