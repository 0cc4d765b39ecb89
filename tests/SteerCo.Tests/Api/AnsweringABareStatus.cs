using System.Net;
using Microsoft.AspNetCore.Localization;
using SteerCo.Access;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Api;

/// <summary>
/// Answers the framework gives before any endpoint runs (a parameter that does not bind, no token)
/// still say what is wrong in the reader's language.
/// </summary>
public sealed class AnsweringABareStatus(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private const string Url = "/api/v1/work-items/overdue/list?page=abc";

    [Fact]
    public async Task A_parameter_that_does_not_bind_is_a_400_titled_in_Vietnamese_or_in_the_chosen_English()
    {
        var client = await app.SignInAsync(Role.Secretariat, app.Hierarchy.Danang.Id);

        var vietnamese = await client.GetAsync(Url);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("en-GB", "en")))}");
        var english = await client.SendAsync(request);

        await vietnamese.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await vietnamese.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Yêu cầu không hợp lệ: có tham số sai kiểu hoặc thiếu.");
        await english.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await english.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("The request is not valid: a parameter has the wrong type or is missing.");
    }

    [Fact]
    public async Task A_call_without_a_token_is_a_401_that_says_to_sign_in()
    {
        using var anonymous = app.AnonymousClient();

        var response = await anonymous.GetAsync("/api/v1/work-items/overdue/list");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).GetProperty("title").GetString().ShouldBe("Cần đăng nhập: mã truy cập bị thiếu, sai hoặc đã hết hạn.");
    }
}
