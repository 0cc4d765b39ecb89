using System.Globalization;
using System.Text;
using SteerCo.Committees;
using SteerCo.Documents;

namespace SteerCo.Tests.Documents;

/// <summary>
/// Reading a number and symbol as clerks write them: real symbols of every shape come apart
/// into their parts and print back the same, and a wrong one says what is wrong.
/// </summary>
public sealed class ReadingDocumentSymbols
{
    // Messages come in the current UI culture; users read them in Vietnamese.
    public ReadingDocumentSymbols() => CultureInfo.CurrentUICulture = new CultureInfo("vi");

    [Theory]
    [InlineData("114/TB-VPCP", 114, "TB", "VPCP", null)]
    [InlineData("40/QĐ-BCĐ", 40, "QĐ", "BCĐ", null)]
    [InlineData("15/KH-UBND", 15, "KH", "UBND", null)]
    [InlineData("2519/KH-UBND", 2519, "KH", "UBND", null)]
    [InlineData("1339/QĐ-TTg", 1339, "QĐ", "TTg", null)]
    [InlineData("01/NQ-CP", 1, "NQ", "CP", null)]
    [InlineData("05/CT-UBND", 5, "CT", "UBND", null)]
    [InlineData("12/QC-BCĐ", 12, "QC", "BCĐ", null)]
    [InlineData("07/QyĐ-UBND", 7, "QyĐ", "UBND", null)]
    [InlineData("09/HD-BCĐ", 9, "HD", "BCĐ", null)]
    [InlineData("03/CTr-UBND", 3, "CTr", "UBND", null)]
    [InlineData("45/PA-UBND", 45, "PA", "UBND", null)]
    [InlineData("06/ĐA-UBND", 6, "ĐA", "UBND", null)]
    [InlineData("02/DA-SNN", 2, "DA", "SNN", null)]
    [InlineData("275/BC-BCĐ", 275, "BC", "BCĐ", null)]
    [InlineData("18/BB-BCĐ", 18, "BB", "BCĐ", null)]
    [InlineData("112/TTr-SNV", 112, "TTr", "SNV", null)]
    [InlineData("03/HĐ-SYT", 3, "HĐ", "SYT", null)]
    [InlineData("04/CĐ-TTg", 4, "CĐ", "TTg", null)]
    [InlineData("156/GM-UBND", 156, "GM", "UBND", null)]
    [InlineData("22/GGT-SNV", 22, "GGT", "SNV", null)]
    [InlineData("08/SY-UBND", 8, "SY", "UBND", null)]
    [InlineData("142/KH-BCĐ389", 142, "KH", "BCĐ389", null)]
    [InlineData("37/TB-BCĐ-VP", 37, "TB", "BCĐ", "VP")]
    [InlineData("1205/QĐ-UBND-TCKH", 1205, "QĐ", "UBND", "TCKH")]
    public void A_titled_state_symbol_comes_apart_and_prints_back_the_same(string text, int number, string type, string issuer, string? unit) =>
        ShouldRead(text, DocumentSymbol.State(number, type, issuer, unit));

    [Theory]
    [InlineData("6411/VPCP-KTTH", 6411, "VPCP", "KTTH")]
    [InlineData("123/UBND-VP", 123, "UBND", "VP")]
    [InlineData("1234/TTg-KTTH", 1234, "TTg", "KTTH")]
    [InlineData("4521/BYT-KCB", 4521, "BYT", "KCB")]
    [InlineData("2345/BTC-NSNN", 2345, "BTC", "NSNN")]
    [InlineData("876/UBND-KT", 876, "UBND", "KT")]
    [InlineData("5678/BGDĐT-GDPT", 5678, "BGDĐT", "GDPT")]
    [InlineData("102/BCĐ389-VP", 102, "BCĐ389", "VP")]
    [InlineData("3456/BNV-CCVC", 3456, "BNV", "CCVC")]
    [InlineData("999/SYT-NVY", 999, "SYT", "NVY")]
    [InlineData("7890/VPCP-ĐMDN", 7890, "VPCP", "ĐMDN")]
    [InlineData("1000/BTTTT-CĐSQG", 1000, "BTTTT", "CĐSQG")]
    [InlineData("8620/BCT-TTTN", 8620, "BCT", "TTTN")]
    [InlineData("112/STC-QLNS", 112, "STC", "QLNS")]
    [InlineData("09/BCĐ-TTK", 9, "BCĐ", "TTK")]
    // Commune People's Committees often sign công văn with no drafting unit.
    [InlineData("45/UBND", 45, "UBND", null)]
    public void A_cong_van_has_no_type_only_the_issuer_and_the_drafting_unit(string text, int number, string issuer, string? unit) =>
        ShouldRead(text, DocumentSymbol.CongVan(number, issuer, unit));

