using Microsoft.AspNetCore.Mvc;
using SteerCo.Data;
using SteerCo.Members;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.People;

/// <summary>Committee members and staff the user sees, searchable without Vietnamese marks.</summary>
public sealed class IndexModel(PeopleService people) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<PersonSummary> List { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(CancellationToken ct) =>
        List = await people.ListAsync(Actor, Q, null, ListPage(PageNumber, 25), Sort, ct);
}
