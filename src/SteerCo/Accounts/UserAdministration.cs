using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Accounts;

public sealed record UserSummary(
    int Id, string UserName, string FullName, string? Email, Role Role, int? CommitteeId, string? CommitteeName,
    int? AgencyId, string? AgencyName, bool IsActive, bool IsLockedOut, string ConcurrencyStamp);

public sealed record UserInput(string UserName, string FullName, string? Email, Role Role, int? CommitteeId, int? AgencyId, string? Password);

public sealed record UserUpdate(string FullName, string? Email, Role Role, int? CommitteeId, int? AgencyId, bool IsActive);

public sealed record UserQuery(string? Search = null, Role? Role = null, int? CommitteeId = null, string? Sort = null);

/// <summary>Administrators create users and give each a role and a committee.</summary>
public sealed class UserAdministration(SteerCoDbContext db, UserManager<AppUser> users)
{
    public async Task<Paged<UserSummary>> ListAsync(Actor actor, UserQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return new([], 0, 1, page.SafePageSize);
        }
        var list = db.Users.AsNoTracking();
        if (query.Role is { } role)
        {
            list = list.Where(u => u.Role == role);
        }
        if (query.CommitteeId is { } committeeId)
        {
            list = list.Where(u => u.CommitteeId == committeeId);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
            var name = VietnameseText.Clean(query.Search);
            list = list.Where(u => u.NormalizedUserName!.Contains(term) || u.FullName.Contains(name) || u.NormalizedEmail!.Contains(term));
        }
        list = query.Sort switch
        {
            "name" => list.OrderBy(u => u.FullName).ThenBy(u => u.UserName),
            "-name" => list.OrderByDescending(u => u.FullName).ThenBy(u => u.UserName),
            "role" => list.OrderBy(u => u.Role).ThenBy(u => u.UserName),
            "-username" => list.OrderByDescending(u => u.UserName),
            _ => list.OrderBy(u => u.UserName),
        };
        return await list.Select(ToSummary(DateTimeOffset.UtcNow)).ToPagedAsync(page, cancellationToken);
    }

    public async Task<Result<UserSummary>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return Result<UserSummary>.Forbidden();
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(ToSummary(DateTimeOffset.UtcNow)).FirstOrDefaultAsync(cancellationToken);
        return user is null ? Result<UserSummary>.NotFound() : user;
    }

    public async Task<Result<UserSummary>> CreateAsync(Actor actor, UserInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return Result<UserSummary>.Forbidden();
        }
        var problems = await CheckAssignmentAsync(input.Role, input.CommitteeId, input.AgencyId, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.UserName))
        {
            problems.Add(new(nameof(UserInput.UserName), Messages.Get("UserNameRequired")));
        }
        else if (input.UserName.Trim().Length > AppUser.UserNameLength)
        {
            problems.Add(new(nameof(UserInput.UserName), Messages.Get("TooLong", Messages.Get("FieldUserName"), AppUser.UserNameLength)));
        }
        CheckNameAndEmail(input.FullName, input.Email, problems);
        if (string.IsNullOrEmpty(input.Password))
        {
            problems.Add(new(nameof(UserInput.Password), Messages.Get("PasswordRequired")));
        }
        if (problems.Count > 0)
        {
            return Result<UserSummary>.Invalid(problems);
        }
        var user = new AppUser
        {
            UserName = input.UserName.Trim(),
            FullName = VietnameseText.Clean(input.FullName),
            Email = EmailOf(input.Email),
            Role = input.Role,
            CommitteeId = input.Role == Role.Administrator ? null : input.CommitteeId,
            AgencyId = input.AgencyId,
            LockoutEnabled = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return Result<UserSummary>.Invalid(ToProblems(created));
        }
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(actor, user.Id, cancellationToken)).Value!;
    }

    public async Task<Result<UserSummary>> UpdateAsync(Actor actor, int id, UserUpdate input, string concurrencyStamp, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return Result<UserSummary>.Forbidden();
        }
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Result<UserSummary>.NotFound();
        }
        var problems = await CheckAssignmentAsync(input.Role, input.CommitteeId, input.AgencyId, cancellationToken);
        CheckNameAndEmail(input.FullName, input.Email, problems);
        if (actor.UserId == id && (input.Role != Role.Administrator || !input.IsActive))
        {
            problems.Add(new(nameof(UserUpdate.Role), Messages.Get("CannotDemoteSelf")));
        }
        if (problems.Count > 0)
        {
            return Result<UserSummary>.Invalid(problems);
        }
        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return Result<UserSummary>.Conflict();
        }
        var accessChanged = user.Role != input.Role || user.CommitteeId != input.CommitteeId || user.IsActive != input.IsActive;
        user.FullName = VietnameseText.Clean(input.FullName);
        user.Email = EmailOf(input.Email);
        user.Role = input.Role;
        user.CommitteeId = input.Role == Role.Administrator ? null : input.CommitteeId;
        user.AgencyId = input.AgencyId;
        user.IsActive = input.IsActive;
        if (accessChanged)
        {
            // Signs the user out everywhere, so the new role or scope applies at once.
            await users.UpdateSecurityStampAsync(user);
        }
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? Result<UserSummary>.Conflict()
                : Result<UserSummary>.Invalid(ToProblems(updated));
        }
        return (await GetAsync(actor, id, cancellationToken)).Value!;
    }

    /// <summary>Sets a new password and lifts any lockout.</summary>
    public async Task<Result<UserSummary>> ResetPasswordAsync(Actor actor, int id, string newPassword, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return Result<UserSummary>.Forbidden();
        }
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Result<UserSummary>.NotFound();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return Result<UserSummary>.Invalid(ToProblems(reset, "Password"));
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return (await GetAsync(actor, id, cancellationToken)).Value!;
    }

    private async Task<List<Problem>> CheckAssignmentAsync(Role role, int? committeeId, int? agencyId, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(role))
        {
            problems.Add(new(nameof(UserInput.Role), Messages.Get("RoleUnknown")));
            return problems;
        }
        if (role != Role.Administrator)
        {
            if (committeeId is not { } id || !await db.Committees.AnyAsync(c => c.Id == id, cancellationToken))
            {
                problems.Add(new(nameof(UserInput.CommitteeId), Messages.Get("RoleNeedsCommittee")));
            }
        }
        if (agencyId is { } agency)
        {
            var agencyUnitId = await db.Agencies.Where(a => a.Id == agency).Select(a => (int?)a.UnitId).FirstOrDefaultAsync(cancellationToken);
            var committeeUnitId = committeeId is { } committee
                ? await db.Committees.Where(c => c.Id == committee).Select(c => (int?)c.UnitId).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (agencyUnitId is null)
            {
                problems.Add(new(nameof(UserInput.AgencyId), Messages.Get("AgencyNotFound")));
            }
            else if (committeeUnitId is not null && agencyUnitId != committeeUnitId)
            {
                // A member speaks for an agency of the committee's own unit.
                problems.Add(new(nameof(UserInput.AgencyId), Messages.Get("AgencyOutsideCommitteeUnit")));
            }
        }
        if (role == Role.Member && agencyId is null)
        {
            problems.Add(new(nameof(UserInput.AgencyId), Messages.Get("MemberNeedsAgency")));
        }
        return problems;
    }

    /// <summary>A name within its column, and an e-mail, if any, checked as a person's is (<see cref="ContactRules.CheckEmail"/>).</summary>
    private static void CheckNameAndEmail(string? fullName, string? email, List<Problem> problems)
    {
        var name = VietnameseText.Clean(fullName);
        if (name.Length == 0)
        {
            problems.Add(new(nameof(UserInput.FullName), Messages.Get("NameRequired")));
        }
        else if (name.Length > AppUser.FullNameLength)
        {
            problems.Add(new(nameof(UserInput.FullName), Messages.Get("TooLong", Messages.Get("FieldFullName"), AppUser.FullNameLength)));
        }
        if (ContactRules.CheckEmail(nameof(UserInput.Email), VietnameseText.Clean(email)) is { } problem)
        {
            problems.Add(problem);
        }
    }

    private static string? EmailOf(string? email) => VietnameseText.Clean(email) is { Length: > 0 } clean ? clean : null;

    private static List<Problem> ToProblems(IdentityResult result, string? field = null) =>
        [.. result.Errors.Select(e => new Problem(field ?? (e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? "UserName" : ""), e.Description))];

    private static System.Linq.Expressions.Expression<Func<AppUser, UserSummary>> ToSummary(DateTimeOffset now) => u => new UserSummary(
        u.Id, u.UserName!, u.FullName, u.Email, u.Role, u.CommitteeId, u.Committee != null ? u.Committee.Name : null,
        u.AgencyId, u.Agency != null ? u.Agency.Name : null, u.IsActive, u.LockoutEnd != null && u.LockoutEnd > now, u.ConcurrencyStamp!);
}
