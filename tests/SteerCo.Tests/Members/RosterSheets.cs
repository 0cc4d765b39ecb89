using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SteerCo.Access;
using SteerCo.Members;
using SteerCo.Tests.Documents.Files;
using SteerCo.Tests.Support;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace SteerCo.Tests.Members;

/// <summary>A cell holding a formula, with the text Excel last computed for it.</summary>
public sealed record Formula(string Expression, string Cached);

/// <summary>
/// Roster sheets as a clerk's Excel saves them, built with OpenXml: text in the shared string
/// table, numbers as numbers, formulas as formulas. The first row is the header unless said otherwise.
/// </summary>
public static class RosterSheets
{
    public static readonly object?[] Header = ["STT", "Họ và tên", "Chức vụ", "Cơ quan", "Chức danh trong Ban Chỉ đạo"];

    /// <summary>A workbook whose one sheet has these rows from row 1: strings, numbers (int, double), <see cref="Formula"/>s, or null for an empty cell.</summary>
    public static byte[] Workbook(params object?[][] rows)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var strings = new List<string>();
            var data = new S.SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new S.Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (Cell(rows[r][c], strings) is { } cell)
                    {
                        cell.CellReference = $"{(char)('A' + c)}{r + 1}";
                        row.Append(cell);
                    }
                }
                data.Append(row);
            }
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new S.Worksheet(data);
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new S.SharedStringTable(strings.Select(s => new S.SharedStringItem(new S.Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            workbook.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        }
        return memory.ToArray();
    }

    /// <summary>The header and these member rows: (name, job title, agency, post), numbered.</summary>
    public static byte[] Members(params (string Name, string Title, string Agency, string Post)[] members) =>
        Workbook([Header, .. members.Select((m, i) => new object?[] { i + 1, m.Name, m.Title, m.Agency, m.Post })]);

    /// <summary>A workbook whose workbook part lists no sheet.</summary>
    public static byte[] WithoutSheets()
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            document.AddWorkbookPart().Workbook = new S.Workbook(new S.Sheets());
        }
        return memory.ToArray();
    }

    /// <summary>A zip with a text file in it: not an Office package at all.</summary>
    public static byte[] PlainZip()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("danh-sach.txt").Open());
            writer.Write("Nguyễn Văn An, Trưởng ban");
        }
        return memory.ToArray();
    }

    /// <summary>The start of an OLE compound file, as an .xls or a password-protected .xlsx begins.</summary>
    public static byte[] Ole() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

    /// <summary>A roster workbook whose sheet part expands to <paramref name="expandedBytes"/> of blanks inside its sheet data.</summary>
    public static byte[] ZipBomb(long expandedBytes)
    {
        var xlsx = Members(("Nguyễn Văn An", "Chủ tịch", "UBND", "Trưởng ban"));
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).FullName;
        return TestFiles.Inflated(xlsx, sheet,
            """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""",
            "</sheetData></worksheet>", expandedBytes);
    }

    /// <summary>Imports the bytes into the draft as the system would for <paramref name="actor"/>, at the draft's current version unless given.</summary>
    public static async Task<Result<RosterImported>> ImportAsync(SteerCoApp app, int committeeId, int draftId, byte[] xlsx, bool createPeople = false, int? version = null, string fileName = "Danh sách.xlsx", Actor? actor = null)
    {
        await using var scope = app.ServiceScope(actor);
        version ??= (await scope.Get<Reconstitutions>().GetAsync(scope.Actor, committeeId, draftId)).Value?.Version;
        return await scope.Get<RosterImport>().ImportAsync(scope.Actor, committeeId, draftId, fileName, new MemoryStream(xlsx), version, createPeople);
    }

    /// <summary>The text of every cell of the first sheet, by reference ("B5"), shared strings resolved.</summary>
    public static Dictionary<string, string> Cells(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<S.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<S.Sheet>().First().Id!);
        return sheet.Worksheet.Descendants<S.Cell>().ToDictionary(
            c => c.CellReference!.Value!,
            c => c.DataType?.Value == S.CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
                : c.DataType?.Value == S.CellValues.InlineString ? c.InlineString!.InnerText
                : c.CellValue?.Text ?? "");
    }

    private static S.Cell? Cell(object? value, List<string> strings) => value switch
    {
        null => null,
        string text => new S.Cell { DataType = S.CellValues.SharedString, CellValue = new S.CellValue(Index(strings, text).ToString(CultureInfo.InvariantCulture)) },
        int number => new S.Cell { CellValue = new S.CellValue(number.ToString(CultureInfo.InvariantCulture)) },
        double number => new S.Cell { CellValue = new S.CellValue(number.ToString(CultureInfo.InvariantCulture)) },
        Formula formula => new S.Cell { DataType = S.CellValues.String, CellFormula = new S.CellFormula(formula.Expression), CellValue = new S.CellValue(formula.Cached) },
        _ => throw new ArgumentException($"No cell for {value.GetType().Name}."),
    };

    private static int Index(List<string> strings, string text)
    {
        var index = strings.IndexOf(text);
        if (index < 0)
        {
            strings.Add(text);
            index = strings.Count - 1;
        }
        return index;
    }
}