    [Theory]
    [InlineData("30/2020/NĐ-CP", 30, 2020, "NĐ", "CP")]
    [InlineData("09/2019/NĐ-CP", 9, 2019, "NĐ", "CP")]
    [InlineData("10/2024/TT-BTC", 10, 2024, "TT", "BTC")]
    [InlineData("05/2025/QĐ-UBND", 5, 2025, "QĐ", "UBND")]
    [InlineData("19/2025/QĐ-TTg", 19, 2025, "QĐ", "TTg")]
    [InlineData("01/2011/TT-BNV", 1, 2011, "TT", "BNV")]
    [InlineData("34/2016/NĐ-CP", 34, 2016, "NĐ", "CP")]
    [InlineData("154/2020/NĐ-CP", 154, 2020, "NĐ", "CP")]
    [InlineData("03/2023/NQ-HĐND", 3, 2023, "NQ", "HĐND")]
    [InlineData("12/2016/TT-BTTTT", 12, 2016, "TT", "BTTTT")]
    [InlineData("05/2015/CT-UBND", 5, 2015, "CT", "UBND")]
    [InlineData("78/2015/NĐ-CP", 78, 2015, "NĐ", "CP")]
    [InlineData("02/2024/TT-BNV", 2, 2024, "TT", "BNV")]
    [InlineData("05/2022/L-CTN", 5, 2022, "L", "CTN")]
    [InlineData("16/2015/TTLT-BNV-BTC", 16, 2015, "TTLT", "BNV-BTC")]
    [InlineData("09/2008/NQLT-CP-UBTWMTTQVN", 9, 2008, "NQLT", "CP-UBTWMTTQVN")]
    public void A_normative_symbol_carries_its_year_and_joint_issuers_stay_together(string text, int number, int year, string type, string issuer) =>
        ShouldRead(text, DocumentSymbol.Normative(number, year, type, issuer));

    [Theory]
    [InlineData("06/2022/QH15", 6, 2022, "QH15")]
    [InlineData("27/2022/QH15", 27, 2022, "QH15")]
    [InlineData("80/2015/QH13", 80, 2015, "QH13")]
    [InlineData("64/2025/QH15", 64, 2025, "QH15")]
    [InlineData("13/2008/QH12", 13, 2008, "QH12")]
    [InlineData("43/2022/QH15", 43, 2022, "QH15")]
    [InlineData("103/2023/QH15", 103, 2023, "QH15")]
    [InlineData("22/2008/QH12", 22, 2008, "QH12")]
    [InlineData("76/2015/QH13", 76, 2015, "QH13")]
    [InlineData("47/2019/QH14", 47, 2019, "QH14")]
    [InlineData("90/2025/QH15", 90, 2025, "QH15")]
    [InlineData("55/2014/QH13", 55, 2014, "QH13")]
    [InlineData("18/2023/QH15", 18, 2023, "QH15")]
    [InlineData("35/2023/UBTVQH15", 35, 2023, "UBTVQH15")]
    [InlineData("1211/2016/UBTVQH13", 1211, 2016, "UBTVQH13")]
    [InlineData("02/2022/UBTVQH15", 2, 2022, "UBTVQH15")]
    public void A_law_is_signed_by_the_National_Assembly_of_a_term_with_no_type(string text, int number, int year, string issuer) =>
        ShouldRead(text, DocumentSymbol.Law(number, year, issuer));

