using System.Text.Json;

namespace SteerCo.Tests.Hosting;

/// <summary>
/// The collector settings the app is built with (issue 6: peak memory at national scale), read from
/// the runtime configuration the build writes beside SteerCo.Web.dll: a misspelt option name would
/// leave the runtime's default in place without a word.
/// </summary>
public sealed class CollectingGarbageForASmallServer
{
    [Fact]
    public void The_app_runs_the_workstation_collector_and_compacts_before_the_heap_grows()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SteerCo.Web.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeFalse();
        properties.GetProperty("System.GC.ConserveMemory").GetInt32().ShouldBe(7);
    }
}
