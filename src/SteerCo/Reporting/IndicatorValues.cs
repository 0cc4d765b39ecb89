using System.Globalization;
using System.Text.RegularExpressions;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Reporting;

/// <summary>A typed value read from what a user typed (or a spreadsheet cell held), or why it cannot be.</summary>
public readonly record struct ParsedValue(decimal? Number, string? Text, string? Error)
{
    public bool IsEmpty => Number is null && Text is null && Error is null;
}

/// <summary>Reading and showing indicator values the same way in the web form, the API and the spreadsheet.</summary>
public static partial class IndicatorValues
{
    public const int MaxText = 4000;
    public const decimal MaxNumber = 1_000_000_000_000m;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// Numbers take a comma or a point as the decimal mark; when both appear the last is the decimal
    /// mark and the other groups thousands ("1.234,5" and "1,234.5"); a mark that appears more than
    /// once groups thousands ("1.234.567"). Yes/no takes "Có"/"Không" (with or without marks), "x", 1/0.
    /// </summary>
    public static ParsedValue Parse(string name, IndicatorType type, string? raw)
    {
        var text = VietnameseText.Clean(raw);
        if (text.Length == 0)
        {
            return default;
        }
        switch (type)
        {
            case IndicatorType.Text:
                return text.Length > MaxText ? new(null, null, Messages.Get("ValueTextTooLong", name, MaxText)) : new(null, text, null);
            case IndicatorType.YesNo:
                return VietnameseText.Fold(text) switch
                {
                    "co" or "x" or "1" or "yes" or "true" => new(1, null, null),
                    "khong" or "0" or "no" or "false" => new(0, null, null),
                    _ => new(null, null, Messages.Get("ValueNotYesNo", name, text)),
                };
        }
        if (ParseNumber(text) is not { } number)
        {
            return new(null, null, Messages.Get("ValueNotNumber", name, text));
        }
        return Check(name, type, number);
    }

    /// <summary>A number as a spreadsheet holds it: the range rules of its type (a count whole and not negative, a percentage 0 to 100).</summary>
    public static ParsedValue Check(string name, IndicatorType type, decimal number) => type switch
    {
        IndicatorType.Percentage when number is < 0 or > 100 => new(null, null, Messages.Get("ValuePercentRange", name, Show(number))),
        IndicatorType.YesNo when number is not (0 or 1) => new(null, null, Messages.Get("ValueNotYesNo", name, Show(number))),
        // Shown in full, not rounded as Show rounds: 2,001 refused as "2" would read as a mistake of ours.
        IndicatorType.Count when number < 0 || number != decimal.Truncate(number) => new(null, null, Messages.Get("ValueNotCount", name, number.ToString("#,##0.############", Vietnamese))),
        IndicatorType.Text => new(null, Show(number), null),
        _ when Math.Abs(number) > MaxNumber => new(null, null, Messages.Get("ValueTooLarge", name)),
        IndicatorType.Count => new(decimal.Truncate(number), null, null),
        _ => new(Math.Round(number, 4), null, null),
    };

    public static decimal? ParseNumber(string text)
    {
        var s = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        var comma = s.LastIndexOf(',');
        var point = s.LastIndexOf('.');
        string normalized;
        if (comma >= 0 && point >= 0)
        {
            var (decimalMark, group) = comma > point ? (',', '.') : ('.', ',');
            normalized = s.Replace(group.ToString(), "", StringComparison.Ordinal).Replace(decimalMark, '.');
        }
        else if (comma >= 0 || point >= 0)
        {
            var mark = comma >= 0 ? ',' : '.';
            // "1.234" is one thousand two hundred and thirty-four, as Vietnamese writes it and as
            // Show prints it; "2.5" and "0.125" can only be decimals. A comma is the decimal mark.
            var grouped = s.Count(c => c == mark) > 1 || (mark == '.' && ThousandsGroup().IsMatch(s));
            normalized = grouped ? s.Replace(mark.ToString(), "", StringComparison.Ordinal) : s.Replace(mark, '.');
        }
        else
        {
            normalized = s;
        }
        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>A value as the pages and documents print it: "1.234,5", "85,5%", "Có"/"Không".</summary>
    public static string Display(IndicatorType type, decimal? number, string? text) => type switch
    {
        IndicatorType.Text => text ?? "",
        IndicatorType.YesNo when number is { } n => n == 1 ? "Có" : n == 0 ? "Không" : Show(n),
        IndicatorType.Percentage when number is { } n => Show(n) + "%",
        _ => number is { } n ? Show(n) : "",
    };

    /// <summary>A consolidated figure: yes/no summed is a count of "Có", averaged a share.</summary>
    public static string DisplayAggregate(IndicatorType type, Aggregation aggregation, decimal? number) => (type, aggregation) switch
    {
        (_, _) when number is null => "",
        (IndicatorType.YesNo, Aggregation.Sum) => Show(number!.Value),
        (IndicatorType.YesNo, Aggregation.Average) => Show(number!.Value) + "%",
        _ => Display(type, number, null),
    };

    public static string Show(decimal number) => Math.Round(number, 2).ToString("#,##0.##", Vietnamese);

    /// <summary>The value as the input box shows it, for editing again.</summary>
    public static string Raw(IndicatorType type, decimal? number, string? text) => type switch
    {
        IndicatorType.Text => text ?? "",
        IndicatorType.YesNo => number switch { 1 => "Có", 0 => "Không", _ => "" },
        _ => number is { } n ? n.ToString("0.####", Vietnamese) : "",
    };

    /// <summary>One point between a first group of one to three digits (not a lone 0) and three digits.</summary>
    [GeneratedRegex(@"^[+-]?[1-9][0-9]{0,2}\.[0-9]{3}$")]
    private static partial Regex ThousandsGroup();
}
