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
        var units = new Command("units", CliText.T("Đơn vị hành chính.", "Administrative units."));
        units.Subcommands.Add(Import(globals));
        units.Subcommands.Add(Export(globals));
        return units;
    }

    private static Command Import(GlobalOptions globals)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = CliText.T(
                "Tệp CSV UTF-8: code,name,level,parent_code,kind[,valid_from,valid_to].",
                "UTF-8 CSV file: code,name,level,parent_code,kind[,valid_from,valid_to]."),
        }.AcceptExistingOnly();
        var import = new Command("import", CliText.T(
            "Nhập đơn vị từ CSV: nhập cả tệp hoặc không nhập gì; mã đã có thì cập nhật.",
            "Imports units from CSV, the whole file or nothing; an existing code is updated."))
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
                await session.Error.WriteLineAsync(CliText.T(
                    $"Không nhập gì: {result.Errors.Count} lỗi.",
                    $"Nothing imported: {result.Errors.Count} error(s)."));
                return ExitCodes.Failure;
            }
            await session.Output.WriteLineAsync(CliText.T(
                $"Đã nhập: {result.Created} đơn vị mới, {result.Updated} đơn vị cập nhật.",
                $"Imported: {result.Created} created, {result.Updated} updated."));
            return ExitCodes.Ok;
        });
        return import;
    }

    private static Command Export(GlobalOptions globals)
    {
        var file = new Argument<FileInfo?>("file")
        {
            Description = CliText.T("Tệp CSV cần ghi (bỏ trống: ghi ra stdout).", "CSV file to write (none: standard output)."),
            Arity = ArgumentArity.ZeroOrOne,
        };
        var export = new Command("export", CliText.T("Xuất mọi đơn vị ra CSV, cùng định dạng với import.", "Exports every unit as CSV, in the import format."))
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
            await session.Output.WriteLineAsync(CliText.T(
                $"Đã xuất {count} đơn vị ra {target.FullName}.",
                $"Exported {count} units to {target.FullName}."));
            return ExitCodes.Ok;
        });
        return export;
    }
}
