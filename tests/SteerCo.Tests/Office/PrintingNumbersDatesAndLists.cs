using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SteerCo.Committees;
using SteerCo.Office;

namespace SteerCo.Tests.Office;

/// <summary>The words official documents print the same way every time, and a package Word opens without repair.</summary>
public sealed class PrintingNumbersDatesAndLists
{
    [Theory]
    [InlineData(2026, 3, 5, "ngày 05 tháng 3 năm 2026")]
    [InlineData(2026, 1, 9, "ngày 09 tháng 01 năm 2026")]
    [InlineData(2026, 2, 28, "ngày 28 tháng 02 năm 2026")]
    [InlineData(2025, 12, 10, "ngày 10 tháng 12 năm 2025")]
    [InlineData(2026, 11, 1, "ngày 01 tháng 11 năm 2026")]
    public void Days_below_10_and_the_months_January_and_February_get_a_leading_zero(int year, int month, int day, string expected)
    {
        OfficialText.LongDate(new DateOnly(year, month, day)).ShouldBe(expected);
    }

    [Fact]
    public void Place_and_date_are_one_line()
    {
        OfficialText.PlaceAndDate("Hà Nội ", new DateOnly(2026, 3, 5)).ShouldBe("Hà Nội, ngày 05 tháng 3 năm 2026");
    }

    [Theory]
    [InlineData(DocumentSystem.State, 12, "QĐ-BCĐ", "Số: 12/QĐ-BCĐ")]
    [InlineData(DocumentSystem.State, 5, "QĐ-UBND", "Số: 05/QĐ-UBND")]
    [InlineData(DocumentSystem.State, 2519, "KH-UBND", "Số: 2519/KH-UBND")]
    [InlineData(DocumentSystem.Party, 12, "QĐ/BCĐ", "Số 12-QĐ/BCĐ")]
    [InlineData(DocumentSystem.Party, 2, "HD/BCĐTW", "Số 02-HD/BCĐTW")]
    public void The_number_line_has_a_colon_in_State_documents_none_in_Party_ones_and_two_digits_at_least(
        DocumentSystem system, int number, string symbol, string expected)
    {
        OfficialText.NumberLine(system, number, symbol).ShouldBe(expected);
    }

    [Fact]
    public void A_number_not_yet_issued_leaves_room_to_write_it_in()
    {
        OfficialText.NumberLine(DocumentSystem.State, null, "QĐ-UBND").ShouldMatch(@"^Số: \s{4,}/QĐ-UBND$");
        OfficialText.NumberLine(DocumentSystem.Party, null, "QĐ/TU").ShouldMatch(@"^Số \s{4,}-QĐ/TU$");
    }

    [Fact]
    public void Recipients_get_a_dash_and_their_punctuation_whatever_was_typed()
    {
        string[] typed = ["Như Điều 3;", "  Các Sở, ban, ngành ", "Lưu: VT, NNMT."];

        OfficialText.Recipients(OfficialStyle.State, typed).ShouldBe(["- Như Điều 3;", "- Các Sở, ban, ngành;", "- Lưu: VT, NNMT."]);
        OfficialText.Recipients(OfficialStyle.Party, typed).ShouldBe(["- Như Điều 3,", "- Các Sở, ban, ngành,", "- Lưu: VT, NNMT."]);
    }

    [Theory]
    [InlineData(DocumentSystem.State)]
    [InlineData(DocumentSystem.Party)]
    public void The_decision_is_valid_Office_Open_XML(DocumentSystem layout)
    {
        var bytes = ReconstitutionDecisionDocument.ToDocx(SampleDecisions.Reconstitution(layout));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        errors.ShouldBeEmpty();
    }
}
