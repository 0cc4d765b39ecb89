using SteerCo.Access;

namespace SteerCo.Audit;

/// <summary>Who is acting in this scope: the signed-in user on the web, the operator in the CLI.</summary>
public interface IActorSource
{
    Actor? Current { get; }
}

/// <summary>A fixed actor, for the CLI and start-up work.</summary>
public sealed class FixedActorSource(Actor actor) : IActorSource
{
    public Actor? Current { get; } = actor;
}
