using System.CommandLine;
using System.Globalization;
using SteerCo.Documents.Files;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco files collect-orphans</c>: deletes stored files no document refers to.</summary>
internal static class FilesCommands
{
    public static Command Create(GlobalOptions globals)
    {
        var files = new Command("files", CliText.Get("FilesCommand"));
        files.Subcommands.Add(CreateCollectOrphans(globals));
        return files;
    }

    private static Command CreateCollectOrphans(GlobalOptions globals)
    {
        var olderThan = new Option<int>("--older-than-hours")
        {
            Description = CliText.Get("OlderThanHoursOption"),
            DefaultValueFactory = _ => 24,
        };
        olderThan.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError(CliText.Get("OlderThanHoursNegative"));
            }
        });
        var collect = new Command("collect-orphans", CliText.Get("CollectOrphansCommand"))
        {
            olderThan,
        };
        collect.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            var hours = parseResult.GetValue(olderThan);
            var collected = await session.Get<DocumentFiles>().CollectOrphansAsync(TimeSpan.FromHours(hours), cancellationToken);
            var bytes = collected.Bytes.ToString("N0", CultureInfo.CurrentUICulture);
            await session.Output.WriteLineAsync(CliText.Get("OrphansDeleted", collected.Blobs, bytes));
            return ExitCodes.Ok;
        });
        return collect;
    }
}
