using System.Diagnostics;
using System.Globalization;
using SteerCo.Resources;

namespace SteerCo.Office;

/// <summary>A DOCX could not be turned into a PDF; the message says why, in the user's language.</summary>
public sealed class PdfConversionException(string message) : Exception(message);

/// <summary>
/// Turns a DOCX into a PDF with LibreOffice headless (<c>soffice --headless --convert-to pdf</c>).
/// Each conversion runs its own LibreOffice with a private, throwaway user profile, so that
/// conversions can run side by side and never meet a desktop user's profile or lock; a
/// conversion that outlives <see cref="Timeout"/> is killed with its child processes.
/// <see cref="IsAvailable"/> says whether LibreOffice is installed at all.
/// </summary>
public sealed class PdfConverter
{
    private static readonly string[] WellKnownPaths =
    [
        "/usr/bin/soffice",
        "/usr/local/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        @"C:\Program Files\LibreOffice\program\soffice.exe",
    ];

    /// <param name="sofficePath">The soffice executable; found on PATH or in the usual places when null.</param>
    /// <param name="timeout">How long one conversion may take; 2 minutes when null (a first start is slow).</param>
    public PdfConverter(string? sofficePath = null, TimeSpan? timeout = null)
    {
        SofficePath = sofficePath ?? FindLibreOffice();
        Timeout = timeout ?? TimeSpan.FromMinutes(2);
    }

    public string? SofficePath { get; }

    public TimeSpan Timeout { get; }

    public bool IsAvailable => SofficePath is not null && File.Exists(SofficePath);

    /// <summary>The soffice (or libreoffice) executable on PATH or in the usual places, or null.</summary>
    public static string? FindLibreOffice()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "soffice.exe" } : ["soffice", "libreoffice"];
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .Concat(WellKnownPaths)
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The PDF of <paramref name="docx"/>.</summary>
    /// <exception cref="PdfConversionException">LibreOffice is missing, failed or took too long.</exception>
    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("steerco-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            var output = await ConvertFileAsync(input, folder.FullName, cancellationToken);
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>Writes <c>NAME.pdf</c> for <paramref name="docxPath"/> into <paramref name="outputFolder"/> and returns its path.</summary>
    /// <exception cref="PdfConversionException">LibreOffice is missing, failed or took too long.</exception>
    public async Task<string> ConvertFileAsync(string docxPath, string outputFolder, CancellationToken cancellationToken = default)
    {
        if (!IsAvailable)
        {
            throw new PdfConversionException(Messages.Get("PdfLibreOfficeMissing"));
        }
        Directory.CreateDirectory(outputFolder);
        var output = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(docxPath) + ".pdf");
        File.Delete(output);
        var profile = Directory.CreateTempSubdirectory("steerco-lo-profile-");
        try
        {
            var start = new ProcessStartInfo(SofficePath!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "-env:UserInstallation=" + new Uri(profile.FullName + Path.DirectorySeparatorChar).AbsoluteUri,
                "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "--convert-to", "pdf:writer_pdf_Export", "--outdir", Path.GetFullPath(outputFolder), Path.GetFullPath(docxPath),
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new PdfConversionException(Messages.Get("PdfLibreOfficeMissing"));
            var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new PdfConversionException(Messages.Get("PdfConversionTimedOut", ((int)Timeout.TotalSeconds).ToString(CultureInfo.CurrentCulture)));
            }

            // soffice exits 0 even when it could not read the input: the PDF on disk is the proof.
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                var said = ((await standardError) + " " + (await standardOutput)).Trim();
                throw new PdfConversionException(Messages.Get("PdfConversionFailed", process.ExitCode, said));
            }
            return output;
        }
        finally
        {
            TryDelete(profile);
        }
    }

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A LibreOffice child may still hold a file for a moment; the temp folder is cleaned later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
