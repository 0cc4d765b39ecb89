using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Browser;

/// <summary>Looks up ids of the seeded demo, so tests can navigate by URL as a user with a bookmark would.</summary>
public static class BrowserData
{
    public static async Task<int> CommitteeOfUnitAsync(this BrowserHost host, string unitCode)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SteerCoDbContext>();
        return await db.Committees.Where(c => c.Unit!.Code == unitCode).Select(c => c.Id).SingleAsync();
    }

    public static async Task<int> UnitIdAsync(this BrowserHost host, string unitCode)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SteerCoDbContext>();
        return await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
    }

    /// <summary>An outgoing document the committee issues today with the next number of its series, registered by the system.</summary>
    public static async Task<DocumentDetail> IssueAsync(this BrowserHost host, int committeeId, string type, string subject, DocumentVisibility visibility)
    {
        using var scope = host.Services.CreateScope();
        var registered = await scope.ServiceProvider.GetRequiredService<DocumentRegister>().RegisterAsync(Actor.System(), committeeId, new DocumentInput(
            DocumentDirection.Outgoing, type, null, true, null, TestClock.Today, null, IssuerKind.Committee, null, null, null,
            subject, null, SigningAuthority.None, null, null, null, visibility));
        return registered.Value ?? throw new InvalidOperationException(string.Join("; ", registered.Problems.Select(p => p.Message)));
    }
}
