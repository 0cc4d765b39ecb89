using DocumentFormat.OpenXml.Wordprocessing;
using SteerCo.Committees;
using SteerCo.Reporting;
using SteerCo.Units;

namespace SteerCo.Tests.Office;

/// <summary>
/// The consolidated periodic report as the clerk opens it in Word, checked against the layout
/// rules of DOMAIN.md §4 as the decision on reconstitution is: the issuer under its body, the
/// period as users write it in the subject, the signing block with the Trưởng ban's name, the table as its annex.
/// </summary>
public sealed class LayingOutAPeriodicReport
{
    private const string DaNang = "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn thành phố Đà Nẵng";
    private const string HaiChau = "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn phường Hải Châu";

    private static ConsolidatedView View(string committee, params string[] below)
    {
        var period = ReportingPeriod.Quarter(2026, 1);
        var submissions = below.Select((name, i) => new SubmissionSummary(i + 1, 100 + i, name,
            i == below.Length - 1 ? SubmissionStatus.Draft : SubmissionStatus.Accepted,
            i == below.Length - 1 ? Compliance.Missing : i == 0 ? Compliance.OnTime : Compliance.Late,
            i == below.Length - 1 ? null : new DateTimeOffset(2026, 3, 20 + i * 10, 9, 0, 0, TimeSpan.FromHours(7)), null)).ToList();
        var request = new RequestView(1, 10, committee, "Báo cáo công tác phòng, chống thiên tai và tìm kiếm cứu nạn Quý I/2026", ReportKind.Periodic, period, period.ToString(),
            new DateOnly(2025, 12, 15), new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 25), 1, 1, true, submissions);
        ConsolidatedRow[] rows =
        [
            new(1, "HO_SO_TAN", "Số hộ dân được sơ tán", "hộ", IndicatorType.Number, Aggregation.Sum, null, 330, "330", 2),
            new(2, "TY_LE", "Tỷ lệ hộ được sơ tán", "%", IndicatorType.Percentage, Aggregation.Average, "HO_SO_TAN / HO_PHAI * 100", 82.5m, "82,5%", 2),
            new(3, "DIEN_TAP", "Đã tổ chức diễn tập", null, IndicatorType.YesNo, Aggregation.Sum, null, 1, "1", 2),
        ];
        return new(request, rows);
    }

    private static Docx Open(DocumentSystem layout) => layout == DocumentSystem.State
        ? Docx.Open(ReportDocuments.ReportDocx(View(DaNang, HaiChau, "Ban Chỉ đạo phường Hòa Cường", "Ban Chỉ đạo phường Thanh Khê"),
            new ReportIssuer(DaNang, "BCĐ", DocumentSystem.State, "Thành phố Đà Nẵng", UnitLevel.Province, "thanh_pho",
                "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn Trung ương", "Nguyễn Văn An", new DateOnly(2026, 4, 5))))
        : Docx.Open(ReportDocuments.ReportDocx(View(HaiChau, "Chi bộ khu phố 1", "Chi bộ khu phố 2"),
            new ReportIssuer(HaiChau, "BCĐ", DocumentSystem.Party, "Phường Hải Châu", UnitLevel.Commune, "phuong", DaNang, "Trần Thị Bình", new DateOnly(2026, 2, 9))));

    [Theory]
    [InlineData(DocumentSystem.State)]
    [InlineData(DocumentSystem.Party)]
    public void Pages_are_A4_with_the_rule_margins_in_Times_New_Roman_and_the_annex_on_pages_of_its_own(DocumentSystem layout)
    {
        using var docx = Open(layout);

        docx.Sections.Count.ShouldBe(2);
        foreach (var section in docx.Sections)
        {
            Docx.ShouldBeA4WithTheRuleMargins(section);
        }
        docx.Defaults.RunFonts!.Ascii!.Value.ShouldBe("Times New Roman");
        docx.Body.Descendants<RunFonts>().ShouldBeEmpty();
    }

    [Fact]
    public void State_the_committee_heads_it_under_its_city_with_a_blank_number_and_the_place_and_date_beside()
    {
        using var docx = Open(DocumentSystem.State);

        var motto = docx.Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        Docx.Column(motto).ShouldBe(1);
        var superior = docx.Line("UBND THÀNH PHỐ ĐÀ NẴNG");
        Docx.NotBold(superior).ShouldBeTrue();
        Docx.Column(superior).ShouldBe(0);
        var name = Docx.Next(superior);
        Docx.Bold(name).ShouldBeTrue();
        Docx.Text(name).ShouldStartWith("BAN CHỈ ĐẠO");
        var number = docx.LinesStartingWith("Số: ").Single();
        Docx.Text(number).ShouldMatch(@"^Số: \s{4,}/BC-BCĐ$");
        docx.Size(number).ShouldBe(13);
        var date = docx.Line("Đà Nẵng, ngày 05 tháng 4 năm 2026");
        Docx.Italic(date).ShouldBeTrue();
        date.Ancestors<TableRow>().First().ShouldBeSameAs(number.Ancestors<TableRow>().First());
    }

    [Theory]
    [InlineData(DocumentSystem.State, 13, 14, "Công tác phòng, chống thiên tai và tìm kiếm cứu nạn Quý I/2026")]
    [InlineData(DocumentSystem.Party, 15, 16, "công tác phòng, chống thiên tai và tìm kiếm cứu nạn Quý I/2026")]
    public void BAO_CAO_in_bold_capitals_and_the_subject_with_the_period_as_users_write_it(DocumentSystem layout, double min, double max, string subject)
    {
        using var docx = Open(layout);

        var type = docx.Line("BÁO CÁO");
        docx.Size(type).ShouldBeInRange(min, max);
        Docx.Bold(type).ShouldBeTrue();
        Docx.Alignment(type).ShouldBe(JustificationValues.Center);
        var line = Docx.Next(type);
        Docx.Text(line).ShouldBe(subject);
        Docx.Bold(line).ShouldBeTrue();
        Docx.Alignment(line).ShouldBe(JustificationValues.Center);
    }

    [Fact]
    public void The_body_says_what_was_received_late_and_missing_and_ends_with_the_State_mark()
    {
        using var docx = Open(DocumentSystem.State);

        docx.LinesStartingWith("Thực hiện chế độ báo cáo định kỳ").Single().ShouldSatisfyAllConditions(
            p => Docx.Text(p).ShouldContain("báo cáo kết quả Quý I/2026 (số liệu tính từ ngày 15/12/2025 đến ngày 14/03/2026)"),
            p => Docx.Alignment(p).ShouldBe(JustificationValues.Both));
        Docx.Text(docx.LinesStartingWith("Đã tiếp nhận").Single()).ShouldBe(
            "Đã tiếp nhận 2/3 báo cáo của các đơn vị; 1 báo cáo gửi muộn; 1 đơn vị chưa gửi báo cáo: Ban Chỉ đạo phường Thanh Khê.");
        Docx.Bold(docx.Line("I. TÌNH HÌNH TIẾP NHẬN BÁO CÁO")).ShouldBeTrue();
        Docx.Text(docx.LinesStartingWith("Số liệu tổng hợp từ").Single()).ShouldEndWith("Phụ lục kèm theo./.");
    }

    [Theory]
    [InlineData(DocumentSystem.State, "TM. BAN CHỈ ĐẠO", "Nguyễn Văn An", "- Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn Trung ương (để báo cáo);", "- Lưu: VT.")]
    [InlineData(DocumentSystem.Party, "T/M BAN CHỈ ĐẠO", "Trần Thị Bình", "- " + DaNang + " (để báo cáo),", "- Lưu VT.")]
    public void The_Truong_ban_signs_for_the_committee_and_the_report_goes_to_the_committee_above(DocumentSystem layout, string authority, string chair, string above, string archive)
    {
        using var docx = Open(layout);

        var authorityLine = docx.Line(authority);
        Docx.Column(authorityLine).ShouldBe(1);
        var position = Docx.Next(authorityLine);
        Docx.Text(position).ShouldBe("TRƯỞNG BAN");
        var name = Docx.Next(position);
        Docx.Text(name).ShouldBe(chair);
        new[] { authorityLine, position, name }.ShouldAllBe(p => Docx.Bold(p) && Docx.Alignment(p) == JustificationValues.Center);
        (int.Parse(name.ParagraphProperties!.SpacingBetweenLines!.Before!.Value!) / 20.0).ShouldBeGreaterThan(50, "room for the signature and the seal");
        var heading = docx.Line("Nơi nhận:");
        authorityLine.Ancestors<TableRow>().First().ShouldBeSameAs(heading.Ancestors<TableRow>().First());
        docx.LinesStartingWith("- ").Where(p => p.Ancestors<TableRow>().Any()).Select(Docx.Text).ShouldBe([above, archive]);
    }

    [Fact]
    public void The_annex_is_the_consolidated_table_attached_to_the_report_by_its_number_and_date()
    {
        using var docx = Open(DocumentSystem.State);

        var label = docx.Line("Phụ lục");
        Docx.Bold(label).ShouldBeTrue();
        label.ElementsBefore().OfType<Paragraph>().Last().Descendants<SectionProperties>().ShouldNotBeEmpty("the report's section ends just before");
        Docx.Text(Docx.Next(label)).ShouldBe("SỐ LIỆU TỔNG HỢP");
        Docx.Text(Docx.Next(Docx.Next(label))).ShouldBe("QUÝ I/2026");
        var attached = docx.LinesStartingWith("(Kèm theo Báo cáo số ").Single();
        Docx.Text(attached).ShouldMatch(@"^\(Kèm theo Báo cáo số \s{4,}/BC-BCĐ ngày 05 tháng 4 năm 2026 của Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn thành phố Đà Nẵng\)$");
        Docx.Italic(attached).ShouldBeTrue();

        var table = label.ElementsAfter().OfType<Table>().Single();
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        rows[0].ShouldBe(["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Số đơn vị"]);
        rows.Skip(1).ShouldBe([
            ["1", "HO_SO_TAN. Số hộ dân được sơ tán", "hộ", "330", "2"],
            ["2", "TY_LE. Tỷ lệ hộ được sơ tán", "%", "82,5%", "2"],
            ["3", "DIEN_TAP. Đã tổ chức diễn tập", "", "1", "2"],
        ]);
        Docx.Mm(table.Descendants<GridColumn>().Sum(c => int.Parse(c.Width!.Value!))).ShouldBeInRange(160, 170.1, "as wide as the text");
    }
}
