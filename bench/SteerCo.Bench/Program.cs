using System.CommandLine;
using SteerCo.Bench;

// One thread generates the load: the app under test shares this machine's cores with the load
// generator, and every core the generator takes is one the app does not get. bench/run.sh starts
// this program with DOTNET_PROCESSOR_COUNT=1, which lets the thread pool be held to one worker
// (the runtime refuses a maximum below the processor count).
ThreadPool.SetMinThreads(1, 1);
var singleThread = ThreadPool.SetMaxThreads(1, 1);

var url = new Option<string>("--url") { Description = "The app's address, e.g. http://127.0.0.1:25650.", Required = true };
var pid = new Option<int?>("--pid") { Description = "The app's process id, for its CPU time and memory (read from /proc)." };
var databasePid = new Option<int?>("--db-pid") { Description = "The database server's process id (PostgreSQL's postmaster): its CPU time and its children's." };
var adminUser = new Option<string>("--admin-user") { Description = "The administrator who finds the subjects.", DefaultValueFactory = _ => "admin" };
var adminPassword = new Option<string>("--admin-password") { Description = "The administrator's password.", Required = true };
var password = new Option<string>("--password") { Description = "The password the generated (or demo) users share.", Required = true };
var duration = new Option<double>("--duration") { Description = "Seconds measured per case and connection count.", DefaultValueFactory = _ => 10 };
var warmup = new Option<double>("--warmup") { Description = "Seconds of unmeasured load before each measurement.", DefaultValueFactory = _ => 3 };
var connections = new Option<int[]>("--connections")
{
    Description = "Concurrent connections, one measurement each.",
    DefaultValueFactory = _ => [1, 8],
    AllowMultipleArgumentsPerToken = true,
};
var cases = new Option<string[]>("--case") { Description = "Run only these cases (by name; repeatable).", AllowMultipleArgumentsPerToken = true };
var provider = new Option<string?>("--provider") { Description = "The app's database provider (sqlite or postgres), for the cases that run its SQL directly." };
var connection = new Option<string?>("--connection") { Description = "The app's connection string, for the cases that run its SQL directly." };
var keepWrites = new Option<bool>("--keep-writes") { Description = "Keep the rows the write cases add (by default they are deleted after the run, through --connection)." };
var output = new Option<string?>("--output") { Description = "Write the markdown (subjects and table) to this file as well as to the console." };

var root = new RootCommand("SteerCo load runner: measures named requests against a running app and prints a markdown table.")
{
    url, pid, databasePid, adminUser, adminPassword, password, duration, warmup, connections, cases, output, provider, connection, keepWrites,
};
root.SetAction((parsed, cancellationToken) =>
{
    var options = new BenchOptions(
        new Uri(parsed.GetValue(url)!), parsed.GetValue(pid), parsed.GetValue(databasePid), parsed.GetValue(adminUser)!, parsed.GetValue(adminPassword)!,
        parsed.GetValue(password)!, TimeSpan.FromSeconds(parsed.GetValue(duration)), TimeSpan.FromSeconds(parsed.GetValue(warmup)),
        parsed.GetValue(connections) ?? [1, 8], parsed.GetValue(cases) ?? [], parsed.GetValue(output), singleThread,
        parsed.GetValue(provider) is { } name && parsed.GetValue(connection) is { } text ? new DirectDatabase(name, text) : null,
        parsed.GetValue(keepWrites));
    return BenchRun.RunAsync(options, cancellationToken);
});
return await root.Parse(args).InvokeAsync();
