using Microsoft.AspNetCore.Identity;
using SteerCo.Resources;

namespace SteerCo.Accounts;

/// <summary>Identity's messages in the user's language (the defaults are English only).</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = Messages.Get("PasswordTooShort", length) };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = Messages.Get("PasswordRequiresDigit") };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = Messages.Get("PasswordRequiresLower") };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = Messages.Get("PasswordRequiresUpper") };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = Messages.Get("PasswordRequiresNonAlphanumeric") };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = Messages.Get("PasswordRequiresUniqueChars", uniqueChars) };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = Messages.Get("PasswordMismatch") };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = Messages.Get("DuplicateUserName", userName) };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = Messages.Get("InvalidUserName", userName ?? "") };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = Messages.Get("DuplicateEmail", email) };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = Messages.Get("InvalidEmail", email ?? "") };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = Messages.Get("StaleEdit") };
}
