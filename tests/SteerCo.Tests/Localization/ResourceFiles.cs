using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SteerCo.Cli;

namespace SteerCo.Tests.Localization;

/// <summary>
/// Every string a user reads exists in Vietnamese and in English: a key missing from either file
/// would show its bare name on screen.
/// </summary>
public sealed partial class ResourceFiles
{
    private static readonly string Root = FindRepositoryRoot();

    [Theory]
    [InlineData("src/SteerCo.Web/Resources/SharedResource")]
    [InlineData("src/SteerCo/Resources/Messages")]
    [InlineData("src/SteerCo.Cli/Resources/CliMessages")]
    public void Vietnamese_and_English_have_the_same_keys_and_no_empty_text(string baseName)
    {
        var vietnamese = Read(baseName + ".resx");
        var english = Read(baseName + ".en.resx");

        vietnamese.Keys.Except(english.Keys).ShouldBeEmpty("missing in English");
        english.Keys.Except(vietnamese.Keys).ShouldBeEmpty("missing in Vietnamese");
        vietnamese.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ShouldBeEmpty();
        english.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ShouldBeEmpty();
        // A placeholder in one language only would print a value in one and drop it (or throw) in the other.
        vietnamese.Keys.Intersect(english.Keys)
            .Where(key => !Placeholders(vietnamese[key]).SetEquals(Placeholders(english[key])))
            .ShouldBeEmpty("placeholders differ between Vietnamese and English");
    }

    [Fact]
    public void Every_key_a_page_asks_for_is_in_the_resource_file()
    {
        var keys = Read("src/SteerCo.Web/Resources/SharedResource.resx").Keys.ToHashSet();
        var pages = Directory.EnumerateFiles(Path.Combine(Root, "src/SteerCo.Web/Pages"), "*.cs*", SearchOption.AllDirectories);
        var missing = new List<string>();
        foreach (var file in pages)
        {
            var text = File.ReadAllText(file);
            foreach (Match match in LocalizerKey().Matches(text).Concat(AnnotationKey().Matches(text)))
            {
                if (!keys.Contains(match.Groups["key"].Value))
                {
                    missing.Add($"{Path.GetFileName(file)}: {match.Groups["key"].Value}");
                }
            }
            // Keys built from an enum value: L["Level" + level] needs LevelCentral, LevelProvince, ...
            foreach (Match match in ComposedKey().Matches(text))
            {
                var prefix = match.Groups["prefix"].Value;
                keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.Length > prefix.Length)
                    .ShouldBeTrue($"{Path.GetFileName(file)} composes keys from '{prefix}' but none exist");
            }
        }
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_message_the_application_returns_is_in_the_resource_file()
    {
        var keys = Read("src/SteerCo/Resources/Messages.resx").Keys.ToHashSet();
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/Migrations/", StringComparison.Ordinal));
        var missing = sources.SelectMany(f => MessageKey().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Groups["key"].Value}"))
            .Where(entry => !keys.Contains(entry[(entry.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_word_the_command_line_asks_for_is_in_the_resource_file()
    {
        var keys = Read("src/SteerCo.Cli/Resources/CliMessages.resx").Keys.ToHashSet();
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src/SteerCo.Cli"), "*.cs", SearchOption.AllDirectories);
        var used = sources.SelectMany(f => CliTextKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value))).ToList();

        used.ShouldNotBeEmpty();
        used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").ShouldBeEmpty();
    }

    [Fact]
    public void The_command_line_reads_both_languages_from_its_assembly()
    {
        // The manifest name CliText asks for: a wrong one would print every key's bare name.
        var manager = new ResourceManager("SteerCo.Cli.Resources.CliMessages", typeof(SteerCoCli).Assembly);
        var keys = Read("src/SteerCo.Cli/Resources/CliMessages.resx").Keys.Order(StringComparer.Ordinal).ToList();

        KeysOf(manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)).ShouldBe(keys);
        KeysOf(manager.GetResourceSet(CultureInfo.GetCultureInfo("en"), createIfNotExists: true, tryParents: false)).ShouldBe(keys);
    }

    private static List<string> KeysOf(ResourceSet? set) =>
        set.ShouldNotBeNull().Cast<DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    private static Dictionary<string, string> Read(string relativePath) =>
        XDocument.Load(Path.Combine(Root, relativePath)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SteerCo.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (SteerCo.slnx) was not found.");
    }

    [GeneratedRegex("""L\["(?<key>[A-Za-z0-9]+)"\]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""L\["(?<prefix>[A-Za-z]+)" \+""")]
    private static partial Regex ComposedKey();

    [GeneratedRegex("""(?:ErrorMessage|Name) = "(?<key>[A-Z][A-Za-z0-9]+)"\)""")]
    private static partial Regex AnnotationKey();

    [GeneratedRegex(@"Messages\.Get\(""(?<key>[A-Za-z0-9]+)""")]
    private static partial Regex MessageKey();

    [GeneratedRegex(@"CliText\.Get\(""(?<key>[A-Za-z0-9]+)""")]
    private static partial Regex CliTextKey();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