    [Theory]
    [InlineData("35-NQ/TW", 35, "NQ", "TW")]
    [InlineData("02-HD/BCĐTW", 2, "HD", "BCĐTW")]
    [InlineData("15-KL/TU", 15, "KL", "TU")]
    [InlineData("120-TB/VPTW", 120, "TB", "VPTW")]
    [InlineData("05-CTr/TU", 5, "CTr", "TU")]
    [InlineData("53-KL/TW", 53, "KL", "TW")]
    [InlineData("70-KH/TU", 70, "KH", "TU")]
    [InlineData("40-HD/BTGTW", 40, "HD", "BTGTW")]
    [InlineData("36-HD/VPTW", 36, "HD", "VPTW")]
    [InlineData("57-NQ/TW", 57, "NQ", "TW")]
    [InlineData("05-CT/TW", 5, "CT", "TW")]
    [InlineData("144-QĐ/TW", 144, "QĐ", "TW")]
    [InlineData("01-QĐi/TU", 1, "QĐi", "TU")]
    [InlineData("1234-CV/TU", 1234, "CV", "TU")]
    [InlineData("22-TTr/ĐU", 22, "TTr", "ĐU")]
    [InlineData("03-BC/BCSĐ", 3, "BC", "BCSĐ")]
    [InlineData("10-TT/TW", 10, "TT", "TW")]
    [InlineData("45-ĐA/TU", 45, "ĐA", "TU")]
    [InlineData("08-BB/ĐU", 8, "BB", "ĐU")]
    public void A_Party_symbol_puts_the_type_after_the_number(string text, int number, string type, string issuer) =>
        ShouldRead(text, DocumentSymbol.Party(number, type, issuer));

    [Theory]
    [InlineData("Số: 40/QĐ-BCĐ", "40/QĐ-BCĐ")]
    [InlineData("Số: 40 /QĐ-BCĐ", "40/QĐ-BCĐ")]
    [InlineData("Số 36-HD/VPTW", "36-HD/VPTW")]
    [InlineData("số: 114/TB-VPCP", "114/TB-VPCP")]
    [InlineData("SỐ: 114/TB-VPCP", "114/TB-VPCP")]
    [InlineData("Số:114/TB-VPCP", "114/TB-VPCP")]
    [InlineData("So: 30/2020/NĐ-CP", "30/2020/NĐ-CP")]
    [InlineData("  40 / QĐ - BCĐ  ", "40/QĐ-BCĐ")]
    [InlineData("\t35 - NQ / TW\n", "35-NQ/TW")]
    [InlineData("30 / 2020 / NĐ - CP", "30/2020/NĐ-CP")]
    [InlineData("5/KH-UBND", "05/KH-UBND")]
    [InlineData("0005/2025/QĐ-UBND", "05/2025/QĐ-UBND")]
    [InlineData("6/2022/QH15", "06/2022/QH15")]
    [InlineData("2-HD/BCĐTW", "02-HD/BCĐTW")]
    public void A_prefix_spaces_and_a_missing_leading_zero_are_what_clerks_type(string text, string normalized)
    {
        var result = SymbolParser.Parse(text);

        result.IsValid.ShouldBeTrue(result.Message);
        result.Symbol.Normalized.ShouldBe(normalized);
    }

    [Theory]
    [InlineData("40/QĐ\u2013BCĐ", "40/QĐ-BCĐ")] // en dash, from a word processor
    [InlineData("35\u2011NQ/TW", "35-NQ/TW")] // non-breaking hyphen
    [InlineData("40\u00A0/\u00A0QĐ-BCĐ", "40/QĐ-BCĐ")] // non-breaking spaces
    [InlineData("40/Q\u00D0-BC\u00D0", "40/QĐ-BCĐ")] // Ð (Icelandic eth) from an old font conversion
    [InlineData("40/QĐ-\u200BBCĐ", "40/QĐ-BCĐ")] // zero-width space
    [InlineData("30\uFF0F2020\uFF0FNĐ-CP", "30/2020/NĐ-CP")] // full-width slash
    public void Look_alike_characters_from_pasted_text_read_as_the_real_ones(string text, string normalized) =>
        SymbolParser.Parse(text).Symbol?.Normalized.ShouldBe(normalized);

