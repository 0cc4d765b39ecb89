using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Documents.Files;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

/// <summary>
/// The files of a document, under /api/v1/documents/{id}/files. Upload is multipart/form-data with
/// one file part; the part is streamed to the store, never buffered as a form.
/// </summary>
public static class DocumentFilesApi
{
    /// <summary>What a multipart request carries besides the file: boundaries, part headers, a few small fields.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    public static RouteGroupBuilder MapDocumentFilesApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api).WithTags("Document files");

        group.MapGet("/", async (int id, DocumentFiles files, HttpContext http, CancellationToken ct) =>
            (await files.ListAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.DocumentRead);

        // No Accepts("multipart/form-data"): routing would turn any other body into the catch-all's 404
        // instead of a 400 that says a file is needed.
        group.MapPost("/", UploadAsync)
            .Access(AccessKind.DocumentManage);

        group.MapGet("/{fileId:int}", DownloadAsync)
            .Access(AccessKind.DocumentRead);

        group.MapDelete("/{fileId:int}", async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> (int id, int fileId, int? version, DocumentFiles files, HttpContext http, CancellationToken ct) =>
            await files.DeleteAsync(http.RequireActor(), id, fileId, version, ct) switch
            {
                { IsOk: true } => TypedResults.NoContent(),
                var failed => failed.ToOk().Result switch
                {
                    ProblemHttpResult problem => problem,
                    ValidationProblem validation => validation,
                    _ => throw new InvalidOperationException("A failed delete maps to a problem."),
                },
            })
            .Access(AccessKind.DocumentManage);
        return group;
    }

    /// <summary>
    /// A request that says it is larger than the limit is answered 413 before its body is read; one
    /// that does not say (chunked) is read only up to the limit. Nothing is stored either way.
    /// </summary>
    private static async Task<Results<Created<DocumentFileView>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        int id, DocumentFiles files, HttpContext http, CancellationToken ct)
    {
        var limit = files.MaxBytes + FormOverheadBytes;
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(files);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        var actor = http.RequireActor();
        try
        {
            var (fileName, content) = await FirstFileAsync(http.Request, ct);
            var result = await files.AddAsync(actor, id, fileName, content, ct);
            if (result.Outcome == Outcome.Invalid && result.Problems.Any(p => p.Field == DocumentFiles.TooLargeField))
            {
                return TooLarge(files);
            }
            return result.ToCreated(f => $"/api/v1/documents/{id}/files/{f.Id}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(files);
        }
    }

    private static ProblemHttpResult TooLarge(DocumentFiles files) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: DocumentFiles.TooLargeMessage(files.MaxBytes));

    /// <summary>The first part with a file name, positioned at its content; (null, null) when the request has none.</summary>
    private static async Task<(string? FileName, Stream? Content)> FirstFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return (null, null);
        }
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value is { Length: > 0 } star ? star : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                return (name, section.Body);
            }
        }
        return (null, null);
    }

    /// <summary>
    /// The bytes with the type found at upload, as an attachment under the original (Vietnamese)
    /// name (filename* per RFC 5987 beside an ASCII filename), nosniff, and the hash as ETag.
    /// </summary>
    private static async Task<IResult> DownloadAsync(int id, int fileId, DocumentFiles files, HttpContext http, CancellationToken ct)
    {
        var result = await files.OpenAsync(http.RequireActor(), id, fileId, ct);
        if (!result.IsOk)
        {
            return ApiResults.NotFound();
        }
        var (file, content) = result.Value!;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Stream(content, file.ContentType, file.FileName,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
