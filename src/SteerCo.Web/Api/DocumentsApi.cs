using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Resources;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

/// <summary>A document as the API takes it: the register's <see cref="DocumentInput"/>, the committee to register into, and the version for an edit.</summary>
public sealed record DocumentRequest(
    int? CommitteeId, DocumentDirection? Direction, string? Type, string? Symbol, bool IssueNumber, int? ReservationId,
    DateOnly? IssuedOn, DateOnly? ReceivedOn, IssuerKind? IssuerKind, int? IssuerCommitteeId, int? IssuerAgencyId, string? IssuerName,
    string? Subject, string? SignerName, SigningAuthority? SigningAuthority, string? SignerTitle, string? Recipients, string? Body,
    DocumentVisibility? Visibility, int? Version = null)
{
    // A missing direction becomes 0, which the register rejects with its own message.
    public DocumentInput ToInput() => new(
        Direction ?? default, Type, Symbol, IssueNumber, ReservationId, IssuedOn, ReceivedOn,
        IssuerKind ?? (Direction == DocumentDirection.Outgoing ? Documents.IssuerKind.Committee : Documents.IssuerKind.Outside),
        IssuerCommitteeId, IssuerAgencyId, IssuerName, Subject, SignerName, SigningAuthority ?? Documents.SigningAuthority.None, SignerTitle,
        Recipients, Body, Visibility ?? DocumentVisibility.Committee);
}

public sealed record RelationRequest(int? RelatedDocumentId, RelationKind? Kind);

/// <summary>A committee in a cascade with its implementing documents, and how many committees of its branch have implemented.</summary>
public sealed record CascadeNodeResponse(
    int CommitteeId, string CommitteeName, IReadOnlyList<DocumentSummary> Documents, int Committees, int Implemented, IReadOnlyList<CascadeNodeResponse> Children)
{
    public static CascadeNodeResponse From(CascadeNode node)
    {
        var (committees, implemented) = node.Count();
        return new(node.CommitteeId, node.CommitteeName, node.Documents, committees, implemented, [.. node.Children.Select(From)]);
    }
}

public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Documents");

        // The scope rule filters the list: every user may ask, each sees what they may read.
        group.MapGet("/", async (DocumentRegister register, HttpContext http, int? under, DocumentDirection? direction, string? type, string? issuer,
                DateOnly? from, DateOnly? to, string? sort, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await register.ListAsync(http.RequireActor(), new(under, direction, type, issuer, from, to, sort), new(page ?? 1, pageSize ?? 50), ct)))
            .Access(AccessKind.SignedIn);

        group.MapGet("/{id:int}", async (int id, DocumentRegister register, HttpContext http, CancellationToken ct) =>
            (await register.GetAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.DocumentRead);

        group.MapPost("/", async (DocumentRequest request, DocumentRegister register, HttpContext http, CancellationToken ct) =>
            (await register.RegisterAsync(http.RequireActor(), request.CommitteeId ?? 0, request.ToInput(), ct)).ToCreated(d => $"/api/v1/documents/{d.Id}"))
            .Access(AccessKind.DocumentCreate);

        group.MapPut("/{id:int}", async (int id, DocumentRequest request, DocumentRegister register, HttpContext http, CancellationToken ct) =>
            (await register.UpdateAsync(http.RequireActor(), id, request.ToInput(), request.Version, ct)).ToOk())
            .Access(AccessKind.DocumentManage);

        // The version is required: a delete must not go through over an edit the caller has not seen.
        group.MapDelete("/{id:int}", async (int id, int? version, DocumentRegister register, HttpContext http, CancellationToken ct) =>
            (version is { } v
                ? await register.DeleteAsync(http.RequireActor(), id, v, ct)
                : await VersionMissingAsync(register, http.RequireActor(), id, ct)).ToNoContent())
            .Access(AccessKind.DocumentManage);

        group.MapPost("/{id:int}/relations", async (int id, RelationRequest request, DocumentRegister register, HttpContext http, CancellationToken ct) =>
            (await register.RelateAsync(http.RequireActor(), id, request.RelatedDocumentId ?? 0, request.Kind ?? default, ct)).ToOk())
            .Access(AccessKind.DocumentManage);

        group.MapDelete("/{id:int}/relations/{relationId:int}", async (int id, int relationId, DocumentRegister register, HttpContext http, CancellationToken ct) =>
            (await register.UnrelateAsync(http.RequireActor(), id, relationId, ct)).ToNoContent())
            .Access(AccessKind.DocumentManage);

        group.MapGet("/{id:int}/cascade", async (int id, DocumentRegister register, HttpContext http, CancellationToken ct) =>
            (await register.CascadeAsync(http.RequireActor(), id, ct)).Map(CascadeNodeResponse.From).ToOk())
            .Access(AccessKind.DocumentRead);
        return group;
    }

    // The version is asked for only once the caller may delete: outside the scope it is 404, not 400.
    private static async Task<Result<bool>> VersionMissingAsync(DocumentRegister register, Actor actor, int id, CancellationToken ct)
    {
        var document = await register.GetAsync(actor, id, ct);
        return !document.IsOk ? document.As<bool>()
            : !document.Value!.CanManage ? Result<bool>.Forbidden()
            : Result<bool>.Invalid("Version", Messages.Get("VersionRequired"));
    }
}
