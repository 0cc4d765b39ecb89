using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SteerCo.Committees;
using SteerCo.Office;

namespace SteerCo.Tests.Office;

/// <summary>
/// The decision on reconstitution, opened as a clerk's Word file and checked against the layout
/// rules of DOMAIN.md §4: Decree 30/2020/NĐ-CP Appendix I (State), Hướng dẫn 36-HD/VPTW (Party).
/// </summary>
public sealed class LayingOutAReconstitutionDecision
{
    private static Docx Open(DocumentSystem layout) =>
        Docx.Open(ReconstitutionDecisionDocument.ToDocx(SampleDecisions.Reconstitution(layout)));

    [Theory]
    [InlineData(DocumentSystem.State)]
    [InlineData(DocumentSystem.Party)]
    public void Pages_are_A4_with_the_rule_margins_and_numbered_from_page_2_at_the_top_centre(DocumentSystem layout)
    {
        using var docx = Open(layout);

        docx.Sections.Count.ShouldBe(2, "the decision, then the annex on pages of its own");
        foreach (var section in docx.Sections)
        {
            Docx.ShouldBeA4WithTheRuleMargins(section);
            section.GetFirstChild<TitlePage>().ShouldNotBeNull("no number on a section's first page");
            section.GetFirstChild<PageNumberType>()!.Start!.Value.ShouldBe(1, "an annex's pages are numbered on their own");
        }

        var numbered = docx.Sections[0].Elements<HeaderReference>().Single(h => h.Type!.Value == HeaderFooterValues.Default);
        var header = ((HeaderPart)docx.Main.GetPartById(numbered.Id!.Value!)).Header!;
        header.Descendants<SimpleField>().Single().Instruction!.Value!.Trim().ShouldBe("PAGE");
        header.Descendants<Paragraph>().Single().ParagraphProperties!.Justification!.Val!.Value.ShouldBe(JustificationValues.Center);
        var first = docx.Sections[0].Elements<HeaderReference>().Single(h => h.Type!.Value == HeaderFooterValues.First);
        ((HeaderPart)docx.Main.GetPartById(first.Id!.Value!)).Header!.Descendants<SimpleField>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DocumentSystem.State)]
    [InlineData(DocumentSystem.Party)]
    public void Times_New_Roman_is_the_only_font(DocumentSystem layout)
    {
        using var docx = Open(layout);

        var fonts = docx.Defaults.RunFonts!;
        new[] { fonts.Ascii, fonts.HighAnsi, fonts.ComplexScript, fonts.EastAsia }.ShouldAllBe(f => f!.Value == "Times New Roman");
        docx.Body.Descendants<RunFonts>().ShouldBeEmpty("no run names another font");
    }

    [Fact]
    public void State_header_issuer_left_with_a_short_rule_motto_right_with_a_rule_as_long_as_the_slogan()
    {
        using var docx = Open(DocumentSystem.State);

        var motto = docx.Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        docx.Size(motto).ShouldBeInRange(12, 13);
        Docx.Bold(motto).ShouldBeTrue();
        Docx.Column(motto).ShouldBe(1);
        var slogan = Docx.Next(motto);
        Docx.Text(slogan).ShouldBe("Độc lập - Tự do - Hạnh phúc");
        docx.Size(slogan).ShouldBeInRange(13, 14);
        Docx.Bold(slogan).ShouldBeTrue();
        var sloganRule = RuleLength(Docx.Next(slogan));
        sloganRule.ShouldBeInRange(55, 70, "as long as 'Độc lập - Tự do - Hạnh phúc' in 14 pt bold, about 62 mm");

        foreach (var line in new[] { "ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG" })
        {
            var issuer = docx.Line(line);
            docx.Size(issuer).ShouldBeInRange(12, 13);
            Docx.Bold(issuer).ShouldBeTrue();
            Docx.Column(issuer).ShouldBe(0);
            Docx.Alignment(issuer).ShouldBe(JustificationValues.Center);
        }
        var issuerRule = RuleLength(Docx.Next(docx.Line("THÀNH PHỐ ĐÀ NẴNG")));
        issuerRule.ShouldBeInRange(47.0 / 3, 47.0 / 2, "a third to a half of 'THÀNH PHỐ ĐÀ NẴNG' in 13 pt bold, about 47 mm");
    }

    [Fact]
    public void Party_header_superior_upright_issuer_bold_then_a_star_and_the_Party_title_right_with_its_rule()
    {
        using var docx = Open(DocumentSystem.Party);

        var title = docx.Line("ĐẢNG CỘNG SẢN VIỆT NAM");
        docx.Size(title).ShouldBe(15);
        Docx.Bold(title).ShouldBeTrue();
        Docx.Column(title).ShouldBe(1);
        RuleLength(Docx.Next(title)).ShouldBeInRange(65, 80, "as long as the title in 15 pt bold, about 73 mm");

        var superior = docx.Line("ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG");
        docx.Size(superior).ShouldBe(14);
        Docx.NotBold(superior).ShouldBeTrue();
        Docx.Column(superior).ShouldBe(0);
        var issuer = Docx.Next(superior);
        Docx.Text(issuer).ShouldBe("ĐẢNG ỦY PHƯỜNG HẢI CHÂU");
        docx.Size(issuer).ShouldBe(14);
        Docx.Bold(issuer).ShouldBeTrue();
        var star = Docx.Next(issuer);
        Docx.Text(star).ShouldBe("*");
        Docx.Alignment(star).ShouldBe(JustificationValues.Center);
        docx.Paragraphs.ShouldNotContain(p => Docx.Text(p) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "a Party document has no national motto");
    }

    [Theory]
    [InlineData(DocumentSystem.State, "Số: 05/QĐ-UBND", 13, "Đà Nẵng, ngày 05 tháng 3 năm 2026")]
    [InlineData(DocumentSystem.Party, "Số 12-QĐ/ĐU", 14, "Hải Châu, ngày 09 tháng 02 năm 2026")]
    public void Number_line_under_the_issuer_and_place_and_date_in_italics_on_the_same_row(
        DocumentSystem layout, string numberLine, double numberSize, string dateLine)
    {
        using var docx = Open(layout);

        var number = docx.Line(numberLine);
        docx.Size(number).ShouldBe(numberSize);
        Docx.NotBold(number).ShouldBeTrue();
        Docx.Column(number).ShouldBe(0);
        var date = docx.Line(dateLine);
        docx.Size(date).ShouldBe(14);
        Docx.Italic(date).ShouldBeTrue();
        Docx.Column(date).ShouldBe(1);
        date.Ancestors<TableRow>().First().ShouldBeSameAs(number.Ancestors<TableRow>().First());
    }

    [Theory]
    [InlineData(DocumentSystem.State, 13, 14, 13, 14, "Về việc kiện toàn Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn thành phố Đà Nẵng")]
    [InlineData(DocumentSystem.Party, 15, 16, 14, 15, "về việc kiện toàn Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số phường Hải Châu")]
    public void Type_name_in_bold_capitals_and_the_subject_in_bold_centred_below_it(
        DocumentSystem layout, double typeMin, double typeMax, double subjectMin, double subjectMax, string subjectText)
    {
        using var docx = Open(layout);

        var type = docx.Line("QUYẾT ĐỊNH");
        docx.Size(type).ShouldBeInRange(typeMin, typeMax);
        Docx.Bold(type).ShouldBeTrue();
        Docx.Alignment(type).ShouldBe(JustificationValues.Center);
        type.Ancestors<Table>().ShouldBeEmpty();
        var subject = Docx.Next(type);
        Docx.Text(subject).ShouldBe(subjectText);
        docx.Size(subject).ShouldBeInRange(subjectMin, subjectMax);
        Docx.Bold(subject).ShouldBeTrue();
        Docx.Alignment(subject).ShouldBe(JustificationValues.Center);
        var closing = Docx.Next(subject);
        if (layout == DocumentSystem.Party)
        {
            Docx.Text(closing).ShouldBe("-----");
        }
        else
        {
            RuleLength(closing).ShouldBeGreaterThan(20);
        }
    }

    [Theory]
    [InlineData(DocumentSystem.State)]
    [InlineData(DocumentSystem.Party)]
    public void Body_is_justified_indented_spaced_with_bold_article_numbers_and_the_grounds_punctuated(DocumentSystem layout)
    {
        using var docx = Open(layout);
        var party = layout == DocumentSystem.Party;

        var articles = docx.LinesStartingWith("Điều ");
        articles.Count.ShouldBe(3);
        for (var i = 0; i < articles.Count; i++)
        {
            var runs = Docx.Runs(articles[i]);
            runs[0].InnerText.ShouldBe($"Điều {i + 1}.");
            runs[0].RunProperties!.Bold.ShouldNotBeNull();
            runs[1].RunProperties!.Bold.ShouldBeNull();
            var properties = articles[i].ParagraphProperties!;
            properties.Justification!.Val!.Value.ShouldBe(JustificationValues.Both);
            Docx.Mm(properties.Indentation!.FirstLine!.Value).ShouldBeInRange(10, 12.75);
            (int.Parse(properties.SpacingBetweenLines!.Before!.Value!) / 20.0).ShouldBeGreaterThanOrEqualTo(6);
            (int.Parse(properties.SpacingBetweenLines.Line!.Value!) / 240.0).ShouldBeInRange(1, 1.5);
            docx.Size(articles[i]).ShouldBeInRange(party ? 14 : 13, party ? 15 : 14);
        }
        Docx.Text(articles[^1]).ShouldEndWith(party ? "quyết định này." : "Quyết định này./.");

        var grounds = docx.LinesStartingWith(party ? "- " : "Căn cứ ").Concat(docx.LinesStartingWith("Theo đề nghị"))
            .Where(p => !p.Ancestors<Table>().Any()).ToList();
        grounds.Count.ShouldBe(party ? 4 : 3);
        grounds.ShouldAllBe(g => Docx.Italic(g) == !party);
        grounds.Take(grounds.Count - 1).ShouldAllBe(g => Docx.Text(g).EndsWith(';'));
        Docx.Text(grounds[^1]).ShouldEndWith(party ? "," : ".");
        if (party)
        {
            Docx.Bold(docx.Line("BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG QUYẾT ĐỊNH")).ShouldBeTrue();
        }
        else
        {
            Docx.Bold(docx.Line("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG")).ShouldBeTrue();
            Docx.Bold(docx.Line("QUYẾT ĐỊNH:")).ShouldBeTrue();
        }
    }

    [Fact]
    public void State_recipients_bold_italic_12_pt_then_one_per_line_in_11_pt_ending_with_the_archive()
    {
        using var docx = Open(DocumentSystem.State);

        var heading = docx.Line("Nơi nhận:");
        docx.Size(heading).ShouldBe(12);
        Docx.Bold(heading).ShouldBeTrue();
        Docx.Italic(heading).ShouldBeTrue();
        Docx.Column(heading).ShouldBe(0);
        var entries = docx.LinesStartingWith("- ");
        entries.Select(Docx.Text).ShouldBe(
        [
            "- Như Điều 3;",
            "- Bộ Nông nghiệp và Môi trường (để báo cáo);",
            "- Thường trực Thành ủy (để báo cáo);",
            "- Chủ tịch, các Phó Chủ tịch UBND thành phố;",
            "- Lưu: VT, NNMT.",
        ]);
        entries.ShouldAllBe(e => docx.Size(e) == 11 && Docx.NotBold(e));
    }

    [Fact]
    public void Party_recipients_underlined_14_pt_then_one_per_line_in_12_pt_with_commas()
    {
        using var docx = Open(DocumentSystem.Party);

        var heading = docx.Line("Nơi nhận:");
        docx.Size(heading).ShouldBe(14);
        Docx.Underlined(heading).ShouldBeTrue();
        Docx.NotBold(heading).ShouldBeTrue();
        var entries = Docx.Next(heading).ElementsAfter().OfType<Paragraph>().Prepend(Docx.Next(heading)).ToList();
        entries.Select(Docx.Text).ShouldBe(["- Thường trực Thành ủy (để báo cáo),", "- Như Điều 3,", "- Lưu Văn phòng Đảng ủy."]);
        entries.ShouldAllBe(e => docx.Size(e) == 12);
    }

    [Theory]
    [InlineData(DocumentSystem.State, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Minh Quang")]
    [InlineData(DocumentSystem.Party, "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Thanh Sơn")]
    public void Signature_block_authority_and_position_in_bold_capitals_room_to_sign_then_the_name_in_bold(
        DocumentSystem layout, string authority, string position, string name)
    {
        using var docx = Open(layout);

        var authorityLine = docx.Line(authority);
        Docx.Column(authorityLine).ShouldBe(1);
        authorityLine.Ancestors<TableRow>().First().ShouldBeSameAs(docx.Line("Nơi nhận:").Ancestors<TableRow>().First());
        var positionLine = Docx.Next(authorityLine);
        Docx.Text(positionLine).ShouldBe(position);
        var nameLine = Docx.Next(positionLine);
        Docx.Text(nameLine).ShouldBe(name);
        new[] { authorityLine, positionLine, nameLine }.ShouldAllBe(p => Docx.Bold(p) && Docx.Alignment(p) == JustificationValues.Center);
        docx.Size(authorityLine).ShouldBeInRange(13, 14);
        (int.Parse(nameLine.ParagraphProperties!.SpacingBetweenLines!.Before!.Value!) / 20.0).ShouldBeGreaterThan(50, "room for the signature and the seal");
    }

    [Theory]
    [InlineData(DocumentSystem.State, "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 3 năm 2026 của Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng)")]
    [InlineData(DocumentSystem.Party, "(Kèm theo Quyết định số 12-QĐ/ĐU, ngày 09 tháng 02 năm 2026 của Ban Thường vụ Đảng ủy phường)")]
    public void Annex_starts_a_new_section_with_its_heading_and_the_member_table_in_roster_order(DocumentSystem layout, string attachedTo)
    {
        var decision = SampleDecisions.Reconstitution(layout);
        using var docx = Docx.Open(ReconstitutionDecisionDocument.ToDocx(decision));

        var heading = docx.Line("DANH SÁCH THÀNH VIÊN");
        Docx.Bold(heading).ShouldBeTrue();
        Docx.Alignment(heading).ShouldBe(JustificationValues.Center);
        heading.ElementsBefore().OfType<Paragraph>().Last().Descendants<SectionProperties>().ShouldNotBeEmpty("the decision's section ends just before");
        Docx.Text(Docx.Next(heading)).ShouldBe(decision.CommitteeName.ToUpperInvariant());
        var attached = docx.Line(attachedTo);
        Docx.Italic(attached).ShouldBeTrue();

        var table = heading.ElementsAfter().OfType<Table>().Single();
        var rows = table.Elements<TableRow>().ToList();
        var header = rows[0];
        header.Elements<TableCell>().Select(c => c.InnerText).ShouldBe(["STT", "Họ và tên", "Chức vụ, cơ quan", "Chức danh trong Ban Chỉ đạo"]);
        header.TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull("the heading row repeats on every page");
        header.Descendants<Paragraph>().ShouldAllBe(p => Docx.Bold(p));
        rows.Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ShouldBe(
            decision.Members.Select((m, i) => new[] { (i + 1).ToString(), m.FullName, m.JobTitleAndAgency, m.Post }));
        table.Descendants<TableBorders>().Single().TopBorder!.Val!.Value.ShouldBe(BorderValues.Single);
        Docx.Mm(table.Descendants<GridColumn>().Sum(c => int.Parse(c.Width!.Value!))).ShouldBeInRange(160, 165.1, "as wide as the text");
    }

    [Fact]
    public void A_superior_body_prints_upright_above_the_bold_issuer_and_an_unissued_number_is_left_blank()
    {
        var heading = new DocumentHeading(
            new IssuingBody(["UBND THÀNH PHỐ ĐÀ NẴNG"], ["BAN CHỈ ĐẠO PHÒNG, CHỐNG", "THIÊN TAI VÀ TÌM KIẾM CỨU NẠN"]),
            null, "TB-BCĐ", "Đà Nẵng", new DateOnly(2026, 1, 7));
        using var docx = Docx.Open(OfficialDocumentBuilder.For(DocumentSystem.State).Heading(heading).ToDocx());

        var superior = docx.Line("UBND THÀNH PHỐ ĐÀ NẴNG");
        Docx.NotBold(superior).ShouldBeTrue();
        docx.Size(superior).ShouldBeInRange(12, 13);
        Docx.Bold(docx.Line("BAN CHỈ ĐẠO PHÒNG, CHỐNG")).ShouldBeTrue();
        Docx.Bold(docx.Line("THIÊN TAI VÀ TÌM KIẾM CỨU NẠN")).ShouldBeTrue();
        docx.LinesStartingWith("Số: ").Select(Docx.Text).Single().ShouldMatch(@"^Số: \s{4,}/TB-BCĐ$");
        docx.Line("Đà Nẵng, ngày 07 tháng 01 năm 2026").ShouldNotBeNull();
    }

    /// <summary>The length in millimetres of a rule: the top border of an empty paragraph, between its indents.</summary>
    private static double RuleLength(Paragraph rule)
    {
        var properties = rule.ParagraphProperties!;
        properties.ParagraphBorders!.TopBorder!.Val!.Value.ShouldBe(BorderValues.Single);
        Docx.Text(rule).ShouldBeEmpty();
        var cell = rule.Ancestors<TableCell>().FirstOrDefault();
        var space = cell is null
            ? 165
            : Docx.Mm(cell.TableCellProperties!.TableCellWidth!.Width!.Value);
        return space - Docx.Mm(properties.Indentation!.Left!.Value) - Docx.Mm(properties.Indentation.Right!.Value);
    }
}
