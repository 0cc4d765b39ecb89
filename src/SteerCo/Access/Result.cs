using SteerCo.Resources;

namespace SteerCo.Access;

/// <summary>A rule a request broke, with the field it concerns ("" for the whole request).</summary>
public sealed record Problem(string Field, string Message);

public enum Outcome
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>
/// What a service call came to. Expected outcomes (not found, not allowed, invalid input,
/// a stale edit) are values, not exceptions: pages show them, the API maps them to status codes.
/// </summary>
public sealed record Result<T>(Outcome Outcome, T? Value, IReadOnlyList<Problem> Problems)
{
    public bool IsOk => Outcome == Outcome.Ok;

    public static implicit operator Result<T>(T value) => new(Outcome.Ok, value, []);

    public static Result<T> NotFound() => new(Outcome.NotFound, default, []);

    public static Result<T> Forbidden() => new(Outcome.Forbidden, default, [new("", Messages.Get("Forbidden"))]);

    public static Result<T> Invalid(params Problem[] problems) => new(Outcome.Invalid, default, problems);

    public static Result<T> Invalid(IReadOnlyList<Problem> problems) => new(Outcome.Invalid, default, problems);

    public static Result<T> Invalid(string field, string message) => Invalid(new Problem(field, message));

    public static Result<T> Conflict() => new(Outcome.Conflict, default, [new("", Messages.Get("StaleEdit"))]);

    public Result<TOther> As<TOther>() => new(Outcome, default, Problems);
}
