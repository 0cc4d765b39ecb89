using System.CommandLine;
using SteerCo.Committees;
using SteerCo.Office;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco office sample-decision</c>: writes a sample official document to look at, no database needed.</summary>
internal static class OfficeCommands
{
    public static Command Create()
    {
        var office = new Command("office", CliText.Get("OfficeCommand"));
        office.Subcommands.Add(SampleDecision());
        return office;
    }

    private static Command SampleDecision()
    {
        var layout = new Option<string>("--layout")
        {
            Description = CliText.Get("LayoutOption"),
            DefaultValueFactory = _ => "state",
        };
        layout.AcceptOnlyFromAmong("state", "party");
        var output = new Option<FileInfo>("--out")
        {
            Description = CliText.Get("DocxOutOption"),
            Required = true,
        };
        var pdf = new Option<bool>("--pdf")
        {
            Description = CliText.Get("PdfOption"),
        };
        var command = new Command("sample-decision", CliText.Get("SampleDecisionCommand"))
        {
            layout,
            output,
            pdf,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration.Output;
            var system = parseResult.GetValue(layout) == "party" ? DocumentSystem.Party : DocumentSystem.State;
            var file = parseResult.GetRequiredValue(output);
            file.Directory?.Create();
            await File.WriteAllBytesAsync(file.FullName, ReconstitutionDecisionDocument.ToDocx(SampleDecisions.Reconstitution(system)), cancellationToken);
            await console.WriteLineAsync(file.FullName);
            if (!parseResult.GetValue(pdf))
            {
                return ExitCodes.Ok;
            }
            try
            {
                var written = await new PdfConverter().ConvertFileAsync(file.FullName, file.DirectoryName ?? ".", cancellationToken);
                await console.WriteLineAsync(written);
                return ExitCodes.Ok;
            }
            catch (PdfConversionException e)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
