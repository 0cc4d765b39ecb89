using Microsoft.AspNetCore.Http.HttpResults;
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
        if (!MultipartUpload.TryLimitBody(http, files.MaxBytes))
        {
            return TooLarge(files);
        }
        var actor = http.RequireActor();
        try
        {
            var (fileName, content) = await MultipartUpload.FirstFileAsync(http.Request, null, ct);
            var result = await files.AddAsync(actor, id, fileName, content, ct);
            if (result.Outcome == Outcome.Invalid && result.Problems.Any(p => p.Field == FileIntake.TooLargeField))
            {
                return TooLarge(files);
            }
            return result.ToCreated(f => $"/api/v1/documents/{id}/files/{f.Id}");
        }
        catch (BadHttpRequestException ex) when (MultipartUpload.IsTooLarge(ex))
        {
            return TooLarge(files);
        }
    }

    private static ProblemHttpResult TooLarge(DocumentFiles files) => ApiResults.TooLarge(files.MaxBytes);

    /// <summary>The file as <see cref="FileDownloads.Send"/> sends it; 404 outside the actor's scope.</summary>
    private static async Task<IResult> DownloadAsync(int id, int fileId, DocumentFiles files, HttpContext http, CancellationToken ct)
    {
        return (await files.OpenAsync(http.RequireActor(), id, fileId, ct)).SendOrNotFound(http.Response);
    }
}
