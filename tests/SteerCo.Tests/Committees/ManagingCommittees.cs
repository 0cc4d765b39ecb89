using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
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
    public async Task A_second_current_committee_with_the_same_name_under_the_same_parent_and_unit_is_refused()
    {
        var communeId = await AddCommuneAsync("20260", "Phường Hòa Thuận");
        var otherCommuneId = await AddCommuneAsync("20263", "Phường Hòa Thuận Tây");
        await using var scope = app.ServiceScope();
        var service = scope.Get<CommitteeService>();
        CommitteeInput Input(string name, int unitId, DateOnly? dissolvedOn = null) =>
            new(name, "BCĐ", unitId, H.Danang.Id, null, DocumentSystem.State, null, new DateOnly(2025, 8, 1), dissolvedOn);
        var first = (await service.CreateAsync(scope.Actor, Input("Ban Chỉ đạo chuyển đổi số phường Hòa Thuận", communeId))).Value!;

        var same = await service.CreateAsync(scope.Actor, Input("  ban chi dao  CHUYEN DOI SO phuong hoa thuan ", communeId));
        var otherUnit = await service.CreateAsync(scope.Actor, Input("Ban Chỉ đạo chuyển đổi số phường Hòa Thuận", otherCommuneId));
        var dissolvedOne = await service.CreateAsync(scope.Actor, Input("Ban Chỉ đạo chuyển đổi số phường Hòa Thuận", communeId, new DateOnly(2025, 12, 31)));
        var second = (await service.CreateAsync(scope.Actor, Input("Ban Chỉ đạo phòng, chống thiên tai phường Hòa Thuận", communeId))).Value!;
        var renamed = await service.UpdateAsync(scope.Actor, second.Id, Input("Ban Chỉ đạo Chuyển đổi số phường Hoà Thuận", communeId), second.Version);
        var kept = await service.UpdateAsync(scope.Actor, first.Id, Input("Ban Chỉ đạo chuyển đổi số phường Hòa Thuận", communeId) with { Abbreviation = "BCĐCĐS" }, first.Version);

        var taken = new Problem("Name", "Đã có 'Ban Chỉ đạo chuyển đổi số phường Hòa Thuận' của cùng đơn vị hành chính, trực thuộc cùng Ban Chỉ đạo cấp trên: đặt tên khác.");
        same.Outcome.ShouldBe(Outcome.Invalid);
        same.Problems.ShouldBe([taken]);
        renamed.Problems.ShouldBe([taken]);
        otherUnit.Outcome.ShouldBe(Outcome.Ok);
        dissolvedOne.Outcome.ShouldBe(Outcome.Ok);
        kept.Outcome.ShouldBe(Outcome.Ok);
        (await scope.Db.Committees.CountAsync(c => c.UnitId == communeId && c.DissolvedOn == null)).ShouldBe(2);

        // Once the first is dissolved, its name is free for a new committee.
        var dissolved = await service.UpdateAsync(scope.Actor, first.Id, Input("Ban Chỉ đạo chuyển đổi số phường Hòa Thuận", communeId, new DateOnly(2026, 1, 31)), kept.Value!.Version);
        dissolved.Outcome.ShouldBe(Outcome.Ok);
        (await service.CreateAsync(scope.Actor, Input("Ban Chỉ đạo chuyển đổi số phường Hòa Thuận", communeId))).Outcome.ShouldBe(Outcome.Ok);
    }

    [Fact]
    public async Task A_duplicate_committee_name_is_answered_with_400_beside_the_name()
    {
        var communeId = await AddCommuneAsync("20266", "Phường Khuê Trung");
        var secretariat = await app.SignInAsync(Role.Secretariat, H.Danang.Id);
        var created = await secretariat.PostJsonAsync("/api/v1/committees", NewCommittee(communeId, H.Danang.Id, "Ban Chỉ đạo chuyển đổi số phường Khuê Trung"));
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var other = await (await secretariat.PostJsonAsync("/api/v1/committees", NewCommittee(communeId, H.Danang.Id, "Ban Chỉ đạo cải cách hành chính phường Khuê Trung")))
            .ReadJsonAsync<CommitteeDetail>();

        var again = await secretariat.PostJsonAsync("/api/v1/committees", NewCommittee(communeId, H.Danang.Id, "Ban Chỉ đạo chuyển đổi số phường Khuê Trung"));
        // The province secretariat creates committees below its own; an administrator edits them.
        var renamed = await (await app.AsAdminAsync()).PutJsonAsync($"/api/v1/committees/{other.Id}", Edit(other, name: "Ban chỉ đạo chuyển đổi số Phường Khuê Trung"));
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/committees")
        {
            Content = JsonContent.Create(NewCommittee(communeId, H.Danang.Id, "Ban Chỉ đạo chuyển đổi số phường Khuê Trung"), options: ApiJson.Options),
        };
        english.Headers.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en-GB", "en")))}");
        var inEnglish = await secretariat.SendAsync(english);

        await again.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await again.ReadProblemAsync()).ErrorsFor("name")
            .ShouldBe(["Đã có 'Ban Chỉ đạo chuyển đổi số phường Khuê Trung' của cùng đơn vị hành chính, trực thuộc cùng Ban Chỉ đạo cấp trên: đặt tên khác."]);
        await renamed.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await renamed.ReadProblemAsync()).ErrorsFor("name").Single().ShouldStartWith("Đã có 'Ban Chỉ đạo chuyển đổi số phường Khuê Trung'");
        await inEnglish.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await inEnglish.ReadProblemAsync()).ErrorsFor("name")
            .ShouldBe(["There is already a committee 'Ban Chỉ đạo chuyển đổi số phường Khuê Trung' of the same administrative unit under the same parent committee: choose another name."]);
        var children = await secretariat.GetJsonAsync<List<CommitteeSummary>>($"/api/v1/committees/{H.Danang.Id}/children");
        children.Count(c => c.UnitId == communeId).ShouldBe(2);
        (await secretariat.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{other.Id}")).Name.ShouldBe("Ban Chỉ đạo cải cách hành chính phường Khuê Trung");
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
