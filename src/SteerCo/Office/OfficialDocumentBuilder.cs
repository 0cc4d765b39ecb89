using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using SteerCo.Committees;
using static SteerCo.Office.WordElements;

namespace SteerCo.Office;

/// <summary>
/// Builds an official document block by block, in the order a clerk types it, laid out by the
/// rules of its document system (<see cref="OfficialStyle"/>): heading, type and subject, the
/// body, the closing (recipients and signature), annexes with their tables. Each method adds one
/// block and returns the builder; <see cref="ToDocx"/> or <see cref="Save"/> writes the DOCX.
/// <code>
/// var docx = OfficialDocumentBuilder.For(DocumentSystem.State)
///     .Heading(heading).TypeAndSubject("QUYẾT ĐỊNH", "Về việc ...")
///     .CentredLine("CHỦ TỊCH ỦY BAN NHÂN DÂN ...").LegalBases(bases).CentredLine("QUYẾT ĐỊNH:")
///     .Article(1, "...").Closing(recipients, signature).ToDocx();
/// </code>
/// </summary>
public sealed class OfficialDocumentBuilder(OfficialStyle style)
{
    // An annex starts a section of its own, whose pages are numbered from 1 (Decree 30 Appendix I).
    private readonly List<List<OpenXmlElement>> _sections = [[]];

    public OfficialStyle Style { get; } = style;

    private List<OpenXmlElement> Current => _sections[^1];

    private bool IsParty => Style.System == DocumentSystem.Party;

    private int TextWidthTwips => Twips(Style.TextWidthMm);

    public static OfficialDocumentBuilder For(DocumentSystem system) => new(OfficialStyle.For(system));

    /// <summary>
    /// The first-page header, a borderless two-column table. Left: the superior body (upright),
    /// the issuing body (bold) and under it a short rule (State) or a "*" (Party), then the number
    /// line. Right: the national motto and slogan with a rule as long as the slogan (State) or
    /// "ĐẢNG CỘNG SẢN VIỆT NAM" with a rule as long as itself (Party), then place and date in italics.
    /// </summary>
    public OfficialDocumentBuilder Heading(DocumentHeading heading)
    {
        var numberLine = OfficialText.NumberLine(Style.System, heading.Number, heading.Symbol);
        var dateLine = OfficialText.PlaceAndDate(heading.Place, heading.Date);
        var (left, right) = HeaderColumns(heading.Issuer, numberLine, dateLine);

        var issuer = new List<OpenXmlElement>();
        issuer.AddRange(heading.Issuer.Superior.Select(line => Line(line, Style.SuperiorBodySize, ParagraphFormat.Centred)));
        issuer.AddRange(heading.Issuer.Name.Select(line => Line(line, Style.IssuingBodySize, ParagraphFormat.Centred, bold: true)));
        if (IsParty)
        {
            issuer.Add(Line("*", Style.IssuingBodySize, ParagraphFormat.Centred));
        }
        else
        {
            // Decree 30: a rule from a third to a half of the issuer's line, centred under it.
            var longest = heading.Issuer.Name.DefaultIfEmpty("").Max(line => TextWidth.Points(line, Style.IssuingBodySize, bold: true));
            issuer.Add(Rule(RuleTwips(longest * 0.4, minimumMm: 15), left));
        }

        var motto = new List<OpenXmlElement>();
        if (IsParty)
        {
            motto.Add(Line(OfficialText.PartyTitle, Style.MottoSize, ParagraphFormat.Centred, bold: true));
            motto.Add(Rule(RuleTwips(TextWidth.Points(OfficialText.PartyTitle, Style.MottoSize, bold: true)), right));
        }
        else
        {
            motto.Add(Line(OfficialText.Motto, Style.MottoSize, ParagraphFormat.Centred, bold: true));
            motto.Add(Line(OfficialText.Slogan, Style.SloganSize, ParagraphFormat.Centred, bold: true));
            motto.Add(Rule(RuleTwips(TextWidth.Points(OfficialText.Slogan, Style.SloganSize, bold: true)), right));
        }

        var below = ParagraphFormat.Centred with { Before = 6 };
        var table = WordElements.Table([left, right], borders: false, cellMarginTwips: 0);
        table.Append(Row([Cell(left, issuer), Cell(right, motto)]));
        table.Append(Row([Cell(left, [Line(numberLine, Style.NumberSize, below)]), Cell(right, [Line(dateLine, Style.DateSize, below, italic: true)])]));
        Current.Add(table);
        return this;
    }

