namespace SteerCo.Access;

/// <summary>
/// The user a service acts for, as a plain value so that the CLI can act too.
/// <paramref name="CommitteePath"/> is the materialized path of the user's committee
/// ("/1/4/27/"); the scope rule compares paths.
/// </summary>
public sealed record Actor(int? UserId, string UserName, Role Role, int? CommitteeId, string? CommitteePath, int? AgencyId)
{
    /// <summary>The administrator the CLI and start-up tasks act as.</summary>
    public static Actor System(string name = "system") => new(null, name, Role.Administrator, null, null, null);

    public bool IsAdministrator => Role == Role.Administrator;
}
