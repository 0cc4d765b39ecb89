using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace SteerCo.Web.Auth;

/// <summary>
/// Bearer tokens as read the first time: a client sends the same token with every call for an
/// hour, and opening it (a key derived, a MAC checked, AES) was a sixth of the app's CPU on an API
/// call. A token is decrypted once and its ticket kept until it expires; each request gets its own
/// copy of the user. Expiry is still checked by the bearer handler on every request, and who the
/// user is now (active, role, committee) by <see cref="ActiveUserHandler"/>, as before.
/// </summary>
internal sealed class UnprotectedTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText) || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }
        if (!_tickets.TryGetValue(protectedText, out var ticket))
        {
            ticket = inner.Unprotect(protectedText);
            // Only tokens that open and carry an expiry are kept: nothing is learnt from a forged one.
            if (ticket?.Properties.ExpiresUtc is null)
            {
                return ticket;
            }
            if (_tickets.Count >= Capacity)
            {
                Prune();
            }
            _tickets[protectedText] = ticket;
        }
        else if (ticket.Properties.ExpiresUtc <= clock.GetUtcNow())
        {
            _tickets.TryRemove(protectedText, out _);
        }
        // ClaimsPrincipal.Clone shares the identities: each is copied, so that no request changes another's user.
        return new AuthenticationTicket(new ClaimsPrincipal(ticket.Principal.Identities.Select(i => i.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (token, ticket) in _tickets)
        {
            if (ticket.Properties.ExpiresUtc <= now)
            {
                _tickets.TryRemove(token, out _);
            }
        }
        if (_tickets.Count >= Capacity)
        {
            _tickets.Clear();
        }
    }
}

/// <summary>Puts <see cref="UnprotectedTickets"/> in front of the bearer scheme's own protector.</summary>
internal sealed class KeepUnprotectedTickets(TimeProvider clock) : IPostConfigureOptions<BearerTokenOptions>
{
    public void PostConfigure(string? name, BearerTokenOptions options)
    {
        if (options.BearerTokenProtector is not UnprotectedTickets)
        {
            options.BearerTokenProtector = new UnprotectedTickets(options.BearerTokenProtector, clock);
        }
    }
}
