using SteerCo.Committees;

namespace SteerCo.Demo;

/// <summary>A kind of steering committee that exists at every level.</summary>
/// <param name="Name">The central committee's name; lower levels add the place.</param>
/// <param name="System">State (Decree 30) or Party (HD 36) documents.</param>
/// <param name="Standing">The standing agency [cơ quan thường trực] at central, province and commune level, by abbreviation.</param>
internal sealed record CommitteeSubject(string Name, DocumentSystem System, (string Central, string Province, string Commune) Standing);

/// <summary>
/// The fixed vocabulary of the synthetic national data set: neutral subjects, and the agencies
/// a unit of each level has. Names are as the agencies write them since 1 July 2025.
/// </summary>
internal static class GeneratedCatalog
{
    public static readonly CommitteeSubject[] Subjects =
    [
        new("Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn", DocumentSystem.State, ("BNNMT", "SNNMT", "UBND")),
        new("Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", DocumentSystem.Party, ("BKHCN", "SKHCN", "UBND")),
        new("Ban Chỉ đạo liên ngành về an toàn thực phẩm", DocumentSystem.State, ("BYT", "SYT", "TYT")),
        new("Ban Chỉ đạo các chương trình mục tiêu quốc gia", DocumentSystem.State, ("BTC", "STC", "UBND")),
        new("Ban Chỉ đạo cải cách hành chính", DocumentSystem.State, ("BNV", "SNV", "VP")),
        new("Ban Chỉ đạo phòng, chống dịch bệnh truyền nhiễm", DocumentSystem.State, ("BYT", "SYT", "TYT")),
        new("Ban Chỉ đạo Tổng điều tra dân số và nhà ở", DocumentSystem.State, ("BTC", "STC", "VP")),
        new("Ban Chỉ đạo phòng cháy, chữa cháy và cứu nạn, cứu hộ", DocumentSystem.State, ("BCA", "CA", "CA")),
    ];

    public static readonly (string Name, string Abbreviation)[] CentralAgencies =
    [
        ("Văn phòng Chính phủ", "VPCP"),
        ("Bộ Quốc phòng", "BQP"),
        ("Bộ Công an", "BCA"),
        ("Bộ Ngoại giao", "BNG"),
        ("Bộ Nội vụ", "BNV"),
        ("Bộ Tư pháp", "BTP"),
        ("Bộ Tài chính", "BTC"),
        ("Bộ Công Thương", "BCT"),
        ("Bộ Nông nghiệp và Môi trường", "BNNMT"),
        ("Bộ Xây dựng", "BXD"),
        ("Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL"),
        ("Bộ Khoa học và Công nghệ", "BKHCN"),
        ("Bộ Giáo dục và Đào tạo", "BGDĐT"),
        ("Bộ Y tế", "BYT"),
        ("Bộ Dân tộc và Tôn giáo", "BDTTG"),
        ("Ngân hàng Nhà nước Việt Nam", "NHNN"),
        ("Thanh tra Chính phủ", "TTCP"),
        ("Đài Truyền hình Việt Nam", "VTV"),
        ("Đài Tiếng nói Việt Nam", "VOV"),
        ("Thông tấn xã Việt Nam", "TTXVN"),
    ];

    /// <summary>Agencies of a province; those marked with the place take the province's name.</summary>
    public static readonly (string Name, string Abbreviation, bool WithPlace)[] ProvinceAgencies =
    [
        ("Ủy ban nhân dân", "UBND", true),
        ("Văn phòng Ủy ban nhân dân", "VPUBND", true),
        ("Sở Nội vụ", "SNV", false),
        ("Sở Tư pháp", "STP", false),
        ("Sở Tài chính", "STC", false),
        ("Sở Công Thương", "SCT", false),
        ("Sở Nông nghiệp và Môi trường", "SNNMT", false),
        ("Sở Xây dựng", "SXD", false),
        ("Sở Khoa học và Công nghệ", "SKHCN", false),
        ("Sở Giáo dục và Đào tạo", "SGDĐT", false),
        ("Sở Y tế", "SYT", false),
        ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", false),
        ("Thanh tra", "TTr", true),
        ("Bộ Chỉ huy Quân sự", "BCHQS", true),
        ("Công an", "CA", true),
        ("Bộ Chỉ huy Bộ đội Biên phòng", "BĐBP", true),
    ];

    public static readonly (string Name, string Abbreviation, bool WithPlace)[] CommuneAgencies =
    [
        ("Ủy ban nhân dân", "UBND", true),
        ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "VP", true),
        ("Phòng Kinh tế", "PKT", false),
        ("Phòng Văn hóa - Xã hội", "PVHXH", false),
        ("Ban Chỉ huy Quân sự", "BCHQS", true),
        ("Công an", "CA", true),
        ("Trạm Y tế", "TYT", true),
        ("Trung tâm Phục vụ hành chính công", "TTPVHCC", true),
    ];
}
