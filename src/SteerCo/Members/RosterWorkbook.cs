using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using SteerCo.Documents.Files;
using SteerCo.Office;
using SteerCo.Resources;
using SteerCo.Text;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace SteerCo.Members;

/// <summary>One member row of a roster sheet as typed. Null: the cell could not be read (its error is reported); "": empty.</summary>
public sealed record RosterSheetRow(int Row, string? FullName, string? JobTitle, string? Agency, string? Post);

/// <summary>
/// What is wrong with a roster sheet: a row and a column (its caption) when the problem is in a
/// cell, a row alone when it is the row's, neither when it is the file's.
/// </summary>
public sealed record RosterSheetError(int? Row, string? Column, string Message)
{
    /// <summary>"Dòng 7, cột Cơ quan: ...", "Dòng 7: ...", or the message alone.</summary>
    public override string ToString() => (Row, Column) switch
    {
        ({ } row, { } column) => Messages.Get("CellError", row, column, Message),
        ({ } row, null) => Messages.Get("LineError", row, Message),
        _ => Message,
    };
}

/// <summary>The member rows of a roster sheet, or why it could not be read.</summary>
public sealed record RosterSheet(IReadOnlyList<RosterSheetRow> Rows, IReadOnlyList<RosterSheetError> Errors);

