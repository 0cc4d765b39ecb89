using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SteerCo.Tests.Office;

/// <summary>A generated DOCX opened with OpenXml, read the way the layout rules speak: lines, sizes, bold.</summary>
internal sealed class Docx : IDisposable
{
    private readonly WordprocessingDocument _document;

    private Docx(byte[] bytes) => _document = WordprocessingDocument.Open(new MemoryStream(bytes), false);

    public static Docx Open(byte[] bytes) => new(bytes);

    public MainDocumentPart Main => _document.MainDocumentPart!;

    public Body Body => Main.Document.Body!;

    public IReadOnlyList<SectionProperties> Sections => [.. Body.Descendants<SectionProperties>()];

    public RunPropertiesBaseStyle Defaults =>
        Main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;

    public IEnumerable<Paragraph> Paragraphs => Body.Descendants<Paragraph>().Where(p => Text(p).Length > 0);

    /// <summary>The one paragraph whose text is <paramref name="text"/>.</summary>
    public Paragraph Line(string text) => Paragraphs.Single(p => Text(p) == text);

    /// <summary>The paragraphs whose text starts with <paramref name="start"/>.</summary>
    public IReadOnlyList<Paragraph> LinesStartingWith(string start) => [.. Paragraphs.Where(p => Text(p).StartsWith(start, StringComparison.Ordinal))];

    public static string Text(Paragraph paragraph) => string.Concat(paragraph.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));

    public static IReadOnlyList<Run> Runs(Paragraph paragraph) => [.. paragraph.Descendants<Run>().Where(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Any())];

    /// <summary>The size in points of every run of the paragraph, when they agree.</summary>
    public double Size(Paragraph paragraph) => Runs(paragraph).Select(Size).Distinct().Single();

    public double Size(Run run) =>
        double.Parse(run.RunProperties?.FontSize?.Val?.Value ?? Defaults.FontSize!.Val!.Value!, CultureInfo.InvariantCulture) / 2;

    public static bool Bold(Paragraph paragraph) => Runs(paragraph).All(r => r.RunProperties?.Bold is not null);

    public static bool NotBold(Paragraph paragraph) => Runs(paragraph).All(r => r.RunProperties?.Bold is null);

    public static bool Italic(Paragraph paragraph) => Runs(paragraph).All(r => r.RunProperties?.Italic is not null);

    public static bool Underlined(Paragraph paragraph) => Runs(paragraph).All(r => r.RunProperties?.Underline?.Val?.Value == UnderlineValues.Single);

    public static JustificationValues? Alignment(Paragraph paragraph) => paragraph.ParagraphProperties?.Justification?.Val?.Value;

    /// <summary>The table cell the paragraph sits in, and the column it is in (0 for the first).</summary>
    public static int Column(Paragraph paragraph)
    {
        var cell = paragraph.Ancestors<TableCell>().First();
        return cell.Parent!.Elements<TableCell>().ToList().IndexOf(cell);
    }

    /// <summary>The paragraph after <paramref name="paragraph"/> in its container.</summary>
    public static Paragraph Next(Paragraph paragraph) => paragraph.ElementsAfter().OfType<Paragraph>().First();

    /// <summary>A4, with margins inside Decree 30's ranges: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.</summary>
    public static void ShouldBeA4WithTheRuleMargins(SectionProperties section)
    {
        var size = section.GetFirstChild<PageSize>()!;
        Mm((int)size.Width!.Value).ShouldBe(210, 0.1);
        Mm((int)size.Height!.Value).ShouldBe(297, 0.1);
        var margin = section.GetFirstChild<PageMargin>()!;
        Mm(margin.Top!.Value).ShouldBeInRange(19.9, 25.1);
        Mm(margin.Bottom!.Value).ShouldBeInRange(19.9, 25.1);
        Mm((int)margin.Left!.Value).ShouldBeInRange(29.9, 35.1);
        Mm((int)margin.Right!.Value).ShouldBeInRange(14.9, 20.1);
    }

    public static double Mm(int twips) => twips * 25.4 / 1440;

    public static double Mm(string? twips) => Mm(int.Parse(twips ?? "0", CultureInfo.InvariantCulture));

    public void Dispose() => _document.Dispose();
}
