using System.Globalization;

namespace SteerCo.Documents;

/// <summary>The ways a document number and symbol [số, ký hiệu] is written (DOMAIN.md, Documents).</summary>
public enum SymbolShape
{
    /// <summary>An administrative document with a type: 114/TB-VPCP, 40/QĐ-BCĐ.</summary>
    State,

    /// <summary>A state công văn, which has no type: issuer and drafting unit, 6411/VPCP-KTTH.</summary>
    CongVan,

    /// <summary>A normative legal document, with its year: 30/2020/NĐ-CP.</summary>
    Normative,

    /// <summary>A law or a resolution of the National Assembly or its Standing Committee: 06/2022/QH15.</summary>
    Law,

    /// <summary>A Party document (Hướng dẫn 36-HD/VPTW): 35-NQ/TW.</summary>
    Party,
}

/// <summary>
/// A document number and symbol, taken apart. <see cref="Issuer"/> is the issuing body's
/// abbreviation ("VPCP", "BCĐTW", "QH15"; joint issuers of a normative document joined with
/// hyphens, "BTC-BNV"); <see cref="Unit"/> is the drafting unit or field of a state document
/// ("KTTH" in 6411/VPCP-KTTH). <see cref="Normalized"/> prints it the one official way, and
/// parsing that gives it back. The factory methods format what they are given without checking
/// it (the register builds symbols from its own committee and type); text from users goes
/// through <see cref="SymbolParser.Parse"/>.
/// </summary>
public sealed record DocumentSymbol
{
    private DocumentSymbol(SymbolShape shape, int number, int? year, string? type, string issuer, string? unit)
    {
        Shape = shape;
        Number = number;
        Year = year;
        Type = type;
        Issuer = issuer;
        Unit = unit;
    }

    public SymbolShape Shape { get; }

    public int Number { get; }

    /// <summary>Only normative documents and laws carry their year in the symbol.</summary>
    public int? Year { get; }

    /// <summary>The type abbreviation; null for a state công văn and a law.</summary>
    public string? Type { get; }

    public string Issuer { get; }

    public string? Unit { get; }

    /// <summary>
    /// The symbol as printed: numbers below 10 get a leading zero (Decree 30 Appendix I; Party
    /// numbers start at 01), no spaces, no "Số:" prefix.
    /// </summary>
    public string Normalized => Shape switch
    {
        SymbolShape.State => $"{NumberText}/{Type}-{Issuer}{UnitSuffix}",
        SymbolShape.CongVan => $"{NumberText}/{Issuer}{UnitSuffix}",
        SymbolShape.Normative => $"{NumberText}/{YearText}/{Type}-{Issuer}",
        SymbolShape.Law => $"{NumberText}/{YearText}/{Issuer}",
        _ => $"{NumberText}-{Type}/{Issuer}",
    };

    /// <summary>The name of the shape in JSON and on the command line: state, congvan, normative, law, party.</summary>
    public string ShapeName => NameOf(Shape);

    public static string NameOf(SymbolShape shape) => shape switch
    {
        SymbolShape.State => "state",
        SymbolShape.CongVan => "congvan",
        SymbolShape.Normative => "normative",
        SymbolShape.Law => "law",
        _ => "party",
    };

    public override string ToString() => Normalized;

    /// <summary>An administrative document with a type (Decree 30): <c>State(114, "TB", "VPCP")</c> is 114/TB-VPCP.</summary>
    public static DocumentSymbol State(int number, string type, string issuer, string? unit = null) =>
        new(SymbolShape.State, number, null, type, issuer, EmptyToNull(unit));

    /// <summary>A state công văn: <c>CongVan(6411, "VPCP", "KTTH")</c> is 6411/VPCP-KTTH.</summary>
    public static DocumentSymbol CongVan(int number, string issuer, string? unit = null) =>
        new(SymbolShape.CongVan, number, null, null, issuer, EmptyToNull(unit));

    /// <summary>A normative document: <c>Normative(30, 2020, "NĐ", "CP")</c> is 30/2020/NĐ-CP.</summary>
    public static DocumentSymbol Normative(int number, int year, string type, string issuer) =>
        new(SymbolShape.Normative, number, year, type, issuer, null);

    /// <summary>A law or National Assembly resolution: <c>Law(6, 2022, "QH15")</c> is 06/2022/QH15.</summary>
    public static DocumentSymbol Law(int number, int year, string issuer) =>
        new(SymbolShape.Law, number, year, null, issuer, null);

    /// <summary>A Party document: <c>Party(35, "NQ", "TW")</c> is 35-NQ/TW.</summary>
    public static DocumentSymbol Party(int number, string type, string issuer) =>
        new(SymbolShape.Party, number, null, type, issuer, null);

    private string NumberText => Number.ToString("00", CultureInfo.InvariantCulture);

    private string? YearText => Year?.ToString(CultureInfo.InvariantCulture);

    private string UnitSuffix => Unit is null ? "" : "-" + Unit;

    private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
