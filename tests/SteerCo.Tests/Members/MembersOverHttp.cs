using System.Net;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Members;
using SteerCo.Tests.Support;
using SteerCo.Web.Api;
using static SteerCo.Tests.Members.MemberData;

namespace SteerCo.Tests.Members;

/// <summary>The roster and reconstitution over /api/v1: what each caller gets, and the 409 for a stale draft.</summary>
public sealed class MembersOverHttp(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public async Task The_roster_endpoint_answers_for_a_day_and_for_today_in_roster_order()
    {
        var committee = await CommitteeAsync(app, "Ban qua API");
        var member = await PersonAsync(app, "Lý Văn Ủy");
        var chair = await PersonAsync(app, "Đinh Thị Trưởng");
        await AddOkAsync(app, committee.Id, member, Member, new DateOnly(2024, 1, 1));
        await AddOkAsync(app, committee.Id, chair, Chair, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var leader = await app.SignInAsync(Role.Leader, app.Hierarchy.Danang.Id);

        var past = await leader.GetJsonAsync<Roster>($"/api/v1/committees/{committee.Id}/roster?on=2024-06-30");
        var today = await leader.GetJsonAsync<Roster>($"/api/v1/committees/{committee.Id}/roster");

        past.On.ShouldBe(new DateOnly(2024, 6, 30));
        past.Members.Select(m => (m.FullName, m.PostName)).ShouldBe([("Đinh Thị Trưởng", "Trưởng ban"), ("Lý Văn Ủy", "Ủy viên")]);
        today.On.ShouldBe(TestClock.Today);
        today.Members.Select(m => m.FullName).ShouldBe(["Lý Văn Ủy"]);
    }

    [Fact]
    public async Task Outside_the_scope_the_roster_is_404_and_a_reader_may_not_draft()
    {
        var committee = await CommitteeAsync(app, "Ban ngoài phạm vi");
        var hue = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Hue.Id);
        var viewer = await app.SignInAsync(Role.Viewer, app.Hierarchy.Danang.Id);
        var leader = await app.SignInAsync(Role.Leader, app.Hierarchy.Danang.Id);

        (await hue.GetAsync($"/api/v1/committees/{committee.Id}/roster")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.GetAsync($"/api/v1/committees/{committee.Id}/roster")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.AnonymousClient().GetAsync($"/api/v1/committees/{committee.Id}/roster")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var refused = await leader.PostJsonAsync($"/api/v1/committees/{committee.Id}/reconstitutions", new StartReconstitutionRequest(new DateOnly(2025, 1, 1)));
        await refused.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        (await refused.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(403);
        (await hue.PostJsonAsync($"/api/v1/committees/{committee.Id}/reconstitutions", new StartReconstitutionRequest(new DateOnly(2025, 1, 1))))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_secretariat_reconstitutes_through_the_api_and_a_stale_draft_answers_409()
    {
        var h = app.Hierarchy;
        var secretariatUser = await app.CreateUserAsync(Role.Secretariat, h.Danang.Id);
        var client = await app.TokenClientAsync(secretariatUser);
        var old = await PersonAsync(app, "Tô Văn Cũ");
        await AddOkAsync(app, h.Danang.Id, old, Chair, new DateOnly(2024, 1, 1));
        var next = await client.PostJsonAsync("/api/v1/people", new PersonRequest("Tô Văn Mới", "Chủ tịch Ủy ban nhân dân thành phố", h.DanangAgency.Id, null, null, null));
        await next.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var nextId = (await next.ReadJsonAsync<PersonDetail>()).Person.Id;

        var started = await client.PostJsonAsync($"/api/v1/committees/{h.Danang.Id}/reconstitutions", new StartReconstitutionRequest(new DateOnly(2025, 10, 1)));
        await started.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var draft = await started.ReadJsonAsync<ReconstitutionView>();
        var stale = await (await client.PostJsonAsync($"/api/v1/committees/{h.Danang.Id}/reconstitutions", new StartReconstitutionRequest(new DateOnly(2025, 10, 1)))).ReadJsonAsync<ReconstitutionView>();
        var saved = await client.PutJsonAsync($"/api/v1/committees/{h.Danang.Id}/reconstitutions/{draft.Id}",
            new ReconstitutionRequest(new DateOnly(2025, 10, 1), null, [new DraftLineInput(nextId, Chair, null)], draft.Version));
        await saved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        draft = await saved.ReadJsonAsync<ReconstitutionView>();
        var decided = await client.PostJsonAsync($"/api/v1/committees/{h.Danang.Id}/reconstitutions/{draft.Id}/decision",
            new DecisionRequest(new DateOnly(2025, 9, 25), null, "Tô Văn Mới", "Trưởng ban", null, draft.Version));
        await decided.ShouldHaveStatusAsync(HttpStatusCode.OK);
        draft = await decided.ReadJsonAsync<ReconstitutionView>();
        draft.DecisionSymbol.ShouldNotBeNull().ShouldEndWith("/QĐ-BCĐ");
        draft.Changes.Select(c => (c.Kind, c.FullName)).ShouldBe([(ChangeKind.Joined, "Tô Văn Mới"), (ChangeKind.Left, "Tô Văn Cũ")]);

        var applied = await client.PostJsonAsync($"/api/v1/committees/{h.Danang.Id}/reconstitutions/{draft.Id}/apply", new VersionRequest(draft.Version));
        await applied.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var model = await client.GetJsonAsync<ReconstitutionDecisionModel>($"/api/v1/committees/{h.Danang.Id}/reconstitutions/{draft.Id}/decision-model");
        model.Members.Single().FullName.ShouldBe("Tô Văn Mới");
        var docx = await client.GetAsync($"/api/v1/committees/{h.Danang.Id}/reconstitutions/{draft.Id}/decision.docx");
        await docx.ShouldHaveStatusAsync(HttpStatusCode.OK);
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        docx.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("QĐ kiện toàn BCĐ 01-10-2025.docx");
        using (var printed = SteerCo.Tests.Office.Docx.Open(await docx.Content.ReadAsByteArrayAsync()))
        {
            printed.Line("Số: " + draft.DecisionSymbol);
            // The annex's one row (four columns), besides the signature.
            printed.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Where(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Count() == 4)
                .Count(r => r.InnerText.Contains("Tô Văn Mới")).ShouldBe(1);
        }
        var hue = await app.SignInAsync(Role.Secretariat, h.Hue.Id);
        (await hue.GetAsync($"/api/v1/committees/{h.Danang.Id}/reconstitutions/{draft.Id}/decision.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The second draft was built on the roster before the first was applied.
        var staleSaved = await (await client.PutJsonAsync($"/api/v1/committees/{h.Danang.Id}/reconstitutions/{stale.Id}",
            new ReconstitutionRequest(stale.EffectiveOn, draft.DecisionDocumentId, [], stale.Version))).ReadJsonAsync<ReconstitutionView>();
        staleSaved.IsStale.ShouldBeTrue();
        var conflict = await client.PostJsonAsync($"/api/v1/committees/{h.Danang.Id}/reconstitutions/{stale.Id}/apply", new VersionRequest(staleSaved.Version));
        await conflict.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        (await conflict.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(409);
        var roster = await client.GetJsonAsync<Roster>($"/api/v1/committees/{h.Danang.Id}/roster?on=2025-10-01");
        roster.Members.Select(m => m.FullName).ShouldBe(["Tô Văn Mới"]);
        var timeline = await client.GetJsonAsync<List<CompositionPeriod>>($"/api/v1/committees/{h.Danang.Id}/timeline");
        timeline.Select(p => p.From).ShouldBe([new DateOnly(2025, 10, 1), new DateOnly(2024, 1, 1)]);
    }

    [SteerCo.Tests.Office.LibreOfficeFact]
    public async Task The_decision_reads_as_a_PDF_and_an_unknown_format_is_404()
    {
        var committee = await CommitteeAsync(app, "Ban in PDF");
        var chair = await PersonAsync(app, "Khúc Thị Trưởng");
        await AddOkAsync(app, committee.Id, chair, Chair, new DateOnly(2024, 1, 1));
        var reader = await app.SignInAsync(Role.Leader, app.Hierarchy.Danang.Id);
        int draftId;
        await using (var scope = app.ServiceScope())
        {
            draftId = (await scope.Get<Reconstitutions>().StartAsync(scope.Actor, committee.Id, new DateOnly(2026, 4, 1))).Value!.Id;
        }

        var pdf = await reader.GetAsync($"/api/v1/committees/{committee.Id}/reconstitutions/{draftId}/decision.pdf");

        await pdf.ShouldHaveStatusAsync(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        pdf.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("QĐ kiện toàn BCĐ 01-04-2026.pdf");
        var path = Path.Combine(Path.GetTempPath(), $"steerco-decision-{Guid.NewGuid():N}.pdf");
        try
        {
            await File.WriteAllBytesAsync(path, await pdf.Content.ReadAsByteArrayAsync());
            SteerCo.Tests.Office.Pdf.Text(path, 1).ShouldContain("QUYẾT ĐỊNH");
            SteerCo.Tests.Office.Pdf.Text(path, SteerCo.Tests.Office.Pdf.Pages(path)).ShouldContain("Khúc Thị Trưởng");
        }
        finally
        {
            File.Delete(path);
        }
        (await reader.GetAsync($"/api/v1/committees/{committee.Id}/reconstitutions/{draftId}/decision.xml")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_membership_is_ended_over_the_api_and_a_second_end_at_the_old_version_is_409()
    {
        var committee = await CommitteeAsync(app, "Ban kết thúc qua API");
        var person = await PersonAsync(app, "Mạc Văn Nghỉ");
        var entry = await AddOkAsync(app, committee.Id, person, Member, new DateOnly(2024, 1, 1));
        var secretariat = await app.SignInAsync(Role.Secretariat, committee.Id);
        var above = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Danang.Id);
        var url = $"/api/v1/committees/{committee.Id}/memberships/{entry.MembershipId}/end";

        // The province's secretariat reads the committee below but does not keep its roster.
        (await above.PostJsonAsync(url, new EndMembershipRequest(new DateOnly(2025, 3, 31), null, entry.Version))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ended = await secretariat.PostJsonAsync(url, new EndMembershipRequest(new DateOnly(2025, 3, 31), null, entry.Version));
        var again = await secretariat.PostJsonAsync(url, new EndMembershipRequest(new DateOnly(2025, 1, 31), null, entry.Version));

        await ended.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await ended.ReadJsonAsync<RosterEntry>()).EndDate.ShouldBe(new DateOnly(2025, 3, 31));
        await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        var roster = await secretariat.GetJsonAsync<Roster>($"/api/v1/committees/{committee.Id}/roster?on=2025-04-01");
        roster.Members.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invalid_membership_is_explained_field_by_field()
    {
        var committee = await CommitteeAsync(app, "Ban lỗi");
        var admin = await app.AsAdminAsync();

        var response = await admin.PostJsonAsync($"/api/v1/committees/{committee.Id}/memberships", new MembershipRequest(null, null, null, null, null, null, null));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.ErrorsFor("personId").ShouldBe(["Không tìm thấy người."]);
        problem.ErrorsFor("startDate").ShouldBe(["Nhập ngày bắt đầu."]);
    }

    [Fact]
    public async Task A_contact_too_long_for_its_column_is_a_400_that_does_not_echo_it()
    {
        var admin = await app.AsAdminAsync();
        var email = new string('a', 100_000) + "@hue.gov.vn";
        var phone = new string('9', 1_000);

        var longEmail = await admin.PostJsonAsync("/api/v1/people", new PersonRequest("Hồ Văn Sáu", "Chuyên viên", app.Hierarchy.HueAgency.Id, null, email, null));
        var longPhone = await admin.PostJsonAsync("/api/v1/people", new PersonRequest("Hồ Văn Sáu", "Chuyên viên", app.Hierarchy.HueAgency.Id, phone, null, null));
        var badEmail = await admin.PostJsonAsync("/api/v1/people", new PersonRequest("Hồ Văn Sáu", "Chuyên viên", app.Hierarchy.HueAgency.Id, null, "bad", null));

        await longEmail.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var body = await longEmail.Content.ReadAsStringAsync();
        body.Length.ShouldBeLessThan(2_000);
        (await longEmail.ReadProblemAsync()).ErrorsFor("email").ShouldBe(["Thư điện tử dài quá 256 ký tự."]);
        await longPhone.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await longPhone.Content.ReadAsStringAsync()).ShouldNotContain(new string('9', 31));
        (await longPhone.ReadProblemAsync()).ErrorsFor("phone").ShouldBe(["Số điện thoại dài quá 30 ký tự."]);
        // A value within the column is still shown back, so the clerk sees what is wrong with it.
        await badEmail.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await badEmail.ReadProblemAsync()).ErrorsFor("email").ShouldBe(["Thư điện tử 'bad' không hợp lệ."]);
        (await admin.GetJsonAsync<Paged<PersonSummary>>("/api/v1/people?q=Hồ Văn Sáu")).Total.ShouldBe(0);
    }
}
