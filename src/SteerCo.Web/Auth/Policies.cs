namespace SteerCo.Web.Auth;

/// <summary>Policy and scheme names, written once.</summary>
public static class Policies
{
    /// <summary>Any signed-in, active user; committee-level checks happen per resource.</summary>
    public const string SignedIn = "SignedIn";

    public const string Administrator = "Administrator";

    /// <summary>API calls: a bearer token from POST /api/v1/auth/token.</summary>
    public const string Api = "Api";
}
