using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Tests.Support;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SteerCo.Tests.Documents.Files;

/// <summary>Small files of every kind, built in code, and the documents to attach them to.</summary>
public static class TestFiles
{
    /// <summary>A one-paragraph-per-line DOCX written with OpenXml.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(
                paragraphs.Select(p => new W.Paragraph(new W.Run(new W.Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        return memory.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new S.Worksheet(new S.SheetData(new S.Row(new S.Cell { CellValue = new S.CellValue("Chỉ tiêu"), DataType = S.CellValues.String })));
            workbook.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Báo cáo" }));
        }
        return memory.ToArray();
    }

    /// <summary>A one-page PDF written by hand, with the cross-reference offsets it needs; the text in Helvetica (ASCII).</summary>
    public static byte[] Pdf(string text)
    {
        var stream = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A 1×1 transparent PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Gif() => [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3B];

    public static byte[] WebP() => [.. "RIFF"u8, 0x1A, 0x00, 0x00, 0x00, .. "WEBPVP8L"u8, 0x0D, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00];

    /// <summary>The start of a Windows program.</summary>
    public static byte[] Exe() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[100], .. "This program cannot be run in DOS mode."u8];

    /// <summary>
    /// A DOCX whose document.xml expands to <paramref name="expandedBytes"/> of blanks inside a
    /// valid body: a few hundred kilobytes on disk.
    /// </summary>
    public static byte[] ZipBombDocx(long expandedBytes) => Inflated(Docx("Văn bản"), "word/document.xml",
        """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""",
        "</w:body></w:document>", expandedBytes);

    /// <summary>The package with its part <paramref name="partName"/> replaced by <paramref name="expandedBytes"/> of blanks between a head and a tail.</summary>
    public static byte[] Inflated(byte[] package, string partName, string head, string tail, long expandedBytes)
    {
        using var memory = new MemoryStream();
        memory.Write(package);
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(partName)!.Delete();
            using var entry = zip.CreateEntry(partName, CompressionLevel.SmallestSize).Open();
            entry.Write(Encoding.UTF8.GetBytes(head));
            var blanks = new byte[1024 * 1024];
            blanks.AsSpan().Fill((byte)' ');
            for (long written = 0; written < expandedBytes; written += blanks.Length)
            {
                entry.Write(blanks);
            }
            entry.Write(Encoding.UTF8.GetBytes(tail));
        }
        return memory.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] content, string fileName, string declaredType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    /// <summary>An incoming document registered by the system in the committee's register.</summary>
    public static async Task<int> RegisterDocumentAsync(SteerCoApp app, int committeeId, DocumentVisibility visibility = DocumentVisibility.Committee, string subject = "Kế hoạch phòng, chống thiên tai năm 2025")
    {
        await using var scope = app.ServiceScope();
        var symbol = $"{Random.Shared.Next(1, 9_999_999)}/KH-UBND";
        var result = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committeeId, new DocumentInput(
            DocumentDirection.Incoming, null, symbol, false, null, new DateOnly(2025, 8, 1), new DateOnly(2025, 8, 4),
            IssuerKind.Outside, null, null, "Ủy ban nhân dân tỉnh", subject, null, SigningAuthority.None, null, null, null, visibility));
        if (!result.IsOk)
        {
            throw new InvalidOperationException($"Test document: {result.Outcome} " + string.Join("; ", result.Problems.Select(p => p.Message)));
        }
        return result.Value!.Id;
    }

    /// <summary>The secretariat of a committee, as a service sees it.</summary>
    public static Actor Secretariat(SteerCo.Committees.Committee committee) =>
        new(null, "thu.ky." + committee.Id, Role.Secretariat, committee.Id, committee.Path, null);

    /// <summary>The blobs in a file store folder (its tmp folder apart).</summary>
    public static string[] Blobs(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(folder, f).StartsWith("tmp", StringComparison.Ordinal))]
            : [];

    public static string[] TempFiles(string folder) =>
        Directory.Exists(Path.Combine(folder, "tmp")) ? Directory.GetFiles(Path.Combine(folder, "tmp")) : [];
}
