using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SteerCo.Text;

namespace SteerCo.Office;

/// <summary>How one paragraph is set: alignment, spacing in points, indents in twips.</summary>
internal sealed record ParagraphFormat
{
    public JustificationValues Align { get; init; } = JustificationValues.Left;
    public double Before { get; init; }
    public double After { get; init; }

    /// <summary>A multiple of single line spacing.</summary>
    public double Line { get; init; } = 1;

    public int FirstLineIndent { get; init; }
    public int LeftIndent { get; init; }
    public int RightIndent { get; init; }
    public bool KeepNext { get; init; }
    public bool PageBreakBefore { get; init; }

    public static ParagraphFormat Centred { get; } = new() { Align = JustificationValues.Center };
}

/// <summary>The OpenXml elements the builder composes, so that it reads as blocks, not XML.</summary>
internal static class WordElements
{
    public const int TwipsPerPoint = 20;

    public static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    public static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Run Run(string text, double size, bool bold = false, bool italic = false, bool underline = false)
    {
        var properties = new RunProperties
        {
            FontSize = new FontSize { Val = HalfPoints(size) },
            FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints(size) },
        };
        if (bold)
        {
            properties.Bold = new Bold();
            properties.BoldComplexScript = new BoldComplexScript();
        }
        if (italic)
        {
            properties.Italic = new Italic();
            properties.ItalicComplexScript = new ItalicComplexScript();
        }
        if (underline)
        {
            properties.Underline = new Underline { Val = UnderlineValues.Single };
        }
        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(VietnameseText.Writable(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static Paragraph Paragraph(ParagraphFormat format, double markSize, params OpenXmlElement[] content)
    {
        var properties = new ParagraphProperties
        {
            SpacingBetweenLines = new SpacingBetweenLines
            {
                Before = Points(format.Before),
                After = Points(format.After),
                Line = ((int)Math.Round(format.Line * 240)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                LineRule = LineSpacingRuleValues.Auto,
            },
            Justification = new Justification { Val = format.Align },
            ParagraphMarkRunProperties = new ParagraphMarkRunProperties(
                new FontSize { Val = HalfPoints(markSize) }, new FontSizeComplexScript { Val = HalfPoints(markSize) }),
        };
        if (format.FirstLineIndent != 0 || format.LeftIndent != 0 || format.RightIndent != 0)
        {
            properties.Indentation = new Indentation
            {
                Left = format.LeftIndent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Right = format.RightIndent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                FirstLine = format.FirstLineIndent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        if (format.KeepNext)
        {
            properties.KeepNext = new KeepNext();
        }
        if (format.PageBreakBefore)
        {
            properties.PageBreakBefore = new PageBreakBefore();
        }
        var paragraph = new Paragraph(properties);
        paragraph.Append(content);
        return paragraph;
    }

    public static Paragraph Line(string text, double size, ParagraphFormat format, bool bold = false, bool italic = false, bool underline = false) =>
        Paragraph(format, size, Run(text, size, bold, italic, underline));

    /// <summary>
    /// A horizontal rule <paramref name="lengthTwips"/> long, centred in a space
    /// <paramref name="spaceTwips"/> wide: the top border of an empty, 2 pt high paragraph.
    /// </summary>
    public static Paragraph Rule(int lengthTwips, int spaceTwips, double after = 0)
    {
        var margin = Math.Max(0, (spaceTwips - lengthTwips) / 2);
        // 3 pt above keep the rule off the letters' feet, as a drawn line would be.
        var paragraph = Paragraph(ParagraphFormat.Centred with { LeftIndent = margin, RightIndent = margin, Before = 3, After = after }, 2);
        paragraph.ParagraphProperties!.ParagraphBorders = new ParagraphBorders(
            new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" });
        return paragraph;
    }

    public static TableCell Cell(int widthTwips, IEnumerable<OpenXmlElement> paragraphs, TableVerticalAlignmentValues? vertical = null)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = widthTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (vertical is { } v)
        {
            properties.Append(new TableCellVerticalAlignment { Val = v });
        }
        var cell = new TableCell(properties);
        cell.Append(paragraphs);
        if (!cell.Elements<Paragraph>().Any())
        {
            cell.Append(new Paragraph());
        }
        return cell;
    }

    /// <summary>A table of fixed column widths; <paramref name="borders"/> false for layout tables (header, signature).</summary>
    public static Table Table(IReadOnlyList<int> widths, bool borders, int cellMarginTwips)
    {
        var total = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var value = borders ? BorderValues.Single : BorderValues.Nil;
        var size = borders ? 4u : 0u;
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = total, Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = value, Size = size, Color = "000000" },
                    new LeftBorder { Val = value, Size = size, Color = "000000" },
                    new BottomBorder { Val = value, Size = size, Color = "000000" },
                    new RightBorder { Val = value, Size = size, Color = "000000" },
                    new InsideHorizontalBorder { Val = value, Size = size, Color = "000000" },
                    new InsideVerticalBorder { Val = value, Size = size, Color = "000000" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = (short)cellMarginTwips, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = (short)cellMarginTwips, Type = TableWidthValues.Dxa }),
                new TableLook { Val = "0000", FirstRow = false, NoHorizontalBand = true, NoVerticalBand = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        return table;
    }

    public static TableRow Row(IEnumerable<TableCell> cells, bool repeatAsHeader = false, bool cantSplit = false)
    {
        var properties = new TableRowProperties();
        if (cantSplit)
        {
            properties.Append(new CantSplit());
        }
        if (repeatAsHeader)
        {
            properties.Append(new TableHeader());
        }
        var row = new TableRow(properties);
        row.Append(cells);
        return row;
    }

    /// <summary>Writes the package: the body, Times New Roman as the only font, the page, the page numbers.</summary>
    public static void WritePackage(Stream output, OfficialStyle style, IReadOnlyList<IReadOnlyList<OpenXmlElement>> sections)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();

        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = style.FontName, HighAnsi = style.FontName, ComplexScript = style.FontName, EastAsia = style.FontName },
                    new FontSize { Val = HalfPoints(style.BodySize) },
                    new FontSizeComplexScript { Val = HalfPoints(style.BodySize) },
                    new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(
            new DefaultTabStop { Val = (short)Twips(12.7) },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));

        // Page numbers from page 2, centred in the top margin; the first page has an empty header.
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(Paragraph(ParagraphFormat.Centred, style.PageNumberSize,
            new SimpleField(Run("2", style.PageNumberSize)) { Instruction = " PAGE " }));
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());

        // A section's properties close it: in the last paragraph of every section but the last,
        // and at the end of the body for the last one.
        var body = new Body();
        for (var i = 0; i < sections.Count; i++)
        {
            body.Append(sections[i]);
            var properties = Section(style, main.GetIdOfPart(numbered), main.GetIdOfPart(first));
            if (i < sections.Count - 1)
            {
                body.Append(new Paragraph(new ParagraphProperties(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
                    new ParagraphMarkRunProperties(new FontSize { Val = "2" }),
                    properties)));
            }
            else
            {
                body.Append(properties);
            }
        }
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>
    /// A4 with the rule's margins; each section starts on a new page numbered 1, and its first page
    /// shows no number.
    /// </summary>
    private static SectionProperties Section(OfficialStyle style, string numberedHeader, string firstHeader) => new(
        new HeaderReference { Type = HeaderFooterValues.Default, Id = numberedHeader },
        new HeaderReference { Type = HeaderFooterValues.First, Id = firstHeader },
        new SectionType { Val = SectionMarkValues.NextPage },
        new PageSize { Width = (uint)Twips(style.PageWidthMm), Height = (uint)Twips(style.PageHeightMm) },
        new PageMargin
        {
            Top = Twips(style.MarginTopMm),
            Bottom = Twips(style.MarginBottomMm),
            Left = (uint)Twips(style.MarginLeftMm),
            Right = (uint)Twips(style.MarginRightMm),
            Header = (uint)Twips(style.HeaderDistanceMm),
            Footer = (uint)Twips(style.HeaderDistanceMm),
            Gutter = 0,
        },
        new PageNumberType { Start = 1 },
        new TitlePage());

    private static string Points(double points) =>
        ((int)Math.Round(points * TwipsPerPoint)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
