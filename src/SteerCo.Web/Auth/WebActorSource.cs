using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Audit;
using SteerCo.Data;

namespace SteerCo.Web.Auth;

/// <summary>
/// The signed-in user as an <see cref="Actor"/>. A changed role, committee or deactivation applies
/// to the next request, not when a cookie or token expires: the user is read from the database,
/// or from <see cref="ActorCache"/> while no write has happened since it was read there.
/// </summary>
public sealed class WebActorSource(IHttpContextAccessor http, SteerCoDbContext db, ActorCache cache) : IActorSource
{
    private Actor? _actor;
    private bool _loaded;

    /// <summary>The actor; authorization has loaded it (<see cref="LoadAsync"/>) before any endpoint or page asks.</summary>
    public Actor? Current
    {
        get
        {
            if (!_loaded)
            {
                _actor = UserId() is { } userId ? cache.Get(userId, id => Find(db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive)).FirstOrDefault()) : null;
                _loaded = true;
            }
            return _actor;
        }
    }

    public async ValueTask<Actor?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            _actor = UserId() is { } userId
                ? await cache.GetAsync(userId, id => Find(db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive)).FirstOrDefaultAsync(cancellationToken))
                : null;
            _loaded = true;
        }
        return _actor;
    }

    /// <summary>The actor, or a 403-worthy null for a signed-out or deactivated user.</summary>
    public Actor Require() => Current ?? throw new UnauthorizedAccessException();

    private int? UserId()
    {
        var principal = http.HttpContext?.User;
        return principal?.Identity?.IsAuthenticated == true && int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? userId
            : null;
    }

    private static IQueryable<Actor> Find(IQueryable<AppUser> users) =>
        users.Select(u => new Actor(u.Id, u.UserName!, u.Role, u.CommitteeId, u.Committee != null ? u.Committee.Path : null, u.AgencyId));
}

/// <summary>
/// Who each user is, as last read, until anything is written in this process and for at most
/// <see cref="Lifetime"/>, the time a change made by another server sharing the database may take
/// to apply here. A deactivated or unknown user is kept as null.
/// </summary>
public sealed class ActorCache(Writes writes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly UntilWritten<int, Actor?> _actors = new(writes, Lifetime);

    public Actor? Get(int userId, Func<int, Actor?> read) => _actors.Get(userId, read);

    public ValueTask<Actor?> GetAsync(int userId, Func<int, Task<Actor?>> read) => _actors.GetAsync(userId, read);
}
