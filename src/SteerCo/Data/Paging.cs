using Microsoft.EntityFrameworkCore;

namespace SteerCo.Data;

/// <summary>One page of a longer list, with the total so that pages can be numbered.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Which page and how large; sizes are clamped so no request can ask for everything at once.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 25)
{
    public const int MaxPageSize = 200;

    public int SafePage => Math.Max(1, Page);
    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>
    /// A page past the end answers the last page instead of none: the pages ask so, and show
    /// "Trang 1/1" with its rows rather than "Trang 99/1" with none. The API's past the end stays empty.
    /// </summary>
    public bool LastWhenPast { get; init; }

    /// <summary>The page answered of <paramref name="total"/> items.</summary>
    public int PageIn(int total) => LastWhenPast ? Math.Min(SafePage, Math.Max(1, (total + SafePageSize - 1) / SafePageSize)) : SafePage;
}

public static class PagingExtensions
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        return await query.ToPagedAsync(request, total, cancellationToken);
    }

    /// <summary>The page, with a total counted (or kept) elsewhere; no query when the page starts past it.</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest request, int total, CancellationToken cancellationToken = default)
    {
        var page = request.PageIn(total);
        var skip = (page - 1) * request.SafePageSize;
        var items = skip >= total ? [] : await query.Skip(skip).Take(request.SafePageSize).ToListAsync(cancellationToken);
        return new(items, total, page, request.SafePageSize);
    }
}
