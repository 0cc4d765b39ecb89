using Microsoft.Net.Http.Headers;
using SteerCo.Documents.Files;

namespace SteerCo.Web.Infrastructure;

/// <summary>A document file as the files API and the document page send it.</summary>
public static class FileDownloads
{
    /// <summary>
    /// The bytes with the type found at upload, as an attachment under the original (Vietnamese)
    /// name (filename* per RFC 5987 beside an ASCII filename), nosniff, and the hash as ETag.
    /// </summary>
    public static IResult Send(HttpResponse response, FileDownload download)
    {
        var (file, content) = download;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Stream(content, file.ContentType, file.FileName,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    /// <summary>A file made for this request (an export): an attachment under its Vietnamese name, nosniff, never cached.</summary>
    public static IResult Generated(HttpResponse response, byte[] content, string contentType, string fileName)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(content, contentType, fileName);
    }
}
