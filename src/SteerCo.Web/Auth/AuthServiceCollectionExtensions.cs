using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Audit;

namespace SteerCo.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Cookies for pages, bearer tokens for the API, one password and lockout policy for both.</summary>
    public static IServiceCollection AddSteerCoAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ActorCache>();
        services.AddScoped<WebActorSource>();
        services.AddScoped<IActorSource>(sp => sp.GetRequiredService<WebActorSource>());

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.AccessDeniedPath = "/Account/AccessDenied";
                options.Cookie.Name = "steerco.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
                // The fallback policy challenges with this scheme, also for /api paths no endpoint matched:
                // API clients get 401 or 403 (as problem details), never the HTML login page.
                var redirectToLogin = options.Events.OnRedirectToLogin;
                var redirectToAccessDenied = options.Events.OnRedirectToAccessDenied;
                options.Events.OnRedirectToLogin = context => IsApi(context.Request) ? Reject(context.Response, StatusCodes.Status401Unauthorized) : redirectToLogin(context);
                options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request) ? Reject(context.Response, StatusCodes.Status403Forbidden) : redirectToAccessDenied(context);
            })
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme);
        services.AddSingleton<IPostConfigureOptions<BearerTokenOptions>, KeepUnprotectedTickets>();
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddSteerCoIdentity().AddSignInManager<ActiveUserSignInManager>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ActiveUserRequirement()).Build())
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser().AddRequirements(new ActiveUserRequirement()))
            .AddPolicy(Policies.Administrator, policy => policy.RequireAuthenticatedUser().AddRequirements(new ActiveUserRequirement(Role.Administrator)))
            .AddPolicy(Policies.Api, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new ActiveUserRequirement()));
        services.AddScoped<IAuthorizationHandler, ActiveUserHandler>();
        return services;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Reject(HttpResponse response, int statusCode)
    {
        response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}

/// <summary>The user exists, is active, and (optionally) has the role.</summary>
public sealed record ActiveUserRequirement(Role? Role = null) : IAuthorizationRequirement;

internal sealed class ActiveUserHandler(WebActorSource actors) : AuthorizationHandler<ActiveUserRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveUserRequirement requirement)
    {
        var cancellationToken = context.Resource is HttpContext http ? http.RequestAborted : default;
        if (context.User.Identity?.IsAuthenticated == true && await actors.LoadAsync(cancellationToken) is { } actor
            && (requirement.Role is null || actor.Role == requirement.Role))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Deactivated users cannot sign in, by password or by token.</summary>
public sealed class ActiveUserSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);
}
