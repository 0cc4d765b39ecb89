using SteerCo.Text;

namespace SteerCo.Meetings;

/// <summary>The sentences a meeting's documents print, written once for the notice, its body in the register and the pages.</summary>
public static class NoticeText
{
    /// <summary>"Hội nghị giao ban Quý I/2026".</summary>
    public static string Title(MeetingKind kind, string period) => kind switch
    {
        MeetingKind.QuarterlyBriefing => $"Hội nghị giao ban {period}",
        MeetingKind.SixMonthReview => $"Hội nghị sơ kết {period}",
        MeetingKind.AnnualReview => $"Hội nghị tổng kết {period}",
        MeetingKind.Thematic => $"Hội nghị chuyên đề {period}",
        _ => $"Cuộc họp đột xuất {period}",
    };

    /// <summary>
    /// "Giao Sở Y tế chủ trì, phối hợp với Công an thành phố, Sở Xây dựng rà soát phương án sơ tán,
    /// báo cáo kết quả trước ngày 15/4/2026." A regular task is "thực hiện thường xuyên" instead.
    /// </summary>
    public static string Assignment(string lead, IEnumerable<string> coordinators, string text, DateOnly? due, bool toSubordinates)
    {
        var with = string.Join(", ", coordinators);
        var sentence = $"Giao {lead} chủ trì{(with.Length > 0 ? $", phối hợp với {with}" : "")} {text.Trim().TrimEnd('.', ';')}";
        if (toSubordinates)
        {
            sentence += "; triển khai đến Ban Chỉ đạo cấp dưới";
        }
        return sentence + (due is { } d ? $", báo cáo kết quả trước ngày {d.ToShort()}." : ", thực hiện thường xuyên.");
    }

    /// <summary>The notice's subject: "Kết luận của đồng chí Trưởng ban tại Hội nghị giao ban Quý I/2026".</summary>
    public static string NoticeSubject(string chairName, string? chairTitle, MeetingKind kind, string period) =>
        $"Kết luận của {(string.IsNullOrWhiteSpace(chairTitle) ? "" : chairTitle.Trim() + " ")}{chairName.Trim()} tại {Title(kind, period)}";
}
