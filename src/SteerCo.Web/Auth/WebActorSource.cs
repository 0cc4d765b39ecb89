using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Audit;
using SteerCo.Data;

namespace SteerCo.Web.Auth;

/// <summary>
/// The signed-in user as an <see cref="Actor"/>, read from the database once per request so that a
/// changed role, committee or deactivation applies at once, not when a cookie or token expires.
/// </summary>
public sealed class WebActorSource(IHttpContextAccessor http, SteerCoDbContext db) : IActorSource
{
    private Actor? _actor;
    private bool _loaded;

    public Actor? Current
    {
        get
        {
            if (!_loaded)
            {
                _actor = Load();
                _loaded = true;
            }
            return _actor;
        }
    }

    /// <summary>The actor, or a 403-worthy null for a signed-out or deactivated user.</summary>
    public Actor Require() => Current ?? throw new UnauthorizedAccessException();

    private Actor? Load()
    {
        var principal = http.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true
            || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }
        var user = db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.Role, u.CommitteeId, CommitteePath = u.Committee != null ? u.Committee.Path : null, u.AgencyId })
            .FirstOrDefault();
        return user is null ? null : new Actor(user.Id, user.UserName!, user.Role, user.CommitteeId, user.CommitteePath, user.AgencyId);
    }
}
