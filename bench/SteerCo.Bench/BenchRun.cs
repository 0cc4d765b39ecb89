using System.Data.Common;
using System.Globalization;
using System.Text;

namespace SteerCo.Bench;

internal sealed record BenchOptions(
    Uri Url, int? AppPid, int? DatabasePid, string AdminUserName, string AdminPassword, string UserPassword,
    TimeSpan Duration, TimeSpan Warmup, int[] Connections, string[] Cases, string? Output, bool SingleThread, DirectDatabase? Database,
    bool KeepWrites = false);

/// <summary>Finds the subjects, signs in, checks and measures every case, writes the markdown.</summary>
internal static class BenchRun
{
    /// <summary>Above this share of the machine taken by other processes, a row is called out as measured on a busy machine.</summary>
    private const int BusyPercent = 10;

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var app = options.AppPid is { } pid ? new ProcessStats(pid) : null;
        var database = options.DatabasePid is { } databasePid ? new ProcessStats(databasePid) : null;
        foreach (var process in new[] { app, database })
        {
            if (process is { IsAlive: false })
            {
                await Console.Error.WriteLineAsync($"No process {process.Pid}.");
                return 2;
            }
        }
        if (!options.SingleThread)
        {
            await Console.Error.WriteLineAsync("warning: the thread pool could not be held to one thread; run with DOTNET_PROCESSOR_COUNT=1.");
        }

