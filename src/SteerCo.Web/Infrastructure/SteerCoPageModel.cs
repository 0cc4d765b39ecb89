using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Text;
using SteerCo.Web.Auth;

namespace SteerCo.Web.Infrastructure;

/// <summary>What every page shares: the acting user, and showing a service's problems beside the fields.</summary>
public abstract class SteerCoPageModel : PageModel
{
    private Actor? _actor;

    public Actor Actor => _actor ??= HttpContext.RequestServices.GetRequiredService<WebActorSource>().Require();

    protected void AddProblems(IEnumerable<Problem> problems, string prefix = "Input")
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError(KeyOf(problem, prefix), problem.Message);
        }
    }

    /// <summary>
    /// When a field could not be read the change is not run, but the service's check of the same
    /// input (the unread field taken as absent) names every other problem, so the user sees them all
    /// in one go. A field already in error keeps its own message: an unreadable date is not also
    /// "required". A check refused answers as the change would: out of scope as missing, not
    /// allowed as forbidden.
    /// </summary>
    protected IActionResult? AddOtherProblems<T>(Result<T> check, string prefix = "Input")
    {
        if (Refusal(check) is { } refused)
        {
            return refused;
        }
        foreach (var problem in check.Problems)
        {
            var key = KeyOf(problem, prefix);
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }
            ModelState.AddModelError(key, problem.Message);
        }
        return null;
    }

    // Without a prefix the field is the key itself: ".Title" would match no field and no summary.
    private static string KeyOf(Problem problem, string prefix) =>
        problem.Field.Length == 0 || prefix.Length == 0 ? problem.Field : $"{prefix}.{problem.Field}";

    /// <summary>The form again with the service's refusal beside the fields; a stale edit answers 409.</summary>
    protected IActionResult Refused<T>(Result<T> result)
    {
        if (result.Outcome == Outcome.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        AddProblems(result.Problems);
        return Page();
    }

    /// <summary>
    /// Runs a change unless a field could not be read (it is not even started then, but
    /// <paramref name="check"/>, the service's check of the same input, still names the other
    /// problems): on success the flash and <paramref name="next"/>; out of scope 404; not allowed
    /// 403; otherwise the page again, reloaded, with the service's problems beside the fields (409
    /// for a stale edit).
    /// </summary>
    protected async Task<IActionResult> ChangeAsync<T>(
        Func<Task<Result<T>>> change, Func<T, string> flash, Func<IActionResult> next, Func<Task<IActionResult?>> reload, Func<Task<Result<bool>>>? check = null)
    {
        if (!ModelState.IsValid && check is not null && AddOtherProblems(await check(), "") is { } answered)
        {
            return answered;
        }
        if (ModelState.IsValid)
        {
            var result = await change();
            if (result.IsOk)
            {
                TempData["Flash"] = flash(result.Value!);
                return next();
            }
            if (Refusal(result) is { } refused)
            {
                return refused;
            }
            AddProblems(result.Problems, "");
        }
        return await reload() ?? Page();
    }

    /// <summary>Reads a dd/MM/yyyy field; an unreadable date becomes a field error and null.</summary>
    protected DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateFormats.TryParseShort(text, out var date))
        {
            return date;
        }
        ModelState.AddModelError(field, SteerCo.Resources.Messages.Get("BadDate", text));
        return null;
    }

    /// <summary>A stored file sent as the files API sends it; out of scope (or gone) answers as missing.</summary>
    protected async Task<IActionResult> SendFileAsync(Result<SteerCo.Documents.Files.FileDownload> result)
    {
        if (!result.IsOk)
        {
            return OutOfScope();
        }
        await FileDownloads.Send(Response, result.Value!).ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>The page of a list asked for (?p=), the last one when it is past the end: "Trang 99/1" would show no rows.</summary>
    protected static PageRequest ListPage(int number, int size) => new(number, size) { LastWhenPast = true };

    /// <summary>Out of scope looks exactly like missing.</summary>
    protected IActionResult OutOfScope() => NotFound();

    /// <summary>
    /// What a refused service call answers when the page does not show it itself: out of scope as
    /// missing, not allowed as forbidden. A stale edit marks the response 409 and, like invalid
    /// input, is left to the page to show with its problems (null).
    /// </summary>
    protected IActionResult? Refusal<T>(Result<T> result)
    {
        switch (result.Outcome)
        {
            case Outcome.NotFound:
                return OutOfScope();
            case Outcome.Forbidden:
                return Forbid();
            case Outcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }
        return null;
    }

    /// <summary>A committee the actor keeps: out of scope answers as missing, in scope but not kept as forbidden.</summary>
    protected async Task<(CommitteeDetail? Committee, IActionResult? Refusal)> ManagedCommitteeAsync(CommitteeService committees, int id, CancellationToken ct)
    {
        var committee = await committees.GetAsync(Actor, id, ct);
        if (!committee.IsOk)
        {
            return (null, OutOfScope());
        }
        return await committees.CanManageAsync(Actor, id, ct) ? (committee.Value, null) : (null, Forbid());
    }
}
