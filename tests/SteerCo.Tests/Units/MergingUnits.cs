using System.Net;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Tests.Support;
using SteerCo.Units;
using SteerCo.Web.Api;

namespace SteerCo.Tests.Units;

/// <summary>
/// Several units become one on a date: the old ones stay readable, closed the day before, linked
/// to their successor, and their committees are listed for transfer without disappearing.
/// </summary>
public sealed class MergingUnits(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static readonly DateOnly EffectiveOn = new(2025, 7, 1);

    private Hierarchy H => app.Hierarchy;

    private async Task<(AdministrativeUnit First, AdministrativeUnit Second, Committee Committee)> TwoCommunesOfDanangAsync(string firstCode, string secondCode)
    {
        await using var scope = app.ServiceScope();
        var first = await TestData.AddUnitAsync(scope.Db, firstCode, $"Phường Thử {firstCode}", UnitLevel.Commune, H.DanangUnit);
        var second = await TestData.AddUnitAsync(scope.Db, secondCode, $"Xã Thử {secondCode}", UnitLevel.Commune, H.DanangUnit);
        var committee = await TestData.AddCommitteeAsync(scope.Db, first, H.Danang);
        return (first, second, committee);
    }

    private MergeRequest Merge(string code, params int[] ids) =>
        new(ids, code, $"Phường Hợp Nhất {code}", H.DanangUnit.Id, "phuong", EffectiveOn);

    [Fact]
    public async Task The_old_units_close_the_day_before_and_point_to_their_successor()
    {
        var (first, second, _) = await TwoCommunesOfDanangAsync("20501", "20502");
        var admin = await app.AsAdminAsync();

        var response = await admin.PostJsonAsync("/api/v1/units/merge", Merge("20599", first.Id, second.Id));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var merged = await response.ReadJsonAsync<MergeResult>();
        merged.Successor.Code.ShouldBe("20599");
        merged.Successor.ValidFrom.ShouldBe(EffectiveOn);
        merged.Successor.ParentId.ShouldBe(H.DanangUnit.Id);
        foreach (var old in new[] { first, second })
        {
            var history = await admin.GetJsonAsync<UnitHistory>($"/api/v1/units/{old.Id}");
            history.Unit.Name.ShouldBe(old.Name, "a merged unit keeps its history");
            history.Unit.ValidTo.ShouldBe(new DateOnly(2025, 6, 30));
            history.Successors.Select(s => s.Id).ShouldBe([merged.Successor.Id]);
            history.SucceededOn.ShouldBe(EffectiveOn);
        }
        var successor = await admin.GetJsonAsync<UnitHistory>($"/api/v1/units/{merged.Successor.Id}");
        successor.Predecessors.Select(p => p.Id).ShouldBe([first.Id, second.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task Current_lists_leave_the_old_units_out_unless_asked()
    {
        var (first, second, _) = await TwoCommunesOfDanangAsync("20511", "20512");
        var admin = await app.AsAdminAsync();
        await (await admin.PostJsonAsync("/api/v1/units/merge", Merge("20519", first.Id, second.Id))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var current = await admin.GetJsonAsync<Paged<UnitSummary>>($"/api/v1/units?parentId={H.DanangUnit.Id}&pageSize=200");
        var all = await admin.GetJsonAsync<Paged<UnitSummary>>($"/api/v1/units?parentId={H.DanangUnit.Id}&includeDissolved=true&pageSize=200");

        current.Items.Select(u => u.Code).ShouldContain("20519");
        current.Items.Select(u => u.Code).ShouldNotContain("20511");
        current.Items.Select(u => u.Code).ShouldNotContain("20512");
        all.Items.Select(u => u.Code).ShouldContain("20511");
        all.Items.Select(u => u.Code).ShouldContain("20512");
    }

    [Fact]
    public async Task Committees_of_the_old_units_are_listed_for_transfer_and_stay_readable()
    {
        var (first, second, committee) = await TwoCommunesOfDanangAsync("20521", "20522");
        var admin = await app.AsAdminAsync();
        var provinceSecretariat = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        var merged = await (await admin.PostJsonAsync("/api/v1/units/merge", Merge("20529", first.Id, second.Id))).ReadJsonAsync<MergeResult>();

        merged.CommitteesToTransfer.ShouldBe([new CommitteeRef(committee.Id, committee.Name, first.Id)]);
        var asAdmin = await admin.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{committee.Id}");
        var asSecretariat = await provinceSecretariat.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{committee.Id}");
        asAdmin.UnitValidTo.ShouldBe(new DateOnly(2025, 6, 30));
        asSecretariat.Name.ShouldBe(committee.Name);
        asSecretariat.UnitCode.ShouldBe("20521");
        var children = await provinceSecretariat.GetJsonAsync<List<CommitteeSummary>>($"/api/v1/committees/{H.Danang.Id}/children");
        children.Select(c => c.Id).ShouldContain(committee.Id);
    }

    [Fact]
    public async Task Only_administrators_merge_units()
    {
        var (first, second, _) = await TwoCommunesOfDanangAsync("20531", "20532");
        var secretariat = await app.SignInAsync(Role.Secretariat, H.Danang.Id);

        var response = await secretariat.PostJsonAsync("/api/v1/units/merge", Merge("20539", first.Id, second.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var history = await (await app.AsAdminAsync()).GetJsonAsync<UnitHistory>($"/api/v1/units/{first.Id}");
        history.Unit.ValidTo.ShouldBeNull();
        history.Successors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Units_of_different_levels_or_already_closed_are_not_merged()
    {
        var (first, second, _) = await TwoCommunesOfDanangAsync("20541", "20542");
        var admin = await app.AsAdminAsync();
        await (await admin.PostJsonAsync("/api/v1/units/merge", Merge("20549", first.Id, second.Id))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var (third, _, _) = await TwoCommunesOfDanangAsync("20543", "20544");

        var mixedLevels = await admin.PostJsonAsync("/api/v1/units/merge", Merge("20548", third.Id, H.HueUnit.Id));
        var closed = await admin.PostJsonAsync("/api/v1/units/merge", Merge("20547", third.Id, first.Id) with { EffectiveOn = new DateOnly(2026, 1, 1) });
        var single = await admin.PostJsonAsync("/api/v1/units/merge", Merge("20546", third.Id));

        await mixedLevels.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await mixedLevels.ReadProblemAsync()).ErrorsFor("predecessorIds").ShouldContain("Các đơn vị hợp nhất phải cùng cấp.");
        await closed.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await closed.ReadProblemAsync()).ErrorsFor("predecessorIds").ShouldContain($"{first.Name} không còn hiệu lực vào ngày 01/01/2026.");
        await single.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await single.ReadProblemAsync()).ErrorsFor("predecessorIds").ShouldContain("Chọn ít nhất hai đơn vị để hợp nhất.");
    }
}
