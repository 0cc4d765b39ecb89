using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SteerCo.Data;

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
}
