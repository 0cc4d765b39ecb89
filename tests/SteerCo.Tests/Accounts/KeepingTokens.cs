using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using SteerCo.Access;
using SteerCo.Tests.Support;
using SteerCo.Web.Auth;

namespace SteerCo.Tests.Accounts;

/// <summary>A bearer token is opened once and kept: each request still gets its own copy of the user, and only a token that opens is kept.</summary>
public sealed class KeepingTokens(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static readonly DateTimeOffset Now = TestClock.At(2026, 3, 2);

    [Fact]
    public void Each_reading_of_a_kept_token_is_a_copy_of_its_user()
    {
        var (tickets, token) = Issue(Now.AddHours(1));

        var first = tickets.Unprotect(token)!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Administrator"));
        first.Properties.Items["changed"] = "yes";
        var second = tickets.Unprotect(token)!;

        second.Principal.Identity!.Name.ShouldBe("thuky.hue");
        second.Principal.IsInRole("Administrator").ShouldBeFalse();
        second.Properties.Items.ContainsKey("changed").ShouldBeFalse();
        second.Properties.ExpiresUtc.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void A_token_changed_by_one_character_opens_neither_before_nor_after_the_real_one()
    {
        var (tickets, token) = Issue(Now.AddHours(1));
        var forged = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        tickets.Unprotect(forged).ShouldBeNull();
        tickets.Unprotect(token).ShouldNotBeNull();
        tickets.Unprotect(forged).ShouldBeNull();
    }

    [Fact]
    public void An_expired_token_still_shows_its_expiry_so_the_handler_refuses_it()
    {
        var clock = new TestClock(Now);
        var (tickets, token) = Issue(Now.AddHours(1), clock);
        tickets.Unprotect(token).ShouldNotBeNull();

        clock.Now = Now.AddHours(2);

        tickets.Unprotect(token)!.Properties.ExpiresUtc.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public async Task Over_http_a_token_works_on_every_call_and_a_forged_one_on_none()
    {
        var user = await app.CreateUserAsync(Role.Secretariat, app.Hierarchy.Hue.Id);
        var answer = await (await app.RequestTokenAsync(user.UserName, user.Password)).ReadJsonAsync<JsonElement>();
        var token = answer.GetProperty("accessToken").GetString()!;
        var forged = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        using var client = app.AnonymousClient();

        foreach (var (bearer, expected) in new[] { (token, HttpStatusCode.OK), (forged, HttpStatusCode.Unauthorized), (token, HttpStatusCode.OK) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", bearer) } };
            (await client.SendAsync(request)).StatusCode.ShouldBe(expected);
        }
    }

    private static (UnprotectedTickets Tickets, string Token) Issue(DateTimeOffset expires, TimeProvider? clock = null)
    {
        var format = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("bearer"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "thuky.hue")], "Identity.Bearer"));
        var token = format.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, "Identity.Bearer"));
        return (new UnprotectedTickets(format, clock ?? new TestClock(Now)), token);
    }
}
