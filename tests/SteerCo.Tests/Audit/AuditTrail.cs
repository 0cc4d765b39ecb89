using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Audit;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Tests.Support;
using SteerCo.Web.Api;

namespace SteerCo.Tests.Audit;

/// <summary>Every write leaves an entry naming who did it and what changed; the chain of entries shows tampering.</summary>
public sealed class AuditTrail(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private Hierarchy H => app.Hierarchy;

    [Fact]
    public async Task An_edit_through_the_api_is_recorded_with_the_user_and_the_values_before_and_after()
    {
        var secretariat = await app.CreateUserAsync(Role.Secretariat, H.HaiChau.Id);
        var client = await app.TokenClientAsync(secretariat);
        var before = await client.GetJsonAsync<CommitteeDetail>($"/api/v1/committees/{H.HaiChau.Id}");

        var response = await client.PutJsonAsync($"/api/v1/committees/{H.HaiChau.Id}", Edit(before, name: before.Name + " (kiện toàn)"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await response.ReadJsonAsync<CommitteeDetail>()).Version.ShouldBe(before.Version + 1);
        var entry = await LastEntryAsync("Committee", H.HaiChau.Id);
        entry.Action.ShouldBe("Updated");
        entry.ActorId.ShouldBe(secretariat.Id);
        entry.ActorName.ShouldBe(secretariat.UserName);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        changes.GetProperty("Name")[0].GetString().ShouldBe(before.Name);
        changes.GetProperty("Name")[1].GetString().ShouldBe(before.Name + " (kiện toàn)");
        changes.TryGetProperty("Abbreviation", out _).ShouldBeFalse("only changed fields are recorded");
        changes.TryGetProperty("Version", out _).ShouldBeFalse("the version is bookkeeping, not a change");
    }

    [Fact]
    public async Task Writes_by_two_users_at_once_are_each_recorded_with_their_own_user()
    {
        // One audit interceptor serves every request: what a save has in hand lives on each request's context.
        var danang = await app.CreateUserAsync(Role.Secretariat, H.Danang.Id);
        var hue = await app.CreateUserAsync(Role.Secretariat, H.Hue.Id);
        var danangClient = await app.TokenClientAsync(danang);
        var hueClient = await app.TokenClientAsync(hue);

        var writes = Enumerable.Range(1, 6).Select(async i =>
        {
            var (user, client, unit) = i % 2 == 0 ? (danang, danangClient, H.DanangUnit.Id) : (hue, hueClient, H.HueUnit.Id);
            var response = await client.PostJsonAsync("/api/v1/agencies", new AgencyRequest(unit, $"Sở thứ {i} cùng lúc", $"CL{i}", null));
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
            return (User: user.UserName, (await response.ReadJsonAsync<AgencySummary>()).Id);
        }).ToList();

        foreach (var (user, id) in await Task.WhenAll(writes))
        {
            var entry = await LastEntryAsync("Agency", id);
            entry.ActorName.ShouldBe(user);
            JsonDocument.Parse(entry.Changes).RootElement.GetProperty("Id")[1].GetInt32().ShouldBe(id);
        }
    }

    [Fact]
    public async Task A_creation_through_the_api_is_recorded_with_every_value()
    {
        var secretariat = await app.CreateUserAsync(Role.Secretariat, H.Danang.Id);
        var client = await app.TokenClientAsync(secretariat);

        var response = await client.PostJsonAsync("/api/v1/agencies", new AgencyRequest(H.DanangUnit.Id, "Sở Y tế", "SYT", null));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var agency = await response.ReadJsonAsync<AgencySummary>();
        var entry = await LastEntryAsync("Agency", agency.Id);
        entry.Action.ShouldBe("Created");
        entry.ActorName.ShouldBe(secretariat.UserName);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        changes.GetProperty("Name")[0].ValueKind.ShouldBe(JsonValueKind.Null);
        changes.GetProperty("Name")[1].GetString().ShouldBe("Sở Y tế");
        changes.GetProperty("UnitId")[1].GetInt32().ShouldBe(H.DanangUnit.Id);
    }

    [Fact]
    public async Task A_new_committee_is_one_created_entry_naming_its_parent()
    {
        var secretariat = await app.CreateUserAsync(Role.Secretariat, H.Danang.Id);
        var client = await app.TokenClientAsync(secretariat);

        var response = await client.PostJsonAsync("/api/v1/committees", new CommitteeRequest(
            "Ban Chỉ đạo kiểm kê đất đai thành phố Đà Nẵng", "BCĐ", H.DanangUnit.Id, H.Danang.Id, null, DocumentSystem.State, null, new DateOnly(2026, 11, 2), null));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync<CommitteeDetail>();
        created.Path.ShouldBe($"{H.Danang.Path}{created.Id}/");
        await using var scope = app.ServiceScope();
        var key = created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await scope.Db.AuditEntries.AsNoTracking().Where(e => e.Entity == "Committee" && e.EntityKey == key).ToListAsync();
        var entry = entries.ShouldHaveSingleItem("its path, set once the id is known, is not a second change");
        entry.Action.ShouldBe("Created");
        entry.ActorName.ShouldBe(secretariat.UserName);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        changes.GetProperty("ParentId")[1].GetInt32().ShouldBe(H.Danang.Id);
        changes.GetProperty("Name")[1].GetString().ShouldBe("Ban Chỉ đạo kiểm kê đất đai thành phố Đà Nẵng");
        changes.TryGetProperty("Path", out _).ShouldBeFalse("the path follows from the parent and the id");
    }

    [Fact]
    public async Task A_new_user_is_recorded_without_their_password_hash_or_security_stamp()
    {
        var admin = await app.AsAdminAsync();

        var response = await admin.PostJsonAsync("/api/v1/users",
            new UserRequest("nguoi.moi", "Người Mới", null, Role.Viewer, H.Hue.Id, null, TestData.Password()));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var id = (await response.ReadJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var entry = await LastEntryAsync("AppUser", id);
        entry.Action.ShouldBe("Created");
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        changes.GetProperty("PasswordHash")[1].GetString().ShouldBe("***");
        changes.GetProperty("SecurityStamp")[1].GetString().ShouldBe("***");
        changes.GetProperty("UserName")[1].GetString().ShouldBe("nguoi.moi");
    }

    [Fact]
    public async Task A_write_outside_any_request_is_recorded_as_the_system()
    {
        await using var scope = app.ServiceScope();
        var created = await scope.Get<AgencyService>().CreateAsync(scope.Actor, new AgencyInput(H.HueUnit.Id, "Công an thành phố Huế", "CA", null));

        created.IsOk.ShouldBeTrue();
        var entry = await LastEntryAsync("Agency", created.Value!.Id);
        entry.ActorName.ShouldBe("system");
        entry.ActorId.ShouldBeNull();
    }

    [Fact]
    public async Task Concurrent_writes_extend_one_unbroken_chain()
    {
        var writes = Enumerable.Range(1, 8).Select(async i =>
        {
            await using var scope = app.ServiceScope();
            var result = await scope.Get<AgencyService>().CreateAsync(scope.Actor, new AgencyInput(H.VyDaUnit.Id, $"Tổ công tác số {i}", $"TCT{i}", null));
            result.IsOk.ShouldBeTrue();
        });

        await Task.WhenAll(writes);

        var verification = await VerifyAsync();
        verification.IsIntact.ShouldBeTrue(verification.Reason);
        await using var check = app.ServiceScope();
        verification.EntriesChecked.ShouldBe(await check.Db.AuditEntries.LongCountAsync());
    }

    [Fact]
    public async Task Editing_an_entry_in_the_database_breaks_the_chain_at_that_entry()
    {
        var sequence = await MiddleSequenceAsync();
        await using var scope = app.ServiceScope();
        var original = await scope.Db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == sequence);
        try
        {
            await scope.Db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Changes" = {"{}"} WHERE "Sequence" = {sequence}""");

            var verification = await VerifyAsync();

            verification.IsIntact.ShouldBeFalse();
            verification.BrokenAtSequence.ShouldBe(sequence);
            verification.Reason.ShouldBe($"entry {sequence} was altered");
        }
        finally
        {
            await scope.Db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Changes" = {original.Changes} WHERE "Sequence" = {sequence}""");
        }
        (await VerifyAsync()).IsIntact.ShouldBeTrue("restoring the original text restores the chain");
    }

    [Fact]
    public async Task Deleting_an_entry_from_the_middle_breaks_the_chain_at_the_gap()
    {
        var sequence = await MiddleSequenceAsync();
        await using var scope = app.ServiceScope();
        var original = await scope.Db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == sequence);
        try
        {
            await scope.Db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {sequence}""");

            var verification = await VerifyAsync();

            verification.IsIntact.ShouldBeFalse();
            verification.BrokenAtSequence.ShouldBe(sequence);
            verification.Reason.ShouldBe($"entry {sequence} is missing");
            verification.EntriesChecked.ShouldBe(sequence - 1);
        }
        finally
        {
            original.Id = 0;
            scope.Db.AuditEntries.Add(original);
            await scope.Db.SaveChangesAsync();
        }
        (await VerifyAsync()).IsIntact.ShouldBeTrue("putting the entry back restores the chain");
    }

    [Fact]
    public async Task Entries_cannot_be_changed_or_deleted_through_the_model()
    {
        var sequence = await MiddleSequenceAsync();
        await using (var scope = app.ServiceScope())
        {
            var entry = await scope.Db.AuditEntries.SingleAsync(e => e.Sequence == sequence);
            entry.ActorName = "someone else";
            (await Should.ThrowAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync())).Message.ShouldBe("The audit log is append-only.");
        }
        await using (var scope = app.ServiceScope())
        {
            scope.Db.AuditEntries.Remove(await scope.Db.AuditEntries.SingleAsync(e => e.Sequence == sequence));
            (await Should.ThrowAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync())).Message.ShouldBe("The audit log is append-only.");
        }

        await using var check = app.ServiceScope();
        (await check.Db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == sequence)).ActorName.ShouldNotBe("someone else");
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Administrators_read_the_log_newest_first_and_others_cannot()
    {
        var admin = await app.AsAdminAsync();
        var leader = await app.SignInAsync(Role.Leader, H.Danang.Id);

        var page = await admin.GetJsonAsync<Paged<AuditRow>>("/api/v1/audit?entity=Committee&pageSize=100");
        var denied = await leader.GetAsync("/api/v1/audit");

        page.Items.ShouldNotBeEmpty();
        page.Items.ShouldAllBe(r => r.Entity == "Committee");
        page.Items.Select(r => r.Sequence).ShouldBeInOrder(SortDirection.Descending);
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static CommitteeRequest Edit(CommitteeDetail c, string? name = null) => new(
        name ?? c.Name, c.Abbreviation, c.UnitId, c.ParentId, c.StandingAgencyId, c.DocumentSystem, c.CurrentTerm, c.EstablishedOn, c.DissolvedOn, c.Version);

    private async Task<AuditEntry> LastEntryAsync(string entity, int id)
    {
        await using var scope = app.ServiceScope();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await scope.Db.AuditEntries.AsNoTracking().Where(e => e.Entity == entity && e.EntityKey == key)
            .OrderByDescending(e => e.Sequence).FirstAsync();
    }

    private async Task<long> MiddleSequenceAsync()
    {
        await using var scope = app.ServiceScope();
        var last = await scope.Db.AuditEntries.MaxAsync(e => e.Sequence);
        last.ShouldBeGreaterThan(3);
        return last / 2;
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = app.ServiceScope();
        return await AuditChain.VerifyAsync(scope.Db);
    }
}
