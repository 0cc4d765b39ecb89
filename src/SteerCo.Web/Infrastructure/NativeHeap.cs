using System.Runtime.InteropServices;

namespace SteerCo.Web.Infrastructure;

/// <summary>
/// How glibc's allocator keeps the memory the runtime frees. By default a freed block stays in the
/// process for the next malloc: the blocks the JIT takes and gives back at each method it compiles
/// ended as 13 MiB of heap that never went back (bench/, national data set, the fan-out at 8
/// connections; docs/memory-national-session18.md). Blocks of 64 KB and more are now mapped on
/// their own and returned when freed, the heap's free top is returned past 128 KB, and threads
/// share two arenas instead of one each: the heap held 6.5 MiB at the same point, and the fan-out's
/// peak went from 208 to 199 MiB. Set here, after the runtime has started; the same values given as
/// MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_ and MALLOC_ARENA_MAX in the environment apply from
/// the first allocation and saved 6 MiB more. Not glibc (musl, another system): nothing to set.
/// </summary>
internal static class NativeHeap
{
    private const int TrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD
    private const int ArenaMax = -8; // M_ARENA_MAX

    /// <summary>Sets the three; false where there is no glibc to set them on.</summary>
    public static bool Configure()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            // mallopt answers 1 when it took the value.
            return MallOpt(MmapThreshold, 64 * 1024) == 1 & MallOpt(TrimThreshold, 128 * 1024) == 1 & MallOpt(ArenaMax, 2) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // Not glibc: its allocator has its own ways.
        }
    }

    // DllImport, not LibraryImport: two ints need no marshalling, and the generated stub needs unsafe code.
    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);
}
