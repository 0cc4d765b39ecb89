namespace SteerCo.Bench;

/// <summary>
/// The SQL the app runs for GET /api/v1/report-requests/{id}/consolidated, as its log shows it
/// (Microsoft.EntityFrameworkCore.Database.Command at Information), per engine, with EF's parameters
/// renamed @requestId, @templateVersionId and @committeeId.
/// </summary>
internal static class ConsolidatedSql
{
    public static IReadOnlyList<string> For(string provider) => provider == "postgres" ? Postgres : Sqlite;

    private static readonly string[] Postgres = [];

    private static readonly string[] Sqlite = [];
}
