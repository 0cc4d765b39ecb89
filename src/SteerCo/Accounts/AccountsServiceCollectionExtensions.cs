using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SteerCo.Data;

namespace SteerCo.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>The password and lockout policy, shared by the web app and the CLI.</summary>
    public static IdentityBuilder AddSteerCoIdentity(this IServiceCollection services) => services
        .AddIdentityCore<AppUser>(options =>
        {
            options.Password.RequiredLength = 10;
            options.Password.RequireDigit = true;
            options.Password.RequireLowercase = true;
            options.Password.RequireUppercase = true;
            options.Password.RequireNonAlphanumeric = false;
            options.Password.RequiredUniqueChars = 4;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            options.Lockout.AllowedForNewUsers = true;
            options.User.RequireUniqueEmail = false;
            options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        })
        .AddErrorDescriber<LocalizedIdentityErrors>()
        .AddEntityFrameworkStores<SteerCoDbContext>()
        .AddDefaultTokenProviders();
}
