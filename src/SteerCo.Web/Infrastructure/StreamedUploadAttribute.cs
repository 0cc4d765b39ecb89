using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using SteerCo.Documents.Files;

namespace SteerCo.Web.Infrastructure;

/// <summary>
/// The file part of a streamed upload, positioned at its content, for the page handler to read,
/// and the small fields the form sent before it (the only ones read: model binding never sees the form).
/// </summary>
public sealed record StreamedUpload(string? FileName, Stream? Content, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// Lets one handler of a page take a file upload as a stream, never as a buffered form. For a
/// multipart POST to <paramref name="handler"/> it runs after authorization and before the
/// anti-forgery check: it limits the request to the file limit (Files:MaxBytes) as the files API
/// does, reads the form up to the file part, and gives the token found there to the anti-forgery
/// check as its header, which that check reads first, so it never reads the form; the form value
/// providers are left out, so model binding does not read the file either. The form must send
/// its token before the file. A request that says it is too large is answered 413 unread.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamedUploadAttribute(string handler) : Attribute, IAsyncAuthorizationFilter, IAsyncResourceFilter, IOrderedFilter
{
    /// <summary>Before the anti-forgery filters (1000).</summary>
    public int Order => 900;

    /// <summary>The largest file this handler takes; 0: the document file limit (Files:MaxBytes).</summary>
    public long MaxBytes { get; set; }

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !MultipartUpload.IsMultipart(http.Request)
            || !string.Equals(HandlerOf(context), handler, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var maxBytes = MaxBytes > 0 ? MaxBytes : http.RequestServices.GetRequiredService<IOptions<FileStoreOptions>>().Value.MaxBytes;
        if (!MultipartUpload.TryLimitBody(http, maxBytes))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        (string? FileName, Stream? Content) file;
        try
        {
            file = await MultipartUpload.FirstFileAsync(http.Request, fields, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (MultipartUpload.IsTooLarge(ex))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }
        var antiforgery = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        if (antiforgery.HeaderName is { } header && !http.Request.Headers.ContainsKey(header))
        {
            // An empty token fails the check as a missing one does, without the check reading the form.
            http.Request.Headers[header] = fields.GetValueOrDefault(antiforgery.FormFieldName, "");
        }
        http.Features.Set(new StreamedUpload(file.FileName, file.Content, fields));
    }

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (context.HttpContext.Features.Get<StreamedUpload>() is not null)
        {
            context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
            context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
            context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        }
        await next();
    }

    /// <summary>The handler as Razor Pages chooses it: from the route, else from the query (?handler=).</summary>
    private static string? HandlerOf(FilterContext context) =>
        context.RouteData.Values.TryGetValue("handler", out var value) && value is string fromRoute && fromRoute.Length > 0
            ? fromRoute
            : context.HttpContext.Request.Query["handler"].FirstOrDefault();
}
