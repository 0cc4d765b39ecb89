using Microsoft.AspNetCore.Mvc;
using SteerCo.Committees;
using SteerCo.Web.Auth;

namespace SteerCo.Web.Pages.Shared.Components.CommitteeTree;

/// <summary>The committee tree beside every page: the top of the user's view, children loaded on demand.</summary>
public sealed class CommitteeTreeViewComponent(CommitteeService committees, WebActorSource actors) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var top = actors.Current is { } actor ? await committees.TopAsync(actor, HttpContext.RequestAborted) : [];
        return View(top);
    }
}
