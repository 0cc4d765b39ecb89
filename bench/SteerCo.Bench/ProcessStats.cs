using System.Diagnostics;

namespace SteerCo.Bench;

/// <summary>CPU time and memory of one process, read from /proc (Linux only).</summary>
internal sealed class ProcessStats(int pid)
{
    /// <summary>The kernel's clock ticks per second, the unit of utime and stime in /proc/PID/stat.</summary>
    public static readonly long ClockTicksPerSecond = ReadClockTicksPerSecond();

    public int Pid { get; } = pid;

    public static ProcessStats Self() => new(Environment.ProcessId);

    public bool IsAlive => File.Exists($"/proc/{Pid}/stat");

    /// <summary>User plus system CPU time since the process started.</summary>
    public TimeSpan ReadCpu() => ReadCpu(reapedChildren: false);

    /// <summary>
    /// utime and stime (fields 14 and 15); with <paramref name="reapedChildren"/> also cutime and
    /// cstime (16 and 17): the CPU time of the children that ended and that it waited for.
    /// </summary>
    private TimeSpan ReadCpu(bool reapedChildren)
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
        // Field 3 (state) is the first one after ")".
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[14 - 3]) + long.Parse(fields[15 - 3]);
        if (reapedChildren)
        {
            ticks += long.Parse(fields[16 - 3]) + long.Parse(fields[17 - 3]);
        }
        return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
    }

    /// <summary>
    /// CPU time of the process, of its children alive now (PostgreSQL's server and its backends),
    /// and of the children that ended meanwhile: a backend whose connection closed during the
    /// measurement (a timed-out request) takes its CPU time to its parent's cutime and cstime,
    /// without which the difference could even be negative.
    /// </summary>
    public TimeSpan ReadCpuWithChildren()
    {
        var total = ReadCpu(reapedChildren: true);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var child) || child == Pid)
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // Field 4 is the parent's id.
                if (int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[4 - 3]) == Pid)
                {
                    total += new ProcessStats(child).ReadCpu();
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }
        return total;
    }

    /// <summary>The whole machine from /proc/stat: CPU time spent busy, and all CPU time (busy and idle), over every core.</summary>
    public static (TimeSpan Busy, TimeSpan All) ReadMachineCpu()
    {
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is already in user.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var all = fields.Sum();
        var idle = fields[3] + fields[4];
        return (TimeSpan.FromSeconds((double)(all - idle) / ClockTicksPerSecond), TimeSpan.FromSeconds((double)all / ClockTicksPerSecond));
    }

    /// <summary>Resident memory now (VmRSS), in KiB.</summary>
    public long ReadRssKiB() => ReadStatusKiB("VmRSS:");

    /// <summary>The highest resident memory since the process started (VmHWM), in KiB.</summary>
    public long ReadPeakRssKiB() => ReadStatusKiB("VmHWM:");

    private long ReadStatusKiB(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                // "VmRSS:	  123456 kB"
                return long.Parse(line[key.Length..].Trim().Split(' ')[0]);
            }
        }
        throw new InvalidOperationException($"/proc/{Pid}/status has no {key}");
    }

    private static long ReadClockTicksPerSecond()
    {
        // sysconf(_SC_CLK_TCK) through getconf: no native interop for one number read once.
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            var text = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return long.TryParse(text, out var ticks) && ticks > 0 ? ticks : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }
}