    /// <summary>
    /// The type name in bold capitals ("QUYẾT ĐỊNH") and the subject under it in bold, centred,
    /// closed by a short rule (State) or a line of five hyphens (Party).
    /// </summary>
    public OfficialDocumentBuilder TypeAndSubject(string typeName, string subject)
    {
        Current.Add(Line(typeName.ToUpper(VietnameseCulture), Style.TypeNameSize,
            ParagraphFormat.Centred with { Before = 18, KeepNext = true }, bold: true));
        Current.Add(Line(subject, Style.SubjectSize, ParagraphFormat.Centred with { KeepNext = true }, bold: true));
        if (IsParty)
        {
            Current.Add(Line("-----", Style.SubjectSize, ParagraphFormat.Centred with { After = 12 }));
        }
        else
        {
            // A third of the subject's (first) line: the rule also fits under a short last line.
            var width = Math.Min(TextWidth.Points(subject, Style.SubjectSize, bold: true), Style.TextWidthMm / 25.4 * 72);
            Current.Add(Rule(RuleTwips(width / 3, minimumMm: 20), TextWidthTwips, after: 12));
        }
        return this;
    }

    /// <summary>A line centred on the page, bold by default: "CHỦ TỊCH ỦY BAN NHÂN DÂN ...", "QUYẾT ĐỊNH:".</summary>
    public OfficialDocumentBuilder CentredLine(string text, bool bold = true)
    {
        Current.Add(Line(text, Style.BodySize, ParagraphFormat.Centred with { Before = 6, After = 6, KeepNext = true }, bold: bold));
        return this;
    }

    /// <summary>
    /// The grounds, one per line, each ending with ";": State in italics, the last ending with
    /// "."; Party upright after a dash, the last ending with "," before the deciding body's line.
    /// </summary>
    public OfficialDocumentBuilder LegalBases(IEnumerable<string> bases)
    {
        var lines = OfficialText.Enumerate(bases, ";", IsParty ? "," : ".", IsParty ? "- " : "");
        foreach (var line in lines)
        {
            Current.Add(WordElements.Paragraph(BodyFormat, Style.BodySize, Run(line, Style.BodySize, italic: Style.LegalBasisItalic)));
        }
        return this;
    }

    /// <summary>A body paragraph: justified, first line indented, 6 pt between paragraphs.</summary>
    public OfficialDocumentBuilder Paragraph(string text) => Paragraph(new TextPart(text));

    /// <summary>A body paragraph of stretches in bold, italics or neither.</summary>
    public OfficialDocumentBuilder Paragraph(params TextPart[] parts)
    {
        Current.Add(WordElements.Paragraph(BodyFormat, Style.BodySize,
            parts.Select(p => (OpenXmlElement)Run(p.Text, Style.BodySize, p.Bold, p.Italic)).ToArray()));
        return this;
    }

    /// <summary>"Điều 1." in bold, then the article's text.</summary>
    public OfficialDocumentBuilder Article(int number, string text) =>
        Paragraph(new TextPart($"Điều {number}.", Bold: true), new TextPart(" " + text.Trim()));

    /// <summary>
    /// The closing, a borderless two-column table: left "Nơi nhận:" and one recipient per line
    /// ("- ...;", the last ending with "."), right the signing block: authority and position in
    /// bold capitals, room for the signature and seal, the signer's name in bold.
    /// </summary>
    public OfficialDocumentBuilder Closing(IEnumerable<string> recipients, Signature signature)
    {
        var left = Twips(Style.TextWidthMm * Style.RecipientsShare);
        var right = TextWidthTwips - left;

        var list = new List<OpenXmlElement>
        {
            Line("Nơi nhận:", Style.RecipientsHeadingSize, new ParagraphFormat(),
                Style.RecipientsHeadingBold, Style.RecipientsHeadingItalic, Style.RecipientsHeadingUnderline),
        };
        list.AddRange(OfficialText.Recipients(Style, recipients).Select(line => Line(line, Style.RecipientsSize, new ParagraphFormat())));

        return SigningTable([left, right], [list, SigningBlock(signature)]);
    }

    /// <summary>
    /// Two signing blocks side by side in equal columns, with no recipients: the minutes, signed
    /// by the recorder (left) and the chair (right).
    /// </summary>
    public OfficialDocumentBuilder Signatures(Signature left, Signature right)
    {
        var half = TextWidthTwips / 2;
        return SigningTable([half, TextWidthTwips - half], [SigningBlock(left), SigningBlock(right)]);
    }

    /// <summary>Authority and position in bold capitals, room for the signature and seal, the signer's name in bold.</summary>
    private List<OpenXmlElement> SigningBlock(Signature signature)
    {
        var signing = new List<OpenXmlElement>();
        signing.AddRange(signature.Authority.Append(signature.Position)
            .Select(line => Line(line.ToUpper(VietnameseCulture), Style.SignatureSize, ParagraphFormat.Centred, bold: true)));
        signing.Add(Line(signature.FullName, Style.SignatureSize,
            ParagraphFormat.Centred with { Before = Style.SignatureSpaceMm / 25.4 * 72 }, bold: true));
        return signing;
    }

    private OfficialDocumentBuilder SigningTable(IReadOnlyList<int> widths, IReadOnlyList<List<OpenXmlElement>> cells)
    {
        // The signature never stands on a page of its own: the last paragraph goes with it.
        if (Current.LastOrDefault() is DocumentFormat.OpenXml.Wordprocessing.Paragraph { ParagraphProperties: { } last })
        {
            last.KeepNext = new KeepNext();
        }
        var table = WordElements.Table([.. widths], borders: false, cellMarginTwips: 0);
        table.Append(Row([.. cells.Select((content, i) => Cell(widths[i], content))], cantSplit: true));
        Current.Add(WordElements.Paragraph(new ParagraphFormat { After = 6, KeepNext = true }, Style.BodySize));
        Current.Add(table);
        return this;
    }

