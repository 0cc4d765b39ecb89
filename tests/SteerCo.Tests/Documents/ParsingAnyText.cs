using System.Text;
using SteerCo.Documents;

namespace SteerCo.Tests.Documents;

/// <summary>
/// The parser reads whatever is pasted into a form or passed on a command line: it answers
/// every string with a symbol or a message, never with an exception.
/// </summary>
public sealed class ParsingAnyText
{
    private const string VietnameseLetters =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
        + "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ";

    private static readonly string[] Pieces =
    [
        "/", "-", "/", "-", " ", "Số:", "Số ", "QĐ", "QyĐ", "CTr", "TTr", "QĐi", "NĐ", "QH15", "UBTVQH", "TW", "BCĐ",
        "UBND", "2020", "0", "00", "99999999", "\u0301", "\u0110", "\u2013", "\u200B", ":", "\t", "\uD83D\uDE00", "\uD800", "\uDC00",
    ];

    [Fact]
    public void Random_text_always_gets_an_answer_and_what_reads_prints_back_the_same()
    {
        var random = new Random(20250704);
        var valid = 0;
        for (var i = 0; i < 30_000; i++)
        {
            var text = (i % 4) switch
            {
                0 => RandomAscii(random),
                1 => RandomVietnamese(random),
                2 => RandomPieces(random),
                _ => RandomUnicode(random),
            };

            var result = Parse(text);

            if (result.IsValid)
            {
                valid++;
                // A valid reading is stable: its normalized form reads back as the same symbol.
                Parse(result.Symbol.Normalized).Symbol.ShouldBe(result.Symbol, $"input: {Escape(text)}");
            }
            else
            {
                result.Message.ShouldNotBeNullOrWhiteSpace($"input: {Escape(text)}");
            }
        }
        valid.ShouldBeGreaterThan(0, "the pieces are meant to make some valid symbols too");
    }

    [Fact]
    public void Hostile_strings_get_an_answer()
    {
        string?[] texts =
        [
            null, "", " ", "\0", "\uFFFF", "\uFFFE", "\uD800", "\uDC00/QĐ-BCĐ", "40/QĐ-BCĐ\uD800", "\u0301", "Số", "Số:", "Số: ",
            "1/", "1-", "1//", "1--", "1/-/", "-", "/", "//", "--", "1/2020/", "1/2020/-", "1/2020/QH", "1-/", "1/-",
            new string('9', 100), new string('/', 100), new string('-', 100), "1" + new string('/', 63),
            new string('x', 1_000_000), new string(' ', 100_000) + "40/QĐ-BCĐ",
            string.Concat(Enumerable.Range(0, 32).Select(c => (char)c)), "40/QĐ-BCĐ" + new string('\u0301', 500),
        ];
        foreach (var text in texts)
        {
            Should.NotThrow(() => SymbolParser.Parse(text), Escape(text ?? "null"));
        }
    }

    private static SymbolParseResult Parse(string text)
    {
        try
        {
            return SymbolParser.Parse(text);
        }
        catch (Exception ex)
        {
            throw new ShouldAssertException($"Parse threw {ex.GetType().Name} on {Escape(text)}", ex);
        }
    }

    private static string RandomAscii(Random random) =>
        new(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0, 128)).ToArray());

    private static string RandomVietnamese(Random random)
    {
        var builder = new StringBuilder();
        for (var n = random.Next(0, 30); n > 0; n--)
        {
            builder.Append(random.Next(6) switch
            {
                0 => (char)('0' + random.Next(10)),
                1 => '/',
                2 => '-',
                _ => VietnameseLetters[random.Next(VietnameseLetters.Length)],
            });
        }
        var text = builder.ToString();
        return random.Next(2) == 0 ? text : text.Normalize(NormalizationForm.FormD);
    }

    private static string RandomPieces(Random random)
    {
        var builder = new StringBuilder();
        if (random.Next(3) == 0)
        {
            builder.Append("Số: ");
        }
        builder.Append(random.Next(0, 12000));
        for (var n = random.Next(0, 5); n > 0; n--)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }
        return builder.ToString();
    }

    private static string RandomUnicode(Random random) =>
        new(Enumerable.Range(0, random.Next(0, 30)).Select(_ => (char)random.Next(0, 0x10000)).ToArray());

    private static string Escape(string text) =>
        string.Concat(text.Take(200).Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
