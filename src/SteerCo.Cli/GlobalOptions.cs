using System.CommandLine;

namespace SteerCo.Cli;

/// <summary>Options every command accepts, and the settings a caller passed in.</summary>
internal sealed class GlobalOptions(IReadOnlyDictionary<string, string?> settings)
{
    public const string LanguageName = "--lang";

    public IReadOnlyDictionary<string, string?> Settings { get; } = settings;

    public Option<string?> Provider { get; } = Create<string?>("--provider", CliText.Get("ProviderOption"), "sqlite", "postgres");

    public Option<string?> Connection { get; } = Create<string?>("--connection", CliText.Get("ConnectionOption"));

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
        var option = Create<string>(LanguageName, CliText.Get("LanguageOption"), "vi", "en");
        option.DefaultValueFactory = _ => "vi";
        return option;
    }
}