/// <summary>
/// A committee's roster as an XLSX table (STT, Họ và tên, Chức vụ, Cơ quan, Chức danh trong Ban
/// Chỉ đạo) and back. The sheet is an official table, so its captions are Vietnamese whatever the
/// UI language; the reader finds them by their folded text wherever the header row is, so a
/// clerk's own sheet with the same captions reads as well as the exported one.
/// </summary>
public static class RosterWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The largest roster file accepted: a roster of 2,000 rows is about 100 KB.</summary>
    public const long MaxUploadBytes = 5L * 1024 * 1024;

    /// <summary>Member rows read at most; past them the sheet is refused.</summary>
    public const int MaxRows = 2_000;

    public const string NumberCaption = "STT";
    public const string FullNameCaption = "Họ và tên";
    public const string JobTitleCaption = "Chức vụ";
    public const string AgencyCaption = "Cơ quan";
    public const string PostCaption = "Chức danh trong Ban Chỉ đạo";

    private const string SheetName = "Danh sách";

    /// <summary>STT, name, job title, agency, post: in characters, as Excel counts a column's width.</summary>
    private static readonly double[] ColumnWidths = [6, 26, 42, 40, 30];
    private const int HeaderRow = 4;

    /// <summary>Rows searched for the header: title rows above it are common, pages of them are not.</summary>
    private const int HeaderSearchRows = 50;

    /// <summary>
    /// Far more than a sheet of <see cref="MaxRows"/> rows needs, far less than what would exhaust
    /// the server: the zip's declared sizes are checked against these before any part is read.
    /// </summary>
    private static readonly FileStoreOptions Limits = new()
    {
        MaxZipEntries = 1_000,
        MaxZipEntryBytes = 32L * 1024 * 1024,
        MaxZipTotalBytes = 64L * 1024 * 1024,
    };

    private enum Column
    {
        FullName,
        JobTitle,
        Agency,
        Post,
    }

    /// <summary>The captions each column is known by, folded: the export's first, then those clerks also write.</summary>
    private static readonly (Column Column, string Caption, string[] Folded)[] Captions =
    [
        (Column.FullName, FullNameCaption, ["ho va ten", "ho ten"]),
        (Column.JobTitle, JobTitleCaption, ["chuc vu"]),
        (Column.Agency, AgencyCaption, ["co quan", "co quan, don vi", "don vi", "don vi cong tac", "co quan cong tac"]),
        (Column.Post, PostCaption, ["chuc danh trong ban chi dao", "chuc danh trong bcd", "chuc danh"]),
    ];

    public static string FileName(Roster roster) => $"Danh sách thành viên {roster.On.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>
    /// The roster as a clerk would print it: the committee and the day on top, the table with a bold
    /// bordered header that stays in view (and repeats on every printed page), in Times New Roman.
    /// </summary>
    public static byte[] Write(Roster roster)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheet = workbook.AddNewPart<WorksheetPart>();

            var title = roster.CommitteeName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));
            string[] captions = [NumberCaption, FullNameCaption, JobTitleCaption, AgencyCaption, PostCaption];
            var data = new S.SheetData(
                new S.Row(TextCell("A1", title, Style.Title)) { RowIndex = 1, Height = Height([(title, ColumnWidths.Sum())], 14, bold: true), CustomHeight = true },
                new S.Row(TextCell("A2", $"Danh sách thành viên tính đến ngày {roster.On.ToShort()}", Style.Subtitle)) { RowIndex = 2 },
                new S.Row(captions.Select((caption, i) => TextCell($"{(char)('A' + i)}{HeaderRow}", caption, Style.Header)))
                { RowIndex = HeaderRow, Height = Height([.. captions.Select((c, i) => (c, ColumnWidths[i]))], 12, bold: true), CustomHeight = true });
            var number = 0;
            foreach (var m in roster.Members)
            {
                number++;
                var row = (uint)(HeaderRow + number);
                string[] texts = [m.FullName, m.JobTitle, m.AgencyName, m.PostName];
                data.Append(new S.Row(
                    [
                        new S.Cell { CellReference = $"A{row}", CellValue = new S.CellValue(number.ToString(CultureInfo.InvariantCulture)), StyleIndex = (uint)Style.Number },
                        .. texts.Select((text, i) => TextCell($"{(char)('B' + i)}{row}", text, Style.Text)),
                    ])
                { RowIndex = row, Height = Height([.. texts.Select((t, i) => (t, ColumnWidths[i + 1]))], 12, bold: false), CustomHeight = true });
            }

            sheet.Worksheet = new S.Worksheet(
                new S.SheetProperties(new S.PageSetupProperties { FitToPage = true }),
                new S.SheetViews(new S.SheetView(
                    new S.Pane { VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = S.PaneValues.BottomLeft, State = S.PaneStateValues.Frozen },
                    new S.Selection { Pane = S.PaneValues.BottomLeft, ActiveCell = $"A{HeaderRow + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{HeaderRow + 1}" } })
                { WorkbookViewId = 0, TabSelected = true }),
                new S.Columns(ColumnWidths.Select((width, i) => new S.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true })),
                data,
                new S.MergeCells(new S.MergeCell { Reference = "A1:E1" }, new S.MergeCell { Reference = "A2:E2" }),
                new S.PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                new S.PageSetup { PaperSize = 9, Orientation = S.OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
            workbook.Workbook.Append(
                new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = SheetName }),
                new S.DefinedNames(new S.DefinedName($"'{SheetName}'!${HeaderRow}:${HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }
        return memory.ToArray();
    }

    /// <summary>
    /// The member rows of the first sheet that has the roster's header row: from the row below it
    /// to the first blank row. The file is checked for what it is before it is opened (an old or
    /// password-protected Excel file, another kind of file, a zip bomb), and whatever else goes
    /// wrong reading it becomes an error, never an exception.
    /// </summary>
    public static RosterSheet Read(Stream content, string fileName)
    {
        using var copy = content.CanSeek ? null : new MemoryStream();
        if (copy is not null)
        {
            content.CopyTo(copy);
        }
        var memory = copy ?? content;
        if (memory.Length == 0)
        {
            return Refused(Messages.Get("FileEmpty", fileName));
        }
        if (Unreadable(memory, fileName) is { } refusal)
        {
            return Refused(refusal);
        }
        try
        {
            memory.Position = 0;
            using var document = SpreadsheetDocument.Open(memory, false, new OpenSettings { MaxCharactersInPart = Limits.MaxZipEntryBytes });
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook?.Sheets?.Elements<S.Sheet>()
                .Select(s => workbook.Parts.Where(p => p.RelationshipId == s.Id?.Value).Select(p => p.OpenXmlPart).OfType<WorksheetPart>().FirstOrDefault())
                .OfType<WorksheetPart>().ToList() ?? [];
            if (sheets.Count == 0)
            {
                return Refused(Messages.Get("ImportNoSheet", fileName));
            }
            var strings = SharedStrings(workbook!);
            foreach (var sheet in sheets)
            {
                if (ReadSheet(sheet, strings) is { } found)
                {
                    return found;
                }
            }
            return Refused(Messages.Get("ImportNoHeader", fileName, string.Join(", ", Captions.Select(c => c.Caption))));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The SDK throws many kinds of exception at a damaged package (packaging, XML, format,
            // argument, invalid operation): for the clerk they all mean the same thing.
            return Refused(Messages.Get("ImportFileBroken", fileName));
        }
    }

    /// <summary>Why the bytes are not a workbook to open, from what they are; null when they are one.</summary>
    private static string? Unreadable(Stream memory, string fileName)
    {
        memory.Position = 0;
        var head = new byte[8];
        var bytes = head.AsSpan(0, memory.ReadAtLeast(head, head.Length, throwOnEndOfStream: false));
        // An OLE compound file: Excel 97–2003 (.xls), or an encrypted (password-protected) .xlsx.
        if (bytes.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return Messages.Get("ImportFileOle", fileName);
        }
        var sniffed = FileSniffer.Sniff(memory, Limits);
        if (sniffed.Outcome == SniffOutcome.SuspiciousArchive)
        {
            return Messages.Get("FileArchiveSuspicious", fileName);
        }
        if (sniffed.Kind != FileKind.Xlsx)
        {
            return sniffed.Kind is { } other ? Messages.Get("ImportFileOtherKind", fileName, other.Name)
                : bytes.StartsWith("PK\x03\x04"u8) ? Messages.Get("ImportFileZipNotWorkbook", fileName)
                : Messages.Get("ImportFileNotXlsx", fileName);
        }
        // The content is a workbook; a name that says otherwise is refused, as the register refuses it.
        if (Path.GetExtension(fileName) is { Length: > 0 } extension && !FileKind.Xlsx.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return Messages.Get("ImportFileNameNotXlsx", fileName);
        }
        return null;
    }

    /// <summary>The sheet's member rows if it has the header row; null if it has none.</summary>
    private static RosterSheet? ReadSheet(WorksheetPart sheet, IReadOnlyList<string> strings)
    {
        Dictionary<Column, string>? columns = null;
        var header = 0;
        var seen = 0;
        var previous = 0;
        var rows = new List<RosterSheetRow>();
        var errors = new List<RosterSheetError>();
        foreach (var row in Rows(sheet))
        {
            var index = row.RowIndex?.Value is { } r ? (int)r : previous + 1;
            if (columns is null)
            {
                if (++seen > HeaderSearchRows)
                {
                    return null;
                }
                columns = HeaderColumns(row, strings);
                header = index;
                previous = index;
                continue;
            }
            // A row missing from the file is a blank row: the list ends there.
            if (index != previous + 1)
            {
                break;
            }
            previous = index;
            var cells = Cells(row);
            var values = new Dictionary<Column, string?>();
            foreach (var (column, reference) in columns)
            {
                var (text, problem) = cells.TryGetValue(reference, out var cell) ? Read(cell, strings) : ("", null);
                values[column] = problem is null ? text : null;
                if (problem is not null)
                {
                    errors.Add(new(index, Captions.Single(c => c.Column == column).Caption, problem));
                }
            }
            if (values.Values.All(v => v == ""))
            {
                break;
            }
            if (rows.Count == MaxRows)
            {
                return new([], [new(null, null, Messages.Get("ImportTooManyRows", MaxRows))]);
            }
            rows.Add(new(index, values[Column.FullName], values.GetValueOrDefault(Column.JobTitle, ""), values[Column.Agency], values[Column.Post]));
        }
        if (columns is null)
        {
            return null;
        }
        if (rows.Count == 0)
        {
            errors.Add(new(null, null, Messages.Get("ImportNoRows", header)));
        }
        return new(rows, errors);
    }

    /// <summary>The column letters of each caption when the row is the header (it names at least the name, agency and post); null otherwise.</summary>
    private static Dictionary<Column, string>? HeaderColumns(S.Row row, IReadOnlyList<string> strings)
    {
        var found = new Dictionary<Column, string>();
        foreach (var (reference, cell) in Cells(row))
        {
            var (text, problem) = Read(cell, strings);
            var folded = VietnameseText.Fold(text).TrimEnd(':', '.', '*', ' ');
            if (problem is null && Captions.FirstOrDefault(c => c.Folded.Contains(folded)) is { Caption: not null } caption)
            {
                found.TryAdd(caption.Column, reference);
            }
        }
        return found.ContainsKey(Column.FullName) && found.ContainsKey(Column.Agency) && found.ContainsKey(Column.Post) ? found : null;
    }

    /// <summary>The rows of a sheet one at a time, never the whole sheet as a tree.</summary>
    private static IEnumerable<S.Row> Rows(WorksheetPart sheet)
    {
        using var reader = OpenXmlReader.Create(sheet);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(S.Row))
            {
                // LoadCurrentElement moves past the row: reading again would skip the next one.
                yield return (S.Row)reader.LoadCurrentElement()!;
            }
            else
            {
                reader.Read();
            }
        }
    }

    /// <summary>A row's cells by their column letters; a cell without a reference follows the one before it.</summary>
    private static Dictionary<string, S.Cell> Cells(S.Row row)
    {
        var cells = new Dictionary<string, S.Cell>(StringComparer.OrdinalIgnoreCase);
        var column = 0;
        foreach (var cell in row.Elements<S.Cell>())
        {
            column = cell.CellReference?.Value is { } reference && ColumnNumber(reference) is > 0 and var n ? n : column + 1;
            cells.TryAdd(ColumnLetters(column), cell);
        }
        return cells;
    }

    /// <summary>The text a cell shows, or why it is not text: a formula, a number, a date, a truth value, an error.</summary>
    private static (string Text, string? Problem) Read(S.Cell cell, IReadOnlyList<string> strings)
    {
        if (cell.CellFormula is not null)
        {
            return ("", Messages.Get("ImportCellFormula"));
        }
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == S.CellValues.InlineString)
        {
            return (VietnameseText.Clean(cell.InlineString is { } inline ? TextOf(inline) : raw), null);
        }
        if (type == S.CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count
                ? (strings[i], null)
                : ("", Messages.Get("ImportCellBroken"));
        }
        if (type == S.CellValues.String)
        {
            return (VietnameseText.Clean(raw), null);
        }
        if (raw.Length == 0)
        {
            return ("", null);
        }
        return ("", Messages.Get("ImportCellNotText", raw));
    }

    /// <summary>A shared string or inline string's text: its runs joined, without phonetic hints.</summary>
    private static string TextOf(OpenXmlElement item) =>
        string.Concat(item.Descendants<S.Text>().Where(t => t.Parent is not S.PhoneticRun).Select(t => t.Text));

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }
        using var reader = OpenXmlReader.Create(part);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.IsStartElement && reader.ElementType == typeof(S.SharedStringItem))
            {
                strings.Add(VietnameseText.Clean(TextOf(reader.LoadCurrentElement()!)));
            }
            else
            {
                reader.Read();
            }
        }
        return strings;
    }

    /// <summary>"AB12" → 28; 0 when the reference starts with no letters.</summary>
    private static int ColumnNumber(string reference)
    {
        var number = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }
            number = (number * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
            if (number > 16_384)
            {
                return 0;
            }
        }
        return number;
    }

    private static string ColumnLetters(int number)
    {
        var letters = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            letters = (char)('A' + ((number - 1) % 26)) + letters;
        }
        return letters;
    }

    private static RosterSheet Refused(string message) => new([], [new(null, null, message)]);

    private enum Style : uint
    {
        Default = 0,
        Title = 1,
        Subtitle = 2,
        Header = 3,
        Text = 4,
        Number = 5,
    }

    private static S.Cell TextCell(string reference, string text, Style style) => new()
    {
        CellReference = reference,
        DataType = S.CellValues.InlineString,
        InlineString = new S.InlineString(new S.Text(VietnameseText.Writable(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = (uint)style,
    };

    /// <summary>
    /// A row tall enough for its longest cell wrapped at its column's width. Set, not left to the
    /// program: LibreOffice does not fit rows when it opens (or converts) a sheet. A width of w
    /// characters of 12-point Times New Roman is about 6w points, less the cell's padding.
    /// </summary>
    private static double Height(IReadOnlyList<(string Text, double Width)> cells, double size, bool bold)
    {
        var lines = cells.Max(c => Lines(c.Text, (c.Width * 6) - 6, size, bold));
        return Math.Round(lines * size * 1.3125, 2);
    }

    /// <summary>How many lines the text takes when wrapped at word breaks to <paramref name="capacity"/> points.</summary>
    private static int Lines(string text, double capacity, double size, bool bold)
    {
        var space = TextWidth.Points(" ", size, bold);
        var lines = 1;
        var line = 0.0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var width = TextWidth.Points(word, size, bold);
            if (line > 0 && line + space + width > capacity)
            {
                lines++;
                line = width;
            }
            else
            {
                line += (line > 0 ? space : 0) + width;
            }
            // A word longer than the line is broken where the line ends.
            for (; line > capacity; line -= capacity)
            {
                lines++;
            }
        }
        return lines;
    }

    /// <summary>The cell formats <see cref="Style"/> names, in its order; fonts: regular, bold, title, italic.</summary>
    private static S.Stylesheet Styles()
    {
        var font = OfficialStyle.State.FontName;
        S.Font Font(double size, bool bold = false, bool italic = false)
        {
            var f = new S.Font();
            if (bold)
            {
                f.Append(new S.Bold());
            }
            if (italic)
            {
                f.Append(new S.Italic());
            }
            f.Append(new S.FontSize { Val = size }, new S.FontName { Val = font }, new S.FontFamilyNumbering { Val = 1 });
            return f;
        }
        S.Border Border(bool thin)
        {
            T Edge<T>() where T : S.BorderPropertiesType, new() =>
                thin ? new T { Style = S.BorderStyleValues.Thin, Color = new S.Color { Indexed = 64 } } : new T();
            return new S.Border(Edge<S.LeftBorder>(), Edge<S.RightBorder>(), Edge<S.TopBorder>(), Edge<S.BottomBorder>(), new S.DiagonalBorder());
        }
        S.CellFormat Format(uint fontId, uint borderId, S.HorizontalAlignmentValues? horizontal, bool wrap = false)
        {
            var alignment = new S.Alignment { Vertical = S.VerticalAlignmentValues.Center, WrapText = wrap };
            if (horizontal is { } h)
            {
                alignment.Horizontal = h;
            }
            return new(alignment) { FontId = fontId, FillId = 0, BorderId = borderId, FormatId = 0, ApplyFont = true, ApplyBorder = borderId > 0, ApplyAlignment = true };
        }

        return new S.Stylesheet(
            new S.Fonts(Font(12), Font(12, bold: true), Font(14, bold: true), Font(13, bold: true, italic: true)) { Count = 4 },
            new S.Fills(new S.Fill(new S.PatternFill { PatternType = S.PatternValues.None }), new S.Fill(new S.PatternFill { PatternType = S.PatternValues.Gray125 })) { Count = 2 },
            new S.Borders(Border(false), Border(true)) { Count = 2 },
            new S.CellStyleFormats(new S.CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new S.CellFormats(
                new S.CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                Format(2, 0, S.HorizontalAlignmentValues.Center, wrap: true),
                Format(3, 0, S.HorizontalAlignmentValues.Center),
                Format(1, 1, S.HorizontalAlignmentValues.Center, wrap: true),
                Format(0, 1, null, wrap: true),
                Format(0, 1, S.HorizontalAlignmentValues.Center))
            { Count = 6 },
            new S.CellStyles(new S.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
