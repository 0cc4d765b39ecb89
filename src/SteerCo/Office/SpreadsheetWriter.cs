using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SteerCo.Text;

namespace SteerCo.Office;

/// <summary>A cell to write: text, a number, or nothing; bold for headings.</summary>
public readonly record struct SheetCell(string? Text, decimal? Number = null, bool Bold = false)
{
    public static implicit operator SheetCell(string? text) => new(text);

    public static SheetCell Of(decimal? number) => new(null, number);

    public static SheetCell Heading(string text) => new(text, null, true);
}

/// <summary>A worksheet: its name, column widths (in characters) and rows from A1.</summary>
public sealed record SheetContent(string Name, IReadOnlyList<double> Widths, IReadOnlyList<IReadOnlyList<SheetCell>> Rows);

/// <summary>
/// Writes XLSX workbooks with OpenXml: Times New Roman named in the styles (LibreOffice and Excel
/// then show Vietnamese letters the same), text as inline strings, numbers as numbers with a
/// thousands format, headings bold with wrapping.
/// </summary>
public static class SpreadsheetWriter
{
    public const string FontName = "Times New Roman";

    private const uint Plain = 0;
    private const uint Bold = 1;
    private const uint NumberStyle = 2;

    public static byte[] ToXlsx(IReadOnlyList<SheetContent> sheets)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var columns = new Columns(sheet.Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
                var data = new SheetData();
                for (var r = 0; r < sheet.Rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)r + 1 };
                    for (var c = 0; c < sheet.Rows[r].Count; c++)
                    {
                        var cell = sheet.Rows[r][c];
                        var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                        if (cell.Number is { } number)
                        {
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number, StyleIndex = NumberStyle });
                        }
                        else if (cell.Text is { Length: > 0 } text)
                        {
                            row.Append(new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(VietnameseText.Writable(text)) { Space = SpaceProcessingModeValues.Preserve }))
                            {
                                CellReference = reference,
                                DataType = CellValues.InlineString,
                                StyleIndex = cell.Bold ? Bold : Plain,
                            });
                        }
                    }
                    data.Append(row);
                }
                part.Worksheet = new Worksheet(columns, data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
            }
            workbook.Workbook.Save();
        }
        return output.ToArray();
    }

    /// <summary>"A" for 0, "Z" for 25, "AA" for 26.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.####" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 12 }, new FontName { Val = FontName }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = FontName }))
        { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, ApplyAlignment = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } },
            new CellFormat { FontId = 1, ApplyFont = true, ApplyAlignment = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } },
            new CellFormat { FontId = 0, NumberFormatId = 164, ApplyNumberFormat = true })
        { Count = 3 });
}
