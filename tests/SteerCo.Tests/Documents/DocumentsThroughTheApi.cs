using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents;

/// <summary>/api/v1/documents and the register numbers as a client sees them: answers, messages, scope and stale edits.</summary>
public sealed class DocumentsThroughTheApi(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Hierarchy H => app.Hierarchy;

    private static object Incoming(int committeeId, string symbol, string issuer = "Văn phòng Chính phủ", string issuedOn = "2026-02-10", string subject = "Về công tác phòng, chống thiên tai") => new
    {
        committeeId,
        direction = "Incoming",
        symbol,
        issuedOn,
        receivedOn = issuedOn,
        issuerKind = "Outside",
        issuerName = issuer,
        subject,
    };

    private static object Outgoing(int committeeId, string type = "KH", string visibility = "Committee", string subject = "Kế hoạch phòng, chống thiên tai năm 2026") => new
    {
        committeeId,
        direction = "Outgoing",
        type,
        issueNumber = true,
        issuedOn = "2026-03-02",
        subject,
        signerName = "Nguyễn Văn An",
        signingAuthority = "Deputy",
        signerTitle = "Phó Trưởng ban",
        recipients = "- Như trên;\n- Lưu: VT.",
        visibility,
    };

    private static HttpRequestMessage English(HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent(body) };
        request.Headers.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en-GB", "en")))}");
        return request;
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, ApiJson.Options), System.Text.Encoding.UTF8, "application/json");

    private async Task<DocumentDetail> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/documents", body);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync<DocumentDetail>();
    }

    [Fact]
    public async Task Registering_an_outgoing_document_issues_the_next_number_and_dates_read_yyyy_MM_dd()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.HaiChau.Id);

        var response = await client.PostJsonAsync("/api/v1/documents", Outgoing(H.HaiChau.Id));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var json = await response.ReadJsonAsync<JsonElement>();
        var number = json.GetProperty("number").GetInt32();
        json.GetProperty("symbol").GetString().ShouldBe($"{number:00}/KH-BCĐ");
        json.GetProperty("issuedOn").GetString().ShouldBe("2026-03-02");
        json.GetProperty("signingAuthority").GetString().ShouldBe("Deputy");
        json.GetProperty("issuerName").GetString().ShouldBe(H.HaiChau.Name);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/documents/{json.GetProperty("id").GetInt32()}");
        var second = await CreateAsync(client, Outgoing(H.HaiChau.Id, "QĐ"));
        second.Symbol.ShouldBe($"{number + 1:00}/QĐ-BCĐ");
    }

    [Fact]
    public async Task A_wrong_symbol_gets_the_parsers_message_beside_the_field_in_the_users_language()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        var vietnamese = await client.PostJsonAsync("/api/v1/documents", Incoming(H.Danang.Id, "114/QD-VPCP"));
        var english = await client.SendAsync(English(HttpMethod.Post, "/api/v1/documents", Incoming(H.Danang.Id, "114/QD-VPCP")));

        await vietnamese.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await vietnamese.ReadProblemAsync()).ErrorsFor("symbol").Single().ShouldBe("'QD' không phải là tên loại văn bản — có phải là 'QĐ'?");
        await english.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await english.ReadProblemAsync()).ErrorsFor("symbol").Single().ShouldContain("did you mean 'QĐ'");
    }

    [Fact]
    public async Task Missing_fields_are_named_one_by_one()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        var response = await client.PostJsonAsync("/api/v1/documents", new { committeeId = H.Danang.Id, direction = "Incoming" });

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.ErrorsFor("subject").ShouldBe(["Nhập trích yếu nội dung."]);
        problem.ErrorsFor("issuedOn").ShouldNotBeEmpty();
        problem.ErrorsFor("symbol").ShouldNotBeEmpty();
        problem.ErrorsFor("issuerName").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_symbol_already_in_the_register_that_year_is_refused_with_a_clear_message()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        await CreateAsync(client, Incoming(H.Danang.Id, "Số: 77/TB-VPCP"));

        var again = await client.PostJsonAsync("/api/v1/documents", Incoming(H.Danang.Id, "77/TB-VPCP"));
        var nextYear = await client.PostJsonAsync("/api/v1/documents", Incoming(H.Danang.Id, "77/TB-VPCP", issuedOn: "2025-02-10"));

        await again.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await again.ReadProblemAsync()).ErrorsFor("symbol").ShouldBe(["Số, ký hiệu 77/TB-VPCP đã có trong sổ văn bản năm 2026."]);
        await nextYear.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_edit_over_a_newer_version_is_refused_with_409_and_changes_nothing()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        var document = await CreateAsync(client, Incoming(H.Danang.Id, "12/CĐ-TTg", subject: "Công điện về ứng phó bão số 3"));
        var first = await client.PutJsonAsync($"/api/v1/documents/{document.Id}", new
        {
            direction = "Incoming",
            symbol = "12/CĐ-TTg",
            issuedOn = "2026-02-10",
            issuerKind = "Outside",
            issuerName = "Thủ tướng Chính phủ",
            subject = "Công điện về ứng phó bão số 3 (sửa)",
            version = document.Version,
        });
        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var stale = await client.PutJsonAsync($"/api/v1/documents/{document.Id}", new
        {
            direction = "Incoming",
            symbol = "12/CĐ-TTg",
            issuedOn = "2026-02-10",
            issuerKind = "Outside",
            issuerName = "Văn phòng Chính phủ",
            subject = "Ghi đè",
            version = document.Version,
        });

        await stale.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        (await stale.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Bản ghi đã được người khác sửa sau khi bạn mở nó. Hãy tải lại trang và sửa lại.");
        var now = await client.GetJsonAsync<DocumentDetail>($"/api/v1/documents/{document.Id}");
        now.Subject.ShouldBe("Công điện về ứng phó bão số 3 (sửa)");
        now.IssuerName.ShouldBe("Thủ tướng Chính phủ");
    }

    [Fact]
    public async Task Deleting_needs_the_current_version_and_takes_the_document_out_of_the_register()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        var document = await CreateAsync(client, Incoming(H.Danang.Id, "5/GM-VPCP"));

        var noVersion = await client.DeleteAsync($"/api/v1/documents/{document.Id}");
        var stale = await client.DeleteAsync($"/api/v1/documents/{document.Id}?version={document.Version + 1}");
        var deleted = await client.DeleteAsync($"/api/v1/documents/{document.Id}?version={document.Version}");

        await noVersion.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await noVersion.ReadProblemAsync()).ErrorsFor("version").ShouldNotBeEmpty();
        await stale.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        await deleted.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/documents/{document.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The symbol is free again in this year's register.
        await CreateAsync(client, Incoming(H.Danang.Id, "5/GM-VPCP"));
    }

    [Fact]
    public async Task Documents_follow_the_scope_rule_and_a_shared_directive_is_read_below()
    {
        var admin = await app.AsAdminAsync();
        var own = await CreateAsync(admin, Incoming(H.Danang.Id, "31/HD-BNNMT", issuer: "Bộ Nông nghiệp và Môi trường"));
        var directive = await CreateAsync(admin, Outgoing(H.Central.Id, "CT", "Subtree", "Chỉ thị về chủ động ứng phó thiên tai"));
        var internalNote = await CreateAsync(admin, Outgoing(H.Central.Id, "TB", "Committee", "Thông báo nội bộ Trung ương"));
        var hue = await app.SignInAsync(Role.Secretariat, H.Hue.Id);
        var viewer = await app.SignInAsync(Role.Viewer, H.Danang.Id);
        var commune = await app.SignInAsync(Role.Secretariat, H.HaiChau.Id);

        (await hue.GetAsync($"/api/v1/documents/{own.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await hue.PutJsonAsync($"/api/v1/documents/{own.Id}", new { direction = "Incoming", version = own.Version })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await hue.GetAsync($"/api/v1/documents/{own.Id}/cascade")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.GetAsync($"/api/v1/documents/{own.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var forbidden = await viewer.PutJsonAsync($"/api/v1/documents/{own.Id}", new { direction = "Incoming", version = own.Version });
        await forbidden.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        (await forbidden.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(403);
        (await viewer.DeleteAsync($"/api/v1/documents/{own.Id}?version={own.Version}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.DeleteAsync($"/api/v1/documents/{own.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostJsonAsync("/api/v1/documents", Outgoing(H.Danang.Id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await hue.PostJsonAsync("/api/v1/documents", Outgoing(H.Danang.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await commune.GetJsonAsync<DocumentDetail>($"/api/v1/documents/{directive.Id}")).CanManage.ShouldBeFalse();
        (await hue.GetAsync($"/api/v1/documents/{directive.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await commune.GetAsync($"/api/v1/documents/{internalNote.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await commune.PutJsonAsync($"/api/v1/documents/{directive.Id}", new { direction = "Outgoing", version = directive.Version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var list = await hue.GetJsonAsync<Paged<DocumentSummary>>("/api/v1/documents?pageSize=200");
        list.Items.Select(d => d.Id).ShouldContain(directive.Id);
        list.Items.Select(d => d.Id).ShouldNotContain(own.Id);
        list.Items.Select(d => d.Id).ShouldNotContain(internalNote.Id);
    }

    [Fact]
    public async Task The_list_filters_by_subtree_direction_type_issuer_and_dates_and_sorts()
    {
        var admin = await app.AsAdminAsync();
        var issuer = $"Sở Thử nghiệm {Guid.NewGuid():N}"[..24];
        var early = await CreateAsync(admin, Incoming(H.HaiChau.Id, "3/BC-STN", issuer, "2026-01-15"));
        var late = await CreateAsync(admin, Incoming(H.HaiChau.Id, "9/KH-STN", issuer, "2026-02-20"));
        var elsewhere = await CreateAsync(admin, Incoming(H.VyDa.Id, "4/BC-STN", issuer, "2026-02-01"));
        var query = $"/api/v1/documents?issuer={Uri.EscapeDataString(issuer)}";

        async Task<int[]> Ids(string filters) => [.. (await admin.GetJsonAsync<Paged<DocumentSummary>>(query + filters)).Items.Select(d => d.Id)];

        (await Ids("")).ShouldBe([late.Id, elsewhere.Id, early.Id]);
        (await Ids("&sort=issued")).ShouldBe([early.Id, elsewhere.Id, late.Id]);
        (await Ids($"&under={H.Danang.Id}")).ShouldBe([late.Id, early.Id]);
        (await Ids("&type=BC")).ShouldBe([elsewhere.Id, early.Id]);
        (await Ids("&from=2026-02-01&to=2026-02-19")).ShouldBe([elsewhere.Id]);
        (await Ids("&direction=Outgoing")).ShouldBeEmpty();
        (await Ids("&direction=Incoming&pageSize=1&page=2")).ShouldBe([elsewhere.Id]);
        var page = await admin.GetJsonAsync<Paged<DocumentSummary>>(query + "&pageSize=1");
        page.Total.ShouldBe(3);
    }

    [Fact]
    public async Task Relations_are_added_seen_from_both_documents_and_removed()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        var admin = await app.AsAdminAsync();
        var directive = await CreateAsync(admin, Outgoing(H.Central.Id, "CT", "Subtree", "Chỉ thị về phòng, chống thiên tai"));
        var plan = await CreateAsync(client, Outgoing(H.Danang.Id, "KH"));
        var hidden = await CreateAsync(admin, Incoming(H.Hue.Id, "8/TB-UBND"));

        var added = await client.PostJsonAsync($"/api/v1/documents/{plan.Id}/relations", new { relatedDocumentId = directive.Id, kind = "Implements" });
        var outOfScope = await client.PostJsonAsync($"/api/v1/documents/{plan.Id}/relations", new { relatedDocumentId = hidden.Id, kind = "Cites" });
        var self = await client.PostJsonAsync($"/api/v1/documents/{plan.Id}/relations", new { relatedDocumentId = plan.Id, kind = "Cites" });
        var onTheirs = await client.PostJsonAsync($"/api/v1/documents/{directive.Id}/relations", new { relatedDocumentId = plan.Id, kind = "Cites" });

        await added.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var relation = (await added.ReadJsonAsync<DocumentDetail>()).Relations.Single();
        (relation.Kind, relation.Outgoing, relation.OtherId).ShouldBe((RelationKind.Implements, true, directive.Id));
        await outOfScope.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await outOfScope.ReadProblemAsync()).ErrorsFor("relatedDocumentId").ShouldNotBeEmpty();
        await self.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        await onTheirs.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        var seenFromDirective = (await admin.GetJsonAsync<DocumentDetail>($"/api/v1/documents/{directive.Id}")).Relations.Single();
        (seenFromDirective.Outgoing, seenFromDirective.OtherId).ShouldBe((false, plan.Id));

        var removed = await client.DeleteAsync($"/api/v1/documents/{plan.Id}/relations/{relation.Id}");
        var again = await client.DeleteAsync($"/api/v1/documents/{plan.Id}/relations/{relation.Id}");

        await removed.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await again.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        (await client.GetJsonAsync<DocumentDetail>($"/api/v1/documents/{plan.Id}")).Relations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_documents_that_would_each_replace_the_other_are_refused_with_400()
    {
        var (committeeId, client) = await OwnCommitteeAsync(apart: true);
        var newer = await CreateAsync(client, Incoming(committeeId, "17/QĐ-UBND", issuedOn: "2026-02-10"));
        var older = await CreateAsync(client, Incoming(committeeId, "9/QĐ-UBND", issuedOn: "2026-01-05"));

        var replaces = await client.PostJsonAsync($"/api/v1/documents/{newer.Id}/relations", new { relatedDocumentId = older.Id, kind = "Replaces" });
        var back = await client.PostJsonAsync($"/api/v1/documents/{older.Id}/relations", new { relatedDocumentId = newer.Id, kind = "Replaces" });
        var backInEnglish = await client.SendAsync(English(HttpMethod.Post, $"/api/v1/documents/{older.Id}/relations", new { relatedDocumentId = newer.Id, kind = "Replaces" }));
        var amendsNewer = await client.SendAsync(English(HttpMethod.Post, $"/api/v1/documents/{older.Id}/relations", new { relatedDocumentId = newer.Id, kind = "Amends" }));

        await replaces.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await back.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await back.ReadProblemAsync()).ErrorsFor("relatedDocumentId")
            .ShouldBe(["Văn bản 17/QĐ-UBND đã thay thế văn bản này: hai văn bản không thể thay thế lẫn nhau."]);
        await backInEnglish.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await backInEnglish.ReadProblemAsync()).ErrorsFor("relatedDocumentId")
            .ShouldBe(["17/QĐ-UBND already replaces this document: the relation cannot go the other way as well."]);
        await amendsNewer.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await amendsNewer.ReadProblemAsync()).ErrorsFor("relatedDocumentId")
            .ShouldBe(["This document, issued on 05/01/2026, cannot amend 17/QĐ-UBND, which was issued after it (10/02/2026)."]);
        (await client.GetJsonAsync<DocumentDetail>($"/api/v1/documents/{older.Id}")).Relations
            .Select(r => (r.Kind, r.Outgoing, r.OtherId)).ShouldBe([(RelationKind.Replaces, false, newer.Id)]);
    }

    [Fact]
    public async Task The_cascade_shows_each_committee_below_with_its_implementing_documents_or_none()
    {
        var admin = await app.AsAdminAsync();
        var directive = await CreateAsync(admin, Outgoing(H.Central.Id, "CT", "Subtree", "Chỉ thị về triển khai phòng, chống thiên tai"));
        var provincePlan = await CreateAsync(admin, Outgoing(H.Danang.Id, "KH", subject: "Kế hoạch triển khai Chỉ thị"));
        var communePlan = await CreateAsync(admin, Outgoing(H.HaiChau.Id, "KH", subject: "Kế hoạch của phường triển khai"));
        var unrelated = await CreateAsync(admin, Outgoing(H.Hue.Id, "KH", subject: "Kế hoạch không liên quan"));
        await Relate(provincePlan.Id, directive.Id);
        await Relate(communePlan.Id, provincePlan.Id);

        var cascade = await admin.GetJsonAsync<JsonElement>($"/api/v1/documents/{directive.Id}/cascade");

        cascade.GetProperty("committeeId").GetInt32().ShouldBe(H.Central.Id);
        cascade.GetProperty("committees").GetInt32().ShouldBe(5);
        cascade.GetProperty("implemented").GetInt32().ShouldBe(2);
        var children = cascade.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("committeeId").GetInt32());
        children.Keys.ShouldBe([H.Danang.Id, H.Hue.Id], ignoreOrder: true);
        Ids(children[H.Danang.Id]).ShouldBe([provincePlan.Id]);
        var commune = children[H.Danang.Id].GetProperty("children").EnumerateArray().Single();
        Ids(commune).ShouldBe([communePlan.Id]);
        (children[H.Danang.Id].GetProperty("implemented").GetInt32(), children[H.Danang.Id].GetProperty("committees").GetInt32()).ShouldBe((2, 2));
        Ids(children[H.Hue.Id]).ShouldBeEmpty();
        Ids(children[H.Hue.Id].GetProperty("children").EnumerateArray().Single()).ShouldBeEmpty();
        (children[H.Hue.Id].GetProperty("implemented").GetInt32(), children[H.Hue.Id].GetProperty("committees").GetInt32()).ShouldBe((0, 2));
        unrelated.Id.ShouldNotBe(0);

        // A province secretariat sees its own branch of the shared directive's cascade, nothing of another province.
        var danang = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        var theirs = await danang.GetJsonAsync<JsonElement>($"/api/v1/documents/{directive.Id}/cascade");
        theirs.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("committeeId").GetInt32()).ShouldBe([H.Danang.Id]);

        static int[] Ids(JsonElement node) => [.. node.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetInt32())];

        async Task Relate(int id, int relatedId)
        {
            var response = await admin.PostJsonAsync($"/api/v1/documents/{id}/relations", new { relatedDocumentId = relatedId, kind = "Implements" });
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Numbers_are_reserved_listed_and_cancelled_with_a_reason()
    {
        var client = await app.SignInAsync(Role.Secretariat, H.VyDa.Id);

        var reserved = await client.PostJsonAsync($"/api/v1/committees/{H.VyDa.Id}/numbers", new { type = "QĐ", issuedOn = "2026-04-01" });
        var noDate = await client.PostJsonAsync($"/api/v1/committees/{H.VyDa.Id}/numbers", new { type = "QĐ" });
        var badType = await client.PostJsonAsync($"/api/v1/committees/{H.VyDa.Id}/numbers", new { type = "QD", issuedOn = "2026-04-01" });

        await reserved.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var number = await reserved.ReadJsonAsync<ReservationView>();
        (number.Number, number.Symbol, number.Status).ShouldBe((1, "01/QĐ-BCĐ", ReservationStatus.Reserved));
        await noDate.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await noDate.ReadProblemAsync()).ErrorsFor("issuedOn").ShouldNotBeEmpty();
        await badType.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await badType.ReadProblemAsync()).ErrorsFor("type").Single().ShouldContain("QĐ");

        var noReason = await client.PostJsonAsync($"/api/v1/numbers/{number.Id}/cancel", new { reason = " ", version = number.Version });
        var stale = await client.PostJsonAsync($"/api/v1/numbers/{number.Id}/cancel", new { reason = "Không ban hành", version = number.Version + 1 });
        var cancelled = await client.PostJsonAsync($"/api/v1/numbers/{number.Id}/cancel", new { reason = "Không ban hành", version = number.Version });
        var twice = await client.PostJsonAsync($"/api/v1/numbers/{number.Id}/cancel", new { reason = "Lần nữa", version = number.Version + 1 });

        await noReason.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await noReason.ReadProblemAsync()).ErrorsFor("reason").ShouldNotBeEmpty();
        await stale.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        await cancelled.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await cancelled.ReadJsonAsync<ReservationView>()).Status.ShouldBe(ReservationStatus.Cancelled);
        await twice.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);

        var list = await client.GetJsonAsync<Paged<ReservationView>>($"/api/v1/committees/{H.VyDa.Id}/numbers");
        list.Items.Single().CancelReason.ShouldBe("Không ban hành");
        var next = await client.PostJsonAsync($"/api/v1/committees/{H.VyDa.Id}/numbers", new { type = "QĐ", issuedOn = "2026-04-02" });
        (await next.ReadJsonAsync<ReservationView>()).Number.ShouldBe(2);
    }

    [Fact]
    public async Task Numbers_of_another_committee_are_out_of_reach()
    {
        var viewer = await app.SignInAsync(Role.Viewer, H.Hue.Id);
        var other = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        var hue = await app.SignInAsync(Role.Secretariat, H.Hue.Id);
        var number = await (await hue.PostJsonAsync($"/api/v1/committees/{H.Hue.Id}/numbers", new { type = "TB", issuedOn = "2026-04-01" })).ReadJsonAsync<ReservationView>();

        (await viewer.GetAsync($"/api/v1/committees/{H.Hue.Id}/numbers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostJsonAsync($"/api/v1/committees/{H.Hue.Id}/numbers", new { type = "TB", issuedOn = "2026-04-01" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostJsonAsync($"/api/v1/numbers/{number.Id}/cancel", new { reason = "x", version = number.Version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.GetAsync($"/api/v1/committees/{H.Hue.Id}/numbers")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostJsonAsync($"/api/v1/committees/{H.Hue.Id}/numbers", new { type = "TB" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostJsonAsync($"/api/v1/numbers/{number.Id}/cancel", new { reason = "x", version = number.Version })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// A committee of its own, so that what a test reserves or registers is the whole of its register;
    /// <paramref name="apart"/> puts it at the top, outside the tree whose cascade a test counts.
    /// </summary>
    private async Task<(int Id, HttpClient Client)> OwnCommitteeAsync(DocumentSystem system = DocumentSystem.State, bool apart = false)
    {
        int id;
        await using (var scope = app.ServiceScope())
        {
            var committee = await TestData.AddCommitteeAsync(scope.Db, H.DanangUnit, apart ? null : H.Danang, $"Ban Chỉ đạo {Guid.NewGuid():N}");
            if (system == DocumentSystem.Party)
            {
                committee.DocumentSystem = DocumentSystem.Party;
                committee.CurrentTerm = "2025–2030";
                await scope.Db.SaveChangesAsync();
            }
            id = committee.Id;
        }
        return (id, await app.SignInAsync(Role.Secretariat, id));
    }

    [Fact]
    public async Task A_number_is_not_reserved_for_a_date_the_register_refuses_nor_used_for_another_year()
    {
        var (committeeId, client) = await OwnCommitteeAsync();
        var numbers = $"/api/v1/committees/{committeeId}/numbers";
        var afterTomorrow = TestClock.Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var yearOne = await client.PostJsonAsync(numbers, new { type = "QĐ", issuedOn = "0001-01-01" });
        var farAhead = await client.PostJsonAsync(numbers, new { type = "QĐ", issuedOn = "9999-12-31" });
        var ahead = await client.PostJsonAsync(numbers, new { type = "QĐ", issuedOn = afterTomorrow });

        await yearOne.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await yearOne.ReadProblemAsync()).ErrorsFor("issuedOn").ShouldBe(["Ngày ban hành không thể trước năm 1945."]);
        await farAhead.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await farAhead.ReadProblemAsync()).ErrorsFor("issuedOn").ShouldBe(["Ngày ban hành không thể sau hôm nay."]);
        await ahead.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await ahead.ReadProblemAsync()).ErrorsFor("issuedOn").ShouldBe(["Ngày ban hành không thể sau hôm nay."]);
        (await client.GetJsonAsync<Paged<ReservationView>>(numbers)).Items.ShouldBeEmpty();

        var lastYear = await (await client.PostJsonAsync(numbers, new { type = "QĐ", issuedOn = "2025-12-30" })).ReadJsonAsync<ReservationView>();
        var refused = await client.PostJsonAsync("/api/v1/documents", new
        {
            committeeId,
            direction = "Outgoing",
            type = "QĐ",
            reservationId = lastYear.Id,
            issuedOn = "2026-03-02",
            subject = "Quyết định ban hành kế hoạch năm 2026",
        });

        await refused.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).ErrorsFor("reservationId")
            .ShouldBe(["Số 01/QĐ-BCĐ đã giữ trong sổ 2025, không dùng được cho văn bản ban hành ngày 02/03/2026."]);
        (await client.GetJsonAsync<Paged<DocumentSummary>>($"/api/v1/documents?under={committeeId}")).Total.ShouldBe(0);
        (await client.GetJsonAsync<Paged<ReservationView>>(numbers)).Items.Single().Status.ShouldBe(ReservationStatus.Reserved);
        // The 2026 register gives its number 1 once, to a document of 2026.
        (await CreateAsync(client, Outgoing(committeeId, "QĐ"))).Symbol.ShouldBe("01/QĐ-BCĐ");
    }

    [Fact]
    public async Task The_type_sent_with_a_symbol_that_has_none_is_kept_and_the_register_filters_by_it()
    {
        var (committeeId, client) = await OwnCommitteeAsync(DocumentSystem.Party, apart: true);
        object Letter(string symbol, string type) => new
        {
            committeeId,
            direction = "Incoming",
            type,
            symbol,
            issuedOn = "2026-02-10",
            receivedOn = "2026-02-11",
            issuerKind = "Outside",
            issuerName = "Ủy ban nhân dân thành phố Đà Nẵng",
            subject = "Về công tác phòng, chống thiên tai",
        };

        var response = await client.PostJsonAsync("/api/v1/documents", Letter("601/UBND-VP", "CV"));
        var contradicted = await client.PostJsonAsync("/api/v1/documents", Letter("114/TB-VPCP", "CV"));
        var inEnglish = await client.SendAsync(English(HttpMethod.Post, "/api/v1/documents", Letter("115/TB-VPCP", "KH")));
        var huge = await client.PostJsonAsync("/api/v1/documents", Letter("602/UBND-VP", new string('Q', 100_000)));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync<JsonElement>();
        created.GetProperty("type").GetString().ShouldBe("CV");
        (await client.GetJsonAsync<Paged<DocumentSummary>>($"/api/v1/documents?under={committeeId}&type=CV")).Items
            .Select(d => d.Id).ShouldBe([created.GetProperty("id").GetInt32()]);
        await contradicted.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await contradicted.ReadProblemAsync()).ErrorsFor("type")
            .ShouldBe(["Loại văn bản 'CV' khác với loại 'TB' trong số, ký hiệu 114/TB-VPCP: chọn 'TB' hoặc sửa số, ký hiệu."]);
        await inEnglish.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await inEnglish.ReadProblemAsync()).ErrorsFor("type")
            .ShouldBe(["The type 'KH' differs from the type 'TB' in the number and symbol 115/TB-VPCP: choose 'TB' or correct the symbol."]);
        await huge.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var body = await huge.Content.ReadAsStringAsync();
        body.Length.ShouldBeLessThan(2_000);
        JsonDocument.Parse(body).RootElement.ErrorsFor("type")
            .ShouldBe([$"'{new string('Q', 20)}…' không phải là tên loại văn bản của hệ thống văn bản của Ban Chỉ đạo này."]);
        (await client.GetJsonAsync<Paged<DocumentSummary>>($"/api/v1/documents?under={committeeId}")).Total.ShouldBe(1);
    }

    [Fact]
    public async Task A_signer_longer_than_the_register_keeps_is_refused_and_nothing_is_registered()
    {
        var (committeeId, client) = await OwnCommitteeAsync();
        var english = English(HttpMethod.Post, "/api/v1/documents", Document(signerName: new string('A', 201)));

        var longName = await client.PostJsonAsync("/api/v1/documents", Document(signerName: new string('A', 100_000)));
        var longTitle = await client.PostJsonAsync("/api/v1/documents", Document(signerTitle: new string('B', 5_000)));
        var inEnglish = await client.SendAsync(english);

        await longName.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await longName.ReadProblemAsync()).ErrorsFor("signerName").ShouldBe(["Người ký dài quá 200 ký tự."]);
        await longTitle.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await longTitle.ReadProblemAsync()).ErrorsFor("signerTitle").ShouldBe(["Chức vụ người ký dài quá 200 ký tự."]);
        await inEnglish.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await inEnglish.ReadProblemAsync()).ErrorsFor("signerName").ShouldBe(["Signer is longer than 200 characters."]);
        (await client.GetJsonAsync<Paged<DocumentSummary>>($"/api/v1/documents?under={committeeId}")).Total.ShouldBe(0);
        // No number was taken either.
        (await client.GetJsonAsync<Paged<ReservationView>>($"/api/v1/committees/{committeeId}/numbers")).Items.ShouldBeEmpty();

        object Document(string signerName = "Nguyễn Văn An", string signerTitle = "Phó Trưởng ban") => new
        {
            committeeId,
            direction = "Outgoing",
            type = "KH",
            issueNumber = true,
            issuedOn = "2026-03-02",
            subject = "Kế hoạch phòng, chống thiên tai năm 2026",
            signerName,
            signingAuthority = "Deputy",
            signerTitle,
        };
    }
}
