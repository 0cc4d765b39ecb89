namespace SteerCo.Text;

/// <summary>"Clock" section: the time zone the committees live in.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>A time zone id ("Asia/Ho_Chi_Minh"); none: Vietnam's time, UTC+7.</summary>
    public string? TimeZone { get; set; }
}

/// <summary>
/// The system's clock, read in the committees' time zone rather than the server's: a server (or a
/// container) on UTC would otherwise give yesterday's date from midnight to 7 a.m. in Vietnam (the
/// overdue list, the reminders, a new document's date) and show every time 7 hours early.
/// </summary>
public sealed class CommitteeTime(TimeZoneInfo zone) : TimeProvider
{
    /// <summary>Vietnam's time: UTC+7 all year, with no summer time since 1975, so it needs no time zone data on the server.</summary>
    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "(UTC+07:00) Giờ Việt Nam", "Giờ Việt Nam");

    public override TimeZoneInfo LocalTimeZone => zone;

    /// <summary>The zone <see cref="ClockOptions.TimeZone"/> names; an unknown one stops the app at start with the name in the message.</summary>
    public static TimeZoneInfo ZoneOf(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return Vietnam;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Clock:TimeZone '{id}' is not a time zone this server knows (for Vietnam, leave it empty or write Asia/Ho_Chi_Minh).", ex);
        }
    }
}

/// <summary>Dates and times as the committees read them, in the clock's zone.</summary>
public static class ClockExtensions
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public static DateTimeOffset Local(this TimeProvider clock, DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);

    public static DateTimeOffset? Local(this TimeProvider clock, DateTimeOffset? at) => at is { } value ? clock.Local(value) : null;

    /// <summary>A UTC time stored as a DateTime (the audit log's).</summary>
    public static DateTimeOffset LocalFromUtc(this TimeProvider clock, DateTime utc) => clock.Local(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
