using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using SteerCo.Access;
using SteerCo.Audit;
using SteerCo.Data;
using SteerCo.Demo;
using SteerCo.Resources;
using SteerCo.Web.Auth;

namespace SteerCo.Web.Infrastructure;

public static class WebApplicationExtensions
{
    /// <summary>
    /// The embedded SQLite database prepares itself: migrations, the official units, the demo.
    /// A PostgreSQL database is migrated by an operator (`steerco db migrate`), never at start.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var seedDemo = app.Configuration.GetValue("Demo:Seed", options.IsSqlite);
        if (!options.IsSqlite && !seedDemo)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SteerCoDbContext>();
        if (options.IsSqlite)
        {
            var upgrade = await SqliteUpgrade.MigrateAsync(db);
            if (upgrade.Backup is { } backup)
            {
                app.Logger.LogInformation("Database migrated ({Migrations}); the file as it was before is kept at {Backup}", string.Join(", ", upgrade.Applied), backup);
            }
        }
        if (!seedDemo)
        {
            return;
        }
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        // Environment variables are part of configuration: STEERCO_ADMIN_PASSWORD, STEERCO_DEMO_PASSWORD.
        var report = await seeder.SeedAsync(app.Configuration["STEERCO_ADMIN_PASSWORD"], app.Configuration["STEERCO_DEMO_PASSWORD"]);
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, report));
    }

    private static void PrintWelcome(WebApplication app, SeedReport report)
    {
        var urls = string.Join(", ", app.Urls);
        var lines = new List<string>
        {
            "",
            "  SteerCo is running at " + urls,
            $"  First login: user '{report.AdminUserName}'"
                + (report.AdminPassword is { } p ? $", password '{p}' (shown once; change it after signing in)"
                    : app.Configuration["STEERCO_ADMIN_PASSWORD"] is { Length: > 0 } ? ", password from STEERCO_ADMIN_PASSWORD"
                    : ", with the password printed when the database was created (reset it with: steerco users reset-password admin)"),
        };
        if (report.DemoPassword is { } demo)
        {
            lines.Add($"  Demo users (password '{demo}'): " + string.Join(", ", report.DemoUsers.Select(u => $"{u.UserName} ({u.Role})")));
        }
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    public static WebApplication UseSteerCoPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        // Errors without a body: ProblemDetails on the API, a page in the user's language elsewhere.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            var title = StatusTitle(http);
            // A query or route value that did not parse: say which, and what it takes.
            var unparsed = http.Response.StatusCode == StatusCodes.Status400BadRequest ? BadRequestExceptionHandler.UnparsedParameters(http) : [];
            await problems.TryWriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails = unparsed.Count > 0
                    ? new HttpValidationProblemDetails(unparsed) { Status = StatusCodes.Status400BadRequest, Title = title }
                    : new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = http.Response.StatusCode, Title = title },
            });
        }));
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// The title of an answer that has only a status (a parameter that did not bind, no token, no
    /// right), in the reader's language: this runs after the request's culture has been left behind.
    /// </summary>
    private static string? StatusTitle(HttpContext http)
    {
        var key = http.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => "BadRequest",
            StatusCodes.Status401Unauthorized => "Unauthorized",
            StatusCodes.Status403Forbidden => "Forbidden",
            StatusCodes.Status404NotFound => "NotFound",
            _ => null,
        };
        if (key is null)
        {
            return null;
        }
        BadRequestExceptionHandler.UseRequestLanguage(http);
        return Messages.Get(key);
    }

    private static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
        await next();
    });

    /// <summary>Health, language switch, the OpenAPI document.</summary>
    public static WebApplication MapSteerCoEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions()).AllowAnonymous();
        app.MapGet("/culture/{language}", (string language, string? returnUrl, HttpContext http) =>
        {
            var culture = language == "en" ? new RequestCulture("en-GB", "en") : new RequestCulture("vi-VN", "vi");
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(culture),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi("/api/v1/openapi.json").AllowAnonymous().WithMetadata(new EndpointAccess(AccessKind.Anonymous));
        // An /api path that no endpoint serves: 404 problem for a token holder (401 without one),
        // rather than the fallback page policy's cookie challenge. A RequestDelegate, not a lambda the
        // request delegate generator rewrites: its MapFallback drops the pattern (dotnet/aspnetcore#65992),
        // and every unknown page would then answer 401 instead of the login page.
        app.MapFallback("/api/{**path}", context => Api.ApiResults.NotFound().ExecuteAsync(context))
            .RequireAuthorization(Policies.Api).Access(AccessKind.SignedIn).ExcludeFromDescription();
        return app;
    }

    internal static Actor RequireActor(this HttpContext http) => http.RequestServices.GetRequiredService<WebActorSource>().Require();

    internal static IActorSource Actors(this HttpContext http) => http.RequestServices.GetRequiredService<IActorSource>();
}
