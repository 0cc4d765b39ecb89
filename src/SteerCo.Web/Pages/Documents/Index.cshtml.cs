using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Documents;

/// <summary>The register [sổ văn bản]: every document the user may read, filtered, sorted and paged.</summary>
public sealed class IndexModel(DocumentRegister register, CommitteeService committees) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Under { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentDirection? Direction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issuer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CommitteeSummary> Committees { get; private set; } = [];
    public Paged<DocumentSummary> List { get; private set; } = new([], 0, 1, 25);

    /// <summary>The committee a new document goes into from here, when the user keeps its register.</summary>
    public int? RegisterInto { get; private set; }

    /// <summary>Every abbreviation of both systems, once, in table order.</summary>
    public static IReadOnlyList<DocumentType> Types => DocumentTypes.OfBothSystems;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        Committees = (await committees.ListAsync(Actor, new(IncludeDissolved: true), new(1, PageRequest.MaxPageSize), ct)).Items;
        List = await register.ListAsync(Actor, new(Under, Direction, Type, Issuer, from, to, Sort), ListPage(PageNumber, 25), ct);
        var target = Under ?? (Actor.Role == Role.Secretariat ? Actor.CommitteeId : null);
        RegisterInto = target is { } id && await committees.CanManageAsync(Actor, id, ct) ? id : null;
    }
}
