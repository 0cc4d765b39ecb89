using System.Text;
using SteerCo.Access;
using SteerCo.Documents;
using SteerCo.Documents.Search;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents.Search;

/// <summary>A clerk searches the register as they type: without marks, in phrases, by prefix, by symbol; within filters and scope.</summary>
public sealed class SearchingTheRegister(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Hierarchy H => app.Hierarchy;

    [Fact]
    public async Task Words_typed_without_marks_find_a_resolution_of_Da_Nang_and_the_marks_land_on_the_printed_words()
    {
        var marker = SearchDocuments.Marker();
        var resolution = await app.RegisterAsync(H.Danang, "Nghị quyết về phòng, chống thiên tai năm 2025 của thành phố Đà Nẵng", body: marker);
        var other = await app.RegisterAsync(H.Danang, "Nghị quyết về phòng, chống thiên tai năm 2025 của thành phố Huế", body: marker);

        var results = await app.SearchAsync($"nghi quyet da nang {marker}");

        results.Ids().ShouldBe([resolution.Id]);
        results.Total.ShouldBe(1);
        results.TotalIsCapped.ShouldBeFalse();
        var subject = results.Items[0].SubjectHtml;
        subject.ShouldStartWith("<mark>Nghị quyết</mark> về phòng");
        subject.ShouldEndWith("thành phố <mark>Đà Nẵng</mark>");
        results.Items[0].SnippetHtml.ShouldBe($"<mark>{marker}</mark>");
        (await app.SearchAsync($"NGHỊ QUYẾT đà nẵng {marker}")).Ids().ShouldBe([resolution.Id]);
        (await app.SearchAsync($"hue {marker}")).Ids().ShouldBe([other.Id]);
    }

    [Fact]
    public async Task Decomposed_input_finds_what_composed_text_holds_and_the_other_way()
    {
        var marker = SearchDocuments.Marker();
        var composed = await app.RegisterAsync(H.Danang, $"Kế hoạch ứng phó bão số 3 {marker}");
        var decomposed = await app.RegisterAsync(H.Danang, $"Báo cáo tình hình khắc phục hậu quả {marker}".Normalize(NormalizationForm.FormD));

        (await app.SearchAsync($"ứng phó bão {marker}".Normalize(NormalizationForm.FormD))).Ids().ShouldBe([composed.Id]);
        var found = await app.SearchAsync($"khắc phục hậu quả {marker}");
        found.Ids().ShouldBe([decomposed.Id]);
        found.Items[0].SubjectHtml.ShouldBe($"Báo cáo tình hình <mark>khắc phục hậu quả {marker}</mark>");
    }

    [Fact]
    public async Task D_with_a_stroke_folds_to_d_in_both_cases()
    {
        var marker = SearchDocuments.Marker();
        var party = await app.RegisterAsync(H.Danang, $"ĐẢNG ỦY phường triển khai đề án {marker}", body: "Đề án do Đảng ủy chỉ đạo.");

        (await app.SearchAsync($"dang uy {marker}")).Ids().ShouldBe([party.Id]);
        (await app.SearchAsync($"Đảng Ủy {marker}")).Ids().ShouldBe([party.Id]);
        (await app.SearchAsync($"DE AN {marker}")).Ids().ShouldBe([party.Id]);
        var hit = (await app.SearchAsync($"đang uy {marker}")).Items.ShouldHaveSingleItem();
        hit.SubjectHtml.ShouldStartWith("<mark>ĐẢNG ỦY</mark>");
        hit.SnippetHtml.ShouldBe("Đề án do <mark>Đảng ủy</mark> chỉ đạo.");
    }

    [Fact]
    public async Task A_star_finds_words_by_their_beginning()
    {
        var marker = SearchDocuments.Marker();
        var digital = await app.RegisterAsync(H.Danang, $"Kế hoạch chuyển đổi số năm 2026 {marker}");
        var transfer = await app.RegisterAsync(H.Danang, $"Công văn về việc chuyên môn {marker}");

        (await app.SearchAsync($"chuyen* {marker}")).Ids().ShouldBe([transfer.Id, digital.Id], ignoreOrder: true);
        (await app.SearchAsync($"chuyể* {marker}")).Ids().ShouldBe([transfer.Id, digital.Id], ignoreOrder: true);
        (await app.SearchAsync($"chuy {marker}")).Ids().ShouldBeEmpty();
        (await app.SearchAsync($"\"chuyen doi s\"* {marker}")).Ids().ShouldBe([digital.Id]);
        var hit = (await app.SearchAsync($"chuyen* {marker}")).Items.Single(h => h.Document.Id == digital.Id);
        hit.SubjectHtml.ShouldContain("<mark>chuyển</mark> đổi");
    }

    [Fact]
    public async Task A_star_that_starts_more_words_than_are_expanded_still_finds_them_all()
    {
        var marker = SearchDocuments.Marker();
        var codes = string.Join(' ', Enumerable.Range(0, SearchVocabulary.MaxPrefixTerms + 6).Select(i => $"{marker}x{i}"));
        var many = await app.RegisterAsync(H.Danang, $"Danh mục mã {marker}", body: codes);
        var one = await app.RegisterAsync(H.Danang, $"Mã riêng {marker}q");

        (await app.SearchAsync($"{marker}*")).Ids().ShouldBe([one.Id, many.Id]);
        (await app.SearchAsync($"{marker}x1*")).Ids().ShouldBe([many.Id]);
        (await app.SearchAsync($"{marker}x1* {marker}q")).Ids().ShouldBeEmpty();
        (await app.SearchAsync($"\"ma {marker}\"*")).Ids().ShouldBe([many.Id]);
        (await app.SearchAsync($"\"rieng {marker}\"*")).Ids().ShouldBe([one.Id]);
    }

    [Fact]
    public async Task A_quoted_phrase_needs_its_words_in_that_order()
    {
        var marker = SearchDocuments.Marker();
        var inOrder = await app.RegisterAsync(H.Danang, $"Kế hoạch triển khai Nghị quyết {marker}");
        var reversed = await app.RegisterAsync(H.Danang, $"Triển khai kế hoạch năm {marker}");

        (await app.SearchAsync($"\"ke hoach trien khai\" {marker}")).Ids().ShouldBe([inOrder.Id]);
        (await app.SearchAsync($"ke hoach trien khai {marker}")).Ids().ShouldBe([reversed.Id, inOrder.Id], ignoreOrder: true);
        (await app.SearchAsync($"“trien khai ke hoach” {marker}")).Ids().ShouldBe([reversed.Id]);
    }

    [Fact]
    public async Task A_symbol_typed_as_printed_finds_its_document_and_not_its_neighbours()
    {
        var marker = SearchDocuments.Marker();
        var forty = await app.RegisterAsync(H.Danang, $"Quyết định kiện toàn Ban Chỉ đạo {marker}", symbol: "40/QĐ-BCĐ", direction: DocumentDirection.Incoming);
        await app.RegisterAsync(H.Danang, $"Quyết định phân công nhiệm vụ {marker}", symbol: "140/QĐ-BCĐ");
        await app.RegisterAsync(H.Danang, $"Quyết định ban hành quy chế {marker}", symbol: "40/KH-BCĐ");

        var found = await app.SearchAsync($"40/QĐ-BCĐ {marker}");
        found.Ids().ShouldBe([forty.Id]);
        found.Items[0].SymbolHtml.ShouldBe("<mark>40/QĐ-BCĐ</mark>");
        (await app.SearchAsync($"40/qd-bcd {marker}")).Ids().ShouldBe([forty.Id]);
        (await app.SearchAsync($"Số 40/QĐ-BCĐ {marker}")).Ids().ShouldBe([forty.Id]);
        (await app.SearchAsync("40/QĐ-BCĐ")).Ids().ShouldContain(forty.Id);
    }

    [Fact]
    public async Task Filters_narrow_the_matches_by_type_issuer_committee_dates_and_direction()
    {
        var marker = SearchDocuments.Marker();
        var plan = await app.RegisterAsync(H.Danang, $"Kế hoạch {marker}", type: "KH", issuedOn: new(2025, 3, 1), issuer: "Sở Nông nghiệp và Môi trường");
        var decision = await app.RegisterAsync(H.HaiChau, $"Quyết định {marker}", type: "QĐ", issuedOn: new(2025, 6, 1));
        var notice = await app.RegisterAsync(H.Hue, $"Thông báo {marker}", type: "TB", issuedOn: new(2025, 9, 1));
        var internalNote = await app.RegisterAsync(H.Danang, $"Ghi chú nội bộ {marker}", direction: DocumentDirection.Internal, type: "KH", issuedOn: new(2025, 9, 2));

        (await app.SearchAsync(marker)).Ids().ShouldBe([internalNote.Id, notice.Id, decision.Id, plan.Id]);
        (await app.SearchAsync(marker, filters: new(Type: "QĐ"))).Ids().ShouldBe([decision.Id]);
        (await app.SearchAsync(marker, filters: new(Issuer: "Sở Nông nghiệp"))).Ids().ShouldBe([plan.Id]);
        (await app.SearchAsync(marker, filters: new(UnderId: H.Danang.Id))).Ids().ShouldBe([internalNote.Id, decision.Id, plan.Id]);
        (await app.SearchAsync(marker, filters: new(UnderId: H.HaiChau.Id))).Ids().ShouldBe([decision.Id]);
        (await app.SearchAsync(marker, filters: new(From: new(2025, 5, 1), To: new(2025, 9, 1)))).Ids().ShouldBe([notice.Id, decision.Id]);
        (await app.SearchAsync(marker, filters: new(Direction: DocumentDirection.Internal))).Ids().ShouldBe([internalNote.Id]);
        (await app.SearchAsync(marker, filters: new(UnderId: H.Danang.Id, Type: "KH", Direction: DocumentDirection.Incoming))).Ids().ShouldBe([plan.Id]);
    }

    [Fact]
    public async Task Newest_first_is_the_default_and_relevance_puts_the_closest_match_first()
    {
        var marker = SearchDocuments.Marker();
        var filler = string.Join(' ', Enumerable.Repeat("Các sở, ngành, địa phương tổ chức thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao.", 30));
        var oldest = await app.RegisterAsync(H.Danang, $"Kế hoạch ứng phó ngập lụt {marker}", body: $"Ứng phó ngập lụt đô thị; ứng phó ngập lụt ven sông. {marker}", issuedOn: new(2024, 1, 10));
        var middle = await app.RegisterAsync(H.Danang, $"Báo cáo công tác quý III {marker}", body: $"{filler} ngập lụt {filler}", issuedOn: new(2025, 1, 10));
        var newest = await app.RegisterAsync(H.Danang, $"Thông báo lịch họp {marker}", body: $"{filler} ứng phó {filler} ngập {filler} lụt", issuedOn: new(2025, 11, 10));

        (await app.SearchAsync($"ngap lut {marker}")).Ids().ShouldBe([newest.Id, middle.Id, oldest.Id]);
        var ranked = await app.SearchAsync($"ung pho ngap lut {marker}", order: SearchOrder.Relevance);
        ranked.Ids().ShouldBe([oldest.Id, newest.Id]);
        (await app.SearchAsync($"ngap lut {marker}", order: SearchOrder.Relevance)).Ids()[0].ShouldBe(oldest.Id);
        var second = await app.SearchAsync($"ngap lut {marker}", order: SearchOrder.Relevance, page: 2, pageSize: 2);
        second.Ids().Length.ShouldBe(1);
        second.Total.ShouldBe(3);
    }

    [Fact]
    public async Task Results_come_in_pages_with_the_total()
    {
        var marker = SearchDocuments.Marker();
        var ids = new List<int>();
        for (var day = 1; day <= 7; day++)
        {
            ids.Add((await app.RegisterAsync(H.Danang, $"Báo cáo ngày {day} {marker}", issuedOn: new(2025, 10, day))).Id);
        }
        ids.Reverse();

        var first = await app.SearchAsync(marker, pageSize: 3);
        var third = await app.SearchAsync(marker, page: 3, pageSize: 3);
        var beyond = await app.SearchAsync(marker, page: 9, pageSize: 3);

        first.Ids().ShouldBe(ids.Take(3));
        first.Total.ShouldBe(7);
        first.PageCount.ShouldBe(3);
        third.Ids().ShouldBe(ids.Skip(6));
        beyond.Ids().ShouldBeEmpty();
        beyond.Total.ShouldBe(7);
    }

    [Fact]
    public async Task A_commune_never_finds_another_communes_document_but_finds_directives_shared_with_its_subtree()
    {
        var marker = SearchDocuments.Marker();
        var vyda = await app.RegisterAsync(H.VyDa, $"Phương án sơ tán dân phường Vỹ Dạ {marker}");
        var sharedDirective = await app.RegisterAsync(H.Central, $"Chỉ thị về công tác phòng, chống thiên tai {marker}", visibility: DocumentVisibility.Subtree);
        var centralOnly = await app.RegisterAsync(H.Central, $"Biên bản họp Ban Chỉ đạo trung ương {marker}");
        var danangShared = await app.RegisterAsync(H.Danang, $"Hướng dẫn của thành phố {marker}", visibility: DocumentVisibility.Subtree);
        var haichau = SearchDocuments.SecretariatOf(H.HaiChau);

        (await app.SearchAsync($"so tan {marker}", haichau)).Ids().ShouldBeEmpty();
        (await app.SearchAsync("Vỹ Dạ", haichau)).Ids().ShouldNotContain(vyda.Id);
        (await app.SearchAsync(marker, haichau)).Ids().ShouldBe([danangShared.Id, sharedDirective.Id], ignoreOrder: true);
        (await app.SearchAsync(marker, haichau, order: SearchOrder.Relevance)).Ids().ShouldBe([danangShared.Id, sharedDirective.Id], ignoreOrder: true);
        (await app.SearchAsync($"chi thi {marker}", haichau)).Ids().ShouldBe([sharedDirective.Id]);
        (await app.SearchAsync($"bien ban {marker}", haichau)).Total.ShouldBe(0);
        (await app.SearchAsync(marker, SearchDocuments.SecretariatOf(H.VyDa))).Ids().ShouldBe([vyda.Id, sharedDirective.Id], ignoreOrder: true);
        (await app.SearchAsync(marker, SearchDocuments.SecretariatOf(H.Central))).Ids().ShouldContain(centralOnly.Id);
    }

    [Fact]
    public async Task A_deleted_document_is_never_found_and_an_edited_one_is_found_by_its_new_words()
    {
        var marker = SearchDocuments.Marker();
        var deleted = await app.RegisterAsync(H.Danang, $"Công văn hỏa tốc về mưa lũ {marker}");
        var edited = await app.RegisterAsync(H.Danang, $"Công văn về sạt lở đất {marker}");
        await using (var scope = app.ServiceScope())
        {
            var register = scope.Get<DocumentRegister>();
            (await register.DeleteAsync(scope.Actor, deleted.Id, deleted.Version)).IsOk.ShouldBeTrue();
            var input = new DocumentInput(edited.Direction, edited.Type, edited.Symbol, false, null, edited.IssuedOn, edited.ReceivedOn, edited.IssuerKind,
                null, null, edited.IssuerName, $"Công văn về xâm nhập mặn {marker}", edited.SignerName, edited.SigningAuthority, null, null, null, edited.Visibility);
            (await register.UpdateAsync(scope.Actor, edited.Id, input, edited.Version)).IsOk.ShouldBeTrue();
        }

        (await app.SearchAsync($"mua lu {marker}")).Ids().ShouldBeEmpty();
        (await app.SearchAsync($"hoa toc {marker}", order: SearchOrder.Relevance)).Ids().ShouldBeEmpty();
        (await app.SearchAsync(marker)).Ids().ShouldBe([edited.Id]);
        (await app.SearchAsync($"sat lo {marker}")).Ids().ShouldBeEmpty();
        (await app.SearchAsync($"xam nhap man {marker}")).Ids().ShouldBe([edited.Id]);
    }

    [Fact]
    public async Task A_new_issue_date_moves_a_document_in_the_order_and_sharing_it_shows_it_to_the_committees_below()
    {
        var marker = SearchDocuments.Marker();
        var may = await app.RegisterAsync(H.Danang, $"Kế hoạch tháng năm {marker}", issuedOn: new(2025, 5, 1));
        var june = await app.RegisterAsync(H.Danang, $"Kế hoạch tháng sáu {marker}", issuedOn: new(2025, 6, 1));
        var earlier = await app.RegisterAsync(H.Danang, $"Kế hoạch cùng ngày, vào sổ sau {marker}", issuedOn: new(2025, 5, 1));
        var haichau = SearchDocuments.SecretariatOf(H.HaiChau);
        (await app.SearchAsync(marker)).Ids().ShouldBe([june.Id, earlier.Id, may.Id]);
        (await app.SearchAsync(marker, haichau)).Ids().ShouldBeEmpty();

        await using (var scope = app.ServiceScope())
        {
            var input = new DocumentInput(may.Direction, may.Type, may.Symbol, false, null, new DateOnly(2025, 7, 1), may.ReceivedOn, may.IssuerKind,
                null, null, may.IssuerName, may.Subject, may.SignerName, may.SigningAuthority, null, null, null, DocumentVisibility.Subtree);
            (await scope.Get<DocumentRegister>().UpdateAsync(scope.Actor, may.Id, input, may.Version)).IsOk.ShouldBeTrue();
        }

        (await app.SearchAsync(marker)).Ids().ShouldBe([may.Id, june.Id, earlier.Id]);
        (await app.SearchAsync(marker, filters: new(From: new(2025, 7, 1), To: new(2025, 7, 1)))).Ids().ShouldBe([may.Id]);
        (await app.SearchAsync(marker, filters: new(From: new(2025, 5, 1), To: new(2025, 6, 30)))).Ids().ShouldBe([june.Id, earlier.Id]);
        (await app.SearchAsync(marker, haichau)).Ids().ShouldBe([may.Id]);
        (await app.SearchAsync(marker, new(null, "thanhvien.test", Role.Member, H.HaiChau.Id, H.HaiChau.Path, null))).Ids().ShouldBe([may.Id]);
        (await app.SearchAsync(marker, new(null, "thanhvien.test", Role.Member, H.Danang.Id, H.Danang.Path, null))).Total.ShouldBe(3);
    }

    public static TheoryData<string> HostileQueries() =>
    [
        "\"", "\"\"", "\"unclosed phrase", "(", ")", "((nghi quyet)", "nghi AND quyet", "nghi OR", "NOT", "NOT nghi", "NEAR(nghi quyet)",
        "nghi NEAR/2 quyet", "*", "**", "* *", "-", "--nghi", "^nghi", "nghi:quyet", "SearchText:nghi", "{nghi quyet}", "'", "'; DROP TABLE \"Documents\"; --",
        "a & b | !c", "a <-> b", "x:*", "!!", "\\", "%", "_", "nghi\0quyet", "\u0001\u0002\u001f", "\uD800", "\uDC00abc", "\uFFFF", "🙂 nghị", "𝐍𝐠𝐡𝐢",
        "中文 検索", "ما", " ", "\t\n", new string('a', 10_240), string.Join(' ', Enumerable.Repeat("nghị quyết", 1_024)),
        string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"w{i}*")), new string('"', 5_000), string.Concat(Enumerable.Repeat("(\"*", 3_000)),
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task No_query_makes_the_search_fail(string query)
    {
        foreach (var order in new[] { SearchOrder.Newest, SearchOrder.Relevance })
        {
            var results = await app.SearchAsync(query, order: order);
            results.Page.ShouldBe(1);
            var scoped = await app.SearchAsync(query, SearchDocuments.SecretariatOf(H.HaiChau), new(UnderId: H.HaiChau.Id, Type: query, Issuer: query), order);
            scoped.Total.ShouldBeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public async Task An_empty_query_lists_the_register_newest_first()
    {
        var marker = SearchDocuments.Marker();
        var older = await app.RegisterAsync(H.VyDa, $"Kế hoạch {marker}", issuedOn: new(2020, 1, 1));
        var newer = await app.RegisterAsync(H.VyDa, $"Báo cáo {marker}", issuedOn: new(2020, 1, 2));
        var vyda = SearchDocuments.SecretariatOf(H.VyDa);

        foreach (var empty in new string?[] { null, "", "  ", "*", "\"\"", "()" })
        {
            var listed = await app.SearchAsync(empty, vyda, new(To: new(2020, 12, 31)));
            listed.Ids().ShouldBe([newer.Id, older.Id]);
            listed.Items[0].SubjectHtml.ShouldBe($"Báo cáo {marker}");
            listed.Items[0].SnippetHtml.ShouldBeNull();
        }
    }

    [Fact]
    public async Task The_snippet_shows_the_matched_words_in_the_body_and_encodes_everything_else()
    {
        var marker = SearchDocuments.Marker();
        var before = string.Join(' ', Enumerable.Repeat("Căn cứ Luật Phòng, chống thiên tai;", 20));
        var body = $"{before} <script>alert('x')</script> & Điều 3. Sở Tài chính bố trí kinh phí dự phòng {marker}. {before}";
        await app.RegisterAsync(H.Danang, $"Quyết định <b>phân bổ</b> kinh phí {marker}", body: body);

        var hit = (await app.SearchAsync($"kinh phi du phong {marker}")).Items.ShouldHaveSingleItem();

        hit.SnippetHtml.ShouldNotBeNull();
        hit.SnippetHtml.ShouldStartWith("… ");
        hit.SnippetHtml.ShouldEndWith(" …");
        hit.SnippetHtml.ShouldContain($"bố trí <mark>kinh phí dự phòng {marker}</mark>.");
        hit.SnippetHtml.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Điều 3.");
        hit.SnippetHtml.Length.ShouldBeLessThan(400);
        hit.SubjectHtml.ShouldBe($"Quyết định &lt;b&gt;phân bổ&lt;/b&gt; <mark>kinh phí</mark> <mark>{marker}</mark>".Replace("</mark> <mark>", " ", StringComparison.Ordinal));
    }
}
