using System.CommandLine;

namespace SteerCo.Cli;

/// <summary>Options every command accepts, and the settings a caller passed in.</summary>
internal sealed class GlobalOptions(IReadOnlyDictionary<string, string?> settings)
{
    public const string LanguageName = "--lang";

    public IReadOnlyDictionary<string, string?> Settings { get; } = settings;

    public Option<string?> Provider { get; } = Create<string?>("--provider", CliText.T(
        "Hệ quản trị: sqlite hoặc postgres (ghi đè Database:Provider).",
        "Database engine: sqlite or postgres (overrides Database:Provider)."), "sqlite", "postgres");

    public Option<string?> Connection { get; } = Create<string?>("--connection", CliText.T(
        "Chuỗi kết nối (ghi đè ConnectionStrings:Default). Mặc định \"Data Source=data/steerco.db\" tính từ thư mục hiện tại; "
            + "cơ sở dữ liệu của ứng dụng web (chạy trong src/SteerCo.Web) là \"Data Source=src/SteerCo.Web/data/steerco.db\" tính từ gốc kho mã.",
        "Connection string (overrides ConnectionStrings:Default). Default \"Data Source=data/steerco.db\", relative to the current directory; "
            + "the web app's database (it runs from src/SteerCo.Web) is \"Data Source=src/SteerCo.Web/data/steerco.db\" from the repository root."));

    public Option<string> Language { get; } = CreateLanguage();

    private static Option<T> Create<T>(string name, string description, params string[] allowed)
    {
        var option = new Option<T>(name) { Description = description, Recursive = true };
        if (allowed.Length > 0)
        {
            option.AcceptOnlyFromAmong(allowed);
        }
        return option;
    }

    private static Option<string> CreateLanguage()
    {
        var option = Create<string>(LanguageName, CliText.T("Ngôn ngữ: vi (mặc định) hoặc en.", "Language: vi (default) or en."), "vi", "en");
        option.DefaultValueFactory = _ => "vi";
        return option;
    }
}
