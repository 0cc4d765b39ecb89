using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SteerCo.Audit;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco audit verify</c>: recomputes the hash chain of the audit log.</summary>
internal static class AuditCommands
{
    public static Command Create(GlobalOptions globals)
    {
        var audit = new Command("audit", CliText.T("Nhật ký kiểm toán.", "The audit log."));
        var verify = new Command("verify", CliText.T(
            "Kiểm tra chuỗi băm của nhật ký; in hash cuối để lưu ở nơi khác. Mã thoát 1 nếu chuỗi bị phá vỡ.",
            "Checks the log's hash chain and prints the last hash to keep elsewhere. Exit code 1 when the chain is broken."));
        verify.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            var db = session.Db;
            var result = await AuditChain.VerifyAsync(db, cancellationToken);
            await session.Output.WriteLineAsync(CliText.T($"Số mục đã kiểm tra: {result.EntriesChecked}", $"Entries checked: {result.EntriesChecked}"));
            if (!result.IsIntact)
            {
                await session.Output.WriteLineAsync(CliText.T(
                    $"BỊ PHÁ VỠ tại mục {result.BrokenAtSequence}: {result.Reason}",
                    $"BROKEN at entry {result.BrokenAtSequence}: {result.Reason}"));
                return ExitCodes.Failure;
            }
            var lastHash = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
            await session.Output.WriteLineAsync(CliText.T(
                $"Nguyên vẹn (intact). Hash cuối: {lastHash ?? "(chưa có)"}",
                $"intact. Last hash: {lastHash ?? "(none)"}"));
            return ExitCodes.Ok;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }
}
