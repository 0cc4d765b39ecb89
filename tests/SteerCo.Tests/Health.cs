using System.Net;
using SteerCo.Tests.Support;

namespace SteerCo.Tests;

/// <summary>The health endpoint that load balancers and the operator's monitoring call.</summary>
public sealed class Health(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public async Task The_health_endpoint_answers_Healthy_without_signing_in()
    {
        var response = await app.AnonymousClient().GetAsync("/healthz");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}
