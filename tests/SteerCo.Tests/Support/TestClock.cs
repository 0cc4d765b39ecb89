using SteerCo.Text;

namespace SteerCo.Tests.Support;

/// <summary>A clock a test sets, in Vietnam's time zone (UTC+7, no daylight saving), as the servers run.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private static readonly TimeZoneInfo Vietnam = CommitteeTime.Vietnam;

    /// <summary>Today in Vietnam, as the app reckons it, whatever the zone of the machine the tests run on.</summary>
    public static DateOnly Today => new CommitteeTime(Vietnam).Today();

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => Vietnam;

    /// <summary>A moment of a day in Vietnam.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(7));
}
