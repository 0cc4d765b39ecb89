using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SteerCo.Access;
using SteerCo.Office;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Reporting;

/// <summary>What an uploaded workbook holds for the draft, or every cell that is wrong.</summary>
public sealed record WorkbookContent(IReadOnlyDictionary<int, ParsedValue> Values, IReadOnlyDictionary<int, string> Narratives, IReadOnlyList<Problem> Problems);

/// <summary>
/// A submission as a spreadsheet to fill offline: sheet "Báo cáo" holds one indicator a row (code in
/// column A, the figure in column E from row 7), sheet "Nội dung" the narrative sections (text in
/// column C). Read back cell by cell: any wrong cell refuses the whole file, each named by its cell.
/// </summary>
public static class SubmissionWorkbook
{
    public const string ValuesSheet = "Báo cáo";
    public const string NarrativeSheet = "Nội dung";
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int FirstRow = 7;

    /// <summary>Uncompressed, all parts together: a small file that unpacks to gigabytes is refused before it is read.</summary>
    private const long MaxUnpackedBytes = 50 * 1024 * 1024;

    private const int MaxParts = 200;
    private const int MaxRows = 2000;

    private static readonly Dictionary<IndicatorType, string> TypeNames = new()
    {
        [IndicatorType.Number] = "Số",
        [IndicatorType.Count] = "Số nguyên (đếm)",
        [IndicatorType.Percentage] = "Tỷ lệ (%)",
        [IndicatorType.Text] = "Chữ",
        [IndicatorType.YesNo] = "Có/Không",
    };

    public static string FileName(SubmissionView submission) =>
        $"bao-cao-{submission.Id}-{VietnameseText.Fold(submission.PeriodText).Replace(' ', '-').Replace('/', '-')}.xlsx";