    [Fact]
    public void Decomposed_input_reads_the_same_as_composed()
    {
        string[] texts =
        [
            "Số: 40/QĐ-BCĐ", "Số 36-HD/VPTW", "số: 2519/KH-UBND", "Số: 07/QyĐ-UBND", "Số: 30/2020/NĐ-CP",
            "Số: 6411/VPCP-KTTH", "Số: 03/2023/NQ-HĐND", "Số 01-QĐi/TU", "Số: 06/2022/QH15", "Số 12-KL/BTGTƯ",
        ];
        foreach (var text in texts)
        {
            var decomposed = text.Normalize(NormalizationForm.FormD);
            decomposed.ShouldNotBe(text);
            var fromDecomposed = SymbolParser.Parse(decomposed);
            fromDecomposed.IsValid.ShouldBeTrue(fromDecomposed.Message);
            fromDecomposed.Symbol.ShouldBe(SymbolParser.Parse(text).Symbol);
            fromDecomposed.Symbol.Normalized.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("40/QD-BCĐ", "'QD' không phải là tên loại văn bản — có phải là 'QĐ'?")]
    [InlineData("40/Qd-BCĐ", "'Qd' không phải là tên loại văn bản — có phải là 'QĐ'?")]
    [InlineData("03/Ctr-UBND", "'Ctr' không phải là tên loại văn bản — có phải là 'CTr'?")]
    [InlineData("07/QYĐ-UBND", "'QYĐ' không phải là tên loại văn bản — có phải là 'QyĐ'?")]
    [InlineData("40/Da-UBND", "'Da' không phải là tên loại văn bản — có phải là 'ĐA' hay 'DA'?")]
    [InlineData("30/2020/Nd-CP", "'Nd' không phải là tên loại văn bản — có phải là 'NĐ'?")]
    [InlineData("35-Kl/TW", "'Kl' không phải là tên loại văn bản — có phải là 'KL'?")]
    [InlineData("01-QDi/TU", "'QDi' không phải là tên loại văn bản — có phải là 'QĐi'?")]
    [InlineData("01-QyĐ/TU", "'QyĐ' không phải là tên loại văn bản — có phải là 'QĐi'?")]
    [InlineData("40/QĐ", "'40/QĐ' thiếu chữ viết tắt tên cơ quan ban hành, ví dụ 40/QĐ-BCĐ.")]
    [InlineData("35-NQ", "'35-NQ' thiếu chữ viết tắt tên cơ quan ban hành, ví dụ 35-NQ/TW.")]
    [InlineData("30/2020/NĐ", "'30/2020/NĐ' thiếu chữ viết tắt tên cơ quan ban hành, ví dụ 30/2020/NĐ-CP.")]
    [InlineData("0/QĐ-BCĐ", "Số văn bản trong '0/QĐ-BCĐ' phải lớn hơn 0.")]
    [InlineData("00-NQ/TW", "Số văn bản trong '00-NQ/TW' phải lớn hơn 0.")]
    [InlineData("/QĐ-BCĐ", "'/QĐ-BCĐ' thiếu số văn bản: số đứng đầu, ví dụ 40/QĐ-BCĐ.")]
    [InlineData("abc", "'abc' không phải là số, ký hiệu văn bản. Ví dụ: 114/TB-VPCP, 6411/VPCP-KTTH, 30/2020/NĐ-CP, 06/2022/QH15, 35-NQ/TW.")]
    [InlineData("12/1900/NĐ-CP", "Năm '1900' trong '12/1900/NĐ-CP' không hợp lệ: năm ban hành gồm 4 chữ số, từ 1945 đến 2100.")]
    [InlineData("12/20/NĐ-CP", "Năm '20' trong '12/20/NĐ-CP' không hợp lệ: năm ban hành gồm 4 chữ số, từ 1945 đến 2100.")]
    [InlineData("30/NĐ-CP", "'30/NĐ-CP' là văn bản quy phạm pháp luật: ký hiệu có năm ban hành, ví dụ 30/2020/NĐ-CP.")]
    [InlineData("06/QH15", "'06/QH15' là văn bản quy phạm pháp luật: ký hiệu có năm ban hành, ví dụ 06/2022/QH15.")]
    [InlineData("35/KL-TW", "'35/KL-TW' là ký hiệu văn bản của Đảng, viết theo dạng số-loại/cơ quan: có phải là '35-KL/TW'?")]
    [InlineData("40/QĐ BCĐ", "'40/QĐ BCĐ' có khoảng trắng giữa các chữ viết tắt: các phần của ký hiệu được nối bằng '/' hoặc '-'.")]
    [InlineData("40/QĐ-BCĐ;", "'40/QĐ-BCĐ;' có ký tự ';', không dùng trong số, ký hiệu văn bản: chỉ dùng chữ, chữ số, '/' và '-'.")]
    [InlineData("40/QĐ-\u0007BCĐ", "'40/QĐ-\u0007BCĐ' có ký tự U+0007, không dùng trong số, ký hiệu văn bản: chỉ dùng chữ, chữ số, '/' và '-'.")]
    [InlineData("", "Chưa nhập số, ký hiệu văn bản.")]
    [InlineData("Số:", "Chưa nhập số, ký hiệu văn bản.")]
    public void A_wrong_symbol_says_what_is_wrong(string text, string message)
    {
        var result = SymbolParser.Parse(text);

        result.IsValid.ShouldBeFalse();
        result.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("40/QĐ-BCĐ--VP", SymbolError.EmptyPart)]
    [InlineData("40/-BCĐ", SymbolError.MissingType)]
    [InlineData("35-/TW", SymbolError.MissingType)]
    [InlineData("40", SymbolError.UnknownShape)]
    [InlineData("40a/QĐ-BCĐ", SymbolError.UnknownShape)]
    [InlineData("QĐ-BCĐ", SymbolError.UnknownShape)]
    [InlineData("40/QĐ/BCĐ/VP", SymbolError.UnknownShape)]
    [InlineData("35-NQ-TW", SymbolError.UnknownShape)]
    [InlineData("12345678/QĐ-BCĐ", SymbolError.NumberTooLarge)]
    [InlineData("15/2023/KH-UBND", SymbolError.NotANormativeType)]
    [InlineData("35-XYZ/TW", SymbolError.NotAPartyType)]
    [InlineData("35-QyĐ/TW", SymbolError.NotAType)]
    [InlineData("10/2024/BTC", SymbolError.MissingType)]
    [InlineData("12/3025/NĐ-CP", SymbolError.YearOutOfRange)]
    [InlineData("40/QĐ-1BCĐ", SymbolError.UnknownShape)]
    [InlineData(null, SymbolError.Empty)]
    [InlineData("   ", SymbolError.Empty)]
    public void Each_mistake_has_its_own_reason(string? text, SymbolError error) =>
        SymbolParser.Parse(text).Error.ShouldBe(error);

    [Fact]
    public void Messages_come_in_English_when_the_user_reads_English()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        SymbolParser.Parse("40/QD-BCĐ").Message.ShouldBe("'QD' is not a document type — did you mean 'QĐ'?");
        SymbolParser.Parse("40/Da-UBND").Message.ShouldBe("'Da' is not a document type — did you mean 'ĐA' or 'DA'?");
        SymbolParser.Parse("40/QĐ").Message.ShouldBe("'40/QĐ' has no issuing body, as in 40/QĐ-BCĐ.");
        SymbolParser.Parse("0/QĐ-BCĐ").Message.ShouldBe("The number in '0/QĐ-BCĐ' must be greater than 0.");
    }

