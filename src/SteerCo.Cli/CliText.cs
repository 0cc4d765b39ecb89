using System.Globalization;

namespace SteerCo.Cli;

/// <summary>
/// The CLI's own words, in Vietnamese or English after --lang. The library's messages come
/// from its resources in the same culture.
/// </summary>
internal static class CliText
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string vietnamese, string english) => IsEnglish ? english : vietnamese;

    public static CultureInfo CultureFor(string? language) =>
        CultureInfo.GetCultureInfo(language == "en" ? "en" : "vi");
}
