using System.Text;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Text;
using SteerCo.Units;

namespace SteerCo.Tests.Support;

/// <summary>
/// The small hierarchy every test class starts from: central VN; provinces 48 Đà Nẵng and 46 Huế;
/// communes 20242 Hải Châu (in 48) and 19777 Vỹ Dạ (in 46). Committees: central → 48 → 20242 and
/// central → 46 → 19777. One agency (the People's Committee, UBND) per unit.
/// </summary>
public sealed record Hierarchy(
    AdministrativeUnit CentralUnit, AdministrativeUnit DanangUnit, AdministrativeUnit HueUnit, AdministrativeUnit HaiChauUnit, AdministrativeUnit VyDaUnit,
    Committee Central, Committee Danang, Committee Hue, Committee HaiChau, Committee VyDa,
    Agency CentralAgency, Agency DanangAgency, Agency HueAgency, Agency HaiChauAgency, Agency VyDaAgency);

/// <summary>Builders with defaults: tests name only what matters to them.</summary>
public static class TestData
{
    public const string Subject = "Ban Chỉ đạo phòng, chống thiên tai";

    /// <summary>A password the policy accepts (10+ characters, upper, lower, digit), different each time.</summary>
    public static string Password() => $"Mk{Guid.NewGuid():N}"[..14] + "A7";

    public static AdministrativeUnit Unit(string code, string name, UnitLevel level, AdministrativeUnit? parent = null, DateOnly? validTo = null) => new()
    {
        Code = code,
        Name = name,
        FoldedName = VietnameseText.Fold(name),
        Level = level,
        Kind = name.StartsWith("Phường", StringComparison.Ordinal) ? "phuong" : name.StartsWith("Xã", StringComparison.Ordinal) ? "xa"
            : name.StartsWith("Thành phố", StringComparison.Ordinal) ? "thanh_pho" : name.StartsWith("Tỉnh", StringComparison.Ordinal) ? "tinh" : null,
        Parent = parent,
        ParentId = parent?.Id,
        ValidTo = validTo,
    };

    public static Agency Agency(AdministrativeUnit unit, string name = "Ủy ban nhân dân", string abbreviation = "UBND") => new()
    {
        UnitId = unit.Id,
        Name = name,
        FoldedName = VietnameseText.Fold(name),
        Abbreviation = abbreviation,
    };

    /// <summary>Adds units with <see cref="Unit"/> and saves them.</summary>
    public static async Task<AdministrativeUnit> AddUnitAsync(SteerCoDbContext db, string code, string name, UnitLevel level, AdministrativeUnit? parent = null)
    {
        var unit = Unit(code, name, level, parent);
        unit.Parent = null;
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    }

    /// <summary>A committee with its materialized path, as CommitteeService would write it.</summary>
    public static async Task<Committee> AddCommitteeAsync(SteerCoDbContext db, AdministrativeUnit unit, Committee? parent, string? name = null, int? standingAgencyId = null)
    {
        name ??= $"{Subject} {unit.Name}";
        var committee = new Committee
        {
            Name = name,
            FoldedName = VietnameseText.Fold(name),
            Abbreviation = "BCĐ",
            UnitId = unit.Id,
            ParentId = parent?.Id,
            StandingAgencyId = standingAgencyId,
            DocumentSystem = DocumentSystem.State,
            EstablishedOn = new DateOnly(2025, 7, 15),
        };
        db.Committees.Add(committee);
        await db.SaveChangesAsync();
        committee.Path = $"{parent?.Path ?? "/"}{committee.Id}/";
        await db.SaveChangesAsync();
        return committee;
    }

    public static async Task<Hierarchy> CreateHierarchyAsync(SteerCoDbContext db)
    {
        var vn = await AddUnitAsync(db, "VN", "Trung ương", UnitLevel.Central);
        var danang = await AddUnitAsync(db, "48", "Thành phố Đà Nẵng", UnitLevel.Province, vn);
        var hue = await AddUnitAsync(db, "46", "Thành phố Huế", UnitLevel.Province, vn);
        var haichau = await AddUnitAsync(db, "20242", "Phường Hải Châu", UnitLevel.Commune, danang);
        var vyda = await AddUnitAsync(db, "19777", "Phường Vỹ Dạ", UnitLevel.Commune, hue);

        var agencies = new[] { vn, danang, hue, haichau, vyda }
            .Select(u => Agency(u, u.Level == UnitLevel.Central ? "Văn phòng Chính phủ" : $"Ủy ban nhân dân {u.Name}", u.Level == UnitLevel.Central ? "VPCP" : "UBND"))
            .ToArray();
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync();

        var central = await AddCommitteeAsync(db, vn, null, Subject, agencies[0].Id);
        var danangCommittee = await AddCommitteeAsync(db, danang, central, standingAgencyId: agencies[1].Id);
        var hueCommittee = await AddCommitteeAsync(db, hue, central, standingAgencyId: agencies[2].Id);
        var haichauCommittee = await AddCommitteeAsync(db, haichau, danangCommittee, standingAgencyId: agencies[3].Id);
        var vydaCommittee = await AddCommitteeAsync(db, vyda, hueCommittee, standingAgencyId: agencies[4].Id);
        db.ChangeTracker.Clear();
        return new(vn, danang, hue, haichau, vyda,
            central, danangCommittee, hueCommittee, haichauCommittee, vydaCommittee,
            agencies[0], agencies[1], agencies[2], agencies[3], agencies[4]);
    }

    /// <summary>A unit CSV file with the standard header (code,name,level,parent_code,kind) and these lines.</summary>
    public static MemoryStream UnitsCsv(params string[] lines) =>
        CsvFile("code,name,level,parent_code,kind", lines);

    public static MemoryStream CsvFile(string header, params string[] lines) =>
        new(Encoding.UTF8.GetBytes(string.Join("\n", [header, .. lines]) + "\n"));
}
