using Microsoft.AspNetCore.Mvc;
using SteerCo.Audit;
using SteerCo.Data;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Admin.Audit;

public sealed class IndexModel(AuditLog log) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? ActorName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<string> Entities { get; private set; } = [];
    public Paged<AuditRow> List { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entities = await log.EntitiesAsync(ct);
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        var result = await log.ListAsync(Actor, new(Entity, Key, ActorName, null, from, to), ListPage(PageNumber, 50), ct);
        List = result.Value ?? List;
    }
}
