using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Resources;

namespace SteerCo.Text;

/// <summary>
/// The span of dates a committee's work can carry: from 1945, the first year a document symbol
/// can carry (<see cref="SymbolParser.MinYear"/>), to 20 years from today. A date outside it is a
/// slip of the keyboard (0001-01-01, 9999-12-31, 2062 for 2026) that would otherwise stay on a
/// roster, a deadline or the overdue list for good.
/// </summary>
public static class PlausibleDates
{
    public const int YearsAhead = 20;

    /// <summary>A problem on <paramref name="field"/> when <paramref name="date"/> is outside the span; none for no date.</summary>
    public static Problem? Check(DateOnly? date, DateOnly today, string field, string label) =>
        date is { } d && (d.Year < SymbolParser.MinYear || d > today.AddYears(YearsAhead))
            ? new(field, Messages.Get("DateOutOfSpan", label, SymbolParser.MinYear, today.AddYears(YearsAhead).Year))
            : null;

    /// <summary><see cref="Check"/> added to <paramref name="problems"/>; true when the date is in the span.</summary>
    public static bool Check(DateOnly? date, DateOnly today, string field, string label, List<Problem> problems)
    {
        if (Check(date, today, field, label) is { } problem)
        {
            problems.Add(problem);
            return false;
        }
        return true;
    }
}
