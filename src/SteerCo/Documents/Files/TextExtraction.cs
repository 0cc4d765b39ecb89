using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace SteerCo.Documents.Files;

/// <summary>
/// The text of a DOCX (OpenXml) or PDF (pdftotext) for search. Best effort by design: whatever goes
/// wrong (a broken file, a hostile one, a missing or hanging pdftotext) ends in null within the
/// timeout, and the file is stored without text.
/// </summary>
public sealed class TextExtraction(IOptions<FileStoreOptions> options, ILogger<TextExtraction> logger)
{
    private readonly FileStoreOptions _options = options.Value;

    public async Task<string?> ExtractAsync(string path, FileKind kind, CancellationToken cancellationToken = default)
    {
        if (kind != FileKind.Docx && kind != FileKind.Pdf)
        {
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.ExtractionTimeoutSeconds));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var text = kind == FileKind.Docx
                ? await Task.Run(() => FromDocx(path, timeout.Token), timeout.Token)
                : await FromPdfAsync(path, timeout.Token);
            return Clean(text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Text extraction from a {Kind} file stopped after {Seconds} s; the file is stored without text", kind.Name, _options.ExtractionTimeoutSeconds);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "No text could be extracted from a {Kind} file after {Elapsed}; it is stored without text", kind.Name, Stopwatch.GetElapsedTime(started));
            return null;
        }
    }

    /// <summary>
    /// The body of the main part, read as a stream of elements, never as a whole tree. The sniffer
    /// has checked the sizes the zip declares; MaxCharactersInPart also stops a part whose real size lies.
    /// </summary>
    private string FromDocx(string path, CancellationToken cancellationToken)
    {
        var settings = new OpenSettings { MaxCharactersInPart = _options.MaxZipEntryBytes };
        using var document = WordprocessingDocument.Open(path, false, settings);
        if (document.MainDocumentPart is not { } main)
        {
            return "";
        }
        var text = new StringBuilder();
        using var reader = OpenXmlReader.Create(main);
        while (reader.Read() && text.Length < _options.MaxTextChars)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.IsStartElement && reader.ElementType == typeof(W.Text))
            {
                text.Append(reader.GetText());
            }
            else if (reader.IsStartElement && (reader.ElementType == typeof(W.TabChar) || reader.ElementType == typeof(W.Break)))
            {
                text.Append(' ');
            }
            else if (reader.IsEndElement && (reader.ElementType == typeof(W.Paragraph) || reader.ElementType == typeof(W.TableCell)))
            {
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// pdftotext writes the text to its standard output; reading stops at the cap, and a run past
    /// the timeout is killed with its children.
    /// </summary>
    private async Task<string?> FromPdfAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_options.PdfToText)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-q", "-enc", "UTF-8", "-eol", "unix", path, "-" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            logger.LogWarning("pdftotext ({Program}) could not be started: {Reason}. PDF files are stored without text; install poppler-utils or set Files:PdfToText", _options.PdfToText, ex.Message);
            return null;
        }
        process.StandardInput.Close();
        // Reading a pipe may not notice the token: killing the process closes the pipe, which it does notice.
        using var stop = cancellationToken.Register(() => Kill(process));
        try
        {
            var errors = DrainAsync(process.StandardError, 64 * 1024, cancellationToken);
            var output = await ReadCappedAsync(process.StandardOutput, _options.MaxTextChars, cancellationToken);
            if (output.Length >= _options.MaxTextChars)
            {
                // Enough for search: the rest of the document is not waited for.
                Kill(process);
                return output;
            }
            await process.WaitForExitAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            await errors;
            if (process.ExitCode != 0)
            {
                logger.LogWarning("pdftotext exited with {ExitCode}; the PDF is stored without text", process.ExitCode);
                return null;
            }
            return output;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, int maxChars, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while (text.Length < maxChars && (read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            text.Append(buffer, 0, Math.Min(read, maxChars - text.Length));
        }
        return text.ToString();
    }

    private static async Task DrainAsync(StreamReader reader, int maxChars, CancellationToken cancellationToken)
    {
        try
        {
            await ReadCappedAsync(reader, maxChars, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // Only diagnostics: losing them does not matter.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }

    /// <summary>NFC, no control characters (PostgreSQL text refuses NUL) or lone surrogates, runs of blanks made one, at most the cap.</summary>
    private string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var result = new StringBuilder(Math.Min(text.Length, _options.MaxTextChars));
        var blank = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var pair = char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (char.IsWhiteSpace(ch) || char.IsControl(ch) || (char.IsSurrogate(ch) && !pair) || ch is '\uFFFE' or '\uFFFF')
            {
                blank = result.Length > 0;
                continue;
            }
            if (blank)
            {
                result.Append(' ');
                blank = false;
            }
            result.Append(ch);
            if (pair)
            {
                result.Append(text[++i]);
            }
        }
        var clean = result.ToString().Normalize(NormalizationForm.FormC);
        return clean.Length == 0 ? null : clean.Length > _options.MaxTextChars ? clean[.._options.MaxTextChars] : clean;
    }
}
