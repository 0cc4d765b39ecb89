namespace SteerCo.Office;

/// <summary>
/// Who issues the document, as printed top left, one entry per printed line: the body above it
/// (cơ quan chủ quản; Party: the superior body), upright, then the issuing body, bold, e.g.
/// <c>new([], ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"])</c> or
/// <c>new(["ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG"], ["ĐẢNG ỦY PHƯỜNG HẢI CHÂU"])</c>.
/// </summary>
public sealed record IssuingBody(IReadOnlyList<string> Superior, IReadOnlyList<string> Name);

/// <summary>
/// The header of the first page: issuer, number, place and date (the national motto or the
/// Party title comes with the layout). <paramref name="Symbol"/> is what follows the number:
/// "QĐ-UBND" (State), "QĐ/TU" (Party); a null <paramref name="Number"/> leaves room for it.
/// </summary>
public sealed record DocumentHeading(IssuingBody Issuer, int? Number, string Symbol, string Place, DateOnly Date);

/// <summary>
/// The signing block: the authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; Party
/// "T/M BAN THƯỜNG VỤ"), none when the holder signs in their own name; the position
/// ("PHÓ CHỦ TỊCH"); the signer's full name.
/// </summary>
public sealed record Signature(IReadOnlyList<string> Authority, string Position, string FullName);

/// <summary>How a table column's cells are aligned.</summary>
public enum CellAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>A table column: its heading, its width, how its cells are aligned.</summary>
public sealed record TableColumn(string Heading, double WidthMm, CellAlignment Alignment = CellAlignment.Left);

/// <summary>
/// The heading of an annex, on a page of its own: an optional label ("Phụ lục I"), the title
/// lines in bold capitals ("DANH SÁCH THÀNH VIÊN", "BAN CHỈ ĐẠO ..."), and what it is attached
/// to, printed in italics between brackets ("Kèm theo Quyết định số 12/QĐ-UBND ngày ...").
/// </summary>
public sealed record AnnexHeading(string? Label, IReadOnlyList<string> Title, string? AttachedTo);

/// <summary>A stretch of text in a paragraph that mixes bold and regular ("Điều 1." then the text).</summary>
public readonly record struct TextPart(string Text, bool Bold = false, bool Italic = false);

/// <summary>A generated file as it is downloaded: its name (Vietnamese allowed), content type and bytes.</summary>
public sealed record GeneratedFile(string FileName, string ContentType, byte[] Content)
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfType = "application/pdf";

    public static GeneratedFile Docx(string name, byte[] content) => new(name + ".docx", DocxType, content);

    public static GeneratedFile Pdf(string name, byte[] content) => new(name + ".pdf", PdfType, content);
}
