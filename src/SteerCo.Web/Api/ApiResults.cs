using Microsoft.AspNetCore.Http.HttpResults;
using SteerCo.Access;
using SteerCo.Resources;

namespace SteerCo.Web.Api;

/// <summary>Maps a service <see cref="Result{T}"/> to HTTP: errors are always ProblemDetails.</summary>
public static class ApiResults
{
    public static Results<Ok<T>, ProblemHttpResult, ValidationProblem> ToOk<T>(this Result<T> result) => result.Outcome switch
    {
        Outcome.Ok => TypedResults.Ok(result.Value!),
        Outcome.Invalid => Validation(result),
        _ => Problem(result),
    };

    public static Results<Created<T>, ProblemHttpResult, ValidationProblem> ToCreated<T>(this Result<T> result, Func<T, string> location) => result.Outcome switch
    {
        Outcome.Ok => TypedResults.Created(location(result.Value!), result.Value!),
        Outcome.Invalid => Validation(result),
        _ => Problem(result),
    };

    public static Results<NoContent, ProblemHttpResult, ValidationProblem> ToNoContent<T>(this Result<T> result) => result.Outcome switch
    {
        Outcome.Ok => TypedResults.NoContent(),
        Outcome.Invalid => Validation(result),
        _ => Problem(result),
    };

    /// <summary>The value turned into what the API answers with; any other outcome passes through.</summary>
    public static Result<TOther> Map<T, TOther>(this Result<T> result, Func<T, TOther> map) =>
        result.IsOk ? map(result.Value!) : result.As<TOther>();

    private static ValidationProblem Validation<T>(Result<T> result) => TypedResults.ValidationProblem(
        result.Problems.GroupBy(p => ToCamel(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        title: Messages.Get("InvalidRequest"));

    private static ProblemHttpResult Problem<T>(Result<T> result) => result.Outcome switch
    {
        Outcome.NotFound => NotFound(),
        Outcome.Forbidden => Forbidden(),
        Outcome.Conflict => TypedResults.Problem(statusCode: 409, title: Messages.Get("StaleEdit")),
        _ => throw new InvalidOperationException($"No HTTP mapping for {result.Outcome}."),
    };

    /// <summary>
    /// What a change sent without its version answers, once the caller's access is known from
    /// <paramref name="read"/>: outside the scope 404 (not 400), without the right 403, otherwise 400.
    /// </summary>
    public static Result<T> VersionMissing<T>(Result<T> read, Func<T, bool> allowed) =>
        !read.IsOk ? read
        : !allowed(read.Value!) ? Result<T>.Forbidden()
        : Result<T>.Invalid("Version", Messages.Get("VersionRequired"));

    /// <summary>A file past the limit: 413, with the limit in the title.</summary>
    public static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: SteerCo.Documents.Files.FileIntake.TooLargeMessage(maxBytes));

    /// <summary>As <see cref="ToOk{T}"/>, but a file refused for its size answers 413, as the document files do.</summary>
    public static IResult ToOkOrTooLarge<T>(this Result<T> result, long maxBytes) =>
        result.Outcome == Outcome.Invalid && result.Problems.Any(p => p.Field == SteerCo.Documents.Files.FileIntake.TooLargeField) ? TooLarge(maxBytes) : result.ToOk();

    /// <summary>A file the store could not find for the reader (out of scope, removed, missing): 404; otherwise the file.</summary>
    public static IResult SendOrNotFound(this Result<SteerCo.Documents.Files.FileDownload> result, HttpResponse response) =>
        result.IsOk ? Infrastructure.FileDownloads.Send(response, result.Value!) : NotFound();

    public static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: Messages.Get("NotFound"));

    public static ProblemHttpResult Forbidden() => TypedResults.Problem(statusCode: 403, title: Messages.Get("Forbidden"));

    /// <summary>The field as the JSON names it: "Version" is "version", "Values.HO_SO_TAN" is "values.HO_SO_TAN" (a code stays as written).</summary>
    private static string ToCamel(string field) => field.Length == 0 ? "" : char.ToLowerInvariant(field[0]) + field[1..];
}
