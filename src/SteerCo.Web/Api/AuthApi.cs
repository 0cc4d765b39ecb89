using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using SteerCo.Accounts;
using SteerCo.Resources;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record MeResponse(int? Id, string UserName, string Role, int? CommitteeId, int? AgencyId);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder group)
    {
        group.WithTags("Auth");

        // The bearer handler writes {tokenType, accessToken, expiresIn, refreshToken} itself on sign-in.
        group.MapPost("/token", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (TokenRequest request, SignInManager<AppUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                return TypedResults.Problem(statusCode: 400, title: Messages.Get("LoginRequired"));
            }
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.UserName.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return TypedResults.Problem(statusCode: 401, title: Messages.Get("LockedOut"));
            }
            return result.Succeeded ? TypedResults.Empty : TypedResults.Problem(statusCode: 401, title: Messages.Get("LoginFailed"));
        }).AllowAnonymous().Access(AccessKind.Anonymous);

        group.MapGet("/me", (HttpContext http) =>
        {
            var actor = http.RequireActor();
            return TypedResults.Ok(new MeResponse(actor.UserId, actor.UserName, actor.Role.ToString(), actor.CommitteeId, actor.AgencyId));
        }).RequireAuthorization(Policies.Api).Access(AccessKind.SignedIn);
        return group;
    }
}
