using System.Globalization;

namespace SteerCo.Reporting;

/// <summary>
/// An indicator's formula over other indicators' codes: numbers, codes, + - * / and parentheses
/// ("(TS02 + TS03) / TS01 * 100"). A formula refers only to typed indicators, never to another
/// formula, so there are no cycles. The result is empty when a figure it needs is empty or a
/// division is by zero.
/// </summary>
public sealed class Formula
{
    private readonly List<string> _tokens;
    private int _at;

    private Formula(List<string> tokens) => _tokens = tokens;

    /// <summary>The codes the formula names, or null when it cannot be read.</summary>
    public static IReadOnlyList<string>? Codes(string text)
    {
        var tokens = Tokenize(text);
        if (tokens is null)
        {
            return null;
        }
        var formula = new Formula(tokens);
        try
        {
            formula.Expression(_ => 1m, evaluate: false);
            return formula._at == tokens.Count ? [.. tokens.Where(IsCode).Distinct(StringComparer.Ordinal)] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static decimal? Evaluate(string text, Func<string, decimal?> value)
    {
        var tokens = Tokenize(text) ?? throw new FormatException(text);
        var formula = new Formula(tokens);
        var result = formula.Expression(value, evaluate: true);
        return result is { } r ? Math.Round(r, 4) : null;
    }

    private decimal? Expression(Func<string, decimal?> value, bool evaluate)
    {
        var left = Term(value, evaluate);
        while (Peek() is "+" or "-")
        {
            var op = _tokens[_at++];
            var right = Term(value, evaluate);
            left = left is null || right is null ? null : op == "+" ? left + right : left - right;
        }
        return left;
    }

    private decimal? Term(Func<string, decimal?> value, bool evaluate)
    {
        var left = Factor(value, evaluate);
        while (Peek() is "*" or "/")
        {
            var op = _tokens[_at++];
            var right = Factor(value, evaluate);
            left = left is null || right is null ? null
                : op == "*" ? left * right
                : right == 0 ? (evaluate ? null : left) : left / right;
        }
        return left;
    }

    private decimal? Factor(Func<string, decimal?> value, bool evaluate)
    {
        var token = Peek() ?? throw new FormatException("end");
        _at++;
        if (token == "(")
        {
            var inner = Expression(value, evaluate);
            if (Peek() != ")")
            {
                throw new FormatException(")");
            }
            _at++;
            return inner;
        }
        if (token == "-")
        {
            return -Factor(value, evaluate);
        }
        if (decimal.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        return IsCode(token) ? value(token) : throw new FormatException(token);
    }

    private string? Peek() => _at < _tokens.Count ? _tokens[_at] : null;

    private static bool IsCode(string token) => token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_');

    private static List<string>? Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if ("+-*/()".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (char.IsAsciiDigit(c) || c == '.')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
                tokens.Add(text[start..i]);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }
                tokens.Add(text[start..i]);
            }
            else
            {
                return null;
            }
        }
        return tokens.Count == 0 ? null : tokens;
    }
}

/// <summary>The roll-up rules, per indicator type.</summary>
public static class Aggregations
{
    /// <summary>
    /// Which aggregations a type allows: numbers any; counts those that keep them whole (sum, min,
    /// max), so that the roll-up is itself a count the report upward can take; percentages do not add
    /// up (average, min, max); yes/no adds up as the count of "yes" and averages as its share; text
    /// never aggregates.
    /// </summary>
    public static bool Allows(IndicatorType type, Aggregation aggregation) => type switch
    {
        IndicatorType.Number => true,
        IndicatorType.Count => aggregation != Aggregation.Average,
        IndicatorType.Percentage => aggregation != Aggregation.Sum,
        IndicatorType.YesNo => aggregation is Aggregation.None or Aggregation.Sum or Aggregation.Average,
        _ => aggregation == Aggregation.None,
    };

    /// <summary>The consolidated figure of the values given (empty ones left out); null when there is none to give.</summary>
    public static decimal? Apply(IndicatorType type, Aggregation aggregation, IEnumerable<decimal?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : Apply(type, aggregation, new Totals(present.Count, present.Sum(), present.Min(), present.Max()));
    }

    /// <summary>
    /// The consolidated figure from the totals of the values (as the database gives them); the same
    /// rule as over the values themselves: an average is their sum over their count, in decimals.
    /// </summary>
    public static decimal? Apply(IndicatorType type, Aggregation aggregation, Totals totals)
    {
        if (totals.Count == 0 || type == IndicatorType.Text || aggregation == Aggregation.None)
        {
            return null;
        }
        var result = aggregation switch
        {
            Aggregation.Sum => totals.Sum,
            Aggregation.Average => totals.Sum / totals.Count,
            Aggregation.Min => totals.Min,
            _ => totals.Max,
        };
        // A share of "yes" reads as a percentage.
        if (type == IndicatorType.YesNo && aggregation == Aggregation.Average)
        {
            result *= 100;
        }
        return Math.Round(result, 4);
    }

    /// <summary>The count, sum, least and greatest of the values present; the last three mean nothing when <see cref="Count"/> is 0.</summary>
    public readonly record struct Totals(int Count, decimal Sum, decimal Min, decimal Max);
}
