using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.Razor;
using Serilog;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Web.Auth;

namespace SteerCo.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    public const long MaxRequestBytes = 60L * 1024 * 1024;

    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-GB")];

    public static void AddSteerCoLogging(this WebApplicationBuilder builder)
    {
        // Structured logs: readable lines by default; one JSON object per line with Logging:Json=true,
        // for whatever collects them in production.
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext();
        var logger = (builder.Configuration.GetValue<bool>("Logging:Json")
            ? configuration.WriteTo.Console(new Serilog.Formatting.Json.JsonFormatter(renderMessage: true))
            : configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"))
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
    }

    /// <summary>
    /// What a form field that cannot be read (an empty choice, words in a number) says beside the
    /// field, in the reader's language: the framework's own "The value '' is invalid." is English
    /// whatever the reader chose. Each is looked up when it is said, in the request's language.
    /// </summary>
    private static void UseOwnBindingMessages(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => Messages.Get("FormValueRequired"));
        messages.SetMissingBindRequiredValueAccessor(_ => Messages.Get("FormValueRequired"));
        messages.SetMissingKeyOrValueAccessor(() => Messages.Get("FormValueRequired"));
        messages.SetMissingRequestBodyRequiredValueAccessor(() => Messages.Get("FormValueRequired"));
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => Messages.Get("FormValueInvalid", value));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Messages.Get("FormValueInvalid", value));
        messages.SetValueIsInvalidAccessor(value => Messages.Get("FormValueInvalid", value));
        messages.SetUnknownValueIsInvalidAccessor(_ => Messages.Get("FormValueUnreadable"));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Messages.Get("FormValueUnreadable"));
        messages.SetValueMustBeANumberAccessor(_ => Messages.Get("BindingNotNumber"));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Messages.Get("BindingNotNumber"));
    }

    public static IServiceCollection AddSteerCoWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/", Policies.SignedIn);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                options.Conventions.AuthorizePage("/Units/Merge", Policies.Administrator);
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Status");
            })
            .AddMvcOptions(options => UseOwnBindingMessages(options.ModelBindingMessageProvider))
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("vi-VN", "vi");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = [new("vi"), new("en")];
            // Vietnamese first, whatever the browser asks for; English only when the user switches.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Keys outlive restarts, so sign-ins and forms survive a restart of the app.
        var dataProtection = services.AddDataProtection().SetApplicationName("SteerCo")
            .PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysFolder"] ?? Path.Combine("data", "keys")));
        if (KeysCertificate(configuration, "Certificate") is { } certificate)
        {
            // Linux has no certificate store to find the key by its thumbprint: the same
            // certificate, loaded here, also reads the keys back, and so does the one it replaced
            // (DataProtection:PreviousCertificate), for the keys written before the change.
            var previous = KeysCertificate(configuration, "PreviousCertificate");
            dataProtection.ProtectKeysWithCertificate(certificate)
                .UnprotectKeysWithAnyCertificate(previous is null ? [certificate] : [certificate, previous]);
        }
        services.AddAntiforgery(options => options.Cookie.Name = "steerco.af");
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ConflictExceptionHandler>();
        // A value that does not bind is thrown, not answered with a bare 400, so that the answer can name it.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddDbContextCheck<SteerCoDbContext>("database");
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = MaxRequestBytes);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBytes);
        return services;
    }

    /// <summary>
    /// A certificate (a PKCS#12 file with its private key) that encrypts the keys at rest, from
    /// DataProtection:{name} and DataProtection:{name}Password; none when not set. A file that
    /// cannot be read stops the start with the setting named, not at the first sign-in.
    /// </summary>
    internal static X509Certificate2? KeysCertificate(IConfiguration configuration, string name)
    {
        var setting = "DataProtection:" + name;
        if (configuration[setting] is not { Length: > 0 } path)
        {
            return null;
        }
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[setting + "Password"]);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{setting} '{path}' has no private key: the keys could be encrypted but never read back.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting} '{path}' could not be read ({e.Message}). Check the file and {setting}Password.", e);
        }
    }
}
