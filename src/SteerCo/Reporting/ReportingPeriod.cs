using System.Globalization;
using System.Text.RegularExpressions;

namespace SteerCo.Reporting;

/// <summary>The length of a reporting period (Decree 09/2019/NĐ-CP, Article 12).</summary>
public enum PeriodKind
{
    Month = 1,
    Quarter = 2,

    /// <summary>Number 1: the first six months; number 2: the last six.</summary>
    HalfYear = 3,

    /// <summary>The first nine months of the year.</summary>
    NineMonths = 4,

    Year = 5,
}

/// <summary>
/// A reporting period: kind, year and number within the year ("Quý I/2023" is Quarter, 2023, 1).
/// Periods are cumulative from January except the month, the quarter and the last six months.
/// </summary>
public readonly partial record struct ReportingPeriod(PeriodKind Kind, int Year, int Number)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static ReportingPeriod Quarter(int year, int quarter) => new(PeriodKind.Quarter, year, quarter);

    public static ReportingPeriod Month(int year, int month) => new(PeriodKind.Month, year, month);

    /// <summary>How many periods of the kind a year has.</summary>
    public static int PerYear(PeriodKind kind) => kind switch
    {
        PeriodKind.Month => 12,
        PeriodKind.Quarter => 4,
        PeriodKind.HalfYear => 2,
        _ => 1,
    };

    public bool IsValid => Enum.IsDefined(Kind) && Year is >= 2000 and <= 2100 && Number >= 1 && Number <= PerYear(Kind);

    public int FirstMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => (Number - 1) * 3 + 1,
        PeriodKind.HalfYear => Number == 1 ? 1 : 7,
        _ => 1,
    };

    public int LastMonth => Kind switch
    {
        PeriodKind.Month => Number,
        PeriodKind.Quarter => Number * 3,
        PeriodKind.HalfYear => Number * 6,
        PeriodKind.NineMonths => 9,
        _ => 12,
    };

    /// <summary>The period as users write it: "Tháng 3/2023", "Quý I/2023", "6 tháng đầu năm 2023", "9 tháng năm 2023", "Năm 2023".</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"Tháng {Number}/{Year}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {Roman[Number - 1]}/{Year}"),
        PeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"6 tháng {(Number == 1 ? "đầu" : "cuối")} năm {Year}"),
        PeriodKind.NineMonths => string.Create(CultureInfo.InvariantCulture, $"9 tháng năm {Year}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Năm {Year}"),
    };

    /// <summary>
    /// The period a name of <see cref="ToString"/> stands for ("Quý I/2023" is Quarter, 2023, 1), for
    /// lists that carry the name alone; false for any other text (a title, a meeting's free-text period).
    /// </summary>
    public static bool TryParseName(string? name, out ReportingPeriod period)
    {
        period = default;
        var match = Name().Match(name ?? "");
        if (!match.Success)
        {
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        period = match.Groups switch
        {
            var g when g["month"].Success => Month(year, int.Parse(g["month"].Value, CultureInfo.InvariantCulture)),
            var g when g["quarter"].Success => Quarter(year, Array.IndexOf(Roman, g["quarter"].Value) + 1),
            var g when g["half"].Success => new(PeriodKind.HalfYear, year, g["half"].Value == "đầu" ? 1 : 2),
            var g when g["nine"].Success => new(PeriodKind.NineMonths, year, 1),
            _ => new(PeriodKind.Year, year, 1),
        };
        // "Tháng 13/2023" has the shape but is no period.
        return period.IsValid && period.ToString() == name;
    }

    [GeneratedRegex(@"^(?:Tháng (?<month>[0-9]{1,2})/|Quý (?<quarter>I|II|III|IV)/|6 tháng (?<half>đầu|cuối) năm |(?<nine>9) tháng năm |Năm )(?<year>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    /// <summary>A sortable key ("2023-Q-1"), used in URLs and forms.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year}-{(int)Kind}-{Number}");

    public static bool TryParseKey(string? key, out ReportingPeriod period)
    {
        period = default;
        var parts = key?.Split('-');
        if (parts is not { Length: 3 }
            || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var kind)
            || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        period = new((PeriodKind)kind, year, number);
        return period.IsValid;
    }

    /// <summary>The period of the kind a day falls in (the year's own for the nine months and the year).</summary>
    public static ReportingPeriod Containing(PeriodKind kind, DateOnly day) => new(kind, day.Year, kind switch
    {
        PeriodKind.Month => day.Month,
        PeriodKind.Quarter => (day.Month - 1) / 3 + 1,
        PeriodKind.HalfYear => day.Month <= 6 ? 1 : 2,
        _ => 1,
    });

    /// <summary>The periods of a kind from a year to another, in order.</summary>
    public static IEnumerable<ReportingPeriod> Between(PeriodKind kind, int fromYear, int toYear)
    {
        for (var year = fromYear; year <= toYear; year++)
        {
            for (var number = 1; number <= PerYear(kind); number++)
            {
                yield return new(kind, year, number);
            }
        }
    }
}

/// <summary>
/// When the data of a period is cut off and when the report is due, as data a committee can set.
/// The data runs from <see cref="CutoffDay"/> + 1 of the month before the period's first month to
/// <see cref="CutoffDay"/> of its last month; the report is due on <see cref="DeadlineDay"/> of the
/// month <see cref="DeadlineMonthOffset"/> months after the period's last month.
/// </summary>
public sealed record DeadlineRule(int CutoffDay, int DeadlineDay, int DeadlineMonthOffset)
{
    /// <summary>
    /// Decree 09/2019/NĐ-CP's defaults as DOMAIN.md gives them: data from the 15th of the month before
    /// to the 14th of the period's last month (quarterly, 6-month, 9-month and annual from 15 December),
    /// due on the 25th of the period's last month. Not confirmed for every body: committees change them.
    /// </summary>
    public static DeadlineRule Decree09 { get; } = new(14, 25, 0);

    public bool IsValid => CutoffDay is >= 1 and <= 28 && DeadlineDay is >= 1 and <= 28 && DeadlineMonthOffset is >= 0 and <= 3;

    public DateOnly CutoffFrom(ReportingPeriod period) =>
        new DateOnly(period.Year, period.FirstMonth, 1).AddMonths(-1).AddDays(CutoffDay);

    public DateOnly CutoffTo(ReportingPeriod period) => new(period.Year, period.LastMonth, CutoffDay);

    public DateOnly Deadline(ReportingPeriod period) =>
        new DateOnly(period.Year, period.LastMonth, 1).AddMonths(DeadlineMonthOffset).AddDays(DeadlineDay - 1);
}
