using SteerCo.Cli;

namespace SteerCo.Tests.Cli;

/// <summary>`steerco` speaks Vietnamese unless `--lang en` is given, in its help and in what it prints.</summary>
public sealed class ChoosingTheCommandLineLanguage : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "steerco-cli-lang-" + Guid.NewGuid().ToString("N"));

    public ChoosingTheCommandLineLanguage() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Help_is_in_Vietnamese_by_default_and_in_English_with_lang_en()
    {
        var vietnamese = await RunAsync("units", "--help");
        var english = await RunAsync("--lang", "en", "units", "--help");

        vietnamese.Code.ShouldBe(0);
        vietnamese.Output.ShouldContain("Đơn vị hành chính.");
        vietnamese.Output.ShouldContain("import <file>  Nhập đơn vị từ CSV: nhập cả tệp hoặc không nhập gì; mã đã có thì cập nhật.");
        vietnamese.Output.ShouldContain("Ngôn ngữ: vi (mặc định) hoặc en.");
        english.Code.ShouldBe(0);
        english.Output.ShouldContain("Administrative units.");
        english.Output.ShouldContain("import <file>  Imports units from CSV, the whole file or nothing; an existing code is updated.");
        english.Output.ShouldContain("Language: vi (default) or en.");
        english.Output.ShouldNotContain("Đơn vị hành chính");
    }

    [Fact]
    public async Task Output_with_values_is_in_the_chosen_language()
    {
        // An absent SQLite file: db status says so without creating it.
        var database = Path.Combine(_folder, "absent.db");
        string[] connection = ["--provider", "sqlite", "--connection", $"Data Source={database}"];

        var vietnamese = await RunAsync(["db", "status", .. connection]);
        var english = await RunAsync(["--lang", "en", "db", "status", .. connection]);

        vietnamese.Code.ShouldBe(0);
        vietnamese.Output.ShouldContain($"Cơ sở dữ liệu: sqlite {database}");
        vietnamese.Output.ShouldContain("Tệp cơ sở dữ liệu chưa tồn tại.");
        vietnamese.Output.ShouldContain("│ Migration ");
        vietnamese.Output.ShouldContain("chưa áp dụng │");
        vietnamese.Output.ShouldMatch(@"\n0 đã áp dụng, \d+ chưa áp dụng\.\r?\n$");
        english.Code.ShouldBe(0);
        english.Output.ShouldContain($"Database: sqlite {database}");
        english.Output.ShouldContain("The database file does not exist yet.");
        english.Output.ShouldContain("pending │");
        english.Output.ShouldMatch(@"\n0 applied, \d+ pending\.\r?\n$");
        File.Exists(database).ShouldBeFalse();
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SteerCoCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
