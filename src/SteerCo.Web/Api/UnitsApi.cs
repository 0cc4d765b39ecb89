using Microsoft.AspNetCore.Http.HttpResults;
using SteerCo.Units;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

public sealed record UnitRequest(string? Code, string? Name, UnitLevel? Level, int? ParentId, string? Kind, DateOnly? ValidFrom, DateOnly? ValidTo, int? Version = null)
{
    public UnitInput ToInput() => new(Code ?? "", Name ?? "", Level ?? UnitLevel.Commune, ParentId, Kind, ValidFrom, ValidTo);
}

public sealed record MergeRequest(int[]? PredecessorIds, string? Code, string? Name, int? ParentId, string? Kind, DateOnly? EffectiveOn);

public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Units");

        group.MapGet("/", async (UnitService units, UnitLevel? level, int? parentId, string? q, bool? includeDissolved, string? sort, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await units.ListAsync(new(level, parentId, q, includeDissolved ?? false, sort), new(page ?? 1, pageSize ?? 50), ct)))
            .Access(AccessKind.SignedIn);

        group.MapGet("/{id:int}", async Task<Results<Ok<UnitHistory>, ProblemHttpResult>> (int id, UnitService units, CancellationToken ct) =>
            await units.HistoryAsync(id, ct) is { } history ? TypedResults.Ok(history) : ApiResults.NotFound())
            .Access(AccessKind.SignedIn);

        group.MapPost("/", async (UnitRequest request, UnitService units, HttpContext http, CancellationToken ct) =>
            (await units.CreateAsync(http.RequireActor(), request.ToInput(), ct)).ToCreated(u => $"/api/v1/units/{u.Id}"))
            .Access(AccessKind.Administrator);

        group.MapPut("/{id:int}", async (int id, UnitRequest request, UnitService units, HttpContext http, CancellationToken ct) =>
            (await units.UpdateAsync(http.RequireActor(), id, request.ToInput(), request.Version, ct)).ToOk())
            .Access(AccessKind.Administrator);

        group.MapPost("/merge", async (MergeRequest request, UnitService units, HttpContext http, CancellationToken ct) =>
        {
            var input = new MergeInput(request.PredecessorIds ?? [], request.Code ?? "", request.Name ?? "", request.ParentId, request.Kind,
                request.EffectiveOn ?? DateOnly.MinValue);
            return (await units.MergeAsync(http.RequireActor(), input, ct)).ToOk();
        }).Access(AccessKind.Administrator);
        return group;
    }
}
