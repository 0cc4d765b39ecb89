namespace SteerCo.Data;

/// <summary>
/// An entity edited by people: its version is the optimistic-concurrency token. Every save
/// increments it, and an edit made on an older version is refused as stale.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
