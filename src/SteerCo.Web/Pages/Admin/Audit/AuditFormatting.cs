using System.Text;
using System.Text.Json;

namespace SteerCo.Web.Pages.Admin.Audit;

public static class AuditFormatting
{
    /// <summary>"Field: before → after", one per line, from the stored JSON.</summary>
    public static string Describe(string changes)
    {
        try
        {
            using var document = JsonDocument.Parse(changes);
            var text = new StringBuilder();
            foreach (var field in document.RootElement.EnumerateObject())
            {
                var values = field.Value.EnumerateArray().Select(Show).ToArray();
                text.Append(field.Name).Append(": ");
                text.AppendLine(values.Length == 2 ? $"{values[0]} → {values[1]}" : string.Join(", ", values));
            }
            return text.ToString().TrimEnd();
        }
        catch (JsonException)
        {
            return changes;
        }
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "∅",
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };
}