    /// <summary>
    /// Starts an annex on a new page: the label ("Phụ lục I") in bold, the title in bold
    /// capitals, "(Kèm theo ...)" in italics, then a short rule (State) or five hyphens (Party).
    /// </summary>
    public OfficialDocumentBuilder AnnexHeading(AnnexHeading annex)
    {
        _sections.Add([]);
        var format = ParagraphFormat.Centred with { KeepNext = true };
        if (annex.Label is { Length: > 0 } label)
        {
            Current.Add(Line(label, Style.BodySize, format, bold: true));
        }
        foreach (var line in annex.Title)
        {
            Current.Add(Line(line.ToUpper(VietnameseCulture), Style.BodySize, format, bold: true));
        }
        if (annex.AttachedTo is { Length: > 0 } attachedTo)
        {
            Current.Add(Line($"({attachedTo.Trim().TrimStart('(').TrimEnd(')')})", Style.BodySize, format, italic: true));
        }
        if (IsParty)
        {
            Current.Add(Line("-----", Style.BodySize, format with { After = 12 }));
        }
        else
        {
            Current.Add(Rule(Twips(30), TextWidthTwips, after: 12));
        }
        return this;
    }

    /// <summary>
    /// A bordered table: the heading row in bold, centred and repeated on each page; rows are
    /// not split across pages. Each row gives one text per column.
    /// </summary>
    public OfficialDocumentBuilder Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var widths = columns.Select(c => Twips(c.WidthMm)).ToList();
        var cellFormat = new ParagraphFormat { Before = 3, After = 3 };
        var table = WordElements.Table(widths, borders: true, cellMarginTwips: 85);
        table.Append(Row(columns.Select((c, i) => Cell(widths[i],
            [Line(c.Heading, Style.TableSize, cellFormat with { Align = JustificationValues.Center }, bold: true)],
            TableVerticalAlignmentValues.Center)), repeatAsHeader: true, cantSplit: true));
        foreach (var row in rows)
        {
            table.Append(Row(columns.Select((c, i) => Cell(widths[i],
                [Line(i < row.Count ? row[i] : "", Style.TableSize, cellFormat with { Align = Align(c.Alignment) })],
                TableVerticalAlignmentValues.Center)), cantSplit: true));
        }
        Current.Add(table);
        return this;
    }

    /// <summary>The DOCX as bytes.</summary>
    public byte[] ToDocx()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    /// <summary>Writes the DOCX to a stream that can seek (a file, a MemoryStream).</summary>
    public void Save(Stream output) =>
        WritePackage(output, Style, [.. _sections.Select(section => (IReadOnlyList<OpenXmlElement>)[.. section.Select(e => e.CloneNode(true))])]);

    private static readonly System.Globalization.CultureInfo VietnameseCulture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private ParagraphFormat BodyFormat => new()
    {
        Align = JustificationValues.Both,
        Before = Style.ParagraphSpacing,
        Line = Style.LineSpacing,
        FirstLineIndent = Twips(Style.FirstLineIndentMm),
    };

    /// <summary>
    /// The header's column widths: the rule's share for the left column, widened when a line of
    /// the issuer or the number would wrap, as long as the motto and the date still fit on the right.
    /// </summary>
    private (int Left, int Right) HeaderColumns(IssuingBody issuer, string numberLine, string dateLine)
    {
        const double paddingMm = 3;
        var leftNeeded = issuer.Superior.Select(line => TextWidth.Millimetres(line, Style.SuperiorBodySize, bold: false))
            .Concat(issuer.Name.Select(line => TextWidth.Millimetres(line, Style.IssuingBodySize, bold: true)))
            .Append(TextWidth.Millimetres(numberLine, Style.NumberSize, bold: false))
            .Max() + paddingMm;
        var rightNeeded = new[]
        {
            TextWidth.Millimetres(IsParty ? OfficialText.PartyTitle : OfficialText.Motto, Style.MottoSize, bold: true),
            TextWidth.Millimetres(dateLine, Style.DateSize, bold: false),
        }.Max() + paddingMm;
        var leftMm = Math.Max(Style.TextWidthMm * Style.HeaderLeftShare, Math.Min(leftNeeded, Style.TextWidthMm - rightNeeded));
        var left = Twips(leftMm);
        return (left, TextWidthTwips - left);
    }

    private static int RuleTwips(double points, double minimumMm = 0) =>
        Math.Max((int)Math.Round(points * TwipsPerPoint), Twips(minimumMm));

    private static JustificationValues Align(CellAlignment alignment) => alignment switch
    {
        CellAlignment.Center => JustificationValues.Center,
        CellAlignment.Right => JustificationValues.Right,
        _ => JustificationValues.Left,
    };
}
