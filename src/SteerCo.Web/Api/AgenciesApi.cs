using Microsoft.AspNetCore.Http.HttpResults;
using SteerCo.Agencies;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

public sealed record AgencyRequest(int? UnitId, string? Name, string? Abbreviation, DateOnly? DissolvedOn, int? Version = null)
{
    public AgencyInput ToInput() => new(UnitId ?? 0, Name ?? "", Abbreviation ?? "", DissolvedOn);
}

public static class AgenciesApi
{
    public static RouteGroupBuilder MapAgenciesApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Agencies");

        group.MapGet("/", async (AgencyService agencies, int? unitId, string? q, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await agencies.ListAsync(unitId, q, new(page ?? 1, pageSize ?? 50), ct)))
            .Access(AccessKind.SignedIn);

        group.MapGet("/{id:int}", async Task<Results<Ok<AgencySummary>, ProblemHttpResult>> (int id, AgencyService agencies, CancellationToken ct) =>
            await agencies.FindAsync(id, ct) is { } agency ? TypedResults.Ok(agency) : ApiResults.NotFound())
            .Access(AccessKind.SignedIn);

        group.MapPost("/", async (AgencyRequest request, AgencyService agencies, HttpContext http, CancellationToken ct) =>
            (await agencies.CreateAsync(http.RequireActor(), request.ToInput(), ct)).ToCreated(a => $"/api/v1/agencies/{a.Id}"))
            .Access(AccessKind.AgencyCreate);

        group.MapPut("/{id:int}", async (int id, AgencyRequest request, AgencyService agencies, HttpContext http, CancellationToken ct) =>
            (await agencies.UpdateAsync(http.RequireActor(), id, request.ToInput(), request.Version, ct)).ToOk())
            .Access(AccessKind.AgencyManage);
        return group;
    }
}
