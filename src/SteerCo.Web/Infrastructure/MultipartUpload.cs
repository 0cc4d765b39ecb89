using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SteerCo.Web.Infrastructure;

/// <summary>
/// One file read from a multipart/form-data request as a stream, never buffered as a form: the
/// files API and the document page share it. A request may carry the file limit plus
/// <see cref="FormOverheadBytes"/>.
/// </summary>
public static class MultipartUpload
{
    /// <summary>What a multipart request carries besides the file: boundaries, part headers, a few small fields.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    /// <summary>A field before the file holds a token or a number; anything longer is not read.</summary>
    private const int MaxFieldBytes = 8 * 1024;

    /// <summary>
    /// False when the request says it is larger than a file of <paramref name="maxFileBytes"/> needs:
    /// it is then answered without reading its body. Otherwise the server reads at most that much,
    /// so a body that does not say its length (chunked) is cut there.
    /// </summary>
    public static bool TryLimitBody(HttpContext http, long maxFileBytes)
    {
        var limit = maxFileBytes + FormOverheadBytes;
        if (http.Request.ContentLength > limit)
        {
            return false;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
        return true;
    }

    /// <summary>The server refused to read past the limit <see cref="TryLimitBody"/> set.</summary>
    public static bool IsTooLarge(BadHttpRequestException exception) => exception.StatusCode == StatusCodes.Status413PayloadTooLarge;

    public static bool IsMultipart(HttpRequest request) => Boundary(request) is not null;

    /// <summary>
    /// A multipart body that cannot be read (no boundary, or cut before its closing boundary), thrown
    /// as the framework throws a body it cannot bind: a 400 that says so, never a 500.
    /// </summary>
    public static BadHttpRequestException Unreadable(Exception? inner = null) =>
        new("The multipart form cannot be read.", StatusCodes.Status400BadRequest, new UnreadableFormException(inner));

    /// <summary>
    /// The first part with a file name, positioned at its content; (null, null) when the request has
    /// none. The small fields before it go into <paramref name="fieldsBefore"/> when it is given.
    /// </summary>
    public static async Task<(string? FileName, Stream? Content)> FirstFileAsync(
        HttpRequest request, IDictionary<string, string>? fieldsBefore, CancellationToken ct)
    {
        if (Boundary(request) is not { } boundary)
        {
            return (null, null);
        }
        var reader = new MultipartReader(boundary, request.Body);
        while (await NextSectionAsync(reader, ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }
            if (disposition.IsFileDisposition())
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value is { Length: > 0 } star ? star : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                return (name, new CutShortAsBadRequest(section.Body));
            }
            if (fieldsBefore is not null && disposition.IsFormDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Value is { Length: > 0 } field
                && await ReadFieldAsync(section.Body, ct) is { } value)
            {
                fieldsBefore[field] = value;
            }
        }
        return (null, null);
    }

    /// <summary>
    /// A multipart form read whole, files and fields, for an API call that takes several files with
    /// fields; null when the request went past the request limit; empty when it is not a form.
    /// </summary>
    public static async Task<IFormCollection?> ReadWholeFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return FormCollection.Empty;
        }
        if (IsMultipartType(request) && Boundary(request) is null)
        {
            throw Unreadable();
        }
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException ex) when (IsTooLarge(ex))
        {
            return null;
        }
        catch (IOException cut) when (!ct.IsCancellationRequested)
        {
            throw Unreadable(cut);
        }
        catch (InvalidDataException)
        {
            // The multipart length limit (FormOptions) was passed.
            return null;
        }
    }

    /// <summary>
    /// The files of a form read whole (a progress report, a submission's attachments), as the
    /// services take them; the empty part a blank file input sends is left out.
    /// </summary>
    public static IReadOnlyList<SteerCo.Documents.Files.Upload> Uploads(IEnumerable<IFormFile>? files) =>
        [.. (files ?? []).Where(f => f.Length > 0 || f.FileName.Length > 0).Select(f => new SteerCo.Documents.Files.Upload(f.FileName, f.OpenReadStream()))];

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadNextSectionAsync(ct);
        }
        catch (IOException cut) when (!ct.IsCancellationRequested)
        {
            throw Unreadable(cut);
        }
    }

    private static bool IsMultipartType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    private static string? Boundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is { Length: > 0 and <= 200 } boundary
            ? boundary
            : null;

    /// <summary>The field's text, or null when it is longer than <see cref="MaxFieldBytes"/>.</summary>
    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
        {
            length += read;
        }
        return length > MaxFieldBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>
    /// A file part's content: a body that ends before the part's closing boundary is the sender's
    /// fault, a 400, wherever the content is read (a service hashing it, the file store copying it).
    /// </summary>
    private sealed class CutShortAsBadRequest(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (IOException cut)
            {
                throw Unreadable(cut);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException cut) when (!cancellationToken.IsCancellationRequested)
            {
                throw Unreadable(cut);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>What <see cref="MultipartUpload.Unreadable"/> carries, for the handler that answers it.</summary>
public sealed class UnreadableFormException(Exception? inner) : Exception("The multipart form has no boundary or is cut short.", inner);
