using SteerCo.Cli;

namespace SteerCo.Tests.Office;

/// <summary>`steerco office sample-decision`: a sample to look at, in either layout, no database.</summary>
public sealed class WritingASampleDecisionOnTheCommandLine : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("steerco-office-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("state", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]
    [InlineData("party", "ĐẢNG CỘNG SẢN VIỆT NAM")]
    public async Task Each_layout_writes_its_decision_and_prints_the_path(string layout, string title)
    {
        var file = Path.Combine(_folder.FullName, "out", $"{layout}.docx");

        var (code, output, _) = await RunAsync("office", "sample-decision", "--layout", layout, "--out", file);

        code.ShouldBe(0);
        output.Trim().ShouldBe(file);
        using var docx = Docx.Open(await File.ReadAllBytesAsync(file));
        docx.Line(title).ShouldNotBeNull();
        docx.Line("DANH SÁCH THÀNH VIÊN").ShouldNotBeNull();
    }

    [LibreOfficeFact]
    public async Task With_pdf_it_also_writes_the_PDF_beside_it()
    {
        var file = Path.Combine(_folder.FullName, "decision.docx");

        var (code, output, _) = await RunAsync("office", "sample-decision", "--out", file, "--pdf");

        code.ShouldBe(0);
        var pdf = Path.Combine(_folder.FullName, "decision.pdf");
        output.ShouldContain(pdf);
        Pdf.Pages(pdf).ShouldBe(2);
    }

    [Fact]
    public async Task An_unknown_layout_or_no_output_file_is_a_usage_error()
    {
        (await RunAsync("office", "sample-decision", "--layout", "royal", "--out", Path.Combine(_folder.FullName, "x.docx"))).Code.ShouldBe(2);
        (await RunAsync("office", "sample-decision")).Code.ShouldBe(2);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SteerCoCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
