using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Resources;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

public sealed record ReserveNumberRequest(string? Type, DateOnly? IssuedOn);

public sealed record CancelNumberRequest(string? Reason, int? Version);

/// <summary>A committee's register numbers: reserve one for a draft, list them, cancel one with its reason.</summary>
public static class DocumentNumbersApi
{
    /// <summary>Under /api/v1/committees: the numbers of committee {id}.</summary>
    public static RouteGroupBuilder MapCommitteeNumbersApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Document numbers");

        group.MapGet("/{id:int}/numbers", async (int id, DocumentNumbering numbering, HttpContext http, int? page, int? pageSize, CancellationToken ct) =>
            (await numbering.ListAsync(http.RequireActor(), id, new(page ?? 1, pageSize ?? 50), ct)).ToOk())
            .Access(AccessKind.CommitteeRead);

        group.MapPost("/{id:int}/numbers", async (int id, ReserveNumberRequest request, DocumentNumbering numbering, CommitteeService committees, HttpContext http, CancellationToken ct) =>
            (request.IssuedOn is { } issuedOn
                ? await numbering.ReserveAsync(http.RequireActor(), id, string.IsNullOrWhiteSpace(request.Type) ? null : request.Type.Trim(), issuedOn, ct)
                : await DateMissingAsync(committees, http.RequireActor(), id, ct)).ToCreated(_ => $"/api/v1/committees/{id}/numbers"))
            .Access(AccessKind.CommitteeManage);
        return group;
    }

    /// <summary>Under /api/v1/numbers: one number of a register.</summary>
    public static RouteGroupBuilder MapNumbersApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Document numbers");

        group.MapPost("/{id:int}/cancel", async (int id, CancelNumberRequest request, DocumentNumbering numbering, HttpContext http, CancellationToken ct) =>
            (await numbering.CancelAsync(http.RequireActor(), id, request.Reason, request.Version, ct)).ToOk())
            .Access(AccessKind.NumberManage);
        return group;
    }

    // The date is asked for only once the caller may reserve: outside the scope it is 404, not 400.
    private static async Task<Result<ReservationView>> DateMissingAsync(CommitteeService committees, Actor actor, int id, CancellationToken ct) =>
        !(await committees.GetAsync(actor, id, ct)).IsOk ? Result<ReservationView>.NotFound()
        : !await committees.CanManageAsync(actor, id, ct) ? Result<ReservationView>.Forbidden()
        : Result<ReservationView>.Invalid(nameof(ReserveNumberRequest.IssuedOn), Messages.Get("IssuedOnRequired"));
}
