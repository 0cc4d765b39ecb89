using System.CommandLine;
using System.Globalization;
using SteerCo.Documents.Files;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco files collect-orphans</c>: deletes stored files no document refers to.</summary>
internal static class FilesCommands
{
    public static Command Create(GlobalOptions globals)
    {
        var files = new Command("files", CliText.T("Tệp đính kèm văn bản.", "Document files."));
        files.Subcommands.Add(CreateCollectOrphans(globals));
        return files;
    }

    private static Command CreateCollectOrphans(GlobalOptions globals)
    {
        var olderThan = new Option<int>("--older-than-hours")
        {
            Description = CliText.T(
                "Chỉ xóa tệp ghi cách đây hơn chừng ấy giờ (mặc định 24), để không đụng vào tệp đang được tải lên.",
                "Only delete files written more than this many hours ago (default 24), so that uploads in progress are left alone."),
            DefaultValueFactory = _ => 24,
        };
        olderThan.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError(CliText.T("--older-than-hours không được âm.", "--older-than-hours cannot be negative."));
            }
        });
        var collect = new Command("collect-orphans", CliText.T(
            "Xóa khỏi kho tệp những tệp không văn bản nào tham chiếu (do tải lên bị lỗi giữa chừng); in số tệp và dung lượng đã xóa.",
            "Deletes from the file store the files no document refers to (left by uploads that failed half way); prints how many and how many bytes."))
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
            await session.Output.WriteLineAsync(CliText.T(
                $"Đã xóa {collected.Blobs} tệp không được tham chiếu ({bytes} byte).",
                $"Deleted {collected.Blobs} unreferenced files ({bytes} bytes)."));
            return ExitCodes.Ok;
        });
        return collect;
    }
}
