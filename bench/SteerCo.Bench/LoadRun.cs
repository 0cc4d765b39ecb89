using System.Diagnostics;
using System.Net;

namespace SteerCo.Bench;

internal sealed record Measurement(
    BenchCase Case, int Connections, TimeSpan Elapsed, int Requests, int Errors, string? FirstError,
    double P50Ms, double P95Ms, double P99Ms, double? AppCpuMsPerRequest, double? DatabaseCpuMsPerRequest, double BenchCpuMsPerRequest,
    double OthersCpuPercent, double? AppRssPeakMiB, string? Note = null)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// Load at a fixed concurrency: N connections, N loops that each send the next request as soon
/// as the last answer is read, for a fixed time. Latency is measured per request from send to
/// the last byte of the body.
/// </summary>
internal static class LoadRun
{
    public static async Task<Measurement> MeasureAsync(
        BenchCase benchCase, int connections, BenchOptions options, ProcessStats? app, ProcessStats? database, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };

        // The warm-up opens the N connections and lets the app's JIT, caches and pools settle.
        await RunAsync(http, benchCase, connections, options.Warmup, cancellationToken);
        benchCase.Pairs?.Clear();

        var self = ProcessStats.Self();
        var benchCpuBefore = self.ReadCpu();
        var appCpuBefore = app?.ReadCpu();
        var databaseCpuBefore = database?.ReadCpuWithChildren();
        var machineBefore = ProcessStats.ReadMachineCpu();
        using var sampling = new CancellationTokenSource();
        var rssPeak = app is null ? Task.FromResult(0L) : SampleRssAsync(app, sampling.Token);
        var started = Stopwatch.GetTimestamp();

        var loops = await RunAsync(http, benchCase, connections, options.Duration, cancellationToken);

        var elapsed = Stopwatch.GetElapsedTime(started);
        var appCpu = app is null ? (TimeSpan?)null : app.ReadCpu() - appCpuBefore!.Value;
        var databaseCpu = database is null ? (TimeSpan?)null : database.ReadCpuWithChildren() - databaseCpuBefore!.Value;
        var benchCpu = self.ReadCpu() - benchCpuBefore;
        var machineAfter = ProcessStats.ReadMachineCpu();
        // Whatever else ran meanwhile (builds, tests): the busy time none of the three accounts for.
        var othersCpu = machineAfter.Busy - machineBefore.Busy - (appCpu ?? TimeSpan.Zero) - (databaseCpu ?? TimeSpan.Zero) - benchCpu;
        var othersPercent = Math.Max(0, 100 * othersCpu / (machineAfter.All - machineBefore.All));
        await sampling.CancelAsync();
        var rssPeakKiB = await rssPeak;

        var latencies = loops.SelectMany(l => l.Latencies).Order().ToArray();
        var requests = latencies.Length;
        var errors = loops.Sum(l => l.Errors);
        return new(
            benchCase, connections, elapsed, requests, errors, loops.Select(l => l.FirstError).FirstOrDefault(e => e is not null),
            Percentile(latencies, 50), Percentile(latencies, 95), Percentile(latencies, 99),
            appCpu is { } cpu && requests > 0 ? cpu.TotalMilliseconds / requests : null,
            databaseCpu is { } dbCpu && requests > 0 ? dbCpu.TotalMilliseconds / requests : null,
            requests > 0 ? benchCpu.TotalMilliseconds / requests : 0,
            othersPercent,
            app is null ? null : rssPeakKiB / 1024.0,
            benchCase.Pairs?.Describe());
    }

    private sealed class Loop
    {
        public List<long> Latencies { get; } = new(capacity: 4096);
        public int Errors { get; set; }
        public string? FirstError { get; set; }
    }

    private static async Task<Loop[]> RunAsync(HttpClient http, BenchCase benchCase, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, connections).Select(_ => new Loop()).ToArray();
        await Task.WhenAll(loops.Select(loop => RunLoopAsync(http, benchCase, loop, stopAt, cancellationToken)));
        return loops;
    }

    private static async Task RunLoopAsync(HttpClient http, BenchCase benchCase, Loop loop, long stopAt, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            string? error;
            try
            {
                HttpStatusCode status;
                if (benchCase.Send is { } send)
                {
                    (status, _) = await send(http, cancellationToken);
                }
                else
                {
                    using var request = benchCase.CreateRequest();
                    // ResponseContentRead: the body is read to its end before SendAsync returns.
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    status = response.StatusCode;
                }
                error = status == benchCase.ExpectedStatus ? null : $"status {(int)status}";
            }
            catch (HttpRequestException exception)
            {
                error = exception.Message;
            }
            catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                error = "timeout: " + exception.Message;
            }
            if (error is null)
            {
                loop.Latencies.Add(Stopwatch.GetTimestamp() - start);
            }
            else
            {
                loop.Errors++;
                loop.FirstError ??= error;
            }
        }
    }

    private static async Task<long> SampleRssAsync(ProcessStats app, CancellationToken stop)
    {
        var peak = app.ReadRssKiB();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            peak = Math.Max(peak, app.ReadRssKiB());
        }
        return Math.Max(peak, app.ReadRssKiB());
    }

    /// <summary>Nearest rank, in milliseconds.</summary>
    private static double Percentile(long[] sortedTicks, double percent)
    {
        if (sortedTicks.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(percent / 100 * sortedTicks.Length);
        return sortedTicks[Math.Clamp(rank - 1, 0, sortedTicks.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>One request, read in full: the status and the body for the case's check.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> SendOnceAsync(HttpClient http, BenchCase benchCase, CancellationToken cancellationToken)
    {
        if (benchCase.Send is { } send)
        {
            return await send(http, cancellationToken);
        }
        using var request = benchCase.CreateRequest();
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
