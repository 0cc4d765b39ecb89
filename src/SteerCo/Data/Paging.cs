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
}

public static class PagingExtensions
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken cancellationToken = default)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((request.SafePage - 1) * request.SafePageSize).Take(request.SafePageSize).ToListAsync(cancellationToken);
        return new(items, total, request.SafePage, request.SafePageSize);
    }
}
