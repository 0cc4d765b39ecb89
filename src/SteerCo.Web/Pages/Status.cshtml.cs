using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SteerCo.Web.Pages;

/// <summary>
/// The page shown for an error status. It is re-executed with the failed request's method, so it
/// answers every method and skips the anti-forgery check (a failed check is one of its causes).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code;
        return Page();
    }
}

/// <summary>The page shown for an unhandled exception, for any method.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
