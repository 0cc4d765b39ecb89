using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using SteerCo.Cli;
using SteerCo.Documents.Files;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Cli;

/// <summary>What an operator sees from `steerco`, run in-process against a real database of this run's engine.</summary>
public sealed class RunningTheCommandLine : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "steerco-cli-" + Guid.NewGuid().ToString("N"));

    private string FilesFolder => Path.Combine(_folder, "files");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await TestDatabase.CreateAsync();
        (await RunAsync("db", "migrate")).Code.ShouldBe(0);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_bad_units_file_is_reported_line_by_line_exits_1_and_imports_nothing()
    {
        var file = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(file, """
            code,name,level,parent_code,kind
            VN,Trung ương,central,,
            01,Thành phố Hà Nội,province,VN,thanh_pho
            1,Tỉnh Lỗi,province,VN,tinh
            00070,Phường Hoàn Kiếm,commune,01,phuong
            00070,Phường Trùng,commune,01,phuong
            00100,Xã Mồ Côi,commune,77,xa
            """, new UTF8Encoding(false));

        var (code, output, error) = await RunAsync("units", "import", file);

        code.ShouldBe(1);
        error.ShouldContain("Dòng 4: Mã '1' không hợp lệ: mã tỉnh gồm đúng 2 chữ số.");
        error.ShouldContain("Dòng 6: Mã '00070' bị trùng với dòng 5.");
        error.ShouldContain("Dòng 7: Không tìm thấy đơn vị cấp trên có mã '77'.");
        (await RunAsync("units", "export")).Output.Trim().Split('\n').Length.ShouldBe(1, "only the header: nothing was imported");
        output.ShouldNotContain("00070");
    }

    [Fact]
    public async Task A_good_file_imports_and_exports_the_same_units()
    {
        var file = Path.Combine(_folder, "good.csv");
        await File.WriteAllTextAsync(file, """
            code,name,level,parent_code,kind
            VN,Trung ương,central,,
            01,Thành phố Hà Nội,province,VN,thanh_pho
            00070,Phường Hoàn Kiếm,commune,01,phuong
            """, new UTF8Encoding(false));

        (await RunAsync("units", "import", file)).Code.ShouldBe(0);
        var export = await RunAsync("units", "export");

        export.Code.ShouldBe(0);
        export.Output.ShouldContain("00070,Phường Hoàn Kiếm,commune,01,phuong");
        export.Output.ShouldContain("01,Thành phố Hà Nội,province,VN,thanh_pho");
    }

    [Fact]
    public async Task Db_analyze_gives_the_planner_statistics_of_the_rows_loaded()
    {
        var file = Path.Combine(_folder, "units.csv");
        await File.WriteAllTextAsync(file, """
            code,name,level,parent_code,kind
            VN,Trung ương,central,,
            01,Thành phố Hà Nội,province,VN,thanh_pho
            00070,Phường Hoàn Kiếm,commune,01,phuong
            """, new UTF8Encoding(false));
        (await RunAsync("units", "import", file)).Code.ShouldBe(0);
        // Before: PostgreSQL has never counted the table's rows (-1); SQLite has no statistics table.
        var statistics = _database.IsPostgres
            ? "SELECT CAST(reltuples AS bigint) FROM pg_class WHERE relname = 'Units'"
            : "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        (await ScalarAsync(statistics)).ShouldBe(_database.IsPostgres ? -1 : 0);

        var (code, output, _) = await RunAsync("db", "analyze");

        code.ShouldBe(0);
        output.ShouldContain("Đã cập nhật thống kê trong");
        if (_database.IsPostgres)
        {
            (await ScalarAsync(statistics)).ShouldBe(3, "the three rows counted");
        }
        else
        {
            (await ScalarAsync("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'Units'")).ShouldBeGreaterThan(0, "a line per index of the table");
        }
    }

    [Fact]
    public async Task Audit_verify_says_intact_and_then_names_the_entry_someone_altered()
    {
        (await RunAsync("users", "create", "--username", "thuky.test", "--full-name", "Trần Thị Thư", "--role", "Administrator", "--password", "Thu-Ky-2025-Test")).Code.ShouldBe(0);
        var intact = await RunAsync("--lang", "en", "audit", "verify");
        intact.Code.ShouldBe(0);
        intact.Output.ShouldContain("intact");

        await ExecuteSqlAsync("""UPDATE "AuditEntries" SET "ActorName" = 'someone-else' WHERE "Sequence" = 1""");
        var broken = await RunAsync("--lang", "en", "audit", "verify");

        broken.Code.ShouldBe(1);
        (broken.Output + broken.Error).ShouldContain("entry 1 was altered");
    }

    [Fact]
    public async Task Collect_orphans_deletes_old_unreferenced_files_keeps_recent_ones_and_says_how_much()
    {
        var store = new LocalFileStore(Options.Create(new FileStoreOptions { Folder = FilesFolder }));
        var old = await StoreAsync(store, new byte[3000]);
        var recent = await StoreAsync(store, new byte[10]);
        File.SetLastWriteTimeUtc(Directory.GetFiles(FilesFolder, old, SearchOption.AllDirectories).Single(), DateTime.UtcNow.AddHours(-30));

        var collected = await RunAsync("files", "collect-orphans");

        collected.Code.ShouldBe(0);
        collected.Output.ShouldContain("Đã xóa 1 tệp không được tham chiếu (3.000 byte).");
        store.Exists(old).ShouldBeFalse();
        store.Exists(recent).ShouldBeTrue();

        var all = await RunAsync("--lang", "en", "files", "collect-orphans", "--older-than-hours", "0");
        all.Output.ShouldContain("Deleted 1 unreferenced files (10 bytes).");
        store.Exists(recent).ShouldBeFalse();
        (await RunAsync("files", "collect-orphans", "--older-than-hours", "-1")).Code.ShouldBe(2);
    }

    private static async Task<string> StoreAsync(LocalFileStore store, byte[] content)
    {
        Random.Shared.NextBytes(content);
        using var staged = await store.StageAsync(new MemoryStream(content), 1024 * 1024);
        store.Commit(staged);
        return staged.Sha256;
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        (await RunAsync("units", "frobnicate")).Code.ShouldBe(2);
        (await RunAsync("users", "create", "--role", "Emperor")).Code.ShouldBe(2);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new Dictionary<string, string?>(_database.Configuration) { ["Files:Folder"] = FilesFolder };
        var code = await SteerCoCli.RunAsync(args, output, error, settings);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<long> ScalarAsync(string sql)
    {
        if (_database.IsPostgres)
        {
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        await using var sqlite = new SqliteConnection(_database.ConnectionString);
        await sqlite.OpenAsync();
        await using var query = sqlite.CreateCommand();
        query.CommandText = sql;
        return Convert.ToInt64(await query.ExecuteScalarAsync());
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        if (_database.IsPostgres)
        {
            await using var connection = new NpgsqlConnection(_database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
            return;
        }
        await using var sqlite = new SqliteConnection(_database.ConnectionString);
        await sqlite.OpenAsync();
        await using var update = sqlite.CreateCommand();
        update.CommandText = sql;
        await update.ExecuteNonQueryAsync();
    }
}
