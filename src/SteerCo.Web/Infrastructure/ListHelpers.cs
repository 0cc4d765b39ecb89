using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;

namespace SteerCo.Web.Infrastructure;

/// <summary>Links that keep a list's filters while changing its page or sort order.</summary>
public static class ListHelpers
{
    public static string With(this HttpRequest request, params (string Key, object? Value)[] changes)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            if (changes.Any(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            foreach (var value in values)
            {
                builder.Add(key, value ?? "");
            }
        }
        foreach (var (key, value) in changes)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                builder.Add(key, text);
            }
        }
        return request.PathBase + request.Path + builder.ToQueryString();
    }

    /// <summary>
    /// A column header that sorts by <paramref name="key"/>, and the other way on a second click.
    /// A page with two sortable tables names each one's parameters (<paramref name="sortParameter"/>, <paramref name="pageParameter"/>).
    /// </summary>
    public static IHtmlContent SortLink(this IHtmlHelper html, string label, string key, string? defaultSort = null, string sortParameter = "sort", string pageParameter = "p")
    {
        var request = html.ViewContext.HttpContext.Request;
        var current = request.Query[sortParameter].ToString();
        if (current.Length == 0)
        {
            current = defaultSort ?? "";
        }
        var ascending = current == key;
        var descending = current == "-" + key;
        var next = ascending ? "-" + key : key;
        var arrow = ascending ? " ▲" : descending ? " ▼" : "";
        var sortState = ascending ? "ascending" : descending ? "descending" : "none";
        var href = HtmlEncoder.Default.Encode(request.With((sortParameter, next), (pageParameter, null)));
        return new HtmlString($"<a href=\"{href}\" class=\"sort\" aria-sort=\"{sortState}\">{HtmlEncoder.Default.Encode(label)}{arrow}</a>");
    }
}

/// <summary>What the pager partial needs; <paramref name="Parameter"/> names the page in the query when a page has two lists.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, string Parameter = "p");
