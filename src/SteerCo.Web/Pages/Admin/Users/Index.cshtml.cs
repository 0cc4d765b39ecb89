using Microsoft.AspNetCore.Mvc;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Data;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Admin.Users;

public sealed class IndexModel(UserAdministration users) : SteerCoPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Role? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<UserSummary> List { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(CancellationToken ct) =>
        List = await users.ListAsync(Actor, new(Q, Role, null, Sort), ListPage(PageNumber, 25), ct);
}
