using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace SteerCo.Web.Infrastructure;

public static class FormHelpers
{
    /// <summary>The first error recorded for a field, beside the field; nothing when it is valid.</summary>
    public static IHtmlContent FieldError(this IHtmlHelper html, string key)
    {
        var message = html.ViewData.ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
        return message is null
            ? HtmlString.Empty
            : new HtmlString($"<span class=\"field-validation-error\" data-field=\"{HtmlEncoder.Default.Encode(key)}\">{HtmlEncoder.Default.Encode(message)}</span>");
    }
}
