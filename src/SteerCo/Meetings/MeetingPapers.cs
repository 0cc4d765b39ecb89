using SteerCo.Committees;
using SteerCo.Office;

namespace SteerCo.Meetings;

/// <summary>The committee as its documents print it: layout, name, abbreviation, unit, where they are signed.</summary>
public sealed record Letterhead(DocumentSystem Layout, string CommitteeName, string Abbreviation, string Place)
{
    /// <summary>The committee's name in capitals, cut into lines that fit the header's left column.</summary>
    public IssuingBody Issuer => new([], Lines(CommitteeName.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), 34));

    /// <summary>What follows the number: "TB-BCĐ" (State), "TB/BCĐ" (Party).</summary>
    public string Symbol(string type) => Layout == DocumentSystem.Party ? $"{type}/{Abbreviation}" : $"{type}-{Abbreviation}";

    /// <summary>"Đà Nẵng" from "Thành phố Đà Nẵng"; the centre signs in Hà Nội.</summary>
    public static string PlaceOf(string unitName, bool central)
    {
        if (central)
        {
            return "Hà Nội";
        }
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ", "Thị trấn " })
        {
            if (unitName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return unitName[prefix.Length..];
            }
        }
        return unitName;
    }

    private static List<string> Lines(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }
}

/// <summary>
/// A meeting's three papers in the official layout, built with the Office blocks: the invitation
/// [Giấy mời], the minutes [Biên bản] and the conclusion notice [Thông báo kết luận]. Each carries
/// the number the register issued; before the invitation or the minutes are issued, the number is
/// left blank to be written in.
/// </summary>
public static class MeetingPapers
{
    public static byte[] Notice(MeetingDetail meeting, Letterhead letterhead, int? number, DateOnly issuedOn, string signerName, string? signerTitle)
    {
        var present = meeting.Invitees.Count(i => i.Attendance is Attendance.Present or Attendance.Represented);
        var document = OfficialDocumentBuilder.For(letterhead.Layout)
            .Heading(new DocumentHeading(letterhead.Issuer, number, letterhead.Symbol("TB"), letterhead.Place, issuedOn))
            .TypeAndSubject("Thông báo", NoticeText.NoticeSubject(meeting.ChairName, null, meeting.Kind, meeting.Period))
            .Paragraph($"{Capitalised(OfficialText.LongDate(meeting.Date))}, tại {meeting.Place}, đồng chí {meeting.ChairName}{Title(meeting.ChairTitle)} chủ trì {meeting.Title}. "
                + $"Tham dự có {present} đại biểu là thành viên Ban Chỉ đạo và đại diện các cơ quan, đơn vị.")
            .Paragraph($"Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, đồng chí {meeting.ChairName} kết luận như sau:");
        var number1 = 1;
        foreach (var line in ConclusionLines(meeting.Conclusions))
        {
            document.Paragraph($"{number1++}. {line}");
        }
        foreach (var assignment in meeting.Assignments)
        {
            document.Paragraph($"{number1++}. {assignment.Paragraph}");
        }
        document.Paragraph($"{meeting.CommitteeName} thông báo để các cơ quan, đơn vị biết, thực hiện./.");
        return document.Closing(["Các thành viên Ban Chỉ đạo", "Các cơ quan, đơn vị được giao nhiệm vụ", "Lưu: VT"],
            new Signature(["TM. Ban Chỉ đạo"], string.IsNullOrWhiteSpace(signerTitle) ? "Trưởng ban" : signerTitle, signerName)).ToDocx();
    }

    public static byte[] Invitation(MeetingDetail meeting, Letterhead letterhead, Documents.Document? issued = null)
    {
        var document = OfficialDocumentBuilder.For(letterhead.Layout)
            .Heading(new DocumentHeading(letterhead.Issuer, issued?.Number, letterhead.Symbol("GM"), letterhead.Place, issued?.IssuedOn ?? meeting.Date.AddDays(-7)))
            .TypeAndSubject("Giấy mời", $"Dự {meeting.Title}")
            .Paragraph($"{meeting.CommitteeName} trân trọng kính mời:");
        foreach (var line in OfficialText.Enumerate(meeting.Invitees.Select(i => i.Name), ";", ".", "- "))
        {
            document.Paragraph(line);
        }
        document
            .Paragraph(new TextPart("Thời gian: ", Bold: true), new TextPart($"{(meeting.Time is { Length: > 0 } time ? time + ", " : "")}{OfficialText.LongDate(meeting.Date)}."))
            .Paragraph(new TextPart("Địa điểm: ", Bold: true), new TextPart($"{meeting.Place}."))
            .Paragraph(new TextPart("Nội dung: ", Bold: true), new TextPart($"{meeting.Title}, do đồng chí {meeting.ChairName}{Title(meeting.ChairTitle)} chủ trì."));
        foreach (var item in meeting.Agenda)
        {
            document.Paragraph($"- {item.Title}{(item.Presenter is { Length: > 0 } p ? $" ({p} trình bày)" : "")}.");
        }
        document.Paragraph("Rất mong các đồng chí tham dự đúng thời gian./.");
        return document.Closing(["Như trên", "Lưu: VT"],
            new Signature(["TM. Ban Chỉ đạo"], string.IsNullOrWhiteSpace(issued?.SignerTitle) ? "Trưởng ban" : issued.SignerTitle, issued?.SignerName ?? meeting.ChairName)).ToDocx();
    }

