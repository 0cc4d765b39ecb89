using Microsoft.EntityFrameworkCore;
using SteerCo.Data;
using SteerCo.Reporting;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Data;

/// <summary>The generator's bulk writer: every row lands, also when it takes several COPY statements.</summary>
public sealed class WritingInBulk(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(2_500)]
    public async Task Rows_over_several_statements_all_land_in_one_transaction(int rowsPerCopy)
    {
        const int FirstId = 900_001;
        const int Count = 2_500;
        await using var scope = app.ServiceScope();
        var committee = app.Hierarchy.Hue.Id;
        var key = $"bulk:{rowsPerCopy}:";
        await using (var transaction = await scope.Db.Database.BeginTransactionAsync())
        {
            var progress = new List<long>();
            var rows = Enumerable.Range(0, Count).Select(i => new Notification
            {
                Id = FirstId + (rowsPerCopy * 10) + i,
                CommitteeId = committee,
                Key = key + i,
                Text = $"Dòng {i + 1}",
                CreatedAt = DateTimeOffset.UtcNow,
            });

            var written = await BulkInsert.WriteAsync(scope.Db, rows, rowsPerCopy, new Progress<long>(progress.Add));

            written.ShouldBe(Count);
            await transaction.CommitAsync();
        }
        await BulkInsert.ResetIdentityAsync<Notification>(scope.Db);

        var keys = await scope.Db.Notifications.AsNoTracking().Where(n => n.Key.StartsWith(key)).Select(n => n.Key).ToListAsync();
        keys.Count.ShouldBe(Count);
        keys.ShouldContain(key + "0");
        keys.ShouldContain(key + (Count - 1));
    }
}
