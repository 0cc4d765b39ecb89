using Microsoft.AspNetCore.Mvc;
using SteerCo.Calendar;
using SteerCo.Resources;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Account;

/// <summary>The user's calendar address: made (replacing the old one), shown once, revoked.</summary>
public sealed class CalendarModel(CalendarService calendar) : SteerCoPageModel
{
    public bool HasFeed { get; private set; }

    /// <summary>The address just made; never shown again after this response.</summary>
    public string? NewAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => HasFeed = await calendar.HasFeedAsync(Actor, ct);

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        var token = await calendar.RenewAsync(Actor, ct);
        NewAddress = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/calendar/{token}.ics";
        HasFeed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await calendar.RevokeAsync(Actor, ct);
        TempData["Flash"] = Messages.Get("CalendarRevoked");
        return RedirectToPage();
    }
}
