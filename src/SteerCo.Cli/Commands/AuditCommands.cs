using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SteerCo.Audit;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco audit verify</c>: recomputes the hash chain of the audit log.</summary>
internal static class AuditCommands
{
    public static Command Create(GlobalOptions globals)
    {
        var audit = new Command("audit", CliText.Get("AuditCommand"));
        var verify = new Command("verify", CliText.Get("AuditVerifyCommand"));
        verify.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            var db = session.Db;
            var result = await AuditChain.VerifyAsync(db, cancellationToken);
            await session.Output.WriteLineAsync(CliText.Get("AuditEntriesChecked", result.EntriesChecked));
            if (!result.IsIntact)
            {
                await session.Output.WriteLineAsync(CliText.Get("AuditBroken", result.BrokenAtSequence, result.Reason));
                return ExitCodes.Failure;
            }
            var lastHash = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
            await session.Output.WriteLineAsync(CliText.Get("AuditIntact", lastHash ?? CliText.Get("AuditNoHash")));
            return ExitCodes.Ok;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }
}
