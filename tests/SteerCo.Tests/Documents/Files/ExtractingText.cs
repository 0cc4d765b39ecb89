using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SteerCo.Documents.Files;

namespace SteerCo.Tests.Documents.Files;

/// <summary>TextExtraction on its own, with fake pdftotext programs that hang or never stop talking.</summary>
public sealed class ExtractingText : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("steerco-extract-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private TextExtraction Extraction(string pdfToText = "pdftotext", int timeoutSeconds = 15, int maxTextChars = 1_000_000) =>
        new(Options.Create(new FileStoreOptions { PdfToText = pdfToText, ExtractionTimeoutSeconds = timeoutSeconds, MaxTextChars = maxTextChars }),
            NullLogger<TextExtraction>.Instance);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    [Fact]
    public async Task Pdftotext_reads_a_pdf()
    {
        File.Exists("/usr/bin/pdftotext").ShouldBeTrue("poppler-utils must be installed for this test (apt-get install poppler-utils)");

        var text = await Extraction().ExtractAsync(Write("a.pdf", TestFiles.Pdf("Nghi quyet so 35")), FileKind.Pdf);

        text.ShouldBe("Nghi quyet so 35");
    }

    [Fact]
    public async Task A_pdf_that_makes_extraction_hang_ends_at_the_timeout_and_the_extractor_is_killed()
    {
        var pidFile = Path.Combine(_folder, "pid");
        var childFile = Path.Combine(_folder, "child");
        var hanging = Script("pdftotext-hangs", $"echo $$ > '{pidFile}'\nsleep 60 &\necho $! > '{childFile}'\nwait");
        var clock = Stopwatch.StartNew();

        var text = await Extraction(hanging, timeoutSeconds: 1).ExtractAsync(Write("b.pdf", TestFiles.Pdf("x")), FileKind.Pdf);

        text.ShouldBeNull();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        foreach (var file in new[] { pidFile, childFile })
        {
            var pid = int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await WaitUntilAsync(() => Gone(pid));
        }
    }

    [Fact]
    public async Task Endless_output_is_cut_at_the_cap()
    {
        var chatty = Script("pdftotext-chatty", "yes 'van ban'");
        var clock = Stopwatch.StartNew();

        var text = await Extraction(chatty, maxTextChars: 10_000).ExtractAsync(Write("c.pdf", TestFiles.Pdf("x")), FileKind.Pdf);

        text!.Length.ShouldBeLessThanOrEqualTo(10_000);
        text.ShouldStartWith("van ban van ban");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Without_pdftotext_a_pdf_has_no_text()
    {
        var text = await Extraction(Path.Combine(_folder, "no-such-program")).ExtractAsync(Write("d.pdf", TestFiles.Pdf("x")), FileKind.Pdf);

        text.ShouldBeNull();
    }

    [Fact]
    public async Task A_failing_pdftotext_leaves_no_text()
    {
        var failing = Script("pdftotext-fails", "echo 'Syntax Error' >&2\nexit 1");

        var text = await Extraction(failing).ExtractAsync(Write("e.pdf", TestFiles.Pdf("x")), FileKind.Pdf);

        text.ShouldBeNull();
    }

    [Fact]
    public async Task Docx_text_is_cut_at_the_cap()
    {
        var docx = Write("f.docx", TestFiles.Docx([.. Enumerable.Repeat("Kế hoạch triển khai thực hiện Nghị quyết", 2_000)]));

        var text = await Extraction(maxTextChars: 5_000).ExtractAsync(docx, FileKind.Docx);

        text!.Length.ShouldBeLessThanOrEqualTo(5_000);
        text.ShouldStartWith("Kế hoạch triển khai");
    }

    [Fact]
    public async Task Images_and_spreadsheets_have_no_text()
    {
        (await Extraction().ExtractAsync(Write("g.xlsx", TestFiles.Xlsx()), FileKind.Xlsx)).ShouldBeNull();
        (await Extraction().ExtractAsync(Write("h.png", TestFiles.Png()), FileKind.Png)).ShouldBeNull();
    }

    /// <summary>Ended: no process, or a zombie waiting for its parent.</summary>
    private static bool Gone(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }
        condition().ShouldBeTrue("the extractor process is still running");
    }
}
