using SteerCo.Committees;
using SteerCo.Units;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

public sealed record CommitteeRequest(
    string? Name, string? Abbreviation, int? UnitId, int? ParentId, int? StandingAgencyId,
    DocumentSystem? DocumentSystem, string? CurrentTerm, DateOnly? EstablishedOn, DateOnly? DissolvedOn, int? Version = null)
{
    public CommitteeInput ToInput() => new(Name ?? "", Abbreviation ?? "", UnitId ?? 0, ParentId, StandingAgencyId,
        DocumentSystem ?? Committees.DocumentSystem.State, CurrentTerm, EstablishedOn, DissolvedOn);
}

public static class CommitteesApi
{
    public static RouteGroupBuilder MapCommitteesApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Committees");

        // The list is filtered by the scope rule: every user may ask, each sees their subtree.
        group.MapGet("/", async (CommitteeService committees, HttpContext http, string? q, int? under, UnitLevel? level, bool? includeDissolved, string? sort, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await committees.ListAsync(http.RequireActor(), new(q, under, level, includeDissolved ?? false, sort), new(page ?? 1, pageSize ?? 50), ct)))
            .Access(AccessKind.SignedIn);

        group.MapGet("/{id:int}", async (int id, CommitteeService committees, HttpContext http, CancellationToken ct) =>
            (await committees.GetAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapGet("/{id:int}/children", async (int id, CommitteeService committees, HttpContext http, CancellationToken ct) =>
            (await committees.ChildrenAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        // The next and last meetings, the tasks, the reports to send and those awaited: the committee page's first section.
        group.MapGet("/{id:int}/overview", async (int id, CommitteeOverviews overviews, HttpContext http, CancellationToken ct) =>
            (await overviews.GetAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapPost("/", async (CommitteeRequest request, CommitteeService committees, HttpContext http, CancellationToken ct) =>
            (await committees.CreateAsync(http.RequireActor(), request.ToInput(), ct)).ToCreated(c => $"/api/v1/committees/{c.Id}"))
            .Access(AccessKind.CommitteeCreate);

        group.MapPut("/{id:int}", async (int id, CommitteeRequest request, CommitteeService committees, HttpContext http, CancellationToken ct) =>
            (await committees.UpdateAsync(http.RequireActor(), id, request.ToInput(), request.Version, ct)).ToOk())
            .Access(AccessKind.CommitteeManage);
        return group;
    }
}
