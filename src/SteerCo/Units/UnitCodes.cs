using SteerCo.Resources;

namespace SteerCo.Units;

/// <summary>Official code shapes (Decision 19/2025/QĐ-TTg): provinces 2 digits, communes 5.</summary>
public static class UnitCodes
{
    public static int? DigitsFor(UnitLevel level) => level switch
    {
        UnitLevel.Province => 2,
        UnitLevel.District => 3,
        UnitLevel.Commune => 5,
        _ => null,
    };

    /// <summary>The message for a code that does not fit its level, or null when it fits.</summary>
    public static string? Check(string code, UnitLevel level)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Messages.Get("UnitCodeRequired");
        }
        if (DigitsFor(level) is { } digits)
        {
            return code.Length == digits && code.All(char.IsAsciiDigit)
                ? null
                : Messages.Get("UnitCodeShape", code, LevelName(level), digits);
        }
        return code.Length <= 10 && code.All(char.IsAsciiLetterOrDigit) ? null : Messages.Get("UnitCodeCentral", code);
    }

    /// <summary>Which levels a unit's parent may be at.</summary>
    public static UnitLevel[] ParentLevelsFor(UnitLevel level) => level switch
    {
        UnitLevel.Province => [UnitLevel.Central],
        UnitLevel.District => [UnitLevel.Province],
        UnitLevel.Commune => [UnitLevel.Province, UnitLevel.District],
        _ => [],
    };

    public static string LevelName(UnitLevel level) => Messages.Get($"UnitLevel{level}");

    public static bool TryParseLevel(string? text, out UnitLevel level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "central": level = UnitLevel.Central; return true;
            case "province": level = UnitLevel.Province; return true;
            case "district": level = UnitLevel.District; return true;
            case "commune": level = UnitLevel.Commune; return true;
            default: level = default; return false;
        }
    }

    public static string ToCsv(UnitLevel level) => level.ToString().ToLowerInvariant();
}
