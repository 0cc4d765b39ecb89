using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SteerCo.Access;
using SteerCo.Tests.Support;
using SteerCo.WorkItems;

namespace SteerCo.Tests.WorkItems;

/// <summary>
/// Several secretariats passing tasks down at the same moment: the fan-outs take turns in the
/// process (FanOutTurns), every one of them lands whole, and one that is refused or given up does
/// not keep the others waiting.
/// </summary>
public sealed class FanningOutTogether(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static DateOnly Today => WorkData.Today;

    [Fact]
    public async Task Fan_outs_sent_at_once_by_service_and_api_each_give_every_committee_its_share_once()
    {
        var branch = await WorkData.BranchAsync(app, "Liên Chiểu", communes: 3);
        var secretariat = await app.SignInAsync(Role.Secretariat, branch.Province.Id);
        var items = new List<WorkItemDetail>();
        for (var i = 1; i <= 6; i++)
        {
            items.Add(await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(i), $"Kiểm tra đê kè đoạn {i}"));
        }
        long entries;
        await using (var scope = app.ServiceScope())
        {
            entries = await scope.Db.AuditEntries.LongCountAsync();
        }

        async Task<int> ByService(WorkItemDetail item)
        {
            await using var scope = app.ServiceScope(WorkData.Secretariat(branch.Province));
            var fanned = await scope.Get<WorkItemService>().FanOutAsync(scope.Actor, item.Id, null, item.Version);
            fanned.IsOk.ShouldBeTrue(string.Join("; ", fanned.Problems.Select(p => p.Message)));
            return fanned.Value!.Children.Count;
        }
        async Task<int> ByApi(WorkItemDetail item)
        {
            var fanned = await secretariat.PostJsonAsync($"/api/v1/work-items/{item.Id}/fan-out", new { version = item.Version });
            await fanned.ShouldHaveStatusAsync(HttpStatusCode.OK);
            return (await fanned.ReadJsonAsync<WorkItemDetail>()).Children.Count;
        }
        async Task<int> CreatedPassedDown(int n)
        {
            await using var scope = app.ServiceScope(WorkData.Secretariat(branch.Province));
            var created = await scope.Get<WorkItemService>().CreateAsync(scope.Actor, branch.Province.Id,
                new WorkItemInput($"Sơ tán dân vùng trũng đợt {n}", null, branch.Lead.Id, null, Today.AddDays(n), false, FanOutToAll: true));
            created.IsOk.ShouldBeTrue(string.Join("; ", created.Problems.Select(p => p.Message)));
            return created.Value!.Children.Count;
        }

        var counts = await Task.WhenAll([.. items.Take(3).Select(ByService), .. items.Skip(3).Select(ByApi), CreatedPassedDown(1), CreatedPassedDown(2)]);

        counts.ShouldAllBe(c => c == 3, "each answer lists the three communes' shares");
        await using var check = app.ServiceScope();
        var children = await check.Db.WorkItems.AsNoTracking().Where(w => w.Parent!.CommitteeId == branch.Province.Id)
            .Select(w => new { w.Id, w.ParentId, w.CommitteeId }).ToListAsync();
        children.GroupBy(c => c.ParentId).Select(g => g.Select(c => c.CommitteeId).Order().ToList()).ToList()
            .ShouldAllBe(committees => committees.SequenceEqual(branch.Communes.Select(c => c.Id).Order()));
        children.Select(c => c.ParentId).Distinct().Count().ShouldBe(8);
        var keys = children.Select(c => c.Id.ToString()).ToList();
        var created = await check.Db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(WorkItem) && a.Action == "Created" && keys.Contains(a.EntityKey)).CountAsync();
        created.ShouldBe(24, "every share is in the audit log");
        (await check.Db.AuditEntries.LongCountAsync()).ShouldBeGreaterThan(entries + 24);
        check.Get<FanOutTurns>().Taken.ShouldBeFalse("the last fan-out passed the turn on");
    }

    [Fact]
    public async Task A_fan_out_waits_for_the_one_before_it_and_neither_a_refused_nor_a_given_up_one_keeps_the_turn()
    {
        var branch = await WorkData.BranchAsync(app, "Sơn Trà", communes: 2);
        var item = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(7), "Gia cố nhà tránh bão");
        var turns = app.Services.GetRequiredService<FanOutTurns>();

        async Task<Result<WorkItemDetail>> FanOut(int id, int version, IReadOnlyList<int>? committees = null, CancellationToken cancellationToken = default)
        {
            await using var scope = app.ServiceScope(WorkData.Secretariat(branch.Province));
            return await scope.Get<WorkItemService>().FanOutAsync(scope.Actor, id, committees, version, cancellationToken);
        }

        Task<Result<WorkItemDetail>> waiting;
        using (await turns.WaitAsync(CancellationToken.None))
        {
            waiting = FanOut(item.Id, item.Version);
            (await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(500)))).ShouldNotBe(waiting, "another fan-out has the turn");
            await using var scope = app.ServiceScope();
            (await scope.Db.WorkItems.CountAsync(w => w.ParentId == item.Id)).ShouldBe(0);

            // Given up while waiting: it leaves without the turn, and without writing anything.
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Should.ThrowAsync<OperationCanceledException>(() => FanOut(item.Id, item.Version, null, giveUp.Token));
        }
        var fanned = await waiting;
        fanned.Value!.Children.Count.ShouldBe(2);

        // Refused (a committee not directly below), then one that goes through: the refusal passed the turn on.
        var other = await WorkData.ItemAsync(app, branch.Province, branch.Lead, Today.AddDays(8), "Kiểm tra kho phòng chống thiên tai");
        var refused = await FanOut(other.Id, other.Version, [app.Hierarchy.HaiChau.Id]);
        refused.Problems.Single().Field.ShouldBe("CommitteeIds");
        turns.Taken.ShouldBeFalse();
        (await FanOut(other.Id, other.Version, [branch.Communes[1].Id])).Value!.Children.Single().CommitteeId.ShouldBe(branch.Communes[1].Id);
        turns.Taken.ShouldBeFalse();
    }
}
