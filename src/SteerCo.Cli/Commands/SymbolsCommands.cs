using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using SteerCo.Documents;

namespace SteerCo.Cli.Commands;

/// <summary><c>steerco symbols parse TEXT...</c>: reads document symbols, no database needed.</summary>
internal static class SymbolsCommands
{
    // Vietnamese letters stay readable in the output ("QĐ", not "Q\u0110").
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static Command Create()
    {
        var symbols = new Command("symbols", CliText.Get("SymbolsCommand"));
        symbols.Subcommands.Add(Parse());
        return symbols;
    }

    private static Command Parse()
    {
        var texts = new Argument<string[]>("text")
        {
            Description = CliText.Get("SymbolsTextArgument"),
            Arity = ArgumentArity.OneOrMore,
        };
        var parse = new Command("parse", CliText.Get("SymbolsParseCommand"))
        {
            texts,
        };
        parse.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var allValid = true;
            foreach (var text in parseResult.GetRequiredValue(texts))
            {
                var result = SymbolParser.Parse(text);
                allValid &= result.IsValid;
                object line = result.IsValid
                    ? new ValidLine(text, true, result.Symbol.ShapeName, result.Symbol.Number, result.Symbol.Year,
                        result.Symbol.Type, result.Symbol.Issuer, result.Symbol.Unit, result.Symbol.Normalized)
                    : new InvalidLine(text, false, result.Message);
                await output.WriteLineAsync(JsonSerializer.Serialize(line, Json).AsMemory(), cancellationToken);
            }
            return allValid ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return parse;
    }

    private sealed record ValidLine(string Input, bool Valid, string Shape, int Number, int? Year, string? Type, string Issuer, string? Unit, string Normalized);

    private sealed record InvalidLine(string Input, bool Valid, string Error);
}
