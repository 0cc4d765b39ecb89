using System.CommandLine;
using SteerCo.Committees;
using SteerCo.Office;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco office sample-decision</c>: writes a sample official document to look at, no database needed.</summary>
internal static class OfficeCommands
{
    public static Command Create()
    {
        var office = new Command("office", CliText.T("Văn bản hành chính do hệ thống tạo ra.", "Official documents the system generates."));
        office.Subcommands.Add(SampleDecision());
        return office;
    }

    private static Command SampleDecision()
    {
        var layout = new Option<string>("--layout")
        {
            Description = CliText.T(
                "Thể thức: state (Nghị định 30/2020/NĐ-CP) hoặc party (Hướng dẫn 36-HD/VPTW); mặc định state.",
                "Layout: state (Decree 30/2020/NĐ-CP) or party (Hướng dẫn 36-HD/VPTW); state by default."),
            DefaultValueFactory = _ => "state",
        };
        layout.AcceptOnlyFromAmong("state", "party");
        var output = new Option<FileInfo>("--out")
        {
            Description = CliText.T("Tệp DOCX cần ghi.", "The DOCX file to write."),
            Required = true,
        };
        var pdf = new Option<bool>("--pdf")
        {
            Description = CliText.T(
                "Ghi thêm bản PDF bên cạnh (cần LibreOffice).",
                "Also write the PDF beside it (needs LibreOffice)."),
        };
        var command = new Command("sample-decision", CliText.T(
            "Ghi một quyết định kiện toàn Ban Chỉ đạo mẫu, có phụ lục danh sách thành viên, để xem thể thức.",
            "Writes a sample decision reconstituting a steering committee, with its member-list annex, to look at the layout."))
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
