using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SteerCo.Documents.Files;

/// <summary>A kind of file the register accepts: its media type and the extensions its name may carry.</summary>
public sealed record FileKind(string Name, string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly FileKind Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileKind Png = new("PNG", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg", ".jpe", ".jfif"]);
    public static readonly FileKind Gif = new("GIF", "image/gif", [".gif"]);
    public static readonly FileKind WebP = new("WebP", "image/webp", [".webp"]);

    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Docx, Xlsx, Png, Jpeg, Gif, WebP];

    /// <summary>The extension a name gets when it has none of this kind's.</summary>
    public string Extension => Extensions[0];

    /// <summary>The kind whose extension the name ends with, whatever the content: what the name claims.</summary>
    public static FileKind? ClaimedBy(string fileName) =>
        All.FirstOrDefault(k => k.Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase));
}

/// <summary>What the content of a file is, and whether it looks hostile.</summary>
public enum SniffOutcome
{
    Recognized,
    Unknown,

    /// <summary>An Office file whose parts would expand beyond the caps: a zip bomb, or close enough.</summary>
    SuspiciousArchive,
}

public sealed record SniffResult(SniffOutcome Outcome, FileKind? Kind);

/// <summary>
/// Tells the kind of a file from its bytes (magic numbers; for DOCX and XLSX, the package's
/// [Content_Types].xml), never from its name or the type the browser declared.
/// </summary>
public static class FileSniffer
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string SheetMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string StrictOfficeDocument = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    // [Content_Types].xml and _rels/.rels list a few dozen entries: a megabyte is far more than any real one.
    private const long MaxXmlBytes = 1024 * 1024;

    public static SniffResult Sniff(string path, FileStoreOptions limits)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Sniff(stream, limits);
    }

    /// <summary>The same, on a seekable stream read from its start; the stream is left open.</summary>
    public static SniffResult Sniff(Stream stream, FileStoreOptions limits)
    {
        stream.Position = 0;
        var head = new byte[1024];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, read);

        // PDF readers accept the header anywhere in the first kilobyte.
        if (bytes.IndexOf("%PDF-"u8) >= 0)
        {
            return new(SniffOutcome.Recognized, FileKind.Pdf);
        }
        if (bytes.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return new(SniffOutcome.Recognized, FileKind.Png);
        }
        if (bytes.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return new(SniffOutcome.Recognized, FileKind.Jpeg);
        }
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return new(SniffOutcome.Recognized, FileKind.Gif);
        }
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return new(SniffOutcome.Recognized, FileKind.WebP);
        }
        if (bytes.StartsWith("PK\x03\x04"u8))
        {
            stream.Position = 0;
            return SniffPackage(stream, limits);
        }
        return new(SniffOutcome.Unknown, null);
    }

    /// <summary>
    /// An Office package: the sizes the zip declares are checked against the caps before any part
    /// is read; then _rels/.rels names the main part, and [Content_Types].xml gives its type.
    /// </summary>
    private static SniffResult SniffPackage(Stream stream, FileStoreOptions limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > limits.MaxZipEntries)
            {
                return new(SniffOutcome.SuspiciousArchive, null);
            }
            long total = 0;
            foreach (var entry in entries)
            {
                total += entry.Length;
                var tooLarge = entry.Length > limits.MaxZipEntryBytes || total > limits.MaxZipTotalBytes;
                var tooCompressed = entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength);
                if (tooLarge || tooCompressed)
                {
                    return new(SniffOutcome.SuspiciousArchive, null);
                }
            }
            var types = zip.GetEntry("[Content_Types].xml");
            var relationships = zip.GetEntry("_rels/.rels");
            if (types is null || relationships is null || types.Length > MaxXmlBytes || relationships.Length > MaxXmlBytes
                || MainPartName(relationships) is not { } main || zip.GetEntry(main.TrimStart('/')) is null)
            {
                return new(SniffOutcome.Unknown, null);
            }
            return ContentTypeOf(types, main) switch
            {
                WordMain => new(SniffOutcome.Recognized, FileKind.Docx),
                SheetMain => new(SniffOutcome.Recognized, FileKind.Xlsx),
                _ => new(SniffOutcome.Unknown, null),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return new(SniffOutcome.Unknown, null);
        }
    }

    /// <summary>The part the package's relationships name as the office document: /word/document.xml, /xl/workbook.xml.</summary>
    private static string? MainPartName(ZipArchiveEntry relationships)
    {
        using var reader = Xml(relationships);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                && reader.GetAttribute("Type") is OfficeDocument or StrictOfficeDocument && reader.GetAttribute("Target") is { Length: > 0 } target)
            {
                var name = Uri.UnescapeDataString(target);
                return name.StartsWith('/') ? name : "/" + name;
            }
        }
        return null;
    }

    /// <summary>A part's content type: its Override, or else the Default for its extension.</summary>
    private static string? ContentTypeOf(ZipArchiveEntry types, string partName)
    {
        string? byDefault = null;
        var extension = Path.GetExtension(partName).TrimStart('.');
        using var reader = Xml(types);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.LocalName == "Override" && string.Equals(reader.GetAttribute("PartName"), partName, StringComparison.OrdinalIgnoreCase))
            {
                return reader.GetAttribute("ContentType");
            }
            if (reader.LocalName == "Default" && string.Equals(reader.GetAttribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
            {
                byDefault = reader.GetAttribute("ContentType");
            }
        }
        return byDefault;
    }

    private static XmlReader Xml(ZipArchiveEntry entry)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxXmlBytes, CloseInput = true };
        return XmlReader.Create(new StreamReader(entry.Open(), Encoding.UTF8), settings);
    }
}
