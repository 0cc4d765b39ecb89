using SteerCo.Committees;

namespace SteerCo.Documents;

/// <summary>A kind of document and the abbreviation its symbol uses ("TB", Thông báo).</summary>
public sealed record DocumentType(string Abbreviation, string Name);

/// <summary>
/// The type abbreviations document symbols use. They are case-sensitive ("QyĐ", "CTr", "TTr",
/// "QĐi") and stored in NFC, with Đ as U+0110.
/// </summary>
public static class DocumentTypes
{
    /// <summary>Administrative documents, Decree 30/2020/NĐ-CP Appendix III, with the three kinds of copy.</summary>
    public static IReadOnlyList<DocumentType> State { get; } =
    [
        new("NQ", "Nghị quyết"),
        new("QĐ", "Quyết định"),
        new("CT", "Chỉ thị"),
        new("QC", "Quy chế"),
        new("QyĐ", "Quy định"),
        new("TC", "Thông cáo"),
        new("TB", "Thông báo"),
        new("HD", "Hướng dẫn"),
        new("CTr", "Chương trình"),
        new("KH", "Kế hoạch"),
        new("PA", "Phương án"),
        new("ĐA", "Đề án"),
        new("DA", "Dự án"),
        new("BC", "Báo cáo"),
        new("BB", "Biên bản"),
        new("TTr", "Tờ trình"),
        new("HĐ", "Hợp đồng"),
        new("CĐ", "Công điện"),
        new("BGN", "Bản ghi nhớ"),
        new("BTT", "Bản thỏa thuận"),
        new("GUQ", "Giấy ủy quyền"),
        new("GM", "Giấy mời"),
        new("GGT", "Giấy giới thiệu"),
        new("GNP", "Giấy nghỉ phép"),
        new("PG", "Phiếu gửi"),
        new("PC", "Phiếu chuyển"),
        new("PB", "Phiếu báo"),
        new("SY", "Bản sao y"),
        new("TrS", "Bản trích sao"),
        new("SL", "Bản sao lục"),
    ];

    /// <summary>
    /// Normative legal documents, whose symbols carry the year (30/2020/NĐ-CP). Laws and the
    /// resolutions of the National Assembly have no type in the symbol (06/2022/QH15). CT is here
    /// because local directives were normative until 2016 (05/2015/CT-UBND).
    /// </summary>
    public static IReadOnlyList<DocumentType> Normative { get; } =
    [
        new("L", "Lệnh"),
        new("NQ", "Nghị quyết"),
        new("NQLT", "Nghị quyết liên tịch"),
        new("NĐ", "Nghị định"),
        new("QĐ", "Quyết định"),
        new("TT", "Thông tư"),
        new("TTLT", "Thông tư liên tịch"),
        new("CT", "Chỉ thị"),
    ];

    /// <summary>
    /// Party documents (Hướng dẫn 36-HD/VPTW, 2018). A Party công văn has a type of its own
    /// (CV), a Quy định is QĐi and TT is a Thông tri.
    /// </summary>
    public static IReadOnlyList<DocumentType> Party { get; } =
    [
        new("NQ", "Nghị quyết"),
        new("QĐ", "Quyết định"),
        new("CT", "Chỉ thị"),
        new("KL", "Kết luận"),
        new("QC", "Quy chế"),
        new("QĐi", "Quy định"),
        new("TT", "Thông tri"),
        new("HD", "Hướng dẫn"),
        new("BC", "Báo cáo"),
        new("KH", "Kế hoạch"),
        new("CTr", "Chương trình"),
        new("TB", "Thông báo"),
        new("TTr", "Tờ trình"),
        new("BB", "Biên bản"),
        new("ĐA", "Đề án"),
        new("PA", "Phương án"),
        new("CV", "Công văn"),
        new("CĐ", "Công điện"),
        new("GM", "Giấy mời"),
        new("GGT", "Giấy giới thiệu"),
        new("GCN", "Giấy chứng nhận"),
        new("PG", "Phiếu gửi"),
    ];

    /// <summary>Both systems' types in one list, each abbreviation once (the state's first), for a filter over documents of both.</summary>
    public static IReadOnlyList<DocumentType> OfBothSystems { get; } = [.. State.Concat(Party).DistinctBy(t => t.Abbreviation)];

    /// <summary>
    /// The system a type belongs to when the other system has the same kind under its own
    /// abbreviation, so that a list of both can tell the two apart; null for every other type. A
    /// Quy định is QyĐ in state symbols (Decree 30) and QĐi in Party ones (HD 36): both are rightly
    /// named "Quy định", and only the system says which is which.
    /// </summary>
    public static DocumentSystem? SystemToTellApart(DocumentType type)
    {
        var (inState, inParty) = (Find(State, type.Abbreviation) is not null, Find(Party, type.Abbreviation) is not null);
        if (inState == inParty)
        {
            return null;
        }
        var other = inState ? Party : State;
        return other.Any(t => t.Name == type.Name && t.Abbreviation != type.Abbreviation) ? (inState ? DocumentSystem.State : DocumentSystem.Party) : null;
    }

    /// <summary>
    /// The name of <paramref name="type"/> as the document's own symbol reads it: TT is a Thông tư
    /// in 01/2020/TT-BNV (normative) and a Thông tri in 15-TT/TW (Party). Without a symbol that says,
    /// the state's name first, then the Party's, then the normative one's; the abbreviation itself
    /// when no table knows it.
    /// </summary>
    public static string NameOf(string type, string? symbol)
    {
        var shape = SymbolParser.Parse(symbol) is { IsValid: true } parsed ? parsed.Symbol.Shape : (SymbolShape?)null;
        var table = shape switch
        {
            SymbolShape.Normative or SymbolShape.Law => Normative,
            SymbolShape.Party => Party,
            _ => null,
        };
        return (Find(table ?? [], type) ?? Find(State, type) ?? Find(Party, type) ?? Find(Normative, type))?.Name ?? type;
    }

    /// <summary>The type with exactly this abbreviation (case-sensitive, NFC), or null.</summary>
    public static DocumentType? Find(IReadOnlyList<DocumentType> table, string? abbreviation) =>
        table.FirstOrDefault(t => string.Equals(t.Abbreviation, abbreviation, StringComparison.Ordinal));
}
