using Microsoft.AspNetCore.Mvc;
using SteerCo.Data;
using SteerCo.Units;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Units;

public sealed class IndexModel(UnitService units) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public UnitLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Dissolved { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyDictionary<UnitLevel, int> Counts { get; private set; } = new Dictionary<UnitLevel, int>();
    public Paged<UnitSummary> List { get; private set; } = new([], 0, 1, 50);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await units.CountCurrentByLevelAsync(ct);
        List = await units.ListAsync(new(Level, null, Q, Dissolved, Sort), ListPage(PageNumber, 50), ct);
    }
}
