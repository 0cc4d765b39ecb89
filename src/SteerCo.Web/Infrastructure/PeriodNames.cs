using Microsoft.Extensions.Localization;
using SteerCo.Reporting;

namespace SteerCo.Web.Infrastructure;

/// <summary>
/// A reporting period's name in the reader's language, from the resource files: "Quý I/2023" in
/// Vietnamese, "Q1 2023" in English. Only the pages use it: the stored names, the titles built
/// from them and the documents the system generates stay Vietnamese (<see cref="ReportingPeriod.ToString"/>).
/// </summary>
public static class PeriodNames
{
    public static string PeriodName(this IStringLocalizer localizer, ReportingPeriod period) =>
        localizer[$"Period{period.Kind}{period.Number}", period.Year];

    /// <summary>A period carried by its Vietnamese name ("Quý I/2023"); text that is no such name is shown as it is.</summary>
    public static string PeriodName(this IStringLocalizer localizer, string name) =>
        ReportingPeriod.TryParseName(name, out var period) ? localizer.PeriodName(period) : name;
}
