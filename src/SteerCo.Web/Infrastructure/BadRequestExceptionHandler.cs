using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using SteerCo.Resources;

namespace SteerCo.Web.Infrastructure;

/// <summary>
/// A JSON body the API cannot read (a date that is no date, words where a number goes, a name that
/// is not one of the choices, JSON cut short) is a 400 that names the field and says what it
/// takes, in the reader's language. The framework's own answer names nothing. The minimal-API
/// endpoints throw such failures (ThrowOnBadRequest) so that this handler sees them; nothing has
/// been read or written when they do. A query or route value that does not parse raises no
/// exception (the generated endpoints answer it themselves with a bare 400): the status page names
/// it with <see cref="UnparsedParameters"/>.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        UseRequestLanguage(httpContext);
        httpContext.Response.StatusCode = bad.StatusCode;
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = { Status = bad.StatusCode } });
        }
        var (field, message) = Describe(httpContext, bad);
        var problem = field is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Detail = message }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message!] });
        problem.Status = StatusCodes.Status400BadRequest;
        problem.Title = Messages.Get("BadRequest");
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>
    /// This runs after the request's culture has been left behind (the exception has unwound the
    /// localization middleware): the reader's language is taken again from the request.
    /// </summary>
    internal static void UseRequestLanguage(HttpContext http)
    {
        if (http.Features.Get<IRequestCultureFeature>() is { } language)
        {
            CultureInfo.CurrentUICulture = language.RequestCulture.UICulture;
        }
    }

    /// <summary>The field at fault (as the caller named it) and what it takes; no field when the body is not JSON at all.</summary>
    private (string? Field, string? Message) Describe(HttpContext http, BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException body)
        {
            // A reader's error (the text is not JSON) carries the reader's exception; a value of the wrong type does not.
            if (body.InnerException is JsonException || body.Path is null or "$")
            {
                return (null, Messages.Get("BindingNotJson", (body.LineNumber ?? 0) + 1, (body.BytePositionInLine ?? 0) + 1));
            }
            var field = body.Path.StartsWith("$.", StringComparison.Ordinal) ? body.Path[2..] : body.Path;
            var bodyType = Endpoint(http)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            return (field, Expected(bodyType is null ? null : TypeAt(bodyType, field)));
        }
        if (bad.InnerException is UnreadableFormException)
        {
            return (null, Messages.Get("BindingFormUnreadable"));
        }
        // Anything else (a body missing altogether) keeps the general title.
        return (null, null);
    }

    /// <summary>
    /// The route and query values of <paramref name="http"/>'s endpoint that do not parse as their
    /// parameters' types (as the endpoint itself parses them, in the invariant culture), each with
    /// what it takes. Empty when the 400 came from elsewhere.
    /// </summary>
    internal static Dictionary<string, string[]> UnparsedParameters(HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var parameter in http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            var raw = http.Request.RouteValues[parameter.Name]?.ToString() ?? http.Request.Query[parameter.Name].ToString();
            if (raw.Length > 0 && Parses(type, raw) == false)
            {
                errors[parameter.Name] = [Expected(type)];
            }
        }
        return errors;
    }

    /// <summary>Whether <paramref name="raw"/> parses as <paramref name="type"/>; null for a type that is not read from text.</summary>
    private static bool? Parses(Type type, string raw)
    {
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(int) => int.TryParse(raw, invariant, out _),
            _ when type == typeof(long) => long.TryParse(raw, invariant, out _),
            _ when type == typeof(decimal) => decimal.TryParse(raw, invariant, out _),
            _ when type == typeof(double) => double.TryParse(raw, invariant, out _),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(raw, invariant, out _),
            _ when type == typeof(DateTime) => DateTime.TryParse(raw, invariant, out _),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(raw, invariant, out _),
            _ when type == typeof(bool) => bool.TryParse(raw, out _),
            { IsEnum: true } => Enum.TryParse(type, raw, ignoreCase: true, out _),
            _ => null,
        };
    }

    /// <summary>The type of the member a JSON path such as <c>rows[2].value</c> leads to, as the API's serializer sees it.</summary>
    private Type? TypeAt(Type root, string path)
    {
        Type? type = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            var info = Info(type);
            var property = info?.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }
            type = property.PropertyType;
            // Each index steps into the elements of a list.
            for (var i = segment.Count(c => c == '['); i > 0 && type is not null; i--)
            {
                type = Info(type)?.ElementType;
            }
        }
        return type;
    }

    private JsonTypeInfo? Info(Type? type)
    {
        if (type is null)
        {
            return null;
        }
        try
        {
            return json.Value.SerializerOptions.GetTypeInfo(type);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The endpoint that failed: the exception handler has already cleared the request's own.</summary>
    private static Endpoint? Endpoint(HttpContext http) => http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;

    /// <summary>What a value of <paramref name="type"/> must look like, in words a secretariat reads.</summary>
    private static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => Messages.Get("BindingWrongType"),
            _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) => Messages.Get("BindingNotDate"),
            _ when type == typeof(bool) => Messages.Get("BindingNotBoolean"),
            _ when type == typeof(string) => Messages.Get("BindingNotText"),
            { IsEnum: true } => Messages.Get("BindingNotOneOf", string.Join(", ", Enum.GetNames(type))),
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
                || type == typeof(decimal) || type == typeof(double) || type == typeof(float) => Messages.Get("BindingNotNumber"),
            _ => Messages.Get("BindingWrongType"),
        };
    }
}

/// <summary>
/// The type of a body an endpoint reads by hand (JSON or a form), for naming what did not bind.
/// No content types: it does not take part in choosing the endpoint, as <c>Accepts</c> would.
/// </summary>
public sealed record BodyType(Type RequestType) : IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes => [];

    public bool IsOptional => false;
}
