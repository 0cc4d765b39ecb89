using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Tests.Support;
using SteerCo.Web.Api;

namespace SteerCo.Tests.Accounts;

/// <summary>Getting an API token: the right password, wrong ones, lockout, deactivation, the password policy.</summary>
public sealed class SigningIn(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private const string LoginFailed = "Tên đăng nhập hoặc mật khẩu không đúng.";

    [Fact]
    public async Task The_right_password_gives_a_token_that_identifies_the_user()
    {
        var user = await app.CreateUserAsync(Role.Secretariat, app.Hierarchy.Danang.Id);

        var response = await app.RequestTokenAsync(user.UserName, user.Password);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var token = await response.ReadJsonAsync<JsonElement>();
        token.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        token.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
        var client = await app.TokenClientAsync(user);
        var me = await client.GetJsonAsync<MeResponse>("/api/v1/auth/me");
        me.ShouldBe(new MeResponse(user.Id, user.UserName, "Secretariat", app.Hierarchy.Danang.Id, null));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        var user = await app.CreateUserAsync(Role.Viewer, app.Hierarchy.Danang.Id);

        var wrongPassword = await app.RequestTokenAsync(user.UserName, "Sai-mat-khau-1A");
        var unknownUser = await app.RequestTokenAsync("khong.ton.tai", "Sai-mat-khau-1A");

        await wrongPassword.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await unknownUser.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        (await wrongPassword.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe(LoginFailed);
        (await unknownUser.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe(LoginFailed);
    }

    [Fact]
    public async Task A_request_without_credentials_is_told_to_enter_them()
    {
        var response = await app.AnonymousClient().PostJsonAsync("/api/v1/auth/token", new { userName = "", password = "" });

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Nhập tên đăng nhập và mật khẩu.");
    }

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused()
    {
        var user = await app.CreateUserAsync(Role.Leader, app.Hierarchy.Danang.Id);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await app.RequestTokenAsync(user.UserName, $"Sai-mat-khau-{attempt}A")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var sixth = await app.RequestTokenAsync(user.UserName, user.Password);

        await sixth.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        var problem = await sixth.ReadProblemAsync();
        problem.GetProperty("title").GetString().ShouldBe("Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút.");
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var user = await app.CreateUserAsync(Role.Leader, app.Hierarchy.Danang.Id);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            (await app.RequestTokenAsync(user.UserName, $"Sai-mat-khau-{attempt}A")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        await (await app.RequestTokenAsync(user.UserName, user.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deactivated_user_gets_no_token_and_an_earlier_token_stops_working()
    {
        var user = await app.CreateUserAsync(Role.Secretariat, app.Hierarchy.Hue.Id);
        var client = await app.TokenClientAsync(user);
        (await client.GetAsync($"/api/v1/committees/{app.Hierarchy.Hue.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await DeactivateAsync(user);

        var token = await app.RequestTokenAsync(user.UserName, user.Password);
        await token.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        (await token.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe(LoginFailed);
        var withOldToken = await client.GetAsync($"/api/v1/committees/{app.Hierarchy.Hue.Id}");
        withOldToken.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deactivation_written_by_another_server_applies_within_seconds()
    {
        var user = await app.CreateUserAsync(Role.Secretariat, app.Hierarchy.Hue.Id);
        var client = await app.TokenClientAsync(user);
        var url = $"/api/v1/committees/{app.Hierarchy.Hue.Id}";
        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another server's write: straight to the table, unseen by this process's saves.
        await using (var scope = app.ServiceScope())
        {
            (await scope.Db.Database.ExecuteSqlAsync($"UPDATE \"AspNetUsers\" SET \"IsActive\" = {false} WHERE \"Id\" = {user.Id}")).ShouldBe(1);
        }

        var deadline = DateTime.UtcNow + SteerCo.Web.Auth.ActorCache.Lifetime + TimeSpan.FromSeconds(3);
        HttpStatusCode status;
        while ((status = (await client.GetAsync(url)).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        status.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_every_rule_it_breaks_in_Vietnamese()
    {
        var admin = await app.AsAdminAsync();

        var response = await admin.PostJsonAsync("/api/v1/users", new UserRequest("mat.khau.yeu", "Nguyễn Văn A", null, Role.Viewer, app.Hierarchy.Danang.Id, null, "abc"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await response.ReadProblemAsync()).ErrorsFor("password");
        errors.ShouldContain("Mật khẩu phải có ít nhất 10 ký tự.");
        errors.ShouldContain("Mật khẩu phải có ít nhất một chữ số.");
        errors.ShouldContain("Mật khẩu phải có ít nhất một chữ hoa.");
        errors.ShouldContain("Mật khẩu phải có ít nhất 4 ký tự khác nhau.");
        errors.ShouldNotContain("Mật khẩu phải có ít nhất một chữ thường.");
        await using var scope = app.ServiceScope();
        (await scope.Get<UserAdministration>().ListAsync(scope.Actor, new("mat.khau.yeu"), new())).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Password_rules_are_explained_in_English_to_users_who_chose_English()
    {
        var admin = await app.AsAdminAsync();
        var body = new UserRequest("short.password", "Tran Thi B", null, Role.Viewer, app.Hierarchy.Danang.Id, null, "Abcdefgh");
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = JsonContent(body) };
        // The language switch (/culture/en) sets this cookie; the browser's language alone does not change it.
        english.Headers.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en-GB", "en")))}");
        using var browserInEnglish = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users") { Content = JsonContent(body) };
        browserInEnglish.Headers.AcceptLanguage.ParseAdd("en-US");

        var inEnglish = await admin.SendAsync(english);
        var byDefault = await admin.SendAsync(browserInEnglish);

        await inEnglish.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var errors = (await inEnglish.ReadProblemAsync()).ErrorsFor("password");
        errors.ShouldContain("The password must be at least 10 characters long.");
        errors.ShouldContain("The password must contain a digit.");
        (await byDefault.ReadProblemAsync()).ErrorsFor("password").ShouldContain("Mật khẩu phải có ít nhất 10 ký tự.");
    }

    private async Task DeactivateAsync(TestUser user)
    {
        await using var scope = app.ServiceScope();
        var users = scope.Get<UserAdministration>();
        var current = (await users.GetAsync(scope.Actor, user.Id)).Value!;
        var updated = await users.UpdateAsync(scope.Actor, user.Id,
            new UserUpdate(current.FullName, current.Email, current.Role, current.CommitteeId, current.AgencyId, IsActive: false), current.ConcurrencyStamp);
        updated.IsOk.ShouldBeTrue();
    }

    private static System.Net.Http.Json.JsonContent JsonContent<T>(T body) => System.Net.Http.Json.JsonContent.Create(body, options: ApiJson.Options);
}
