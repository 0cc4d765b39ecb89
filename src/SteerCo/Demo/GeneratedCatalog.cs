using SteerCo.Committees;

namespace SteerCo.Demo;

/// <summary>A kind of steering committee that exists at every level.</summary>
/// <param name="Name">The central committee's name; lower levels add the place.</param>
/// <param name="System">State (Decree 30) or Party (HD 36) documents.</param>
/// <param name="Standing">The standing agency [cơ quan thường trực] at central, province and commune level, by abbreviation.</param>
internal sealed record CommitteeSubject(string Name, DocumentSystem System, (string Central, string Province, string Commune) Standing);

/// <summary>An agency every unit of a level has, and how its head and deputy head are titled.</summary>
/// <param name="WithPlace">The name takes the unit's ("Công an" of "tỉnh Cao Bằng").</param>
/// <param name="Head">Before the agency's name in its head's job title: "Giám đốc" Sở Y tế.</param>
/// <param name="Deputy">The same for a deputy head: "Phó Giám đốc" Sở Y tế.</param>
internal sealed record CatalogAgency(string Name, string Abbreviation, bool WithPlace, string Head, string Deputy);

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

    public static readonly CatalogAgency[] CentralAgencies =
    [
        new("Văn phòng Chính phủ", "VPCP", false, "Bộ trưởng, Chủ nhiệm", "Phó Chủ nhiệm"),
        new("Bộ Quốc phòng", "BQP", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Công an", "BCA", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Ngoại giao", "BNG", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Nội vụ", "BNV", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Tư pháp", "BTP", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Tài chính", "BTC", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Công Thương", "BCT", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Nông nghiệp và Môi trường", "BNNMT", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Xây dựng", "BXD", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Khoa học và Công nghệ", "BKHCN", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Giáo dục và Đào tạo", "BGDĐT", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Y tế", "BYT", false, "Bộ trưởng", "Thứ trưởng"),
        new("Bộ Dân tộc và Tôn giáo", "BDTTG", false, "Bộ trưởng", "Thứ trưởng"),
        new("Ngân hàng Nhà nước Việt Nam", "NHNN", false, "Thống đốc", "Phó Thống đốc"),
        new("Thanh tra Chính phủ", "TTCP", false, "Tổng Thanh tra", "Phó Tổng Thanh tra"),
        new("Đài Truyền hình Việt Nam", "VTV", false, "Tổng Giám đốc", "Phó Tổng Giám đốc"),
        new("Đài Tiếng nói Việt Nam", "VOV", false, "Tổng Giám đốc", "Phó Tổng Giám đốc"),
        new("Thông tấn xã Việt Nam", "TTXVN", false, "Tổng Giám đốc", "Phó Tổng Giám đốc"),
    ];

    /// <summary>Agencies of a province; those marked with the place take the province's name.</summary>
    public static readonly CatalogAgency[] ProvinceAgencies =
    [
        new("Ủy ban nhân dân", "UBND", true, "Chủ tịch", "Phó Chủ tịch"),
        new("Văn phòng Ủy ban nhân dân", "VPUBND", true, "Chánh", "Phó Chánh"),
        new("Sở Nội vụ", "SNV", false, "Giám đốc", "Phó Giám đốc"),
        new("Sở Tư pháp", "STP", false, "Giám đốc", "Phó Giám đốc"),
        new("Sở Tài chính", "STC", false, "Giám đốc", "Phó Giám đốc"),
        new("Sở Công Thương", "SCT", false, "Giám đốc", "Phó Giám đốc"),
        new("Sở Nông nghiệp và Môi trường", "SNNMT", false, "Giám đốc", "Phó Giám đốc"),
        new("Sở Xây dựng", "SXD", false, "Giám đốc", "Phó Giám đốc"),
        new("Sở Khoa học và Công nghệ", "SKHCN", false, "Giám đốc", "Phó Giám đốc"),
        new("Sở Giáo dục và Đào tạo", "SGDĐT", false, "Giám đốc", "Phó Giám đốc"),
        new("Sở Y tế", "SYT", false, "Giám đốc", "Phó Giám đốc"),
        new("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", false, "Giám đốc", "Phó Giám đốc"),
        new("Thanh tra", "TTr", true, "Chánh", "Phó Chánh"),
        new("Bộ Chỉ huy Quân sự", "BCHQS", true, "Chỉ huy trưởng", "Phó Chỉ huy trưởng"),
        new("Công an", "CA", true, "Giám đốc", "Phó Giám đốc"),
        new("Bộ Chỉ huy Bộ đội Biên phòng", "BĐBP", true, "Chỉ huy trưởng", "Phó Chỉ huy trưởng"),
    ];

    public static readonly CatalogAgency[] CommuneAgencies =
    [
        new("Ủy ban nhân dân", "UBND", true, "Chủ tịch", "Phó Chủ tịch"),
        new("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "VP", true, "Chánh", "Phó Chánh"),
        new("Phòng Kinh tế", "PKT", false, "Trưởng", "Phó Trưởng"),
        new("Phòng Văn hóa - Xã hội", "PVHXH", false, "Trưởng", "Phó Trưởng"),
        new("Ban Chỉ huy Quân sự", "BCHQS", true, "Chỉ huy trưởng", "Chỉ huy phó"),
        new("Công an", "CA", true, "Trưởng", "Phó Trưởng"),
        new("Trạm Y tế", "TYT", true, "Trưởng", "Phó Trưởng"),
        new("Trung tâm Phục vụ hành chính công", "TTPVHCC", true, "Giám đốc", "Phó Giám đốc"),
    ];
}
