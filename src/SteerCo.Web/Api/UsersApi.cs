using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Web.Auth;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Web.Api;

public sealed record UserRequest(string? UserName, string? FullName, string? Email, Role? Role, int? CommitteeId, int? AgencyId, string? Password);

public sealed record UserUpdateRequest(string? FullName, string? Email, Role? Role, int? CommitteeId, int? AgencyId, bool? IsActive, string? ConcurrencyStamp);

public sealed record PasswordRequest(string? Password);

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Api, Policies.Administrator).WithTags("Users");

        group.MapGet("/", async (UserAdministration users, HttpContext http, string? q, Role? role, int? committeeId, string? sort, int? page, int? pageSize, CancellationToken ct) =>
        {
            var actor = http.RequireActor();
            return actor.IsAdministrator
                ? Microsoft.AspNetCore.Http.Results.Ok(await users.ListAsync(actor, new(q, role, committeeId, sort), new(page ?? 1, pageSize ?? 50), ct))
                : ApiResults.Forbidden();
        }).Access(AccessKind.Administrator);

        group.MapGet("/{id:int}", async (int id, UserAdministration users, HttpContext http, CancellationToken ct) =>
            (await users.GetAsync(http.RequireActor(), id, ct)).ToOk())
            .Access(AccessKind.Administrator);

        group.MapPost("/", async (UserRequest request, UserAdministration users, HttpContext http, CancellationToken ct) =>
        {
            var input = new UserInput(request.UserName ?? "", request.FullName ?? "", request.Email, request.Role ?? 0, request.CommitteeId, request.AgencyId, request.Password);
            return (await users.CreateAsync(http.RequireActor(), input, ct)).ToCreated(u => $"/api/v1/users/{u.Id}");
        }).Access(AccessKind.Administrator);

        group.MapPut("/{id:int}", async (int id, UserUpdateRequest request, UserAdministration users, HttpContext http, CancellationToken ct) =>
        {
            var input = new UserUpdate(request.FullName ?? "", request.Email, request.Role ?? 0, request.CommitteeId, request.AgencyId, request.IsActive ?? true);
            return (await users.UpdateAsync(http.RequireActor(), id, input, request.ConcurrencyStamp ?? "", ct)).ToOk();
        }).Access(AccessKind.Administrator);

        group.MapPost("/{id:int}/reset-password", async (int id, PasswordRequest request, UserAdministration users, HttpContext http, CancellationToken ct) =>
            (await users.ResetPasswordAsync(http.RequireActor(), id, request.Password ?? "", ct)).ToOk())
            .Access(AccessKind.Administrator);
        return group;
    }
}
