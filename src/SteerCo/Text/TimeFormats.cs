using System.Globalization;
using System.Text.RegularExpressions;

namespace SteerCo.Text;

/// <summary>
/// Times of day as a secretariat writes them. What a clerk types is read ("8:00", "08:00", "8h",
/// "8h30", "8 giờ", "8 giờ 30 phút", "14 giờ 00", in any case, with or without marks and spaces);
/// what is stored and printed is one form, <see cref="ToOfficial"/>: "08 giờ 00", "14 giờ 30",
/// the form invitations print ("Thời gian: 08 giờ 00, ngày ...") and the demo data already uses.
/// </summary>
public static partial class TimeFormats
{
    /// <summary>"08 giờ 00": two-digit hour, "giờ", two-digit minutes.</summary>
    public static string ToOfficial(this TimeOnly time) => string.Create(CultureInfo.InvariantCulture, $"{time.Hour:00} giờ {time.Minute:00}");

    /// <summary>
    /// Reads a time of day from hour 0 to 23 and minutes 0 to 59. After ':' and 'h' the minutes
    /// take two digits ("8h5" is more likely a slip for 8h50 than 08:05); after "giờ" one or two,
    /// as the words are written out ("8 giờ 5 phút").
    /// </summary>
    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        // The fold lower-cases and drops the marks, so "8 GIỜ 30 PHÚT" and "8 gio 30 phut" read alike.
        var match = Clock().Match(VietnameseText.Fold(text));
        if (!match.Success)
        {
            return false;
        }
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59)
        {
            return false;
        }
        time = new TimeOnly(hour, minute);
        return true;
    }

    [GeneratedRegex(@"^(?<hour>[0-9]{1,2}) ?(?:: ?(?<minute>[0-9]{2})|h(?: ?(?<minute>[0-9]{2}))?|gio(?: ?(?<minute>[0-9]{1,2})(?: ?phut)?)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();
}
