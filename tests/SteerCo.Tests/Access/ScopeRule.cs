using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Access;

/// <summary>
/// The scope rule on the database: what each role sees from the province-48 committee, that the
/// query filter and the single-committee check agree, and that a path prefix is not a string prefix.
/// </summary>
public sealed class ScopeRule(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Hierarchy H => app.Hierarchy;

    private Actor ActorOf(Role role, Committee committee) => new(1000, role.ToString(), role, committee.Id, committee.Path, null);

    private async Task<int[]> VisibleIdsAsync(Actor actor)
    {
        await using var scope = app.ServiceScope();
        var ours = new[] { H.Central.Id, H.Danang.Id, H.Hue.Id, H.HaiChau.Id, H.VyDa.Id };
        return await scope.Db.Committees.VisibleTo(actor).Where(c => ours.Contains(c.Id)).Select(c => c.Id).OrderBy(id => id).ToArrayAsync();
    }

    [Fact]
    public async Task Administrators_see_every_committee()
    {
        (await VisibleIdsAsync(Actor.System())).ShouldBe(new[] { H.Central.Id, H.Danang.Id, H.Hue.Id, H.HaiChau.Id, H.VyDa.Id }.Order());
    }

    [Theory]
    [InlineData(Role.Secretariat)]
    [InlineData(Role.Leader)]
    public async Task Secretariats_and_leaders_see_their_committee_and_the_communes_below(Role role)
    {
        (await VisibleIdsAsync(ActorOf(role, H.Danang))).ShouldBe(new[] { H.Danang.Id, H.HaiChau.Id }.Order());
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Viewer)]
    public async Task Members_and_viewers_see_only_their_own_committee(Role role)
    {
        (await VisibleIdsAsync(ActorOf(role, H.Danang))).ShouldBe([H.Danang.Id]);
    }

    [Fact]
    public async Task A_user_without_a_committee_sees_nothing_unless_administrator()
    {
        (await VisibleIdsAsync(new Actor(1, "x", Role.Secretariat, null, null, null))).ShouldBeEmpty();
        (await VisibleIdsAsync(new Actor(1, "x", Role.Viewer, null, null, null))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_query_filter_and_the_single_committee_check_agree_for_every_role_and_committee()
    {
        await using var scope = app.ServiceScope();
        var committees = await scope.Db.Committees.AsNoTracking().ToListAsync();
        var disagreements = new List<string>();
        foreach (var home in committees)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                var actor = role == Role.Administrator ? Actor.System() : ActorOf(role, home);
                var visible = await scope.Db.Committees.VisibleTo(actor).Select(c => c.Id).ToListAsync();
                foreach (var committee in committees.Where(c => visible.Contains(c.Id) != actor.CanRead(c)))
                {
                    disagreements.Add($"{role} of {home.Path}: VisibleTo={visible.Contains(committee.Id)}, CanRead={actor.CanRead(committee)} for {committee.Path}");
                }
            }
        }
        disagreements.ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_the_committees_own_secretariat_and_administrators_manage_it()
    {
        Actor.System().CanManage(H.Hue).ShouldBeTrue();
        ActorOf(Role.Secretariat, H.Danang).CanManage(H.Danang).ShouldBeTrue();
        ActorOf(Role.Secretariat, H.Danang).CanManage(H.HaiChau).ShouldBeFalse("a secretariat reads the committees below but does not edit them");
        ActorOf(Role.Secretariat, H.Danang).CanManage(H.Hue).ShouldBeFalse();
        ActorOf(Role.Leader, H.Danang).CanManage(H.Danang).ShouldBeFalse();
        ActorOf(Role.Member, H.Danang).CanManage(H.Danang).ShouldBeFalse();
        ActorOf(Role.Viewer, H.Danang).CanManage(H.Danang).ShouldBeFalse();

        await using var scope = app.ServiceScope();
        var service = scope.Get<CommitteeService>();
        (await service.CanManageAsync(ActorOf(Role.Secretariat, H.Danang), H.Danang.Id)).ShouldBeTrue();
        (await service.CanManageAsync(ActorOf(Role.Secretariat, H.Danang), H.HaiChau.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_path_is_matched_by_whole_segments_not_by_string_prefix()
    {
        // Committee 7 must not see committee 70 because "/1/70/" starts with "/1/7".
        await using var scope = app.ServiceScope();
        var unit = await scope.Db.Units.SingleAsync(u => u.Id == H.DanangUnit.Id);
        var seven = await TestData.AddCommitteeAsync(scope.Db, unit, null, "Ban Chỉ đạo số bảy");
        var another = await TestData.AddCommitteeAsync(scope.Db, unit, null, "Ban Chỉ đạo khác");
        // Give the second committee a path whose text starts with the first one's, without the separator.
        var lookalikePath = seven.Path.TrimEnd('/') + "0/";
        await scope.Db.Committees.Where(c => c.Id == another.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Path, lookalikePath));

        var visible = await scope.Db.Committees.VisibleTo(ActorOf(Role.Secretariat, seven)).Select(c => c.Id).ToListAsync();

        visible.ShouldBe([seven.Id]);
    }

    [Fact]
    public void Agencies_are_managed_by_the_secretariat_of_a_committee_of_their_unit()
    {
        var secretariat = ActorOf(Role.Secretariat, H.Danang);
        secretariat.CanManageAgenciesOf(H.DanangUnit.Id, H.Danang.UnitId).ShouldBeTrue();
        secretariat.CanManageAgenciesOf(H.HaiChauUnit.Id, H.Danang.UnitId).ShouldBeFalse();
        secretariat.CanManageAgenciesOf(H.HueUnit.Id, H.Danang.UnitId).ShouldBeFalse();
        ActorOf(Role.Leader, H.Danang).CanManageAgenciesOf(H.DanangUnit.Id, H.Danang.UnitId).ShouldBeFalse();
        Actor.System().CanManageAgenciesOf(H.HueUnit.Id, null).ShouldBeTrue();
    }
}
