using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SteerCo.Resources;

namespace SteerCo.Web.Infrastructure;

/// <summary>A stale edit that reached the database anyway becomes 409, never a silent overwrite or a 500.</summary>
internal sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateConcurrencyException)
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = 409, Title = Messages.Get("StaleEdit") },
        });
    }
}