    [Fact]
    public void The_formatter_prints_each_shape_the_official_way()
    {
        DocumentSymbol.State(5, "QĐ", "BCĐ").Normalized.ShouldBe("05/QĐ-BCĐ");
        DocumentSymbol.State(37, "TB", "BCĐ", "VP").Normalized.ShouldBe("37/TB-BCĐ-VP");
        DocumentSymbol.CongVan(6411, "VPCP", "KTTH").Normalized.ShouldBe("6411/VPCP-KTTH");
        DocumentSymbol.CongVan(45, "UBND", "").Normalized.ShouldBe("45/UBND");
        DocumentSymbol.Normative(30, 2020, "NĐ", "CP").Normalized.ShouldBe("30/2020/NĐ-CP");
        DocumentSymbol.Law(6, 2022, "QH15").Normalized.ShouldBe("06/2022/QH15");
        DocumentSymbol.Party(2, "HD", "BCĐTW").Normalized.ShouldBe("02-HD/BCĐTW");
        DocumentSymbol.Party(2, "HD", "BCĐTW").ToString().ShouldBe("02-HD/BCĐTW");
        DocumentSymbol.Party(2, "HD", "BCĐTW").ShapeName.ShouldBe("party");
    }

    [Fact]
    public void Type_abbreviations_are_unique_in_each_table_and_stored_in_NFC()
    {
        foreach (var table in new[] { DocumentTypes.State, DocumentTypes.Normative, DocumentTypes.Party })
        {
            table.Select(t => t.Abbreviation).ShouldBeUnique();
            table.ShouldAllBe(t => t.Abbreviation.IsNormalized(NormalizationForm.FormC) && t.Name.IsNormalized(NormalizationForm.FormC));
        }
        DocumentTypes.State.Count.ShouldBe(30);
    }

