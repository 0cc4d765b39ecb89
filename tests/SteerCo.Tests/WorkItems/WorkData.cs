using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Tests.Members;
using SteerCo.Tests.Support;
using SteerCo.WorkItems;

namespace SteerCo.Tests.WorkItems;

/// <summary>A province-like committee of its own per test, with communes below, so that counts are the test's alone.</summary>
public sealed record Branch(Committee Province, Agency Lead, Agency Other, IReadOnlyList<Committee> Communes);

public static class WorkData
{
    /// <summary>A committee under Đà Nẵng's with two agencies of its own and <paramref name="communes"/> committees below, each with a standing agency.</summary>
    public static async Task<Branch> BranchAsync(SteerCoApp app, string name, int communes = 2)
    {
        await using var scope = app.ServiceScope();
        var h = app.Hierarchy;
        var lead = TestData.Agency(h.DanangUnit, $"Sở Y tế {name}", $"SYT{Guid.NewGuid():N}"[..12]);
        var other = TestData.Agency(h.DanangUnit, $"Sở Xây dựng {name}", $"SXD{Guid.NewGuid():N}"[..12]);
        scope.Db.Agencies.AddRange(lead, other);
        await scope.Db.SaveChangesAsync();
        var province = await TestData.AddCommitteeAsync(scope.Db, h.DanangUnit, h.Danang, $"Ban Chỉ đạo {name}", lead.Id);
        var below = new List<Committee>();
        for (var i = 1; i <= communes; i++)
        {
            var agency = TestData.Agency(h.HaiChauUnit, $"UBND xã {name} {i}", $"X{Guid.NewGuid():N}"[..12]);
            scope.Db.Agencies.Add(agency);
            await scope.Db.SaveChangesAsync();
            below.Add(await TestData.AddCommitteeAsync(scope.Db, h.HaiChauUnit, province, $"Ban Chỉ đạo xã {name} {i}", agency.Id));
        }
        return new(province, lead, other, below);
    }

    public static async Task<WorkItemDetail> ItemAsync(SteerCoApp app, Committee committee, Agency lead, DateOnly? due, string title = "Rà soát phương án sơ tán dân")
    {
        await using var scope = app.ServiceScope();
        var created = await scope.Get<WorkItemService>().CreateAsync(scope.Actor, committee.Id, new WorkItemInput(title, null, lead.Id, null, due, due is null));
        created.IsOk.ShouldBeTrue(string.Join("; ", created.Problems.Select(p => p.Message)));
        return created.Value!;
    }

    /// <summary>A chair on the province's roster since last month, from its lead agency: who a meeting needs to be scheduled.</summary>
    public static async Task<int> ChairAsync(SteerCoApp app, Branch branch, string fullName)
    {
        var chair = await MemberData.PersonAsync(app, fullName, branch.Lead, "Chủ tịch UBND");
        await MemberData.AddOkAsync(app, branch.Province.Id, chair, MemberData.Chair, Today.AddMonths(-1));
        return chair;
    }

    /// <summary>A document registered for the committee, issued today: a plan, a directive a task may come from.</summary>
    public static async Task<int> DocumentAsync(SteerCoApp app, int committeeId, string type, string subject, DocumentVisibility visibility = DocumentVisibility.Committee)
    {
        await using var scope = app.ServiceScope();
        var registered = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committeeId, new DocumentInput(
            DocumentDirection.Outgoing, type, null, true, null, Today, null, IssuerKind.Committee, null, null, null,
            subject, null, SigningAuthority.None, null, null, null, visibility));
        registered.IsOk.ShouldBeTrue(string.Join("; ", registered.Problems.Select(p => p.Message)));
        return registered.Value!.Id;
    }

    public static async Task<WorkItemDetail> GetAsync(SteerCoApp app, int id)
    {
        await using var scope = app.ServiceScope();
        return (await scope.Get<WorkItemService>().GetAsync(scope.Actor, id)).Value!;
    }

    public static Actor Member(Committee committee, Agency agency) => new(null, "thanhvien", Role.Member, committee.Id, committee.Path, agency.Id);

    public static Actor Secretariat(Committee committee) => new(null, "thuky", Role.Secretariat, committee.Id, committee.Path, null);

    public static DateOnly Today => TestClock.Today;
}
