using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.Office;
using SteerCo.Units;

namespace SteerCo.Tests.Members;

/// <summary>What the decision says for each level and document system, from the draft's model alone.</summary>
public sealed class WordingTheReconstitutionDecision
{
    private static ReconstitutionDecisionModel Model(DocumentSystem system, UnitLevel level, string unit, string? kind, string committee, string? symbol = null) =>
        new(1, 1, committee, "BCĐ", system, system == DocumentSystem.Party ? "2025–2030" : null, unit, new DateOnly(2026, 2, 3),
            symbol is null ? null : 7, symbol, symbol is null ? null : new DateOnly(2026, 2, 1), null, null, null, SigningAuthority.None,
            [new DecisionMember(1, "Trưởng ban", "Lê Văn Trưởng", "Bí thư Đảng ủy", "Đảng ủy phường Hải Châu"), new DecisionMember(2, "Thư ký", "Hà Thị Ký", "Chuyên viên", "Văn phòng Đảng ủy")])
        {
            UnitLevel = level,
            UnitKind = kind,
            StandingAgencyName = "Văn phòng Đảng ủy",
        };

    [Fact]
    public void A_commune_Party_committee_is_issued_under_its_Party_committee_with_the_Party_symbol()
    {
        var decision = ReconstitutionDecisionText.Compose(Model(DocumentSystem.Party, UnitLevel.Commune, "Phường Hải Châu", "phuong",
            "Ban Chỉ đạo chuyển đổi số phường Hải Châu", "07-QĐ/BCĐ"));

        decision.Issuer.Superior.ShouldBe(["ĐẢNG ỦY PHƯỜNG HẢI CHÂU"]);
        string.Join(" ", decision.Issuer.Name).ShouldBe("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ PHƯỜNG HẢI CHÂU");
        (decision.Number, decision.Symbol, decision.Place).ShouldBe(((int?)7, "QĐ/BCĐ", "Hải Châu"));
        decision.LegalBases[0].ShouldBe("Căn cứ Điều lệ Đảng Cộng sản Việt Nam");
        decision.LegalBases[^1].ShouldBe("Xét đề nghị của Văn phòng Đảng ủy, cơ quan thường trực Ban Chỉ đạo");
        decision.Articles[^1].ShouldStartWith("Quyết định có hiệu lực kể từ ngày 03 tháng 02 năm 2026.");
        decision.Signature.ShouldBe(new Signature([], "TRƯỞNG BAN", "Lê Văn Trưởng"));
        decision.Members[0].JobTitleAndAgency.ShouldBe("Bí thư Đảng ủy phường Hải Châu");
        decision.Members[1].JobTitleAndAgency.ShouldBe("Chuyên viên Văn phòng Đảng ủy");
    }

    [Theory]
    [InlineData(DocumentSystem.Party, UnitLevel.Province, "Thành phố Đà Nẵng", "thanh_pho", "THÀNH ỦY ĐÀ NẴNG", "Đà Nẵng")]
    [InlineData(DocumentSystem.Party, UnitLevel.Province, "Tỉnh Cao Bằng", "tinh", "TỈNH ỦY CAO BẰNG", "Cao Bằng")]
    [InlineData(DocumentSystem.State, UnitLevel.Province, "Tỉnh Cao Bằng", "tinh", "UBND TỈNH CAO BẰNG", "Cao Bằng")]
    [InlineData(DocumentSystem.State, UnitLevel.Commune, "Xã Vỹ Dạ", "xa", "UBND XÃ VỸ DẠ", "Vỹ Dạ")]
    [InlineData(DocumentSystem.Party, UnitLevel.Central, "Trung ương", null, "BAN CHẤP HÀNH TRUNG ƯƠNG", "Hà Nội")]
    public void Each_level_prints_the_body_it_belongs_to_and_its_place(DocumentSystem system, UnitLevel level, string unit, string? kind, string superior, string place)
    {
        var decision = ReconstitutionDecisionText.Compose(Model(system, level, unit, kind, "Ban Chỉ đạo thử"));

        decision.Issuer.Superior.ShouldBe([superior]);
        decision.Place.ShouldBe(place);
    }

    [Fact]
    public void A_central_state_committee_has_no_body_above_it_and_an_unnumbered_decision_leaves_room_for_the_number()
    {
        var decision = ReconstitutionDecisionText.Compose(Model(DocumentSystem.State, UnitLevel.Central, "Trung ương", null, "Ban Chỉ đạo quốc gia thử"));

        decision.Issuer.Superior.ShouldBeEmpty();
        (decision.Number, decision.Symbol).ShouldBe(((int?)null, "QĐ-BCĐ"));
        decision.DecidingAuthority.ShouldBe("TRƯỞNG BAN BAN CHỈ ĐẠO QUỐC GIA THỬ");
        decision.LegalBases[0].ShouldBe("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025");
    }

    [Fact]
    public void A_long_committee_name_is_broken_into_the_fewest_even_lines_that_fit_the_header()
    {
        const string name = "BAN CHỈ ĐẠO PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN THÀNH PHỐ ĐÀ NẴNG";
        var greedyWidth = 60.0;

        var lines = OfficialText.Balanced(name, greedyWidth, 13, bold: true);

        string.Join(" ", lines).ShouldBe(name);
        lines.Count.ShouldBeGreaterThan(1);
        lines.ShouldAllBe(line => OfficialTextWidth(line) <= greedyWidth);
        // Even: no line is less than half as wide as the widest.
        lines.Min(OfficialTextWidth).ShouldBeGreaterThan(lines.Max(OfficialTextWidth) / 2);
        OfficialText.Balanced("BAN CHỈ ĐẠO", greedyWidth, 13, bold: true).ShouldBe(["BAN CHỈ ĐẠO"]);
    }

    private static double OfficialTextWidth(string line) => OfficialText.Width(line, 13, bold: true);
}
