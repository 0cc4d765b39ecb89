using System.Net;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Data;
using SteerCo.Tests.Support;
using SteerCo.Web.Api;

namespace SteerCo.Tests.Users;

/// <summary>Administrators create users, change their role or committee, deactivate them and reset passwords.</summary>
public sealed class AdministeringUsers(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Hierarchy H => app.Hierarchy;

    private static UserUpdateRequest Update(UserSummary u, Role? role = null, int? committeeId = null, bool? isActive = null, string? stamp = null) =>
        new(u.FullName, u.Email, role ?? u.Role, committeeId ?? u.CommitteeId, u.AgencyId, isActive ?? u.IsActive, stamp ?? u.ConcurrencyStamp);

    [Fact]
    public async Task A_user_created_by_an_administrator_signs_in_with_the_role_and_committee_given()
    {
        var admin = await app.AsAdminAsync();
        var password = TestData.Password();

        var response = await admin.PostJsonAsync("/api/v1/users",
            new UserRequest("thanhvien.hue", "Trần Thị Hoa", "hoa@hue.gov.vn", Role.Member, H.Hue.Id, H.HueAgency.Id, password));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync<UserSummary>();
        (created.UserName, created.FullName, created.Role, created.CommitteeId, created.AgencyId, created.IsActive)
            .ShouldBe(("thanhvien.hue", "Trần Thị Hoa", Role.Member, (int?)H.Hue.Id, (int?)H.HueAgency.Id, true));
        var client = await app.TokenClientAsync("thanhvien.hue", password);
        var me = await client.GetJsonAsync<MeResponse>("/api/v1/auth/me");
        me.ShouldBe(new MeResponse(created.Id, "thanhvien.hue", "Member", H.Hue.Id, H.HueAgency.Id));
    }

    [Fact]
    public async Task Missing_assignments_and_taken_names_are_explained()
    {
        var admin = await app.AsAdminAsync();
        var existing = await app.CreateUserAsync(Role.Viewer, H.Danang.Id);

        var noCommittee = await admin.PostJsonAsync("/api/v1/users", new UserRequest("thu.ky", "Lê Văn C", null, Role.Secretariat, null, null, TestData.Password()));
        var memberWithoutAgency = await admin.PostJsonAsync("/api/v1/users", new UserRequest("thanh.vien", "Lê Văn D", null, Role.Member, H.Danang.Id, null, TestData.Password()));
        var taken = await admin.PostJsonAsync("/api/v1/users", new UserRequest(existing.UserName, "Lê Văn E", null, Role.Viewer, H.Danang.Id, null, TestData.Password()));

        await noCommittee.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await noCommittee.ReadProblemAsync()).ErrorsFor("committeeId").ShouldBe(["Chọn Ban Chỉ đạo của người dùng (chỉ quản trị viên không cần)."]);
        await memberWithoutAgency.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await memberWithoutAgency.ReadProblemAsync()).ErrorsFor("agencyId").ShouldBe(["Thành viên phải đại diện cho một cơ quan."]);
        await taken.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await taken.ReadProblemAsync()).ErrorsFor("userName").ShouldBe([$"Tên đăng nhập '{existing.UserName}' đã được sử dụng."]);
    }

    [Fact]
    public async Task A_member_speaks_for_an_agency_of_the_committee_s_own_unit()
    {
        var admin = await app.AsAdminAsync();

        var response = await admin.PostJsonAsync("/api/v1/users",
            new UserRequest("thanhvien.nhamlan", "Đỗ Văn Lạc", null, Role.Member, H.Danang.Id, H.HueAgency.Id, TestData.Password()));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).ErrorsFor("agencyId").ShouldBe(["Cơ quan phải thuộc đơn vị hành chính của Ban Chỉ đạo."]);
        await using var scope = app.ServiceScope();
        scope.Db.Users.Any(u => u.UserName == "thanhvien.nhamlan").ShouldBeFalse();
    }

    [Fact]
    public async Task Only_administrators_list_or_create_users()
    {
        var secretariat = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        (await secretariat.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await secretariat.PostJsonAsync("/api/v1/users", new UserRequest("ke.gian", "Kẻ Gian", null, Role.Administrator, null, null, TestData.Password())))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await (await app.AsAdminAsync()).GetJsonAsync<Paged<UserSummary>>("/api/v1/users?q=ke.gian");
        list.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_changed_role_applies_to_the_next_request_without_signing_in_again()
    {
        var admin = await app.AsAdminAsync();
        var user = await app.CreateUserAsync(Role.Secretariat, H.Danang.Id);
        var client = await app.TokenClientAsync(user);
        (await client.GetAsync($"/api/v1/committees/{H.HaiChau.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = await admin.GetJsonAsync<UserSummary>($"/api/v1/users/{user.Id}");

        var response = await admin.PutJsonAsync($"/api/v1/users/{user.Id}", Update(summary, role: Role.Viewer));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/committees/{H.HaiChau.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a viewer reads only the own committee");
        (await client.GetAsync($"/api/v1/committees/{H.Danang.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_edit_with_an_old_concurrency_stamp_is_refused_with_409()
    {
        var admin = await app.AsAdminAsync();
        var user = await app.CreateUserAsync(Role.Viewer, H.Hue.Id);
        var opened = await admin.GetJsonAsync<UserSummary>($"/api/v1/users/{user.Id}");
        await (await admin.PutJsonAsync($"/api/v1/users/{user.Id}", Update(opened, role: Role.Leader))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var stale = await admin.PutJsonAsync($"/api/v1/users/{user.Id}", Update(opened, role: Role.Secretariat));

        await stale.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        (await admin.GetJsonAsync<UserSummary>($"/api/v1/users/{user.Id}")).Role.ShouldBe(Role.Leader);
    }

    [Fact]
    public async Task An_administrator_cannot_demote_or_deactivate_themself()
    {
        var me = await app.CreateUserAsync(Role.Administrator, null);
        var client = await app.TokenClientAsync(me);
        var summary = await client.GetJsonAsync<UserSummary>($"/api/v1/users/{me.Id}");

        var demote = await client.PutJsonAsync($"/api/v1/users/{me.Id}", Update(summary, role: Role.Viewer, committeeId: H.Danang.Id));
        var deactivate = await client.PutJsonAsync($"/api/v1/users/{me.Id}", Update(summary, isActive: false));

        await demote.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await demote.ReadProblemAsync()).ErrorsFor("role").ShouldBe(["Bạn không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản của mình."]);
        await deactivate.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await client.GetJsonAsync<UserSummary>($"/api/v1/users/{me.Id}")).Role.ShouldBe(Role.Administrator);
    }

    [Fact]
    public async Task Resetting_a_password_lifts_the_lockout_and_the_old_password_stops_working()
    {
        var admin = await app.AsAdminAsync();
        var user = await app.CreateUserAsync(Role.Leader, H.Danang.Id);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await app.RequestTokenAsync(user.UserName, $"Sai-mat-khau-{attempt}A");
        }
        (await admin.GetJsonAsync<UserSummary>($"/api/v1/users/{user.Id}")).IsLockedOut.ShouldBeTrue();
        var newPassword = TestData.Password();

        var reset = await admin.PostJsonAsync($"/api/v1/users/{user.Id}/reset-password", new PasswordRequest(newPassword));

        await reset.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await reset.ReadJsonAsync<UserSummary>()).IsLockedOut.ShouldBeFalse();
        (await app.RequestTokenAsync(user.UserName, user.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await app.RequestTokenAsync(user.UserName, newPassword)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_and_the_old_one_still_works()
    {
        var admin = await app.AsAdminAsync();
        var user = await app.CreateUserAsync(Role.Viewer, H.Danang.Id);

        var reset = await admin.PostJsonAsync($"/api/v1/users/{user.Id}/reset-password", new PasswordRequest("ngan"));

        await reset.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await reset.ReadProblemAsync()).ErrorsFor("password").ShouldContain("Mật khẩu phải có ít nhất 10 ký tự.");
        await (await app.RequestTokenAsync(user.UserName, user.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_name_longer_than_its_column_or_a_malformed_email_creates_no_user_and_changes_none()
    {
        await using var scope = app.ServiceScope();
        var users = scope.Get<UserAdministration>();
        UserInput Input(string userName, string fullName = "Lê Thị Mai", string? email = null) =>
            new(userName, fullName, email, Role.Viewer, H.Danang.Id, null, TestData.Password());

        var longName = await users.CreateAsync(scope.Actor, Input("ten.dai", fullName: new string('A', 100_000)));
        var badEmail = await users.CreateAsync(scope.Actor, Input("thu.sai", email: "bad"));
        var longEmail = await users.CreateAsync(scope.Actor, Input("thu.dai", email: new string('a', 100_000) + "@hue.gov.vn"));
        var longUserName = await users.CreateAsync(scope.Actor, Input(new string('a', 257)));

        longName.Outcome.ShouldBe(Outcome.Invalid);
        longName.Problems.ShouldBe([new Problem("FullName", "Họ và tên dài quá 200 ký tự.")]);
        badEmail.Problems.ShouldBe([new Problem("Email", "Thư điện tử 'bad' không hợp lệ.")]);
        longEmail.Problems.ShouldBe([new Problem("Email", "Thư điện tử dài quá 256 ký tự.")]);
        longUserName.Problems.ShouldBe([new Problem("UserName", "Tên đăng nhập dài quá 256 ký tự.")]);
        (await scope.Db.Users.CountAsync(u => u.UserName == "ten.dai" || u.UserName == "thu.sai" || u.UserName == "thu.dai" || u.UserName!.Length > 256)).ShouldBe(0);

        var existing = (await users.CreateAsync(scope.Actor, Input("mai.le", email: "mai@danang.gov.vn"))).Value!;
        var update = new UserUpdate(existing.FullName, "không phải thư", existing.Role, existing.CommitteeId, existing.AgencyId, true);
        var badUpdate = await users.UpdateAsync(scope.Actor, existing.Id, update, existing.ConcurrencyStamp);
        var longUpdate = await users.UpdateAsync(scope.Actor, existing.Id, update with { FullName = new string('A', 201), Email = null }, existing.ConcurrencyStamp);

        badUpdate.Problems.ShouldBe([new Problem("Email", "Thư điện tử 'không phải thư' không hợp lệ.")]);
        longUpdate.Problems.ShouldBe([new Problem("FullName", "Họ và tên dài quá 200 ký tự.")]);
        (await users.GetAsync(scope.Actor, existing.Id)).Value.ShouldBe(existing);
    }

    [Fact]
    public async Task Over_the_api_a_long_name_or_a_bad_email_is_a_400_naming_the_field_and_no_user_is_created()
    {
        var admin = await app.AsAdminAsync();

        var longName = await admin.PostJsonAsync("/api/v1/users",
            new UserRequest("hoten.dai", new string('A', 100_000), null, Role.Viewer, H.Hue.Id, null, TestData.Password()));
        var badEmail = await admin.PostJsonAsync("/api/v1/users",
            new UserRequest("thu.khong.hop.le", "Phan Văn Tâm", "bad", Role.Viewer, H.Hue.Id, null, TestData.Password()));

        await longName.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await longName.ReadProblemAsync()).ErrorsFor("fullName").ShouldBe(["Họ và tên dài quá 200 ký tự."]);
        await badEmail.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await badEmail.ReadProblemAsync()).ErrorsFor("email").ShouldBe(["Thư điện tử 'bad' không hợp lệ."]);
        (await admin.GetJsonAsync<Paged<UserSummary>>("/api/v1/users?q=hoten.dai")).Total.ShouldBe(0);
        (await admin.GetJsonAsync<Paged<UserSummary>>("/api/v1/users?q=thu.khong.hop.le")).Total.ShouldBe(0);

        var user = await app.CreateUserAsync(Role.Viewer, H.Hue.Id);
        var summary = await admin.GetJsonAsync<UserSummary>($"/api/v1/users/{user.Id}");
        var badUpdate = await admin.PutJsonAsync($"/api/v1/users/{user.Id}", Update(summary) with { Email = "bad", FullName = new string('A', 5_000) });

        await badUpdate.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var problem = await badUpdate.ReadProblemAsync();
        problem.ErrorsFor("email").ShouldBe(["Thư điện tử 'bad' không hợp lệ."]);
        problem.ErrorsFor("fullName").ShouldBe(["Họ và tên dài quá 200 ký tự."]);
        (await admin.GetJsonAsync<UserSummary>($"/api/v1/users/{user.Id}")).ShouldBe(summary);
    }
}
