using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Documents;

/// <summary>
/// What the register refuses of what a clerk enters, in the service both the pages and the API
/// call: each refusal names its field, and a refused document takes no number. The page names
/// them all at once, a date it could not read among them.
/// </summary>
public sealed class EnteringADocument(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DocumentInput Outgoing(string signerName, string signerTitle) => new(
        DocumentDirection.Outgoing, "QĐ", null, IssueNumber: true, ReservationId: null, new DateOnly(2026, 3, 5), null,
        IssuerKind.Committee, null, null, null, "Quyết định thành lập Tổ giúp việc", signerName, SigningAuthority.Deputy, signerTitle, null, null, DocumentVisibility.Committee);

    private static DocumentInput Incoming(string? type, string symbol) => new(
        DocumentDirection.Incoming, type, symbol, IssueNumber: false, ReservationId: null, new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 6),
        IssuerKind.Outside, null, null, "Ủy ban nhân dân thành phố Đà Nẵng", "Về công tác phòng, chống thiên tai", null, SigningAuthority.None, null, null, null, DocumentVisibility.Committee);

    private async Task<Committee> OwnCommitteeAsync(AppScope scope, DocumentSystem system = DocumentSystem.State)
    {
        var committee = await TestData.AddCommitteeAsync(scope.Db, app.Hierarchy.DanangUnit, app.Hierarchy.Danang, $"Ban Chỉ đạo {Guid.NewGuid():N}");
        if (system == DocumentSystem.Party)
        {
            committee.DocumentSystem = DocumentSystem.Party;
            committee.CurrentTerm = "2025–2030";
            await scope.Db.SaveChangesAsync();
        }
        return committee;
    }

    [Fact]
    public async Task The_register_and_search_tell_the_state_quy_dinh_from_the_party_one_in_vietnamese_and_in_english()
    {
        var pages = await app.SignInToPagesAsync(Role.Secretariat, app.Hierarchy.Danang.Id);

        foreach (var url in new[] { "/Documents", "/Documents/Search" })
        {
            var html = await pages.GetPageAsync(url);
            html.ShouldContain("Quy định (Nhà nước)</option>", Case.Sensitive, url);
            html.ShouldContain("Quy định (Đảng)</option>", Case.Sensitive, url);
            html.ShouldContain("Quy chế</option>", Case.Sensitive, url);
        }
        await (await pages.Http.GetAsync("/culture/en?returnUrl=/")).ShouldHaveStatusAsync(System.Net.HttpStatusCode.Redirect);
        var english = await pages.GetPageAsync("/Documents");
        english.ShouldContain("QyĐ — Quy định (State)</option>");
        english.ShouldContain("QĐi — Quy định (Party)</option>");
    }

    [Fact]
    public async Task The_document_page_names_tt_as_its_symbol_reads_it_a_thong_tu_of_a_ministry_a_thong_tri_of_the_party()
    {
        int circular, partyCircular;
        await using (var scope = app.ServiceScope())
        {
            var register = scope.Get<DocumentRegister>();
            circular = (await register.RegisterAsync(scope.Actor, app.Hierarchy.Danang.Id, Incoming(null, "01/2020/TT-BNV"))).Value!.Id;
            var party = await OwnCommitteeAsync(scope, DocumentSystem.Party);
            partyCircular = (await register.RegisterAsync(scope.Actor, party.Id, Incoming(null, "15-TT/TW"))).Value!.Id;
        }
        var pages = await app.SignInToPagesAsync(Role.Secretariat, app.Hierarchy.Danang.Id);

        (await pages.GetPageAsync($"/Documents/Details/{circular}")).ShouldContain("TT — Thông tư</dd>");
        (await pages.GetPageAsync($"/Documents/Details/{partyCircular}")).ShouldContain("TT — Thông tri</dd>");
    }

    [Fact]
    public async Task A_type_chosen_for_a_symbol_without_one_is_kept_and_the_register_filters_by_it()
    {
        await using var scope = app.ServiceScope();
        var party = await OwnCommitteeAsync(scope, DocumentSystem.Party);
        var state = await OwnCommitteeAsync(scope);
        var register = scope.Get<DocumentRegister>();

        var letter = await register.RegisterAsync(scope.Actor, party.Id, Incoming("CV", "601/UBND-VP"));
        var decision = await register.RegisterAsync(scope.Actor, state.Id, Incoming("QĐ", "602/UBND-VP"));
        var plain = await register.RegisterAsync(scope.Actor, state.Id, Incoming(null, "603/UBND-VP"));
        var typed = await register.RegisterAsync(scope.Actor, state.Id, Incoming(null, "114/TB-VPCP"));
        var same = await register.RegisterAsync(scope.Actor, state.Id, Incoming("TB", "115/TB-VPCP"));

        letter.Value!.Type.ShouldBe("CV");
        decision.Value!.Type.ShouldBe("QĐ");
        plain.Value!.Type.ShouldBeNull();
        typed.Value!.Type.ShouldBe("TB");
        same.Value!.Type.ShouldBe("TB");
        var listed = await register.ListAsync(scope.Actor, new DocumentQuery(UnderId: party.Id, Type: "CV"), new PageRequest(1, 20));
        listed.Items.Select(d => d.Id).ShouldBe([letter.Value.Id]);

        // Editing keeps it too.
        var edited = await register.UpdateAsync(scope.Actor, letter.Value.Id, Incoming("CV", "601/UBND-VP") with { Subject = "Về công tác phòng, chống bão" }, letter.Value.Version);
        edited.Value!.Type.ShouldBe("CV");
    }

    [Fact]
    public async Task A_type_the_symbol_contradicts_or_the_committee_does_not_know_is_refused_and_quoted_short()
    {
        await using var scope = app.ServiceScope();
        var committee = await OwnCommitteeAsync(scope);
        var register = scope.Get<DocumentRegister>();

        var contradicted = await register.RegisterAsync(scope.Actor, committee.Id, Incoming("KH", "114/TB-VPCP"));
        var unknown = await register.RegisterAsync(scope.Actor, committee.Id, Incoming("CV", "601/UBND-VP"));
        var huge = await register.RegisterAsync(scope.Actor, committee.Id, Incoming(new string('X', 100_000), "602/UBND-VP"));
        var hugeAgainstSymbol = await register.RegisterAsync(scope.Actor, committee.Id, Incoming(new string('X', 100_000), "116/TB-VPCP"));

        contradicted.Outcome.ShouldBe(Outcome.Invalid);
        contradicted.Problems.ShouldBe([new Problem("Type", "Loại văn bản 'KH' khác với loại 'TB' trong số, ký hiệu 114/TB-VPCP: chọn 'TB' hoặc sửa số, ký hiệu.")]);
        unknown.Problems.ShouldBe([new Problem("Type", "'CV' không phải là tên loại văn bản của hệ thống văn bản của Ban Chỉ đạo này.")]);
        huge.Problems.ShouldBe([new Problem("Type", $"'{new string('X', 20)}…' không phải là tên loại văn bản của hệ thống văn bản của Ban Chỉ đạo này.")]);
        hugeAgainstSymbol.Problems.Single().Message.ShouldStartWith($"Loại văn bản '{new string('X', 20)}…' khác với loại 'TB'");
        (await scope.Db.Documents.CountAsync(d => d.CommitteeId == committee.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_signer_name_or_title_longer_than_its_column_is_refused_and_takes_no_number()
    {
        await using var scope = app.ServiceScope();
        var committee = await TestData.AddCommitteeAsync(scope.Db, app.Hierarchy.DanangUnit, app.Hierarchy.Danang, $"Ban Chỉ đạo {Guid.NewGuid():N}");
        var register = scope.Get<DocumentRegister>();

        var longName = await register.RegisterAsync(scope.Actor, committee.Id, Outgoing(new string('A', 100_000), "Phó Trưởng ban"));
        var longTitle = await register.RegisterAsync(scope.Actor, committee.Id, Outgoing("Nguyễn Văn An", new string('B', 5_000)));
        var atTheLimit = await register.RegisterAsync(scope.Actor, committee.Id, Outgoing(new string('A', 200), new string('B', 200)));

        longName.Outcome.ShouldBe(Outcome.Invalid);
        longName.Problems.ShouldBe([new Problem("SignerName", "Người ký dài quá 200 ký tự.")]);
        longTitle.Problems.ShouldBe([new Problem("SignerTitle", "Chức vụ người ký dài quá 200 ký tự.")]);
        atTheLimit.Outcome.ShouldBe(Outcome.Ok);
        atTheLimit.Value!.Number.ShouldBe(1);
        (await scope.Db.Documents.CountAsync(d => d.CommitteeId == committee.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task An_edit_is_held_to_the_same_lengths()
    {
        await using var scope = app.ServiceScope();
        var committee = await TestData.AddCommitteeAsync(scope.Db, app.Hierarchy.DanangUnit, app.Hierarchy.Danang, $"Ban Chỉ đạo {Guid.NewGuid():N}");
        var register = scope.Get<DocumentRegister>();
        var document = (await register.RegisterAsync(scope.Actor, committee.Id, Outgoing("Nguyễn Văn An", "Phó Trưởng ban"))).Value!;

        var edited = await register.UpdateAsync(scope.Actor, document.Id, Outgoing("Nguyễn Văn An", new string('B', 201)), document.Version);

        edited.Problems.ShouldBe([new Problem("SignerTitle", "Chức vụ người ký dài quá 200 ký tự.")]);
        (await register.GetAsync(scope.Actor, document.Id)).Value!.SignerTitle.ShouldBe("Phó Trưởng ban");
    }

    [Fact]
    public async Task The_check_of_a_registration_names_every_problem_a_register_would_and_takes_no_number()
    {
        await using var scope = app.ServiceScope();
        var committee = await OwnCommitteeAsync(scope);
        var register = scope.Get<DocumentRegister>();
        var entries = await scope.Db.AuditEntries.LongCountAsync();

        var refused = await register.CheckRegistrationAsync(scope.Actor, committee.Id,
            Incoming(null, "604/UBND-VP") with { IssuedOn = null, Subject = " ", IssuerName = new string('Đ', 301) });
        var fine = await register.CheckRegistrationAsync(scope.Actor, committee.Id, Outgoing("Nguyễn Văn An", "Phó Trưởng ban"));
        var hue = app.Hierarchy.Hue;
        var elsewhere = await register.CheckRegistrationAsync(new Actor(null, "thuky.hue", Role.Secretariat, hue.Id, hue.Path, null), committee.Id, Outgoing("Nguyễn Văn An", "Phó Trưởng ban"));

        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.ShouldBe([
            new Problem("Subject", "Nhập trích yếu nội dung."),
            new Problem("IssuedOn", "Nhập ngày ban hành (dd/MM/yyyy)."),
            new Problem("IssuerName", "Cơ quan ban hành dài quá 300 ký tự."),
        ], ignoreOrder: true);
        fine.IsOk.ShouldBeTrue(string.Join("; ", fine.Problems.Select(p => p.Message)));
        elsewhere.Outcome.ShouldBe(Outcome.NotFound, "a committee out of scope is not checked either");
        (await scope.Db.Documents.CountAsync(d => d.CommitteeId == committee.Id)).ShouldBe(0);
        (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "a check writes nothing");
        var registered = await register.RegisterAsync(scope.Actor, committee.Id, Outgoing("Nguyễn Văn An", "Phó Trưởng ban"));
        registered.Value!.Number.ShouldBe(1, "the check took no number");
    }

    [Fact]
    public async Task The_page_shows_an_unreadable_issue_date_with_the_other_problems_and_registers_nothing()
    {
        int committeeId;
        await using (var scope = app.ServiceScope())
        {
            committeeId = (await OwnCommitteeAsync(scope)).Id;
        }
        var pages = await app.SignInToPagesAsync(Role.Secretariat, committeeId);
        var url = $"/Documents/Create?committeeId={committeeId}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Direction"] = "Incoming",
            ["Input.Symbol"] = "605/UBND-VP",
            ["Input.IssuedOn"] = "31/02/2026",
            ["Input.IssuerKind"] = "Outside",
            ["Input.IssuerName"] = "Ủy ban nhân dân thành phố Đà Nẵng",
            ["Input.Subject"] = " ",
            ["Input.SignerName"] = new string('A', 201),
            ["Input.SigningAuthority"] = "None",
            ["Input.Visibility"] = "Committee",
        };
        long entries;
        await using (var scope = app.ServiceScope())
        {
            entries = await scope.Db.AuditEntries.LongCountAsync();
        }

        var refused = await pages.PostFormAsync(url, url, fields);
        fields["Input.IssuedOn"] = "abc";
        fields["Input.Subject"] = "Về công tác phòng, chống thiên tai";
        fields["Input.SignerName"] = "Nguyễn Văn An";
        fields["Input.IssuerName"] = "";
        var words = await pages.PostFormAsync(url, url, fields);

        await refused.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Input.IssuedOn").ShouldBe("Ngày '31/02/2026' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Input.Subject").ShouldBe("Nhập trích yếu nội dung.");
        PageClient.ErrorBeside(html, "Input.SignerName").ShouldBe("Người ký dài quá 200 ký tự.");
        html.ShouldNotContain("Nhập ngày ban hành", customMessage: "the unreadable date is not also asked for");
        html = WebUtility.HtmlDecode(await words.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Input.IssuedOn").ShouldBe("Ngày 'abc' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Input.IssuerName").ShouldBe("Chọn hoặc nhập cơ quan ban hành.");
        PageClient.ErrorBeside(html, "Input.Subject").ShouldBeNull();
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.Documents.CountAsync(d => d.CommitteeId == committeeId)).ShouldBe(0);
            (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "nothing is written while a field is wrong");
        }
    }

    [Fact]
    public async Task The_check_of_a_correction_names_every_problem_an_edit_would_and_changes_nothing()
    {
        await using var scope = app.ServiceScope();
        var committee = await OwnCommitteeAsync(scope);
        var register = scope.Get<DocumentRegister>();
        var document = (await register.RegisterAsync(scope.Actor, committee.Id, Incoming(null, "606/UBND-VP"))).Value!;
        var entries = await scope.Db.AuditEntries.LongCountAsync();

        var refused = await register.CheckUpdateAsync(scope.Actor, document.Id,
            Incoming(null, "606/UBND-VP") with { IssuedOn = null, Subject = " ", IssuerName = new string('Đ', 301) }, document.Version);
        var fine = await register.CheckUpdateAsync(scope.Actor, document.Id, Incoming(null, "606/UBND-VP") with { Subject = "Về công tác phòng, chống bão" }, document.Version);
        var hue = app.Hierarchy.Hue;
        var elsewhere = await register.CheckUpdateAsync(new Actor(null, "thuky.hue", Role.Secretariat, hue.Id, hue.Path, null), document.Id, Incoming(null, "606/UBND-VP"), document.Version);

        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.ShouldBe([
            new Problem("Subject", "Nhập trích yếu nội dung."),
            new Problem("IssuedOn", "Nhập ngày ban hành (dd/MM/yyyy)."),
            new Problem("IssuerName", "Cơ quan ban hành dài quá 300 ký tự."),
        ], ignoreOrder: true);
        fine.IsOk.ShouldBeTrue(string.Join("; ", fine.Problems.Select(p => p.Message)));
        elsewhere.Outcome.ShouldBe(Outcome.NotFound, "a document out of scope is not checked either");
        (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "a check writes nothing");
        var kept = (await register.GetAsync(scope.Actor, document.Id)).Value!;
        kept.Subject.ShouldBe("Về công tác phòng, chống thiên tai");
        kept.Version.ShouldBe(document.Version);
        var edited = await register.UpdateAsync(scope.Actor, document.Id, Incoming(null, "606/UBND-VP") with { Subject = "Về công tác phòng, chống bão" }, document.Version);
        edited.Value!.Subject.ShouldBe("Về công tác phòng, chống bão", "the check left the document as it was read");
    }

    [Fact]
    public async Task The_edit_page_shows_an_unreadable_date_with_the_other_problems_and_changes_nothing()
    {
        DocumentDetail document;
        await using (var scope = app.ServiceScope())
        {
            var committee = await OwnCommitteeAsync(scope);
            document = (await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, Incoming(null, "607/UBND-VP"))).Value!;
        }
        var pages = await app.SignInToPagesAsync(Role.Secretariat, document.CommitteeId);
        var url = $"/Documents/Edit/{document.Id}";
        var fields = new Dictionary<string, string>
        {
            ["Input.Direction"] = "Incoming",
            ["Input.Symbol"] = "607/UBND-VP",
            ["Input.IssuedOn"] = "31/02/2026",
            ["Input.ReceivedOn"] = "06/03/2026",
            ["Input.IssuerKind"] = "Outside",
            ["Input.IssuerName"] = "Ủy ban nhân dân thành phố Đà Nẵng",
            ["Input.Subject"] = " ",
            ["Input.SignerName"] = new string('A', 201),
            ["Input.SigningAuthority"] = "None",
            ["Input.Visibility"] = "Committee",
            ["Input.Version"] = document.Version.ToString(),
        };
        long entries;
        await using (var scope = app.ServiceScope())
        {
            entries = await scope.Db.AuditEntries.LongCountAsync();
        }

        var refused = await pages.PostFormAsync(url, url, fields);
        fields["Input.IssuedOn"] = "05/03/2026";
        fields["Input.ReceivedOn"] = "abc";
        fields["Input.Subject"] = "Về công tác phòng, chống bão";
        fields["Input.SignerName"] = "Nguyễn Văn An";
        fields["Input.IssuerName"] = "";
        var words = await pages.PostFormAsync(url, url, fields);

        await refused.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Input.IssuedOn").ShouldBe("Ngày '31/02/2026' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Input.Subject").ShouldBe("Nhập trích yếu nội dung.");
        PageClient.ErrorBeside(html, "Input.SignerName").ShouldBe("Người ký dài quá 200 ký tự.");
        html.ShouldNotContain("Nhập ngày ban hành", customMessage: "the unreadable date is not also asked for");
        await words.ShouldHaveStatusAsync(HttpStatusCode.OK);
        html = WebUtility.HtmlDecode(await words.Content.ReadAsStringAsync());
        PageClient.ErrorBeside(html, "Input.ReceivedOn").ShouldBe("Ngày 'abc' không hợp lệ: nhập theo dạng dd/MM/yyyy.");
        PageClient.ErrorBeside(html, "Input.IssuerName").ShouldBe("Chọn hoặc nhập cơ quan ban hành.");
        PageClient.ErrorBeside(html, "Input.Subject").ShouldBeNull();
        await using (var scope = app.ServiceScope())
        {
            var kept = (await scope.Get<DocumentRegister>().GetAsync(scope.Actor, document.Id)).Value!;
            kept.Subject.ShouldBe("Về công tác phòng, chống thiên tai");
            kept.Version.ShouldBe(document.Version);
            (await scope.Db.AuditEntries.LongCountAsync()).ShouldBe(entries, "nothing is written while a field is wrong");
        }
    }
}