    public static byte[] Minutes(MeetingDetail meeting, Letterhead letterhead, Documents.Document? issued = null)
    {
        var document = OfficialDocumentBuilder.For(letterhead.Layout)
            .Heading(new DocumentHeading(letterhead.Issuer, issued?.Number, letterhead.Symbol("BB"), letterhead.Place, issued?.IssuedOn ?? meeting.Date))
            .TypeAndSubject("Biên bản", meeting.Title)
            .Paragraph(new TextPart("Thời gian: ", Bold: true), new TextPart($"{(meeting.Time is { Length: > 0 } time ? time + ", " : "")}{OfficialText.LongDate(meeting.Date)}."))
            .Paragraph(new TextPart("Địa điểm: ", Bold: true), new TextPart($"{meeting.Place}."))
            .Paragraph(new TextPart("Chủ trì: ", Bold: true), new TextPart($"đồng chí {meeting.ChairName}{Title(meeting.ChairTitle)}."))
            .Paragraph(new TextPart("Thành phần tham dự:", Bold: true));
        foreach (var line in OfficialText.Enumerate(meeting.Invitees.Where(i => i.Attendance == Attendance.Present).Select(i => i.Name), ";", ".", "- "))
        {
            document.Paragraph(line);
        }
        var represented = meeting.Invitees.Where(i => i.Attendance == Attendance.Represented).ToList();
        if (represented.Count > 0)
        {
            document.Paragraph(new TextPart("Cử người dự thay:", Bold: true));
            foreach (var line in OfficialText.Enumerate(represented.Select(i => $"{i.Name}: {i.RepresentedBy}"), ";", ".", "- "))
            {
                document.Paragraph(line);
            }
        }
        var absent = meeting.Invitees.Where(i => i.Attendance == Attendance.Absent).ToList();
        if (absent.Count > 0)
        {
            document.Paragraph(new TextPart("Vắng mặt:", Bold: true));
            foreach (var line in OfficialText.Enumerate(absent.Select(i => $"{i.Name} (lý do: {i.AbsenceReason})"), ";", ".", "- "))
            {
                document.Paragraph(line);
            }
        }
        document.Paragraph(new TextPart("Nội dung:", Bold: true));
        foreach (var (item, index) in meeting.Agenda.Select((a, i) => (a, i + 1)))
        {
            document.Paragraph($"{index}. {item.Title}{(item.Presenter is { Length: > 0 } p ? $" ({p} trình bày)" : "")}.");
        }
        if (meeting.Contributions.Count > 0)
        {
            document.Paragraph(new TextPart("Ý kiến phát biểu:", Bold: true));
            foreach (var contribution in meeting.Contributions)
            {
                document.Paragraph(new TextPart($"- {contribution.Speaker}{(contribution.AgencyName is { } a ? $" ({a})" : "")}: ", Bold: true), new TextPart(contribution.Summary));
            }
        }
        document.Paragraph(new TextPart("Kết luận của chủ trì:", Bold: true));
        foreach (var line in ConclusionLines(meeting.Conclusions).Concat(meeting.Assignments.Select(a => a.Paragraph)))
        {
            document.Paragraph($"- {line}");
        }
        document.Paragraph("Cuộc họp kết thúc cùng ngày./.");
        // Signed by two, side by side: the recorder on the left, the chair on the right.
        return document.Signatures(new Signature([], "Thư ký", meeting.RecorderName ?? ""), new Signature([], "Chủ trì", meeting.ChairName)).ToDocx();
    }

    public static IEnumerable<string> ConclusionLines(string? conclusions) =>
        (conclusions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Title(string? chairTitle) => string.IsNullOrWhiteSpace(chairTitle) ? "" : $", {chairTitle.Trim()}";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
