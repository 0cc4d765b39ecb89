using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using SteerCo.Tests.Support;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;

namespace SteerCo.Tests.Reporting;

/// <summary>A downloaded report workbook filled in as a user would in Excel.</summary>
public static class Workbooks
{
    /// <summary>A submission's workbook as the API hands it out.</summary>
    public static async Task<byte[]> DownloadAsync(HttpClient client, int submissionId)
    {
        var response = await client.GetAsync($"/api/v1/submissions/{submissionId}/workbook.xlsx");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A filled workbook sent back as an .xlsx upload.</summary>
    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, int submissionId, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return client.PostAsync($"/api/v1/submissions/{submissionId}/workbook", content);
    }

    /// <summary>The workbook with cells of sheet "Báo cáo" changed: a number, a text, or a formula ("=..." ).</summary>
    public static byte[] Edit(byte[] workbook, params (string Cell, object Value)[] cells)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<Sheet.Sheet>().Single(s => s.Name == "Báo cáo");
            var data = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<Sheet.SheetData>()!;
            foreach (var (reference, value) in cells)
            {
                var rowIndex = uint.Parse(reference[1..], System.Globalization.CultureInfo.InvariantCulture);
                var row = data.Elements<Sheet.Row>().Single(r => r.RowIndex! == rowIndex);
                row.Elements<Sheet.Cell>().FirstOrDefault(c => c.CellReference == reference)?.Remove();
                var cell = value switch
                {
                    decimal or int => new Sheet.Cell { CellReference = reference, CellValue = new Sheet.CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!), DataType = Sheet.CellValues.Number },
                    string f when f.StartsWith('=') => new Sheet.Cell { CellReference = reference, CellFormula = new Sheet.CellFormula(f[1..]), CellValue = new Sheet.CellValue("3") },
                    _ => new Sheet.Cell(new Sheet.InlineString(new Sheet.Text((string)value))) { CellReference = reference, DataType = Sheet.CellValues.InlineString },
                };
                var after = row.Elements<Sheet.Cell>().FirstOrDefault(c => string.CompareOrdinal(c.CellReference!.Value, reference) > 0);
                if (after is null)
                {
                    row.Append(cell);
                }
                else
                {
                    row.InsertBefore(cell, after);
                }
            }
        }
        return stream.ToArray();
    }
}
