using SteerCo.Committees;

namespace SteerCo.Office;

/// <summary>
/// The layout rules of one document system, as numbers: Decree 30/2020/NĐ-CP Appendix I for
/// State documents, Hướng dẫn 36-HD/VPTW for Party documents (DOMAIN.md §4). Where a rule gives
/// a range (a motto of 12–13 pt) the defaults take one value in it; a body that prints otherwise
/// changes a copy (<c>OfficialStyle.State with { MottoSize = 12 }</c>). Sizes are in points,
/// lengths in millimetres.
/// </summary>
public sealed record OfficialStyle
{
    public required DocumentSystem System { get; init; }

    /// <summary>TCVN 6909:2001 Unicode; both rules name Times New Roman.</summary>
    public string FontName { get; init; } = "Times New Roman";

    public double PageWidthMm { get; init; } = 210;
    public double PageHeightMm { get; init; } = 297;
    public double MarginTopMm { get; init; } = 20;
    public double MarginBottomMm { get; init; } = 20;
    public double MarginLeftMm { get; init; } = 30;
    public double MarginRightMm { get; init; } = 15;

    /// <summary>From the page's top edge to the page number, which sits in the top margin.</summary>
    public double HeaderDistanceMm { get; init; } = 10;

    public double PageNumberSize { get; init; } = 14;

    /// <summary>State: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12–13). Party: "ĐẢNG CỘNG SẢN VIỆT NAM" (15).</summary>
    public required double MottoSize { get; init; }

    /// <summary>State only: "Độc lập - Tự do - Hạnh phúc" (13–14).</summary>
    public double SloganSize { get; init; } = 14;

    /// <summary>The body above the issuer (cơ quan chủ quản, cấp trên), upright, not bold.</summary>
    public required double SuperiorBodySize { get; init; }

    /// <summary>The issuing body, bold capitals.</summary>
    public required double IssuingBodySize { get; init; }

    /// <summary>Share of the text width given to the left column of the header (issuer, number).</summary>
    public required double HeaderLeftShare { get; init; }

    public required double NumberSize { get; init; }
    public double DateSize { get; init; } = 14;
    public required double TypeNameSize { get; init; }
    public required double SubjectSize { get; init; }
    public required double BodySize { get; init; }

    /// <summary>First-line indent of body paragraphs: 1 cm or 1.27 cm (one default tab).</summary>
    public double FirstLineIndentMm { get; init; } = 12.7;

    /// <summary>Between paragraphs: at least 6 pt.</summary>
    public double ParagraphSpacing { get; init; } = 6;

    /// <summary>Line spacing as a multiple of single (between single and 1.5 lines).</summary>
    public double LineSpacing { get; init; } = 1.1;

    /// <summary>State: the grounds ("Căn cứ ...") in italics. Party: upright, each after a dash.</summary>
    public required bool LegalBasisItalic { get; init; }

    public required double RecipientsHeadingSize { get; init; }
    public required bool RecipientsHeadingBold { get; init; }
    public required bool RecipientsHeadingItalic { get; init; }
    public required bool RecipientsHeadingUnderline { get; init; }
    public required double RecipientsSize { get; init; }

    /// <summary>Ends every recipient but the last: State ";", Party ",".</summary>
    public required string RecipientSeparator { get; init; }

    /// <summary>Share of the text width given to the recipients; the signature takes the rest.</summary>
    public double RecipientsShare { get; init; } = 0.45;

    public double SignatureSize { get; init; } = 14;

    /// <summary>Room for the signature and the seal between the position and the name.</summary>
    public double SignatureSpaceMm { get; init; } = 28;

    public double TableSize { get; init; } = 13;

    public double TextWidthMm => PageWidthMm - MarginLeftMm - MarginRightMm;

    /// <summary>Decree 30/2020/NĐ-CP, Appendix I.</summary>
    public static OfficialStyle State { get; } = new()
    {
        System = DocumentSystem.State,
        MottoSize = 13,
        SloganSize = 14,
        SuperiorBodySize = 13,
        IssuingBodySize = 13,
        HeaderLeftShare = 0.38,
        NumberSize = 13,
        TypeNameSize = 14,
        SubjectSize = 14,
        BodySize = 14,
        LegalBasisItalic = true,
        RecipientsHeadingSize = 12,
        RecipientsHeadingBold = true,
        RecipientsHeadingItalic = true,
        RecipientsHeadingUnderline = false,
        RecipientsSize = 11,
        RecipientSeparator = ";",
    };

    /// <summary>Hướng dẫn 36-HD/VPTW (2018).</summary>
    public static OfficialStyle Party { get; } = new()
    {
        System = DocumentSystem.Party,
        MottoSize = 15,
        SuperiorBodySize = 14,
        IssuingBodySize = 14,
        HeaderLeftShare = 0.45,
        NumberSize = 14,
        TypeNameSize = 16,
        SubjectSize = 15,
        BodySize = 14,
        LegalBasisItalic = false,
        RecipientsHeadingSize = 14,
        RecipientsHeadingBold = false,
        RecipientsHeadingItalic = false,
        RecipientsHeadingUnderline = true,
        RecipientsSize = 12,
        RecipientSeparator = ",",
    };

    public static OfficialStyle For(DocumentSystem system) => system == DocumentSystem.Party ? Party : State;
}
