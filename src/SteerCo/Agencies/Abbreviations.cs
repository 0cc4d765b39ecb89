namespace SteerCo.Agencies;

/// <summary>
/// The abbreviation an agency or committee uses in document symbols: letters (Vietnamese
/// capitals such as Đ included), digits and inner hyphens, as in "UBND", "BCĐ", "BCĐTW", "VPCP".
/// </summary>
public static class Abbreviations
{
    public static bool IsValid(string? abbreviation) =>
        abbreviation is { Length: > 0 and <= 30 }
        && char.IsLetter(abbreviation[0])
        && abbreviation.All(c => char.IsLetterOrDigit(c) || c == '-')
        && !abbreviation.EndsWith('-')
        && !abbreviation.Contains("--", StringComparison.Ordinal);
}
