using Microsoft.AspNetCore.Mvc;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Documents.Search;
using SteerCo.Web.Api;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Documents;

/// <summary>Full-text search over the register the user may see, with the register's filters.</summary>
public sealed class SearchModel(DocumentSearch search, CommitteeService committees) : SteerCoPageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Issuer { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Under { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentDirection? Direction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Order { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public SearchOrder SearchOrder => DocumentSearchApi.ParseOrder(Order);

    /// <summary>Committees to search under: the user's own (or the roots) and those directly below.</summary>
    public IReadOnlyList<CommitteeSummary> Committees { get; private set; } = [];

    /// <summary>Type abbreviations of the state and Party tables, for the type field's suggestions.</summary>
    public IReadOnlyList<DocumentType> Types { get; } =
        [.. DocumentTypes.OfBothSystems.OrderBy(t => t.Abbreviation, StringComparer.Ordinal)];

    public DocumentSearchResults Results { get; private set; } = new([], 0, false, 1, PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var top = await committees.TopAsync(Actor, ct);
        var options = new List<CommitteeSummary>(top);
        foreach (var committee in top)
        {
            if ((await committees.ChildrenAsync(Actor, committee.Id, ct)).Value is { } children)
            {
                options.AddRange(children);
            }
        }
        Committees = options;
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        Results = await search.SearchAsync(Actor,
            new(Q, new DocumentQuery(Under, Direction, Type, Issuer, from, to), SearchOrder),
            ListPage(PageNumber, PageSize), ct);
    }
}
