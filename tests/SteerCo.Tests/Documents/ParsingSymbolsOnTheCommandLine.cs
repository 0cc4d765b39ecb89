using System.Text.Json;
using SteerCo.Cli;

namespace SteerCo.Tests.Documents;

/// <summary>`steerco symbols parse`: one JSON line per argument, readable Vietnamese, no database.</summary>
public sealed class ParsingSymbolsOnTheCommandLine
{
    [Fact]
    public async Task Each_symbol_is_one_JSON_line_with_its_parts_and_exit_0_when_all_are_valid()
    {
        var (code, output, _) = await RunAsync("symbols", "parse", "114/TB-VPCP", "6411/VPCP-KTTH", "Số: 30/2020/NĐ-CP", "06/2022/QH15", "02-HD/BCĐTW");

        code.ShouldBe(0);
        var lines = Lines(output);
        lines.Length.ShouldBe(5);
        lines[0].ShouldBe("""{"input":"114/TB-VPCP","valid":true,"shape":"state","number":114,"year":null,"type":"TB","issuer":"VPCP","unit":null,"normalized":"114/TB-VPCP"}""");
        lines[1].ShouldBe("""{"input":"6411/VPCP-KTTH","valid":true,"shape":"congvan","number":6411,"year":null,"type":null,"issuer":"VPCP","unit":"KTTH","normalized":"6411/VPCP-KTTH"}""");
        lines[2].ShouldBe("""{"input":"Số: 30/2020/NĐ-CP","valid":true,"shape":"normative","number":30,"year":2020,"type":"NĐ","issuer":"CP","unit":null,"normalized":"30/2020/NĐ-CP"}""");
        lines[3].ShouldBe("""{"input":"06/2022/QH15","valid":true,"shape":"law","number":6,"year":2022,"type":null,"issuer":"QH15","unit":null,"normalized":"06/2022/QH15"}""");
        lines[4].ShouldBe("""{"input":"02-HD/BCĐTW","valid":true,"shape":"party","number":2,"year":null,"type":"HD","issuer":"BCĐTW","unit":null,"normalized":"02-HD/BCĐTW"}""");
        output.ShouldNotContain("\\u", customMessage: "Vietnamese letters are printed as they are");
    }

    [Fact]
    public async Task One_invalid_symbol_gets_its_message_and_exit_1_and_the_others_are_still_printed()
    {
        var (code, output, _) = await RunAsync("symbols", "parse", "40/QĐ-BCĐ", "40/QD-BCĐ");

        code.ShouldBe(1);
        var lines = Lines(output);
        lines.Length.ShouldBe(2);
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("valid").GetBoolean().ShouldBeTrue();
        lines[1].ShouldBe("""{"input":"40/QD-BCĐ","valid":false,"error":"'QD' không phải là tên loại văn bản — có phải là 'QĐ'?"}""");
    }

    [Fact]
    public async Task Messages_are_in_English_with_lang_en()
    {
        var (code, output, _) = await RunAsync("--lang", "en", "symbols", "parse", "40/QD-BCĐ", "40/QĐ", "0/QĐ-BCĐ");

        code.ShouldBe(1);
        var errors = Lines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("error").GetString()).ToArray();
        errors.ShouldBe([
            "'QD' is not a document type — did you mean 'QĐ'?",
            "'40/QĐ' has no issuing body, as in 40/QĐ-BCĐ.",
            "The number in '0/QĐ-BCĐ' must be greater than 0.",
        ]);
    }

    [Fact]
    public async Task Control_characters_in_the_input_are_escaped_so_each_answer_stays_on_one_line()
    {
        var (code, output, _) = await RunAsync("symbols", "parse", "40/QĐ\n-BCĐ", "40/QĐ-\u0007BCĐ");

        code.ShouldBe(1);
        var lines = Lines(output);
        lines.Length.ShouldBe(2);
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("normalized").GetString().ShouldBe("40/QĐ-BCĐ");
        JsonDocument.Parse(lines[1]).RootElement.GetProperty("input").GetString().ShouldBe("40/QĐ-\u0007BCĐ");
    }

    [Fact]
    public async Task Parse_with_nothing_to_parse_is_a_usage_error() =>
        (await RunAsync("symbols", "parse")).Code.ShouldBe(2);

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SteerCoCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