        using var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(60) };
        var adminToken = await Subjects.GetTokenAsync(http, options.AdminUserName, options.AdminPassword, cancellationToken);
        var subjects = await Subjects.DiscoverAsync(http, adminToken, cancellationToken);
        var token = await Subjects.GetTokenAsync(http, subjects.SecretariatUserName, options.UserPassword, cancellationToken);
        var cookie = await Subjects.SignInWithCookieAsync(options.Url, subjects.SecretariatUserName, options.UserPassword, cancellationToken);
        var documents = await DocumentSubjects.DiscoverAsync(http, adminToken, subjects, token, options.UserPassword, cancellationToken);
        if (documents is null)
        {
            Progress("No documents in the province's register: the document cases are left out.");
        }
        var members = await MemberSubjects.DiscoverAsync(http, subjects, token, documents, cancellationToken);
        if (members is null)
        {
            Progress("No members on the reader's committee: the roster cases are left out.");
        }
        var work = await WorkSubjects.DiscoverAsync(http, adminToken, subjects, token, documents, options.UserPassword, cancellationToken);
        if (work is null)
        {
            Progress("No work items in the province committee: the work item cases are left out.");
        }
        var reporting = await ReportingSubjects.DiscoverAsync(http, subjects, token, documents, cancellationToken);
        if (reporting is null)
        {
            Progress("No central secretariat or no accepted report at the centre: the reporting cases are left out.");
        }
        // Writes change the database (new documents, numbers, files): they run after every read.
        var allCases = Cases.Create(subjects, cookie, token, options.UserPassword)
            .Concat(documents is null ? [] : DocumentCases.Create(subjects, documents, token))
            .Concat(members is null ? [] : MemberCases.Create(members))
            .Concat(work is null ? [] : WorkCases.Create(work))
            .Concat(reporting is null ? [] : ReportingCases.Create(subjects, reporting, token, options.Database))
            .OrderBy(c => c.Writes).ToList();
        if (options.Cases.FirstOrDefault(name => !allCases.Any(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))) is { } unknown)
        {
            await Console.Error.WriteLineAsync($"No case \"{unknown}\"; the cases: {string.Join(", ", allCases.Select(c => c.Name))}.");
            return 2;
        }
        var cases = allCases.Where(c => options.Cases.Length == 0 || options.Cases.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (documents is not null)
        {
            Progress($"Documents: document {documents.Document.Id}, prefix {documents.Prefix}, registers {documents.RegisterType}, central secretariat {documents.CentralUserName ?? "none"}");
        }
        if (members is not null)
        {
            Progress($"Members: {members.Committees.Length} committees as the {members.Who}, days from {members.From:dd/MM/yyyy} to {members.To:dd/MM/yyyy}");
        }
        if (work is not null)
        {
            Progress($"Work: central {work.Central?.Committee.Id}, commune {work.Commune?.Committee.Id}, {work.ProvinceItems.Length} tasks to read, {work.OpenItems.Length} open, "
                + $"fan-out from {work.FanOutProvince.Committee.Id} ({work.FanOutProvince.Committee.UnitName}, {work.FanOutProvince.Committee.ChildCount} below)");
        }
        Progress($"Subjects: province committee {subjects.Province.Id} ({subjects.Province.UnitName}, {subjects.Province.ChildCount} below), "
            + $"commune committee {subjects.Commune.Id} ({subjects.Commune.UnitName}), user {subjects.SecretariatUserName}");

        var failures = new List<string>();
        var sizes = new Dictionary<BenchCase, int>();
        var measurements = new List<Measurement>();
        WriteUndo? undo = null;
        IReadOnlyList<(string Table, int Rows)>? undone = null;
        try
        {
            foreach (var benchCase in cases)
            {
                if (benchCase.Writes && undo is null && options.Database is { } direct && !options.KeepWrites)
                {
                    undo = await WriteUndo.NoteAsync(direct, cancellationToken);
                }
                var (status, body) = await LoadRun.SendOnceAsync(http, benchCase, cancellationToken);
                var problem = status != benchCase.ExpectedStatus ? $"status {(int)status}, expected {(int)benchCase.ExpectedStatus}" : benchCase.Check(body);
                if (problem is not null)
                {
                    failures.Add($"{benchCase.Name}: {problem}");
                    Progress($"{benchCase.Name}: check failed, not measured: {problem}");
                    continue;
                }
                sizes[benchCase] = Encoding.UTF8.GetByteCount(body);
                foreach (var connections in options.Connections)
                {
                    var measurement = await LoadRun.MeasureAsync(benchCase, connections, options, app, database, cancellationToken);
                    measurements.Add(measurement);
                    Progress($"{benchCase.Name,-14} x{connections}: {measurement.RequestsPerSecond,8:F1} req/s, p50 {measurement.P50Ms:F2} ms, "
                        + $"p99 {measurement.P99Ms:F2} ms, {measurement.Errors} errors{(measurement.FirstError is { } e ? $" (first: {e})" : "")}");
                }
            }
        }
        finally
        {
            // Also after a failure or Ctrl+C: what was written until then is taken back.
            if (undo is not null)
            {
                try
                {
                    undone = await undo.UndoAsync(CancellationToken.None);
                    Progress("The rows the writes added, deleted: " + (undone.Count == 0 ? "none" : string.Join(", ", undone.Select(u => $"{u.Table} {u.Rows:N0}"))));
                }
                catch (DbException ex)
                {
                    // The measurements stand; the table says the rows were kept.
                    Progress($"The rows the writes added could not be deleted: {ex.Message}");
                }
            }
        }

        var markdown = Markdown(options, subjects, cases, sizes, measurements, failures, app?.ReadPeakRssKiB(), undone);
        Console.Write(markdown);
        if (options.Output is { } path)
        {
            await File.WriteAllTextAsync(path, markdown, cancellationToken);
        }
        return failures.Count == 0 && measurements.All(m => m.Errors == 0) ? 0 : 1;
    }

    private static void Progress(string line) => Console.Error.WriteLine(line);

    private static string Markdown(
        BenchOptions options, Subjects subjects, IReadOnlyList<BenchCase> cases, Dictionary<BenchCase, int> sizes,
        IReadOnlyList<Measurement> measurements, IReadOnlyList<string> failures, long? appPeakKiB, IReadOnlyList<(string Table, int Rows)>? undone)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Subjects: the province committee {subjects.Province.Id} ({subjects.Province.UnitName}; {subjects.Province.ChildCount} committees directly "
            + $"below, {subjects.SubtreeSize} in its subtree), the commune committee {subjects.Commune.Id} ({subjects.Commune.UnitName}), "
            + $"signed in as `{subjects.SecretariatUserName}`, the province committee's secretariat. Each row: {options.Warmup.TotalSeconds:0.#} s of warm-up, "
            + $"then {options.Duration.TotalSeconds:0.#} s measured.");
        if (cases.Any(c => c.Writes))
        {
            text.AppendLine();
            text.AppendLine("The cases marked *(writes)* change the database (new outgoing documents, each with the next number of the province's series, new files, progress reports and new tasks): "
                + "they ran after all the others. "
                + (undone is null
                    ? "Their rows were kept (`--keep-writes`, no database given, or the deletion failed: see the runner's output): a run after them measures a larger database."
                    : "Then the rows they added were deleted (" + (undone.Count == 0 ? "none" : string.Join(", ", undone.Select(u => $"{u.Table} {u.Rows.ToString("N0", invariant)}"))) + "); "
                        + "what they changed in older rows stays (a task's progress, a series' next number), and so do the uploaded files."));
        }
        text.AppendLine();
        foreach (var benchCase in cases)
        {
            var size = sizes.TryGetValue(benchCase, out var bytes) ? $"{bytes:N0} bytes" : "not measured";
            text.AppendLine(invariant, $"- **{benchCase.Name}**{(benchCase.Writes ? " *(writes)*" : "")}: `{benchCase.Request}` ({size})");
        }
        text.AppendLine();
        text.AppendLine("| Case | Conns | Req/s | p50 ms | p95 ms | p99 ms | Errors | App CPU ms/req | DB CPU ms/req | Bench CPU ms/req | Others' CPU % | App RSS peak MiB |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var m in measurements)
        {
            text.AppendLine(invariant,
                $"| {m.Case.Name} | {m.Connections} | {m.RequestsPerSecond:F1} | {m.P50Ms:F2} | {m.P95Ms:F2} | {m.P99Ms:F2} | {m.Errors} | "
                + $"{Format(m.AppCpuMsPerRequest, "F2")} | {Format(m.DatabaseCpuMsPerRequest, "F2")} | {m.BenchCpuMsPerRequest:F2} | "
                + $"{m.OthersCpuPercent:F0} | {Format(m.AppRssPeakMiB, "F0")} |");
        }
        text.AppendLine();
        var busy = measurements.Count(m => m.OthersCpuPercent > BusyPercent);
        if (busy > 0)
        {
            text.AppendLine(invariant,
                $"{busy} of {measurements.Count} rows ran while other processes took more than {BusyPercent}% of the machine's CPU: their latencies are pessimistic and their CPU per request inflated (shared cores and caches).");
            text.AppendLine();
        }
        if (appPeakKiB is { } peak)
        {
            text.AppendLine(invariant, $"The app's peak resident memory since it started (VmHWM): {peak / 1024.0:F0} MiB.");
        }
        foreach (var m in measurements.Where(m => m.Note is not null))
        {
            text.AppendLine(invariant, $"- {m.Case.Name} with {m.Connections} connection{(m.Connections == 1 ? "" : "s")}: {m.Note}");
        }
        foreach (var m in measurements.Where(m => m.FirstError is not null))
        {
            text.AppendLine(invariant, $"- {m.Case.Name} with {m.Connections} connections: {m.Errors} errors, the first: {m.FirstError}");
        }
        foreach (var failure in failures)
        {
            text.AppendLine(invariant, $"- Check failed, not measured: {failure}");
        }
        return text.ToString();
    }

    private static string Format(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
