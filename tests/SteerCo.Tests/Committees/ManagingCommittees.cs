using System.Net;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Tests.Support;
using SteerCo.Units;
using SteerCo.Web.Api;

namespace SteerCo.Tests.Committees;

/// <summary>A secretariat creates committees under its own and edits its own; the API explains refusals.</summary>
public sealed class ManagingCommittees(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Hierarchy H => app.Hierarchy;

    private static CommitteeRequest NewCommittee(int unitId, int? parentId, string name = "Ban Chỉ đạo chuyển đổi số", string abbreviation = "BCĐ",
        DocumentSystem documentSystem = DocumentSystem.State, string? term = null) =>
        new(name, abbreviation, unitId, parentId, null, documentSystem, term, new DateOnly(2025, 8, 1), null);

    private static CommitteeRequest Edit(CommitteeDetail c, string? name = null, int? version = null) => new(
        name ?? c.Name, c.Abbreviation, c.UnitId, c.ParentId, c.StandingAgencyId, c.DocumentSystem, c.CurrentTerm, c.EstablishedOn, c.DissolvedOn, version ?? c.Version);

    private async Task<int> AddCommuneAsync(string code, string name)
    {
        await using var scope = app.ServiceScope();
        return (await TestData.AddUnitAsync(scope.Db, code, name, UnitLevel.Commune, H.DanangUnit)).Id;
    }

    [Fact]
    public async Task A_province_secretariat_creates_a_commune_committee_under_its_own()
    {
        var communeId = await AddCommuneAsync("20257", "Phường Hòa Cường");
        var secretariat = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        var response = await secretariat.PostJsonAsync("/api/v1/committees",
            NewCommittee(communeId, H.Danang.Id, "Ban Chỉ đạo phòng, chống thiên tai phường Hòa Cường"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync<CommitteeDetail>();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/committees/{created.Id}");
        created.ParentId.ShouldBe(H.Danang.Id);
        created.Path.ShouldBe($"{H.Danang.Path}{created.Id}/");
        var listed = await secretariat.GetJsonAsync<Paged<CommitteeSummary>>("/api/v1/committees?q=hoa cuong");
        listed.Items.Select(c => c.Id).ShouldBe([created.Id]);
        var children = await secretariat.GetJsonAsync<List<CommitteeSummary>>($"/api/v1/committees/{H.Danang.Id}/children");
        children.Select(c => c.Id).ShouldContain(created.Id);
    }

    [Fact]
    public async Task Invalid_input_is_answered_with_every_problem_in_Vietnamese()
    {
        var secretariat = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        var response = await secretariat.PostJsonAsync("/api/v1/committees",
            NewCommittee(H.HueUnit.Id, H.Danang.Id, name: "  ", abbreviation: "B C", documentSystem: DocumentSystem.Party));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe("Dữ liệu chưa hợp lệ.");
        problem.ErrorsFor("name").ShouldBe(["Nhập tên."]);
        problem.ErrorsFor("abbreviation").ShouldBe(["Chữ viết tắt 'B C' không hợp lệ: dùng chữ cái, chữ số và dấu gạch nối, tối đa 30 ký tự (ví dụ UBND, BCĐ)."]);
        problem.ErrorsFor("currentTerm").ShouldBe(["Ban Chỉ đạo theo hệ thống văn bản của Đảng phải có nhiệm kỳ (ví dụ 2025–2030)."]);
        problem.ErrorsFor("unitId").ShouldBe(["Đơn vị hành chính phải là đơn vị của Ban Chỉ đạo cấp trên hoặc trực thuộc đơn vị đó."]);
    }

    [Fact]
    public async Task A_bad_term_and_a_standing_agency_of_another_unit_are_refused()
    {
        var admin = await app.AsAdminAsync();

        var response = await admin.PostJsonAsync("/api/v1/committees",
            NewCommittee(H.DanangUnit.Id, H.Central.Id, documentSystem: DocumentSystem.Party, term: "2025-2040") with { StandingAgencyId = H.HueAgency.Id });

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.ErrorsFor("currentTerm").ShouldBe(["Nhiệm kỳ '2025-2040' không hợp lệ: viết dạng 2025–2030."]);
        problem.ErrorsFor("standingAgencyId").ShouldBe(["Cơ quan thường trực phải thuộc đơn vị hành chính của Ban Chỉ đạo."]);
    }

    [Fact]
    public async Task An_edit_on_a_stale_version_is_refused_with_409()
    {
        var communeId = await AddCommuneAsync("20209", "Phường Thanh Khê");
        int committeeId;
        await using (var scope = app.ServiceScope())
        {
            var unit = await scope.Db.FindAsync<AdministrativeUnit>(communeId);
            committeeId = (await TestData.AddCommitteeAsync(scope.Db, unit!, H.Danang)).Id;
        }
        var secretariat = await app.SignInAsync(Role.Secretariat, committeeId);
        var opened = await secretariat.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{committeeId}");

        var first = await secretariat.PutJsonAsync($"/api/v1/committees/{committeeId}", Edit(opened, name: opened.Name + " (lần 1)"));
        var stale = await secretariat.PutJsonAsync($"/api/v1/committees/{committeeId}", Edit(opened, name: opened.Name + " (lần 2)"));

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await first.ReadJsonAsync<CommitteeDetail>()).Version.ShouldBe(opened.Version + 1);
        await stale.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        (await stale.ReadProblemAsync()).GetProperty("title").GetString()
            .ShouldBe("Bản ghi đã được người khác sửa sau khi bạn mở nó. Hãy tải lại trang và sửa lại.");
        var now = await secretariat.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{committeeId}");
        now.Name.ShouldBe(opened.Name + " (lần 1)");
        now.Version.ShouldBe(opened.Version + 1);
    }

    [Fact]
    public async Task Committees_outside_the_scope_cannot_be_read_edited_or_extended()
    {
        var secretariat = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        var hue = await (await app.AsAdminAsync()).GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{H.Hue.Id}");

        (await secretariat.GetAsync($"/api/v1/committees/{H.Hue.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await secretariat.PutJsonAsync($"/api/v1/committees/{H.Hue.Id}", Edit(hue, name: "Đổi tên"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await secretariat.PostJsonAsync("/api/v1/committees", NewCommittee(H.VyDaUnit.Id, H.Hue.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_committees_below_are_read_but_not_edited_by_the_province_secretariat()
    {
        var secretariat = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        var haichau = await secretariat.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{H.HaiChau.Id}");

        var edit = await secretariat.PutJsonAsync($"/api/v1/committees/{H.HaiChau.Id}", Edit(haichau, name: "Đổi tên"));
        var create = await secretariat.PostJsonAsync("/api/v1/committees", NewCommittee(H.HaiChauUnit.Id, H.HaiChau.Id));

        await edit.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        (await edit.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Bạn không có quyền thực hiện thao tác này.");
        await create.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        (await secretariat.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{H.HaiChau.Id}")).Name.ShouldBe(haichau.Name);
    }

    [Fact]
    public async Task Leaders_read_but_do_not_edit_their_committee()
    {
        var leader = await app.SignInAsync(Role.Leader, H.Hue.Id);
        var hue = await leader.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{H.Hue.Id}");

        var edit = await leader.PutJsonAsync($"/api/v1/committees/{H.Hue.Id}", Edit(hue, name: "Đổi tên"));

        await edit.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_committee_cannot_be_moved_under_another_parent_by_editing()
    {
        var admin = await app.AsAdminAsync();
        var vyda = await admin.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{H.VyDa.Id}");

        var response = await admin.PutJsonAsync($"/api/v1/committees/{H.VyDa.Id}", Edit(vyda) with { ParentId = H.Danang.Id });

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).ErrorsFor("parentId").ShouldBe(["Không thể chuyển Ban Chỉ đạo sang Ban Chỉ đạo cấp trên khác."]);
    }
}
