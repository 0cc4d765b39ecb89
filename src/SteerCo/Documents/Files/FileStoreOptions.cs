using System.ComponentModel.DataAnnotations;

namespace SteerCo.Documents.Files;

/// <summary>The "Files" section: where document files are kept and how much of them is trusted.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Files";

    /// <summary>The folder of the content-addressed store; relative paths start from the working directory, like data/steerco.db.</summary>
    [Required]
    public string Folder { get; set; } = Path.Combine("data", "files");

    /// <summary>The largest file accepted, in bytes (50 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The pdftotext program (poppler-utils): a name looked up on PATH, or a full path.</summary>
    [Required]
    public string PdfToText { get; set; } = "pdftotext";

    /// <summary>How long text extraction from one file may take before the extractor is stopped.</summary>
    [Range(1, 600)]
    public int ExtractionTimeoutSeconds { get; set; } = 15;

    /// <summary>At most this many characters of a file's text are kept for search.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTextChars { get; set; } = 1_000_000;

    /// <summary>A DOCX or XLSX with more parts than this is refused: no real document has that many.</summary>
    [Range(1, int.MaxValue)]
    public int MaxZipEntries { get; set; } = 5_000;

    /// <summary>The largest part of a DOCX or XLSX once uncompressed.</summary>
    [Range(1, long.MaxValue)]
    public long MaxZipEntryBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>All parts of a DOCX or XLSX together, uncompressed.</summary>
    [Range(1, long.MaxValue)]
    public long MaxZipTotalBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// How much a part larger than 1 MB may shrink when compressed. Office XML compresses about
    /// 10 to 30 times; a zip bomb, thousands of times.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxCompressionRatio { get; set; } = 200;
}
