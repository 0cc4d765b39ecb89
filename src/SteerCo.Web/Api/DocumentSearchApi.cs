using SteerCo.Documents;
using SteerCo.Documents.Search;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

/// <summary>GET /api/v1/documents/search: full-text search over the register the caller may see.</summary>
public static class DocumentSearchApi
{
    public static RouteGroupBuilder MapDocumentSearchApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Documents");

        // q in the clerk's query language (words, "phrases", prefix*, symbols as printed); an empty q lists the register.
        // order=relevance ranks; anything else is newest first. The scope rule filters: every user may ask.
        group.MapGet("/", async (DocumentSearch search, HttpContext http, string? q, string? type, string? issuer, int? under,
                DocumentDirection? direction, DateOnly? from, DateOnly? to, string? order, int? page, int? pageSize, CancellationToken ct) =>
            TypedResults.Ok(await search.SearchAsync(http.RequireActor(),
                new(q, new DocumentQuery(under, direction, type, issuer, from, to), ParseOrder(order)),
                new(page ?? 1, pageSize ?? 25), ct)))
            .Access(AccessKind.SignedIn);
        return group;
    }

    public static SearchOrder ParseOrder(string? order) =>
        string.Equals(order, "relevance", StringComparison.OrdinalIgnoreCase) ? SearchOrder.Relevance : SearchOrder.Newest;
}