    public static byte[] Write(SubmissionView submission)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            new SheetCell[] { SheetCell.Heading(submission.RequestTitle) },
            new SheetCell[] { "Đơn vị báo cáo:", submission.ReporterName },
            new SheetCell[] { "Kỳ báo cáo:", submission.PeriodText },
            new SheetCell[] { "Mã báo cáo:", SheetCell.Of(submission.Id) },
            new SheetCell[] { "Nhập số liệu vào cột E; chỉ tiêu tự tính và các cột khác không cần sửa. Không dùng công thức." },
            new SheetCell[] { SheetCell.Heading("Mã"), SheetCell.Heading("Chỉ tiêu"), SheetCell.Heading("Đơn vị tính"), SheetCell.Heading("Loại"), SheetCell.Heading("Số liệu") },
        };
        foreach (var field in submission.Fields)
        {
            SheetCell value = field.Type switch
            {
                IndicatorType.Text => field.Text,
                IndicatorType.YesNo => field.Number is null ? "" : field.Display,
                _ => SheetCell.Of(field.Number),
            };
            rows.Add([field.Code, field.Name, field.Unit, field.Formula is null ? TypeNames[field.Type] : $"Tự tính: {field.Formula}", value]);
        }
        var narrative = new List<IReadOnlyList<SheetCell>> { new SheetCell[] { SheetCell.Heading("STT"), SheetCell.Heading("Phần"), SheetCell.Heading("Nội dung") } };
        narrative.AddRange(submission.Narratives.Select((n, i) => (IReadOnlyList<SheetCell>)[SheetCell.Of(i + 1), n.Title, n.Text]));
        return SpreadsheetWriter.ToXlsx([new(ValuesSheet, [12, 60, 14, 16, 20], rows), new(NarrativeSheet, [6, 40, 100], narrative)]);
    }

    public static WorkbookContent Read(Stream file, SubmissionView submission)
    {
        var problems = new List<Problem>();
        using var copy = new MemoryStream();
        if (!CopyLimited(file, copy))
        {
            return Refused(Messages.Get("FileTooLarge", MaxBytes / (1024 * 1024)));
        }
        copy.Position = 0;
        if (CheckPackage(copy) is { } refusal)
        {
            return Refused(refusal);
        }
        copy.Position = 0;
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(copy, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or ArgumentException)
        {
            return Refused(Messages.Get("WorkbookNotXlsx"));
        }
        using (document)
        {
            var workbook = document.WorkbookPart;
            var values = new Dictionary<int, ParsedValue>();
            var narratives = new Dictionary<int, string>();
            try
            {
                var sheet = Sheet(workbook, ValuesSheet);
                if (sheet is null)
                {
                    return Refused(Messages.Get("WorkbookMissingSheet", ValuesSheet));
                }
                var strings = workbook!.SharedStringTablePart?.SharedStringTable;
                var cells = Cells(sheet, strings);
                if (cells.Count > MaxRows * 10)
                {
                    return Refused(Messages.Get("WorkbookTooManyRows", MaxRows));
                }
                if (!cells.TryGetValue("B4", out var idCell) || ReadNumber(idCell) != submission.Id)
                {
                    return Refused(Messages.Get("WorkbookOtherSubmission", submission.Id));
                }
                ReadValues(cells, submission, values, problems);
                if (Sheet(workbook, NarrativeSheet) is { } narrativeSheet)
                {
                    ReadNarratives(Cells(narrativeSheet, strings), submission, narratives, problems);
                }
            }
            catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
            {
                return Refused(Messages.Get("WorkbookNotXlsx"));
            }
            return new(values, narratives, problems);
        }
    }

    private static void ReadValues(Dictionary<string, CellContent> cells, SubmissionView submission, Dictionary<int, ParsedValue> values, List<Problem> problems)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var row = FirstRow; row < FirstRow + MaxRows; row++)
        {
            var at = row.ToString(CultureInfo.InvariantCulture);
            var code = cells.TryGetValue("A" + at, out var codeCell) ? codeCell.Text.Trim() : "";
            cells.TryGetValue("E" + at, out var valueCell);
            if (code.Length == 0)
            {
                if (valueCell is { Text.Length: > 0 })
                {
                    problems.Add(new("E" + at, Messages.Get("WorkbookCell", "E" + at, Messages.Get("WorkbookValueWithoutCode"))));
                }
                continue;
            }
            var field = submission.Fields.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                problems.Add(new("A" + at, Messages.Get("WorkbookCell", "A" + at, Messages.Get("IndicatorNotFound", code))));
                continue;
            }
            if (!seen.Add(field.Code))
            {
                problems.Add(new("A" + at, Messages.Get("WorkbookCell", "A" + at, Messages.Get("IndicatorCodeTwice", code))));
                continue;
            }
            if (field.Formula is not null)
            {
                continue;
            }
            var reference = "E" + at;
            var name = $"{field.Code} {field.Name}";
            if (valueCell is { HasFormula: true })
            {
                problems.Add(new(reference, Messages.Get("WorkbookCell", reference, Messages.Get("WorkbookFormula", name))));
                continue;
            }
            var value = valueCell is null ? default
                : valueCell.IsNumber && decimal.TryParse(valueCell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? IndicatorValues.Check(name, field.Type, number)
                : valueCell.IsBoolean ? IndicatorValues.Parse(name, field.Type, valueCell.Text == "1" ? "Có" : "Không")
                : IndicatorValues.Parse(name, field.Type, valueCell.Text);
            if (value.Error is { } error)
            {
                problems.Add(new(reference, Messages.Get("WorkbookCell", reference, error)));
                continue;
            }
            values[field.IndicatorId] = value;
        }
    }

    private static void ReadNarratives(Dictionary<string, CellContent> cells, SubmissionView submission, Dictionary<int, string> narratives, List<Problem> problems)
    {
        for (var i = 0; i < submission.Narratives.Count; i++)
        {
            var reference = "C" + (i + 2).ToString(CultureInfo.InvariantCulture);
            if (!cells.TryGetValue(reference, out var cell))
            {
                narratives[submission.Narratives[i].SectionId] = "";
                continue;
            }
            if (cell.HasFormula)
            {
                problems.Add(new(reference, Messages.Get("WorkbookCell", reference, Messages.Get("WorkbookFormula", submission.Narratives[i].Title))));
                continue;
            }
            var text = VietnameseText.Clean(cell.Text);
            if (text.Length > 20000)
            {
                problems.Add(new(reference, Messages.Get("WorkbookCell", reference, Messages.Get("ValueTextTooLong", submission.Narratives[i].Title, 20000))));
                continue;
            }
            narratives[submission.Narratives[i].SectionId] = text;
        }
    }

    private sealed record CellContent(string Text, bool IsNumber, bool IsBoolean, bool HasFormula);

    private static Dictionary<string, CellContent> Cells(WorksheetPart sheet, SharedStringTable? strings)
    {
        var cells = new Dictionary<string, CellContent>(StringComparer.OrdinalIgnoreCase);
        foreach (var cell in sheet.Worksheet.Descendants<Cell>())
        {
            if (cell.CellReference?.Value is not { } reference || cells.Count > MaxRows * 10)
            {
                continue;
            }
            var type = cell.DataType?.Value;
            var raw = cell.CellValue?.Text ?? "";
            var text = type == CellValues.SharedString
                ? int.TryParse(raw, CultureInfo.InvariantCulture, out var index) && strings?.Elements<SharedStringItem>().ElementAtOrDefault(index) is { } item ? item.InnerText : ""
                : type == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                : raw;
            var isNumber = type is null || type == CellValues.Number;
            cells[reference] = new(text, isNumber && text.Length > 0, type == CellValues.Boolean, cell.CellFormula is not null);
        }
        return cells;
    }

    private static decimal? ReadNumber(CellContent cell) =>
        decimal.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static WorksheetPart? Sheet(WorkbookPart? workbook, string name)
    {
        var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return sheet?.Id?.Value is { } id && workbook!.GetPartById(id) is WorksheetPart part ? part : null;
    }

    /// <summary>A zip of a sane size with a workbook in it and no macros; null when it may be opened.</summary>
    private static string? CheckPackage(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxParts || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return Messages.Get("WorkbookTooLargeUnpacked");
            }
            if (zip.Entries.Any(e => e.FullName.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
            {
                return Messages.Get("WorkbookMacros");
            }
            return zip.GetEntry("xl/workbook.xml") is null ? Messages.Get("WorkbookNotXlsx") : null;
        }
        catch (InvalidDataException)
        {
            return Messages.Get("WorkbookNotXlsx");
        }
    }

    private static bool CopyLimited(Stream from, Stream to)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                return false;
            }
            to.Write(buffer, 0, read);
        }
        return true;
    }

    private static WorkbookContent Refused(string message) =>
        new(new Dictionary<int, ParsedValue>(), new Dictionary<int, string>(), [new("File", message)]);
}
