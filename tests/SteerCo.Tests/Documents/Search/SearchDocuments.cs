using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Documents.Search;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents.Search;

/// <summary>Registers documents through the register, and searches as a user would.</summary>
public static class SearchDocuments
{
    /// <summary>A word no other document of the test class contains, so each test sees only its own documents.</summary>
    public static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<DocumentDetail> RegisterAsync(this SteerCoApp app, Committee committee, string subject, string? body = null,
        string? symbol = null, DateOnly? issuedOn = null, DocumentVisibility visibility = DocumentVisibility.Committee,
        DocumentDirection direction = DocumentDirection.Incoming, string issuer = "Bộ Nông nghiệp và Môi trường", string? type = null)
    {
        await using var scope = app.ServiceScope();
        symbol ??= direction == DocumentDirection.Internal ? null : $"{Random.Shared.Next(1000, 9_999_999)}/{type ?? "KH"}-UBND";
        var input = new DocumentInput(direction, type ?? (symbol is null ? "KH" : null), symbol, false, null,
            issuedOn ?? new DateOnly(2025, 9, 15), null, IssuerKind.Outside, null, null, issuer,
            subject, "Nguyễn Văn An", SigningAuthority.None, null, null, body, visibility);
        var result = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, input);
        if (!result.IsOk)
        {
            throw new InvalidOperationException($"Register: {result.Outcome} " + string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Message}")));
        }
        return result.Value!;
    }

    public static async Task<DocumentSearchResults> SearchAsync(this SteerCoApp app, string? text, Actor? actor = null, DocumentQuery? filters = null,
        SearchOrder order = SearchOrder.Newest, int page = 1, int pageSize = 25)
    {
        await using var scope = app.ServiceScope(actor);
        return await scope.Get<DocumentSearch>().SearchAsync(scope.Actor, new(text, filters ?? new(), order), new(page, pageSize));
    }

    public static Actor SecretariatOf(Committee committee) => new(null, "thuky.test", Role.Secretariat, committee.Id, committee.Path, null);

    public static int[] Ids(this DocumentSearchResults results) => [.. results.Items.Select(h => h.Document.Id)];
}
