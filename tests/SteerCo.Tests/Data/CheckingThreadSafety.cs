using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SteerCo.Data;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Data;

/// <summary>
/// EF Core's check that a context is not used by two threads at once costs an allocation on every
/// row read: off unless configured, and on in this test suite.
/// </summary>
public sealed class CheckingThreadSafety(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public async Task The_app_reads_without_the_check_unless_configured()
    {
        var settings = app.Database.Configuration.Where(s => s.Key != "Database:ThreadSafetyChecks");
        ChecksEnabled(settings).ShouldBeFalse();
        ChecksEnabled(settings.Append(new("Database:ThreadSafetyChecks", "true"))).ShouldBeTrue();

        // The suite's own contexts keep it, so that a context shared between threads fails here.
        await using var scope = app.ServiceScope();
        scope.Db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled.ShouldBeTrue();
    }

    private static bool ChecksEnabled(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddSteerCo(configuration).BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SteerCoDbContext>();
        return db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled;
    }
}
