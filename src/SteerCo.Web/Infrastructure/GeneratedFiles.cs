using SteerCo.Access;
using SteerCo.Office;
using SteerCo.Resources;
using SteerCo.Web.Api;

namespace SteerCo.Web.Infrastructure;

/// <summary>A generated document as pages and the API send it: the DOCX, or its PDF made by LibreOffice.</summary>
public static class GeneratedFiles
{
    /// <summary>
    /// <paramref name="format"/> "pdf" converts the DOCX (503 when LibreOffice is missing or fails);
    /// "docx" or none sends it as it is; anything else, and a document out of reach, is 404.
    /// </summary>
    public static async Task<IResult> SendAsync(Result<GeneratedFile> result, string? format, PdfConverter pdf, CancellationToken ct)
    {
        if (!result.IsOk || format is not (null or "docx" or "pdf"))
        {
            return ApiResults.NotFound();
        }
        var file = result.Value!;
        if (format == "pdf")
        {
            try
            {
                file = GeneratedFile.Pdf(Path.GetFileNameWithoutExtension(file.FileName), await pdf.ConvertAsync(file.Content, ct));
            }
            catch (PdfConversionException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: Messages.Get("PdfUnavailable"));
            }
        }
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
