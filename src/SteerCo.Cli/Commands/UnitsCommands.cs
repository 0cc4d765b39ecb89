using System.CommandLine;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SteerCo.Units;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco units import FILE</c> and <c>steerco units export [FILE]</c>.</summary>
internal static class UnitsCommands
{
    public static Command Create(GlobalOptions globals)
    {
        var units = new Command("units", CliText.Get("UnitsCommand"));
        units.Subcommands.Add(Import(globals));
        units.Subcommands.Add(Export(globals));
        return units;
    }

    private static Command Import(GlobalOptions globals)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = CliText.Get("UnitsImportFileArgument"),
        }.AcceptExistingOnly();
        var import = new Command("import", CliText.Get("UnitsImportCommand"))
        {
            file,
        };
        import.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            await using var stream = parseResult.GetRequiredValue(file).OpenRead();
            var result = await session.Get<UnitImporter>().ImportAsync(stream, cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await session.Error.WriteLineAsync(error.ToString());
                }
                await session.Error.WriteLineAsync(CliText.Get("UnitsNothingImported", result.Errors.Count));
                return ExitCodes.Failure;
            }
            await session.Output.WriteLineAsync(CliText.Get("UnitsImported", result.Created, result.Updated));
            return ExitCodes.Ok;
        });
        return import;
    }

    private static Command Export(GlobalOptions globals)
    {
        var file = new Argument<FileInfo?>("file")
        {
            Description = CliText.Get("UnitsExportFileArgument"),
            Arity = ArgumentArity.ZeroOrOne,
        };
        var export = new Command("export", CliText.Get("UnitsExportCommand"))
        {
            file,
        };
        export.SetSessionAction(globals, async (parseResult, session, cancellationToken) =>
        {
            if (!await session.EnsureMigratedAsync(cancellationToken))
            {
                return ExitCodes.Failure;
            }
            var importer = session.Get<UnitImporter>();
            if (parseResult.GetValue(file) is not { } target)
            {
                using var buffer = new MemoryStream();
                await importer.ExportAsync(buffer, cancellationToken);
                await session.Output.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                await session.Output.FlushAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            await using (var stream = target.Create())
            {
                await importer.ExportAsync(stream, cancellationToken);
            }
            var count = await session.Db.Units.CountAsync(cancellationToken);
            await session.Output.WriteLineAsync(CliText.Get("UnitsExported", count, target.FullName));
            return ExitCodes.Ok;
        });
        return export;
    }
}
