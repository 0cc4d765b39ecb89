using SteerCo.Calendar;

namespace SteerCo.Web.Api;

public static class CalendarFeedEndpoint
{
    /// <summary>
    /// GET /calendar/{token}.ics: a user's meetings and deadlines for a calendar application, which
    /// cannot sign in: the secret address is the credential (made and revoked on /Account/Calendar).
    /// An unknown or revoked address answers 404, like any missing page.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarService calendar, CancellationToken ct) =>
                await calendar.FeedAsync(token, ct) is { } ics
                    ? Results.Text(ics, "text/calendar; charset=utf-8")
                    : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
