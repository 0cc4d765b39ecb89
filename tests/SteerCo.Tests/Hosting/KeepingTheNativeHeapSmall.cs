using System.Runtime.InteropServices;
using SteerCo.Web.Infrastructure;

namespace SteerCo.Tests.Hosting;

/// <summary>
/// The allocator settings that keep the app's resident memory down (issue 6) reach glibc: a
/// misspelt library or entry point would leave them silently unset and the peak 17 MiB higher.
/// </summary>
public sealed class KeepingTheNativeHeapSmall
{
    [Fact]
    public void On_linux_with_glibc_the_allocator_takes_the_settings_and_elsewhere_nothing_is_set()
    {
        var glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);

        NativeHeap.Configure().ShouldBe(glibc);
    }
}
