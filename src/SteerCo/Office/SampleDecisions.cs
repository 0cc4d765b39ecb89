using SteerCo.Committees;

namespace SteerCo.Office;

/// <summary>
/// A decision on reconstitution in each layout, with invented people, for `steerco office
/// sample-decision` and the tests: what a clerk would print, to look at and to check.
/// </summary>
public static class SampleDecisions
{
    public static ReconstitutionDecision Reconstitution(DocumentSystem layout) => layout == DocumentSystem.Party ? Party : State;

    private static ReconstitutionDecision State { get; } = new()
    {
        Layout = DocumentSystem.State,
        Issuer = new IssuingBody([], ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG"]),
        Number = 5,
        Symbol = "QĐ-UBND",
        Place = "Đà Nẵng",
        Date = new DateOnly(2026, 3, 5),
        CommitteeName = "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn thành phố Đà Nẵng",
        DecidingAuthority = "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG",
        IssuedBy = "Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng",
        LegalBases =
        [
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
            "Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013; Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm 2020",
            "Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 18/TTr-SNNMT ngày 02 tháng 3 năm 2026",
        ],
        Articles =
        [
            "Kiện toàn Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn thành phố Đà Nẵng (sau đây gọi tắt là Ban Chỉ đạo) gồm các thành viên có tên tại Danh sách kèm theo Quyết định này.",
            "Ban Chỉ đạo thực hiện nhiệm vụ, quyền hạn theo quy định của pháp luật và Quy chế hoạt động của Ban Chỉ đạo. Trưởng ban phân công nhiệm vụ cụ thể cho các thành viên; thành viên Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm. Sở Nông nghiệp và Môi trường là cơ quan thường trực của Ban Chỉ đạo.",
            "Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 41/QĐ-UBND ngày 10 tháng 01 năm 2025 của Chủ tịch Ủy ban nhân dân thành phố. Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc Sở Nông nghiệp và Môi trường, Thủ trưởng các cơ quan, đơn vị có liên quan và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ],
        Recipients =
        [
            "Như Điều 3",
            "Bộ Nông nghiệp và Môi trường (để báo cáo)",
            "Thường trực Thành ủy (để báo cáo)",
            "Chủ tịch, các Phó Chủ tịch UBND thành phố",
            "Lưu: VT, NNMT",
        ],
        Signature = new Signature(["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Trần Minh Quang"),
        Members =
        [
            new("Phạm Quốc Bảo", "Phó Chủ tịch Ủy ban nhân dân thành phố", "Trưởng ban"),
            new("Nguyễn Thị Mai Hương", "Giám đốc Sở Nông nghiệp và Môi trường", "Phó Trưởng ban Thường trực"),
            new("Trần Đức Long", "Chỉ huy trưởng Bộ Chỉ huy Quân sự thành phố", "Phó Trưởng ban"),
            new("Lê Hoàng Nam", "Giám đốc Công an thành phố", "Phó Trưởng ban"),
            new("Võ Thị Thanh Tâm", "Giám đốc Sở Tài chính", "Ủy viên"),
            new("Huỳnh Văn Phúc", "Giám đốc Sở Xây dựng", "Ủy viên"),
            new("Đặng Minh Khoa", "Giám đốc Sở Y tế", "Ủy viên"),
            new("Ngô Thị Lan", "Chánh Văn phòng Ủy ban nhân dân thành phố", "Ủy viên"),
            new("Phan Văn Tài", "Phó Giám đốc Sở Nông nghiệp và Môi trường", "Tổ trưởng Tổ giúp việc"),
            new("Bùi Thị Hạnh", "Trưởng phòng Thủy lợi, Sở Nông nghiệp và Môi trường", "Thư ký"),
        ],
    };

    private static ReconstitutionDecision Party { get; } = new()
    {
        Layout = DocumentSystem.Party,
        Issuer = new IssuingBody(["ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG"], ["ĐẢNG ỦY PHƯỜNG HẢI CHÂU"]),
        Number = 12,
        Symbol = "QĐ/ĐU",
        Place = "Hải Châu",
        Date = new DateOnly(2026, 2, 9),
        CommitteeName = "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số phường Hải Châu",
        DecidingAuthority = "BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG",
        IssuedBy = "Ban Thường vụ Đảng ủy phường",
        LegalBases =
        [
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam",
            "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ phường Hải Châu nhiệm kỳ 2025 - 2030",
            "Căn cứ Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
            "Xét đề nghị của Văn phòng Đảng ủy phường",
        ],
        Articles =
        [
            "Kiện toàn Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số phường Hải Châu (sau đây gọi tắt là Ban Chỉ đạo) gồm các đồng chí có tên trong danh sách kèm theo.",
            "Ban Chỉ đạo giúp Ban Chấp hành, Ban Thường vụ Đảng ủy phường lãnh đạo, chỉ đạo thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trên địa bàn phường. Đồng chí Trưởng ban phân công nhiệm vụ cụ thể cho các thành viên.",
            "Quyết định có hiệu lực từ ngày ký. Văn phòng Đảng ủy, các cơ quan, đơn vị có liên quan và các đồng chí có tên tại Điều 1 thi hành quyết định này.",
        ],
        Recipients =
        [
            "Thường trực Thành ủy (để báo cáo)",
            "Như Điều 3",
            "Lưu Văn phòng Đảng ủy",
        ],
        Signature = new Signature(["T/M BAN THƯỜNG VỤ"], "BÍ THƯ", "Nguyễn Thanh Sơn"),
        Members =
        [
            new("Nguyễn Thanh Sơn", "Bí thư Đảng ủy phường", "Trưởng ban"),
            new("Lê Thị Thu Trang", "Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường", "Phó Trưởng ban Thường trực"),
            new("Hoàng Văn Đức", "Phó Chủ tịch Ủy ban nhân dân phường", "Phó Trưởng ban"),
            new("Trương Minh Tuấn", "Chánh Văn phòng Đảng ủy phường", "Ủy viên"),
            new("Đỗ Thị Ngọc Ánh", "Trưởng phòng Văn hóa - Xã hội, Ủy ban nhân dân phường", "Ủy viên"),
            new("Vũ Quang Hải", "Trưởng Công an phường", "Ủy viên"),
            new("Cao Thị Yến", "Chuyên viên Văn phòng Đảng ủy phường", "Thư ký"),
        ],
    };
}
