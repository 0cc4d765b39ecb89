using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Reporting;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Pages.Notifications;

/// <summary>The notices of the user's committee (reports requested, submitted, reviewed, due), each marked read by the user.</summary>
public sealed class IndexModel(SteerCo.Reporting.Notifications notifications, IStringLocalizer<SharedResource> text) : SteerCoPageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Paged<NotificationView> List { get; private set; } = new([], 0, 1, PageSize);

    public async Task OnGetAsync(CancellationToken ct) =>
        List = await notifications.ListAsync(Actor, Unread, ListPage(PageNumber, PageSize), ct);

    public async Task<IActionResult> OnPostReadAsync(int id, CancellationToken ct)
    {
        if ((await notifications.MarkReadAsync(Actor, id, ct)).Outcome == Outcome.NotFound)
        {
            return OutOfScope();
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await notifications.MarkAllReadAsync(Actor, ct);
        TempData["Flash"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["NotificationsMarkedRead"].Value, count);
        return RedirectToPage();
    }
}
