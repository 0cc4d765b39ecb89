using SteerCo.Audit;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api, Policies.Administrator).WithTags("Audit");

        group.MapGet("/", async (AuditLog log, HttpContext http, string? entity, string? key, string? actor, string? action, DateOnly? from, DateOnly? to, int? page, int? pageSize, CancellationToken ct) =>
            (await log.ListAsync(http.RequireActor(), new(entity, key, actor, action, from, to), new(page ?? 1, pageSize ?? 50), ct)).ToOk())
            .Access(AccessKind.Administrator);
        return group;
    }
}
