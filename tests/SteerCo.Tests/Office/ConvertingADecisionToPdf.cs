using SteerCo.Committees;
using SteerCo.Office;

namespace SteerCo.Tests.Office;

/// <summary>The decision as LibreOffice prints it: pages, page numbers and the text a reader sees.</summary>
public sealed class ConvertingADecisionToPdf : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("steerco-office-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    [LibreOfficeFact]
    public async Task The_State_decision_fills_one_page_and_its_annex_the_next()
    {
        var decision = SampleDecisions.Reconstitution(DocumentSystem.State);
        var pdf = await ConvertAsync(decision);

        Pdf.Pages(pdf).ShouldBe(2);
        var first = Pdf.Text(pdf, 1);
        first.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        first.ShouldContain("Số: 05/QĐ-UBND");
        first.ShouldContain("Đà Nẵng, ngày 05 tháng 3 năm 2026");
        first.ShouldContain("QUYẾT ĐỊNH");
        first.ShouldContain("Nơi nhận:");
        first.ShouldContain("Trần Minh Quang");
        first.ShouldNotContain("DANH SÁCH THÀNH VIÊN");
        AnnexListsTheMembersInOrder(Pdf.Text(pdf, 2), decision);
    }

    [LibreOfficeFact]
    public async Task The_Party_decision_fills_one_page_and_its_annex_the_next()
    {
        var decision = SampleDecisions.Reconstitution(DocumentSystem.Party);
        var pdf = await ConvertAsync(decision);

        Pdf.Pages(pdf).ShouldBe(2);
        var first = Pdf.Text(pdf, 1);
        first.ShouldContain("ĐẢNG CỘNG SẢN VIỆT NAM");
        first.ShouldContain("Số 12-QĐ/ĐU");
        first.ShouldContain("Hải Châu, ngày 09 tháng 02 năm 2026");
        first.ShouldContain("BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG QUYẾT ĐỊNH");
        first.ShouldContain("T/M BAN THƯỜNG VỤ");
        first.ShouldNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        AnnexListsTheMembersInOrder(Pdf.Text(pdf, 2), decision);
    }

    [LibreOfficeFact]
    public async Task A_long_annex_numbers_its_own_pages_from_2_and_repeats_the_table_heading()
    {
        var sample = SampleDecisions.Reconstitution(DocumentSystem.State);
        var members = Enumerable.Range(1, 45)
            .Select(i => new ReconstitutionMember($"Thành viên số {i}", "Phó Giám đốc Sở Nông nghiệp và Môi trường", "Ủy viên"))
            .ToList();
        var pdf = await ConvertAsync(sample with { Members = members });

        var pages = Pdf.Pages(pdf);
        pages.ShouldBeGreaterThanOrEqualTo(3);
        FirstLine(Pdf.Text(pdf, 1)).ShouldNotBe("1", "the first page shows no number");
        FirstLine(Pdf.Text(pdf, 2)).ShouldNotBe("2", "nor does the annex's first page");
        var second = Pdf.Text(pdf, 3);
        FirstLine(second).ShouldBe("2", "the annex's second page is its page 2, at the top");
        second.ShouldContain("Họ và tên");
        Pdf.Text(pdf, pages).ShouldContain("Thành viên số 45");
    }

    [Fact]
    public async Task Without_LibreOffice_the_converter_says_so_plainly()
    {
        var converter = new PdfConverter(sofficePath: Path.Combine(_folder.FullName, "no-such-soffice"));

        converter.IsAvailable.ShouldBeFalse();
        var refused = await Should.ThrowAsync<PdfConversionException>(() => converter.ConvertAsync([1, 2, 3]));
        refused.Message.ShouldContain("LibreOffice");
        refused.Message.ShouldContain("libreoffice-writer-nogui");
    }

    private async Task<string> ConvertAsync(ReconstitutionDecision decision)
    {
        var docx = Path.Combine(_folder.FullName, "decision.docx");
        await File.WriteAllBytesAsync(docx, ReconstitutionDecisionDocument.ToDocx(decision));
        return await new PdfConverter().ConvertFileAsync(docx, _folder.FullName);
    }

    private static void AnnexListsTheMembersInOrder(string annex, ReconstitutionDecision decision)
    {
        annex = System.Text.RegularExpressions.Regex.Replace(annex, @"\s+", " ");
        annex.ShouldContain("DANH SÁCH THÀNH VIÊN");
        annex.ShouldContain("Chức danh trong");
        var positions = decision.Members.Select(m => annex.IndexOf(m.FullName, StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBeInOrder(SortDirection.Ascending);
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
