using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Members;
using SteerCo.Reporting;
using SteerCo.Tests.Support;
using SteerCo.Units;

namespace SteerCo.Tests.Reporting;

/// <summary>A province committee of its own under the central one, with two communes, for one test.</summary>
public sealed record ReportingTree(Committee Province, Committee CommuneA, Committee CommuneB)
{
    public Actor ProvinceSecretariat => ReportingData.Secretariat(Province);

    public Actor SecretariatA => ReportingData.Secretariat(CommuneA);

    public Actor SecretariatB => ReportingData.Secretariat(CommuneB);
}

/// <summary>A committee's member agencies: two on today's roster (health with two people), one that left it in 2025.</summary>
public sealed record MemberAgencies(Agency Health, Agency Finance, Agency Former);

public static class ReportingData
{
    private static int _next;

    public static Actor Secretariat(Committee committee) => new(null, $"thuky.{committee.Id}", Role.Secretariat, committee.Id, committee.Path, null);

    public static Actor Viewer(Committee committee) => new(null, $"xem.{committee.Id}", Role.Viewer, committee.Id, committee.Path, null);

    /// <summary>
    /// Indicators of every type: households evacuated (sum), boats (sum), shelters ready (percentage, average),
    /// plan approved (yes/no, counted), notes (text), and the evacuation rate computed from the first two.
    /// </summary>
    public static TemplateInput Template(string name = "Báo cáo công tác phòng, chống thiên tai") => new(name,
    [
        new("HO", "Số hộ dân được sơ tán", "hộ", IndicatorType.Number, Aggregation.Sum),
        new("HO_CAN", "Số hộ cần sơ tán", "hộ", IndicatorType.Number, Aggregation.Sum),
        new("TYLE", "Tỷ lệ hộ được sơ tán", "%", IndicatorType.Percentage, Aggregation.Average, "HO / HO_CAN * 100"),
        new("NHATRU", "Tỷ lệ nhà trú ẩn sẵn sàng", "%", IndicatorType.Percentage, Aggregation.Average),
        new("KEHOACH", "Đã phê duyệt phương án ứng phó", null, IndicatorType.YesNo, Aggregation.Sum),
        new("GHICHU", "Ghi chú", null, IndicatorType.Text, Aggregation.None),
    ],
    ["I. Tình hình thiên tai", "II. Kết quả triển khai"]);

    public static async Task<ReportingTree> TreeAsync(SteerCoApp app)
    {
        var n = Interlocked.Increment(ref _next);
        await using var scope = app.ServiceScope();
        var db = scope.Db;
        var h = app.Hierarchy;
        var province = await TestData.AddUnitAsync(db, $"9{n}", $"Tỉnh Thử {n}", UnitLevel.Province);
        var a = await TestData.AddUnitAsync(db, $"8{n:0000}", $"Xã Đông {n}", UnitLevel.Commune, province);
        var b = await TestData.AddUnitAsync(db, $"7{n:0000}", $"Xã Tây {n}", UnitLevel.Commune, province);
        var central = db.Committees.Single(c => c.Id == h.Central.Id);
        var provinceCommittee = await TestData.AddCommitteeAsync(db, province, central);
        var communeA = await TestData.AddCommitteeAsync(db, a, provinceCommittee);
        var communeB = await TestData.AddCommitteeAsync(db, b, provinceCommittee);
        return new(provinceCommittee, communeA, communeB);
    }

    /// <summary>Puts three agencies of the committee's unit on its roster: health (two people) and finance from 2025, and one whose member left on 30/06/2025.</summary>
    public static async Task<MemberAgencies> MemberAgenciesAsync(SteerCoApp app, Committee committee)
    {
        await using var scope = app.ServiceScope();
        var unit = await scope.Db.Units.SingleAsync(u => u.Id == committee.UnitId);
        var health = TestData.Agency(unit, $"Sở Y tế {unit.Name}", "SYT");
        var finance = TestData.Agency(unit, $"Sở Tài chính {unit.Name}", "STC");
        var former = TestData.Agency(unit, $"Sở Du lịch {unit.Name}", "SDL");
        scope.Db.Agencies.AddRange(health, finance, former);
        await scope.Db.SaveChangesAsync();
        var people = scope.Get<PeopleService>();
        var roster = scope.Get<RosterService>();
        foreach (var (agency, name, end) in new[] { (health, "Nguyễn Văn An", (DateOnly?)null), (health, "Trần Thị Bình", null), (finance, "Lê Văn Cường", null), (former, "Phạm Thị Dung", new DateOnly(2025, 6, 30)) })
        {
            var person = (await people.CreateAsync(scope.Actor, new PersonInput(name, "Phó Giám đốc", agency.Id, null, null, null))).Ok();
            (await roster.AddMembershipAsync(scope.Actor, committee.Id,
                new MembershipInput(person.Person.Id, StandardPosts.IdOf(StandardPosts.Member), null, new DateOnly(2025, 1, 1), end, null, null))).Ok();
        }
        return new(health, finance, former);
    }

    public static T Ok<T>(this Result<T> result)
    {
        result.IsOk.ShouldBeTrue($"{result.Outcome}: " + string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Message}")));
        return result.Value!;
    }
}
