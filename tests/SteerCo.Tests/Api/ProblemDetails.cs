using System.Net;
using System.Text;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Api;

/// <summary>Errors on the API are RFC 9457 problem details, whatever went wrong.</summary>
public sealed class ProblemDetails(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var admin = await app.AsAdminAsync();

        var response = await admin.PostAsync("/api/v1/agencies", new StringContent("{\"unitId\": 1, \"name\": ", Encoding.UTF8, "application/json"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_problem()
    {
        var admin = await app.AsAdminAsync();

        var response = await admin.PostAsync("/api/v1/agencies", new StringContent("{\"unitId\": \"bốn mươi tám\"}", Encoding.UTF8, "application/json"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Theory]
    [InlineData("/api/v1/committees/987654")]
    [InlineData("/api/v1/agencies/987654")]
    [InlineData("/api/v1/units/987654")]
    [InlineData("/api/v1/users/987654")]
    public async Task An_unknown_id_is_a_404_problem(string path)
    {
        var admin = await app.AsAdminAsync();

        var response = await admin.GetAsync(path);

        await response.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("title").GetString().ShouldBe("Không tìm thấy.");
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_not_a_redirect_to_the_login_page()
    {
        var admin = await app.AsAdminAsync();

        var signedIn = await admin.GetAsync("/api/v1/khong-co");
        var anonymous = await app.AnonymousClient().GetAsync("/api/v1/khong-co");

        await signedIn.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        (await signedIn.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(404);
        await anonymous.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        (await anonymous.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task Pages_still_send_anonymous_browsers_to_the_login_page()
    {
        var response = await app.AnonymousClient().GetAsync("/khong-co");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task A_missing_token_is_a_401_problem()
    {
        var response = await app.AnonymousClient().GetAsync("/api/v1/committees");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        (await response.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task A_refusal_is_a_403_problem()
    {
        var viewer = await app.SignInAsync(SteerCo.Access.Role.Viewer, app.Hierarchy.Danang.Id);

        var response = await viewer.GetAsync("/api/v1/users");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        (await response.ReadProblemAsync()).GetProperty("status").GetInt32().ShouldBe(403);
    }
}
