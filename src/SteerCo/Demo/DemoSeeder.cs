using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Meetings;
using SteerCo.Reporting;
using SteerCo.Text;
using SteerCo.Units;
using SteerCo.WorkItems;

namespace SteerCo.Demo;

/// <summary>What seeding did; passwords appear only when they were set by this run.</summary>
public sealed record SeedReport(int UnitsImported, bool DemoCreated, string AdminUserName, string? AdminPassword, string? DemoPassword, IReadOnlyList<(string UserName, Role Role, string Committee)> DemoUsers);

/// <summary>
/// The demo: the national hierarchy, a disaster-prevention committee at the centre, in two
/// provinces and in a few of their communes, their member agencies, and one user per role; Đà
/// Nẵng's roster, its quarterly report, and its last and next briefings with the tasks the last
/// one gave (<see cref="DemoWork"/>). Running it again changes nothing.
/// </summary>
public sealed class DemoSeeder(SteerCoDbContext db, UnitImporter importer, UserManager<AppUser> users, ReportTemplates templates,
    MeetingService meetings, WorkItemService workItems)
{
    public const string AdminUserName = "admin";
    private const string Subject = "Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn";

    private static readonly (string Name, string Abbreviation)[] CentralAgencies =
    [
        ("Bộ Nông nghiệp và Môi trường", "BNNMT"),
        ("Bộ Quốc phòng", "BQP"),
        ("Bộ Công an", "BCA"),
        ("Bộ Xây dựng", "BXD"),
        ("Bộ Y tế", "BYT"),
        ("Văn phòng Chính phủ", "VPCP"),
    ];

    private static readonly (string Name, string Abbreviation)[] ProvinceAgencies =
    [
        ("Ủy ban nhân dân", "UBND"),
        ("Sở Nông nghiệp và Môi trường", "SNNMT"),
        ("Bộ Chỉ huy Quân sự", "BCHQS"),
        ("Công an", "CA"),
        ("Sở Xây dựng", "SXD"),
        ("Sở Y tế", "SYT"),
    ];

    private static readonly (string Name, string Abbreviation)[] CommuneAgencies =
    [
        ("Ủy ban nhân dân", "UBND"),
        ("Ban Chỉ huy Quân sự", "BCHQS"),
        ("Công an", "CA"),
    ];

    /// <summary>Imports the official units if there are none: needed before anything else.</summary>
    public async Task<int> EnsureUnitsAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Units.AnyAsync(cancellationToken))
        {
            return 0;
        }
        await using var csv = UnitImporter.OpenOfficialUnits();
        var result = await importer.ImportAsync(csv, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The shipped unit list does not import: " + string.Join("; ", result.Errors.Take(5)));
        }
        return result.Created;
    }

    /// <summary>Creates the administrator if absent, with the given password or a generated one.</summary>
    public async Task<string?> EnsureAdministratorAsync(string? password, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(AdminUserName) is not null)
        {
            return null;
        }
        password = string.IsNullOrEmpty(password) ? GeneratePassword() : password;
        var admin = new AppUser { UserName = AdminUserName, FullName = "Quản trị hệ thống", Role = Role.Administrator, LockoutEnabled = true };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The administrator cannot be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        return password;
    }

    public async Task<SeedReport> SeedAsync(string? adminPassword, string? demoPassword, CancellationToken cancellationToken = default)
    {
        var imported = await EnsureUnitsAsync(cancellationToken);
        var generatedAdmin = await EnsureAdministratorAsync(adminPassword, cancellationToken);
        var demoUsers = new List<(string, Role, string)>();
        if (await db.Committees.AnyAsync(c => c.Name == Subject, cancellationToken))
        {
            // A demo seeded before periodic reporting existed gets its report template now.
            if (await db.Committees.FirstOrDefaultAsync(c => c.Name == $"{Subject} thành phố Đà Nẵng", cancellationToken) is { } seeded)
            {
                await new DemoReporting(db, templates).SeedAsync(seeded, cancellationToken);
                await new DemoWork(db, meetings, workItems).SeedAsync(seeded, cancellationToken);
            }
            return new(imported, false, AdminUserName, generatedAdmin, null, demoUsers);
        }

        demoPassword = string.IsNullOrEmpty(demoPassword) ? GeneratePassword() : demoPassword;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = await db.Units.Where(u => u.Code == "VN" || u.Code == "48" || u.Code == "46"
                || u.Code == "20242" || u.Code == "20257" || u.Code == "20209" || u.Code == "19777" || u.Code == "19789")
            .ToDictionaryAsync(u => u.Code, cancellationToken);

        var central = await AddCommitteeAsync($"{Subject}", "BCĐ", units["VN"], null, CentralAgencies, "BNNMT", cancellationToken);
        var danang = await AddCommitteeAsync($"{Subject} thành phố Đà Nẵng", "BCĐ", units["48"], central.Committee, ProvinceAgencies, "SNNMT", cancellationToken);
        var hue = await AddCommitteeAsync($"{Subject} thành phố Huế", "BCĐ", units["46"], central.Committee, ProvinceAgencies, "SNNMT", cancellationToken);
        var haichau = await AddCommitteeAsync($"{Subject} phường Hải Châu", "BCĐ", units["20242"], danang.Committee, CommuneAgencies, "UBND", cancellationToken);
        var hoacuong = await AddCommitteeAsync($"{Subject} phường Hòa Cường", "BCĐ", units["20257"], danang.Committee, CommuneAgencies, "UBND", cancellationToken);
        await AddCommitteeAsync($"{Subject} phường Thanh Khê", "BCĐ", units["20209"], danang.Committee, CommuneAgencies, "UBND", cancellationToken);
        await AddCommitteeAsync($"{Subject} phường Vỹ Dạ", "BCĐ", units["19777"], hue.Committee, CommuneAgencies, "UBND", cancellationToken);
        await AddCommitteeAsync($"{Subject} phường Thuận Hóa", "BCĐ", units["19789"], hue.Committee, CommuneAgencies, "UBND", cancellationToken);

        var people = new (string UserName, string FullName, Role Role, Committee Committee, int? AgencyId)[]
        {
            ("thuky.tw", "Nguyễn Thị Thu Hà", Role.Secretariat, central.Committee, null),
            ("lanhdao.tw", "Trần Văn Quang", Role.Leader, central.Committee, null),
            ("thuky.danang", "Lê Thị Mai", Role.Secretariat, danang.Committee, null),
            ("lanhdao.danang", "Phạm Minh Tuấn", Role.Leader, danang.Committee, null),
            ("thanhvien.danang", "Võ Văn Hùng", Role.Member, danang.Committee, danang.Agencies["SNNMT"].Id),
            ("xem.danang", "Hoàng Thị Lan", Role.Viewer, danang.Committee, null),
            ("thuky.haichau", "Đặng Văn Nam", Role.Secretariat, haichau.Committee, null),
            ("thuky.hoacuong", "Trịnh Thị Thảo", Role.Secretariat, hoacuong.Committee, null),
            ("thuky.hue", "Bùi Thị Hương", Role.Secretariat, hue.Committee, null),
        };
        foreach (var person in people)
        {
            var user = new AppUser
            {
                UserName = person.UserName,
                FullName = person.FullName,
                Role = person.Role,
                CommitteeId = person.Committee.Id,
                AgencyId = person.AgencyId,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, demoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {person.UserName}: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
            demoUsers.Add((person.UserName, person.Role, person.Committee.Name));
        }
        var secretary = await db.Users.Where(u => u.UserName == "thuky.danang").Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
        await new DemoMembers(db).SeedAsync(danang.Committee, danang.Agencies, haichau.Committee, haichau.Agencies, secretary, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // After the commit: the template service keeps its own transaction.
        await new DemoReporting(db, templates).SeedAsync(danang.Committee, cancellationToken);
        await new DemoWork(db, meetings, workItems).SeedAsync(danang.Committee, cancellationToken);
        return new(imported, true, AdminUserName, generatedAdmin, demoPassword, demoUsers);
    }

    private async Task<(Committee Committee, Dictionary<string, Agency> Agencies)> AddCommitteeAsync(
        string name, string abbreviation, AdministrativeUnit unit, Committee? parent,
        (string Name, string Abbreviation)[] agencyList, string standing, CancellationToken cancellationToken)
    {
        var agencies = new Dictionary<string, Agency>();
        var placeName = unit.Level == UnitLevel.Central ? "" : " " + PlaceName(unit);
        foreach (var (agencyName, agencyAbbreviation) in agencyList)
        {
            var existing = await db.Agencies.FirstOrDefaultAsync(a => a.UnitId == unit.Id && a.Abbreviation == agencyAbbreviation, cancellationToken);
            var fullName = agencyName is "Công an" or "Ủy ban nhân dân" or "Bộ Chỉ huy Quân sự" or "Ban Chỉ huy Quân sự" ? agencyName + placeName : agencyName;
            var agency = existing ?? new Agency { UnitId = unit.Id, Name = fullName, FoldedName = VietnameseText.Fold(fullName), Abbreviation = agencyAbbreviation };
            if (existing is null)
            {
                db.Agencies.Add(agency);
            }
            agencies[agencyAbbreviation] = agency;
        }
        await db.SaveChangesAsync(cancellationToken);
        var committee = new Committee
        {
            Name = name,
            FoldedName = VietnameseText.Fold(name),
            Abbreviation = abbreviation,
            UnitId = unit.Id,
            ParentId = parent?.Id,
            StandingAgencyId = agencies[standing].Id,
            DocumentSystem = DocumentSystem.State,
            EstablishedOn = new DateOnly(2025, 7, 15),
        };
        db.Committees.Add(committee);
        await db.SaveChangesAsync(cancellationToken);
        committee.Path = $"{parent?.Path ?? "/"}{committee.Id}/";
        await db.SaveChangesAsync(cancellationToken);
        return (committee, agencies);
    }

    /// <summary>"Thành phố Đà Nẵng" reads "thành phố Đà Nẵng" inside a longer name.</summary>
    internal static string PlaceName(AdministrativeUnit unit) =>
        unit.Name.Length > 0 ? char.ToLowerInvariant(unit.Name[0]) + unit.Name[1..] : unit.Name;

    /// <summary>A password that satisfies the policy: 16 characters of letters and digits.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 13);
        return new string(chars) + "a" + "B" + "7";
    }
}
