using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Units;

/// <summary>An error on one line of an imported file (line 1 is the header).</summary>
public sealed record LineError(int Line, string Message)
{
    public override string ToString() => Messages.Get("LineError", Line, Message);
}

public sealed record UnitImportResult(int Created, int Updated, IReadOnlyList<LineError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports units from CSV (code,name,level,parent_code,kind[,valid_from,valid_to]): every line is
/// checked first, and the file is imported whole or not at all, with an error per bad line.
/// A code already present at the same level updates that unit.
/// </summary>
public sealed class UnitImporter(SteerCoDbContext db)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    private static readonly string[] RequiredColumns = ["code", "name", "level", "parent_code"];

    private sealed record Row(int Line, string Code, string Name, UnitLevel Level, string ParentCode, string? Kind, DateOnly? ValidFrom, DateOnly? ValidTo);

    /// <summary>The official national hierarchy shipped with SteerCo (see Units/Data/README.md).</summary>
    public static Stream OpenOfficialUnits() =>
        typeof(UnitImporter).Assembly.GetManifestResourceStream("SteerCo.Units.Data.units-2025.csv")
        ?? throw new InvalidOperationException("The official unit list is missing from the build.");

    public async Task<UnitImportResult> ImportAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var (text, decodeError) = await ReadUtf8Async(stream, cancellationToken);
        if (decodeError is not null)
        {
            return new(0, 0, [decodeError]);
        }
        // Every line is checked, so a file comes back with all its errors at once, not the first kind only.
        var (rows, errors) = Parse(text!);

        var existing = await db.Units.ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(u => (u.Level, u.Code));
        var fileKeys = new Dictionary<(UnitLevel, string), int>();
        foreach (var row in rows)
        {
            if (!fileKeys.TryAdd((row.Level, row.Code), row.Line))
            {
                errors.Add(new(row.Line, Messages.Get("UnitDuplicateInFile", row.Code, fileKeys[(row.Level, row.Code)])));
            }
        }

        var created = 0;
        // Parents first, so that a line may name a parent that appears further down the file.
        var ordered = rows.OrderBy(r => r.Level == UnitLevel.Commune ? 3 : (int)r.Level).ToList();
        foreach (var row in ordered)
        {
            AdministrativeUnit? parent = null;
            if (UnitCodes.ParentLevelsFor(row.Level) is { Length: > 0 } parentLevels)
            {
                parent = parentLevels.Select(l => byKey.GetValueOrDefault((l, row.ParentCode))).FirstOrDefault(u => u is not null);
                if (parent is null)
                {
                    errors.Add(new(row.Line, Messages.Get("UnitUnknownParent", row.ParentCode)));
                    continue;
                }
            }
            else if (row.ParentCode.Length > 0)
            {
                errors.Add(new(row.Line, Messages.Get("UnitRootHasParent")));
                continue;
            }

            if (byKey.TryGetValue((row.Level, row.Code), out var unit) && unit.Id != 0)
            {
                unit.Name = row.Name;
                unit.FoldedName = VietnameseText.Fold(row.Name);
                unit.Kind = row.Kind;
                unit.Parent = parent;
                unit.ValidFrom = row.ValidFrom;
                unit.ValidTo = row.ValidTo;
            }
            else
            {
                unit = new AdministrativeUnit
                {
                    Code = row.Code,
                    Name = row.Name,
                    FoldedName = VietnameseText.Fold(row.Name),
                    Level = row.Level,
                    Kind = row.Kind,
                    Parent = parent,
                    ValidFrom = row.ValidFrom,
                    ValidTo = row.ValidTo,
                };
                byKey[(row.Level, row.Code)] = unit;
                db.Units.Add(unit);
                created++;
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new(0, 0, [.. errors.OrderBy(e => e.Line)]);
        }
        db.ChangeTracker.DetectChanges();
        var updated = db.ChangeTracker.Entries<AdministrativeUnit>().Count(e => e.State == EntityState.Modified);
        await db.SaveChangesAsync(cancellationToken);
        return new(created, updated, []);
    }

    public async Task ExportAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking()
            .OrderBy(u => u.Level).ThenBy(u => u.Code)
            .Select(u => new { u.Code, u.Name, u.Level, ParentCode = u.Parent != null ? u.Parent.Code : "", u.Kind, u.ValidFrom, u.ValidTo })
            .ToListAsync(cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "code", "name", "level", "parent_code", "kind", "valid_from", "valid_to" })
        {
            csv.WriteField(header);
        }
        await csv.NextRecordAsync();
        foreach (var u in units)
        {
            csv.WriteField(u.Code);
            csv.WriteField(u.Name);
            csv.WriteField(UnitCodes.ToCsv(u.Level));
            csv.WriteField(u.ParentCode);
            csv.WriteField(u.Kind ?? "");
            csv.WriteField(u.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(u.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            await csv.NextRecordAsync();
        }
    }

    private static async Task<(string? Text, LineError? Error)> ReadUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return (null, new LineError(0, Messages.Get("FileTooLarge", MaxFileBytes / 1024 / 1024)));
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return (text.TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
            return (null, new LineError(line, Messages.Get("FileNotUtf8")));
        }
    }

    private static (List<Row> Rows, List<LineError> Errors) Parse(string text)
    {
        var rows = new List<Row>();
        var errors = new List<LineError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            errors.Add(new(1, Messages.Get("CsvEmpty")));
            return (rows, errors);
        }
        var header = csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            errors.Add(new(1, Messages.Get("CsvMissingColumns", string.Join(", ", missing))));
            return (rows, errors);
        }
        string Field(string name) => Array.IndexOf(header, name) is var i and >= 0 ? VietnameseText.Clean(csv.GetField(i)) : "";

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var code = Field("code");
            var name = Field("name");
            var levelText = Field("level");
            var lineErrors = new List<string>();
            if (!UnitCodes.TryParseLevel(levelText, out var level))
            {
                lineErrors.Add(Messages.Get("UnitBadLevel", levelText));
            }
            else if (UnitCodes.Check(code, level) is { } codeError)
            {
                lineErrors.Add(codeError);
            }
            if (name.Length == 0)
            {
                lineErrors.Add(Messages.Get("UnitNameRequired"));
            }
            else if (name.Length > 200)
            {
                lineErrors.Add(Messages.Get("TooLong", Messages.Get("FieldName"), 200));
            }
            var validFrom = ParseDate(Field("valid_from"), lineErrors);
            var validTo = ParseDate(Field("valid_to"), lineErrors);
            if (validFrom > validTo)
            {
                lineErrors.Add(Messages.Get("ValidityOrder"));
            }
            var kind = Field("kind");
            if (kind.Length > 20)
            {
                lineErrors.Add(Messages.Get("TooLong", "kind", 20));
            }
            if (lineErrors.Count > 0)
            {
                errors.AddRange(lineErrors.Select(m => new LineError(line, m)));
                continue;
            }
            rows.Add(new(line, code, name, level, Field("parent_code"), kind.Length == 0 ? null : kind, validFrom, validTo));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(1, Messages.Get("CsvEmpty")));
        }
        return (rows, errors);
    }

    private static DateOnly? ParseDate(string text, List<string> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            || DateFormats.TryParseShort(text, out iso))
        {
            return iso;
        }
        errors.Add(Messages.Get("BadDate", text));
        return null;
    }
}