    [Fact]
    public void A_list_of_both_systems_names_each_type_once_telling_the_two_quy_dinh_apart_by_system()
    {
        // Both are rightly "Quy định" (QyĐ in Decree 30, QĐi in HD 36); a Quy chế is QC in both.
        DocumentTypes.Find(DocumentTypes.State, "QyĐ")!.Name.ShouldBe("Quy định");
        DocumentTypes.Find(DocumentTypes.Party, "QĐi")!.Name.ShouldBe("Quy định");
        DocumentTypes.OfBothSystems.Where(t => DocumentTypes.SystemToTellApart(t) is not null)
            .Select(t => (t.Abbreviation, DocumentTypes.SystemToTellApart(t))).ShouldBe([("QyĐ", (DocumentSystem?)DocumentSystem.State), ("QĐi", DocumentSystem.Party)]);
        DocumentTypes.OfBothSystems.Select(t => (t.Name, DocumentTypes.SystemToTellApart(t))).ShouldBeUnique();
        DocumentTypes.OfBothSystems.Select(t => t.Abbreviation).ShouldBeUnique();
    }

    [Theory]
    [InlineData("TT", "01/2020/TT-BNV", "Thông tư")]
    [InlineData("TT", "15-TT/TW", "Thông tri")]
    [InlineData("QĐ", "40/QĐ-BCĐ", "Quyết định")]
    [InlineData("NĐ", "30/2020/NĐ-CP", "Nghị định")]
    [InlineData("TT", null, "Thông tri")]
    [InlineData("TT", "not a symbol", "Thông tri")]
    [InlineData("XYZ", "01/XYZ-UBND", "XYZ")]
    public void A_type_is_named_as_its_symbol_reads_it(string type, string? symbol, string name) =>
        DocumentTypes.NameOf(type, symbol).ShouldBe(name);

    private static void ShouldRead(string text, DocumentSymbol expected)
    {
        var result = SymbolParser.Parse(text);

        result.IsValid.ShouldBeTrue(result.Message);
        result.Symbol.ShouldBe(expected);
        result.Symbol.Normalized.ShouldBe(text);
        expected.Normalized.ShouldBe(text);
        SymbolParser.Parse(expected.Normalized).Symbol.ShouldBe(expected);
    }
}
