using Microsoft.Data.Sqlite;
using Npgsql;

namespace SteerCo.Tests.Support;

/// <summary>
/// A fresh, empty database for one test class: a temporary SQLite file, or a new database on the
/// PostgreSQL server named by STEERCO_TEST_POSTGRES when STEERCO_TEST_PROVIDER is "postgres".
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "STEERCO_TEST_PROVIDER";
    public const string PostgresVariable = "STEERCO_TEST_POSTGRES";

    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;
    private readonly string? _sqliteFile;

    private TestDatabase(string provider, string connectionString, string? serverConnectionString, string? databaseName, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
        _sqliteFile = sqliteFile;
    }

    /// <summary>sqlite or postgres, as the Database:Provider setting spells it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "postgres";

    /// <summary>Where the app under test keeps its data-protection keys: beside the database, gone with it.</summary>
    public string KeysFolder { get; } = Path.Combine(Path.GetTempPath(), "steerco-tests", $"keys_{Guid.NewGuid():N}");

    /// <summary>The provider this run uses: STEERCO_TEST_PROVIDER, sqlite by default.</summary>
    public static string CurrentProvider =>
        Environment.GetEnvironmentVariable(ProviderVariable)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => "sqlite",
            "postgres" or "postgresql" => "postgres",
            var other => throw new InvalidOperationException($"{ProviderVariable} must be sqlite or postgres, not '{other}'."),
        };

    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Default"] = ConnectionString,
        // Off in production (it costs an allocation per row): here, so that a context used by two threads at once fails a test.
        ["Database:ThreadSafetyChecks"] = "true",
    };

    public static async Task<TestDatabase> CreateAsync()
    {
        if (CurrentProvider == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "steerco-tests");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"steerco_t_{Guid.NewGuid():N}.db");
            return new("sqlite", new SqliteConnectionStringBuilder { DataSource = file }.ToString(), null, null, file);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{ProviderVariable}=postgres needs {PostgresVariable}, e.g. Host=127.0.0.1;Port=25491;Username=postgres;Password=postgres;Database=postgres");
        }
        var name = $"steerco_t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync();
        }
        // A small pool per class: classes run in parallel and the server allows ~100 connections.
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 10 }.ToString();
        return new("postgres", connectionString, server, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(KeysFolder))
        {
            Directory.Delete(KeysFolder, recursive: true);
        }
        if (IsPostgres)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            return;
        }
        SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
        foreach (var file in new[] { _sqliteFile!, _sqliteFile + "-wal", _sqliteFile + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still held open is left in the temp folder; it does not affect other runs.
            }
        }
    }
}
