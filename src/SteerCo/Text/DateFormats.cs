using System.Globalization;

namespace SteerCo.Text;

/// <summary>Date formats users read: dd/MM/yyyy on screens, the long form in documents.</summary>
public static class DateFormats
{
    public const string Short = "dd/MM/yyyy";

    public static string ToShort(this DateOnly date) => date.ToString(Short, CultureInfo.InvariantCulture);

    public static string ToShort(this DateOnly? date) => date is { } d ? d.ToShort() : "";

    public static bool TryParseShort(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), [Short, "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
