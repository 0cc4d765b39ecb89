using System.ComponentModel.DataAnnotations;

namespace SteerCo.Data;

/// <summary>"Database" section: which engine. The connection string is ConnectionStrings:Default.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>sqlite (default, a file under ./data) or postgres.</summary>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// Whether EF Core checks that no context is used by two threads at once (off by default: it
    /// costs an allocation per row read; the test suite turns it on).
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }

    public bool IsSqlite => Provider == "sqlite";
}
