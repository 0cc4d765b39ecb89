using System.Diagnostics;
using System.Text;
using SteerCo.Office;

namespace SteerCo.Tests.Office;

/// <summary>
/// A test that needs LibreOffice (to convert) and poppler's pdftotext (to read the PDF back):
/// skipped, with the reason in the test report, on a machine that lacks either. test.sh installs
/// both, so in CI these tests run.
/// </summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (!new PdfConverter().IsAvailable)
        {
            Skip = "LibreOffice is not installed (no soffice on PATH): apt-get install libreoffice-writer-nogui, or run ./test.sh as root";
        }
        else if (Pdf.PdfToText is null)
        {
            Skip = "pdftotext is not installed: apt-get install poppler-utils, or run ./test.sh as root";
        }
    }
}

/// <summary>Reads a PDF back with poppler: its page count and the text of a page.</summary>
internal static class Pdf
{
    public static string? PdfToText { get; } = Find("pdftotext");

    public static int Pages(string pdf)
    {
        var info = Run(Find("pdfinfo") ?? throw new InvalidOperationException("pdfinfo is not installed"), pdf);
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim());
    }

    /// <summary>The text of page <paramref name="page"/> (from 1), in NFC, lines trimmed.</summary>
    public static string Text(string pdf, int page) =>
        Run(PdfToText!, "-f", page.ToString(), "-l", page.ToString(), "-enc", "UTF-8", pdf, "-").Normalize(NormalizationForm.FormC);

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{tool} {string.Join(' ', arguments)}");
        return output;
    }

    private static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
}
