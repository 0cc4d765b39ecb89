using System.Globalization;
using System.Resources;

namespace SteerCo.Cli;

/// <summary>
/// The CLI's own words, in the current UI culture that --lang sets: Vietnamese from
/// Resources/CliMessages.resx by default, English from CliMessages.en.resx. The library's
/// messages come from its own resources in the same culture.
/// </summary>
internal static class CliText
{
    private static readonly ResourceManager Resources = new("SteerCo.Cli.Resources.CliMessages", typeof(CliText).Assembly);

    public static string Get(string key, params object?[] args)
    {
        var format = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }

    public static CultureInfo CultureFor(string? language) =>
        CultureInfo.GetCultureInfo(language == "en" ? "en" : "vi");
}
