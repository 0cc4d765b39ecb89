using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Members;
using SteerCo.Tests.Support;
using static SteerCo.Tests.Members.MemberData;

namespace SteerCo.Tests.Members;

/// <summary>
/// A committee of three (chair, standing deputy, member) since 01/01/2024 is reconstituted on
/// 15/03/2025: the member leaves, the standing deputy becomes a deputy, a new member joins.
/// </summary>
public sealed class ReconstitutingACommittee(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly Effective = new(2025, 3, 15);

    private sealed record Setup(int CommitteeId, int Chair, int Deputy, int Leaver, int Joiner, int FirstDecision, int Decision, ReconstitutionView Draft);

    private async Task<Setup> DraftAsync(string name, bool apply)
    {
        var committee = await CommitteeAsync(app, $"Ban Chỉ đạo {name}");
        var first = await DecisionAsync(app, committee.Id, new DateOnly(2023, 12, 20));
        var chair = await PersonAsync(app, $"Nguyễn Văn Chính {name}");
        var deputy = await PersonAsync(app, $"Trần Thị Phó {name}");
        var leaver = await PersonAsync(app, $"Lê Văn Rời {name}");
        var joiner = await PersonAsync(app, $"Phạm Thị Mới {name}");
        await AddOkAsync(app, committee.Id, chair, MemberData.Chair, Start, decisionId: first);
        await AddOkAsync(app, committee.Id, deputy, StandingDeputy, Start, decisionId: first);
        await AddOkAsync(app, committee.Id, leaver, Member, Start, decisionId: first);
        var decision = await DecisionAsync(app, committee.Id, new DateOnly(2025, 3, 10));

        await using var scope = app.ServiceScope();
        var service = scope.Get<Reconstitutions>();
        var draft = (await service.StartAsync(scope.Actor, committee.Id, Effective)).Value!;
        draft.Lines.Select(l => l.PersonId).ShouldBe([chair, deputy, leaver]);
        var lines = new[] { new DraftLineInput(chair, MemberData.Chair, null), new DraftLineInput(deputy, Deputy, null), new DraftLineInput(joiner, Member, null) };
        var updated = await service.UpdateAsync(scope.Actor, committee.Id, draft.Id, Input(draft, lines, decision), draft.Version);
        updated.IsOk.ShouldBeTrue(string.Join("; ", updated.Problems.Select(p => p.Message)));
        draft = updated.Value!;
        if (apply)
        {
            var applied = await service.ApplyAsync(scope.Actor, committee.Id, draft.Id, draft.Version);
            applied.IsOk.ShouldBeTrue(string.Join("; ", applied.Problems.Select(p => p.Message)));
            draft = applied.Value!;
        }
        return new(committee.Id, chair, deputy, leaver, joiner, first, decision, draft);
    }

    [Fact]
    public async Task The_draft_shows_who_joins_who_leaves_and_whose_post_changes()
    {
        var s = await DraftAsync("xem trước", apply: false);

        s.Draft.Changes.Select(c => (c.Kind, c.PersonId)).ShouldBe(
            [(ChangeKind.Joined, s.Joiner), (ChangeKind.Left, s.Leaver), (ChangeKind.PostChanged, s.Deputy), (ChangeKind.Unchanged, s.Chair)], ignoreOrder: true);
        var changed = s.Draft.Changes.Single(c => c.Kind == ChangeKind.PostChanged);
        (changed.PreviousPostName, changed.PostName).ShouldBe(("Phó Trưởng ban Thường trực", "Phó Trưởng ban"));
        s.Draft.IsStale.ShouldBeFalse();
        // Roster order: chair, deputy, member.
        s.Draft.Lines.Select(l => l.PersonId).ShouldBe([s.Chair, s.Deputy, s.Joiner]);
    }

    [Fact]
    public async Task The_roster_before_on_and_after_the_effective_date()
    {
        var s = await DraftAsync("ba ngày", apply: true);

        (await RosterAsync(app, s.CommitteeId, Start.AddDays(-1))).Members.ShouldBeEmpty();
        var before = await RosterAsync(app, s.CommitteeId, Effective.AddDays(-1));
        before.Members.Select(m => (m.PersonId, m.PostId)).ShouldBe([(s.Chair, MemberData.Chair), (s.Deputy, StandingDeputy), (s.Leaver, Member)]);
        var on = await RosterAsync(app, s.CommitteeId, Effective);
        on.Members.Select(m => (m.PersonId, m.PostId)).ShouldBe([(s.Chair, MemberData.Chair), (s.Deputy, Deputy), (s.Joiner, Member)]);
        var after = await RosterAsync(app, s.CommitteeId, new DateOnly(2026, 1, 1));
        after.Members.Select(m => (m.PersonId, m.PostId)).ShouldBe([(s.Chair, MemberData.Chair), (s.Deputy, Deputy), (s.Joiner, Member)]);
    }

    [Fact]
    public async Task Applying_ends_and_starts_exactly_the_right_memberships_and_nothing_else()
    {
        var before = await DraftAsync("áp dụng", apply: false);
        var other = await CommitteeAsync(app, "Ban khác cùng thành phố");
        await AddOkAsync(app, other.Id, before.Leaver, Member, Start);
        List<SteerCo.Members.Membership> snapshot;
        await using (var scope = app.ServiceScope())
        {
            snapshot = await scope.Db.Memberships.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        }

        await using (var scope = app.ServiceScope())
        {
            var applied = await scope.Get<Reconstitutions>().ApplyAsync(scope.Actor, before.CommitteeId, before.Draft.Id, before.Draft.Version);
            applied.IsOk.ShouldBeTrue(string.Join("; ", applied.Problems.Select(p => p.Message)));
            applied.Value!.Status.ShouldBe(ReconstitutionStatus.Applied);
        }

        await using (var scope = app.ServiceScope())
        {
            var now = await scope.Db.Memberships.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
            var changed = now.Where(m => snapshot.All(o => o.Id != m.Id || o.Version != m.Version || o.EndDate != m.EndDate)).ToList();
            var ended = changed.Where(m => snapshot.Any(o => o.Id == m.Id)).ToList();
            var started = changed.Where(m => snapshot.All(o => o.Id != m.Id)).ToList();

            ended.Select(m => (m.PersonId, m.PostId, m.CommitteeId)).ShouldBe([(before.Deputy, StandingDeputy, before.CommitteeId), (before.Leaver, Member, before.CommitteeId)], ignoreOrder: true);
            ended.ShouldAllBe(m => m.EndDate == Effective.AddDays(-1) && m.EndingDocumentId == before.Decision && m.EndedByReconstitutionId == before.Draft.Id);
            started.Select(m => (m.PersonId, m.PostId)).ShouldBe([(before.Deputy, Deputy), (before.Joiner, Member)], ignoreOrder: true);
            started.ShouldAllBe(m => m.CommitteeId == before.CommitteeId && m.StartDate == Effective && m.EndDate == null && m.AppointingDocumentId == before.Decision);
            // The chair's membership and the leaver's seat on the other committee are untouched.
            var chair = now.Single(m => m.PersonId == before.Chair);
            chair.ShouldBeEquivalentTo(snapshot.Single(m => m.PersonId == before.Chair));
            now.Single(m => m.CommitteeId == other.Id).EndDate.ShouldBeNull();
            (now.Count - snapshot.Count).ShouldBe(2);
        }
    }

    [Fact]
    public async Task The_timeline_lists_each_composition_with_its_changes_and_decisions()
    {
        var s = await DraftAsync("dòng thời gian", apply: true);

        await using var scope = app.ServiceScope();
        var timeline = (await scope.Get<RosterService>().TimelineAsync(scope.Actor, s.CommitteeId)).Value!;

        timeline.Select(p => (p.From, p.To, p.MemberCount)).ShouldBe([(Effective, (DateOnly?)null, 3), (Start, Effective.AddDays(-1), 3)]);
        timeline[0].Changes.Select(c => (c.Kind, c.PersonId)).ShouldBe([(ChangeKind.Joined, s.Joiner), (ChangeKind.Left, s.Leaver), (ChangeKind.PostChanged, s.Deputy)], ignoreOrder: true);
        timeline[0].Changes.ShouldAllBe(c => c.DecisionId == s.Decision);
        timeline[1].Changes.ShouldAllBe(c => c.Kind == ChangeKind.Joined && c.DecisionId == s.FirstDecision);
    }

    [Fact]
    public async Task The_past_roster_and_the_applied_decision_keep_the_job_titles_of_their_day()
    {
        var s = await DraftAsync("chức vụ cũ", apply: true);
        await using (var scope = app.ServiceScope())
        {
            var people = scope.Get<PeopleService>();
            var chair = (await people.GetAsync(scope.Actor, s.Chair)).Value!.Person;
            (await people.UpdateAsync(scope.Actor, s.Chair, new PersonInput(chair.FullName, "Bí thư Thành ủy", chair.AgencyId, null, null, null), chair.Version)).IsOk.ShouldBeTrue();
        }

        await using var read = app.ServiceScope();
        var model = (await read.Get<Reconstitutions>().DecisionModelAsync(read.Actor, s.CommitteeId, s.Draft.Id)).Value!;
        model.Members[0].JobTitle.ShouldBe("Phó Giám đốc Sở");
        (await RosterAsync(app, s.CommitteeId, Effective)).Members[0].JobTitle.ShouldBe("Phó Giám đốc Sở");
        (await read.Get<PeopleService>().GetAsync(read.Actor, s.Chair)).Value!.Person.JobTitle.ShouldBe("Bí thư Thành ủy");
    }

    [Fact]
    public async Task A_draft_built_on_a_roster_that_has_since_changed_is_refused_and_changes_nothing()
    {
        var s = await DraftAsync("cũ", apply: false);
        var late = await PersonAsync(app, "Hoàng Văn Muộn");
        await AddOkAsync(app, s.CommitteeId, late, Secretary, new DateOnly(2025, 1, 1));
        List<SteerCo.Members.Membership> snapshot;
        await using (var scope = app.ServiceScope())
        {
            snapshot = await scope.Db.Memberships.AsNoTracking().Where(m => m.CommitteeId == s.CommitteeId).OrderBy(m => m.Id).ToListAsync();
            (await scope.Get<Reconstitutions>().GetAsync(scope.Actor, s.CommitteeId, s.Draft.Id)).Value!.IsStale.ShouldBeTrue();
        }

        await using (var scope = app.ServiceScope())
        {
            var applied = await scope.Get<Reconstitutions>().ApplyAsync(scope.Actor, s.CommitteeId, s.Draft.Id, s.Draft.Version);
            applied.Outcome.ShouldBe(Outcome.Conflict);
            applied.Problems.Single().Message.ShouldContain("đã thay đổi sau khi lập dự thảo");
        }

        await using (var scope = app.ServiceScope())
        {
            var now = await scope.Db.Memberships.AsNoTracking().Where(m => m.CommitteeId == s.CommitteeId).OrderBy(m => m.Id).ToListAsync();
            now.ShouldBeEquivalentTo(snapshot);
            (await scope.Db.Reconstitutions.SingleAsync(r => r.Id == s.Draft.Id)).Status.ShouldBe(ReconstitutionStatus.Draft);
        }
    }

    [Fact]
    public async Task A_draft_saved_by_someone_else_meanwhile_is_a_conflict()
    {
        var s = await DraftAsync("hai người", apply: false);
        await using var scope = app.ServiceScope();
        var service = scope.Get<Reconstitutions>();

        var first = await service.UpdateAsync(scope.Actor, s.CommitteeId, s.Draft.Id, Input(s.Draft, effectiveOn: Effective.AddDays(1)), s.Draft.Version);
        var second = await service.UpdateAsync(scope.Actor, s.CommitteeId, s.Draft.Id, Input(s.Draft, effectiveOn: Effective.AddDays(2)), s.Draft.Version);

        first.IsOk.ShouldBeTrue();
        second.Outcome.ShouldBe(Outcome.Conflict);
    }

    [Fact]
    public async Task A_draft_with_two_chairs_or_a_person_twice_is_refused()
    {
        var s = await DraftAsync("hai trưởng ban", apply: false);
        await using var scope = app.ServiceScope();
        var service = scope.Get<Reconstitutions>();

        var twoChairs = await service.UpdateAsync(scope.Actor, s.CommitteeId, s.Draft.Id,
            Input(s.Draft, [new(s.Chair, MemberData.Chair, null), new(s.Deputy, MemberData.Chair, null)]), s.Draft.Version);
        var twice = await service.UpdateAsync(scope.Actor, s.CommitteeId, s.Draft.Id,
            Input(s.Draft, [new(s.Chair, MemberData.Chair, null), new(s.Chair, Member, null)]), s.Draft.Version);

        twoChairs.Outcome.ShouldBe(Outcome.Invalid);
        twoChairs.Problems.Single().Message.ShouldBe("Danh sách có hơn một Trưởng ban: Ban Chỉ đạo chỉ có một Trưởng ban.");
        twice.Outcome.ShouldBe(Outcome.Invalid);
        twice.Problems.Single().Message.ShouldContain("có tên hai lần");
    }

    [Fact]
    public async Task Applying_needs_a_decision_and_an_effective_date_after_every_leavers_start()
    {
        var s = await DraftAsync("thiếu", apply: false);
        await using var scope = app.ServiceScope();
        var service = scope.Get<Reconstitutions>();
        var noDecision = (await service.UpdateAsync(scope.Actor, s.CommitteeId, s.Draft.Id, Input(s.Draft) with { DecisionDocumentId = null }, s.Draft.Version)).Value!;

        var refused = await service.ApplyAsync(scope.Actor, s.CommitteeId, s.Draft.Id, noDecision.Version);
        refused.Outcome.ShouldBe(Outcome.Invalid);
        refused.Problems.Single().Field.ShouldBe("DecisionDocumentId");

        var early = (await service.UpdateAsync(scope.Actor, s.CommitteeId, s.Draft.Id, Input(noDecision, decisionId: s.Decision, effectiveOn: Start), noDecision.Version)).Value!;
        var tooEarly = await service.ApplyAsync(scope.Actor, s.CommitteeId, s.Draft.Id, early.Version);
        tooEarly.Outcome.ShouldBe(Outcome.Invalid);
        tooEarly.Problems.ShouldAllBe(p => p.Field == "EffectiveOn");
        (await RosterAsync(app, s.CommitteeId, Effective)).Members.Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_decision_is_created_in_the_register_with_its_number_and_the_model_lists_the_new_roster()
    {
        var s = await DraftAsync("quyết định", apply: false);
        await using var scope = app.ServiceScope();
        var service = scope.Get<Reconstitutions>();

        var created = await service.CreateDecisionAsync(scope.Actor, s.CommitteeId, s.Draft.Id,
            new DecisionInput(new DateOnly(2025, 3, 12), null, "Nguyễn Văn Chính", "Trưởng ban", SteerCo.Documents.SigningAuthority.OnBehalf), s.Draft.Version);
        created.IsOk.ShouldBeTrue(string.Join("; ", created.Problems.Select(p => p.Message)));
        created.Value!.DecisionSymbol.ShouldBe("02/QĐ-BCĐ");
        var model = (await service.DecisionModelAsync(scope.Actor, s.CommitteeId, s.Draft.Id)).Value!;

        model.DecisionSymbol.ShouldBe("02/QĐ-BCĐ");
        model.DecisionSubject.ShouldStartWith("Về việc kiện toàn Ban Chỉ đạo");
        model.Members.Select(m => (m.Number, m.PostName)).ShouldBe([(1, "Trưởng ban"), (2, "Phó Trưởng ban"), (3, "Ủy viên")]);
        model.Members[0].FullName.ShouldBe("Nguyễn Văn Chính quyết định");
        model.Members[0].AgencyName.ShouldBe(app.Hierarchy.DanangAgency.Name);
    }

    [Fact]
    public async Task The_decision_prints_the_register_number_the_new_roster_and_the_decision_it_replaces()
    {
        var s = await DraftAsync("in quyết định", apply: true);
        await using var scope = app.ServiceScope();
        var service = scope.Get<Reconstitutions>();
        var replaced = (await service.GetAsync(scope.Actor, s.CommitteeId, s.Draft.Id)).Value!.DecisionSymbol;
        var next = (await service.StartAsync(scope.Actor, s.CommitteeId, new DateOnly(2026, 1, 5))).Value!;
        var decided = await service.CreateDecisionAsync(scope.Actor, s.CommitteeId, next.Id,
            new DecisionInput(new DateOnly(2026, 1, 5), null, "Nguyễn Văn Chính in quyết định", "Trưởng ban", SteerCo.Documents.SigningAuthority.OnBehalf), next.Version);
        decided.IsOk.ShouldBeTrue(string.Join("; ", decided.Problems.Select(p => p.Message)));

        var file = (await service.DecisionDocxAsync(scope.Actor, s.CommitteeId, next.Id)).Value!;

        file.FileName.ShouldBe("QĐ kiện toàn BCĐ 05-01-2026.docx");
        using var docx = SteerCo.Tests.Office.Docx.Open(file.Content);
        docx.Line("UBND THÀNH PHỐ ĐÀ NẴNG");
        docx.Line("Số: " + decided.Value!.DecisionSymbol);
        docx.Line("Đà Nẵng, ngày 05 tháng 01 năm 2026");
        docx.Line("TM. BAN CHỈ ĐẠO");
        // The chair signs and heads the annex.
        docx.Paragraphs.Count(p => SteerCo.Tests.Office.Docx.Text(p) == "Nguyễn Văn Chính in quyết định").ShouldBe(2);
        var text = string.Join("\n", docx.Paragraphs.Select(SteerCo.Tests.Office.Docx.Text));
        text.ShouldContain("Kiện toàn Ban Chỉ đạo in quyết định (sau đây gọi tắt là Ban Chỉ đạo)");
        text.ShouldContain($"kể từ ngày ký và thay thế Quyết định số {replaced} ngày 10 tháng 3 năm 2025");
        var annex = docx.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList())
            .Where(cells => cells.Count == 4).Skip(1).ToList();
        annex.Select(r => (r[0], r[1], r[3])).ShouldBe(
        [
            ("1", "Nguyễn Văn Chính in quyết định", "Trưởng ban"),
            ("2", "Trần Thị Phó in quyết định", "Phó Trưởng ban"),
            ("3", "Phạm Thị Mới in quyết định", "Ủy viên"),
        ]);
        annex[0][2].ShouldBe("Phó Giám đốc Sở " + app.Hierarchy.DanangAgency.Name);
    }

    [Fact]
    public async Task A_decision_asked_for_from_a_stale_draft_is_refused_and_takes_no_number()
    {
        var s = await DraftAsync("quyết định cũ", apply: false);
        await using var scope = app.ServiceScope();
        var service = scope.Get<Reconstitutions>();
        var saved = (await service.UpdateAsync(scope.Actor, s.CommitteeId, s.Draft.Id, Input(s.Draft, effectiveOn: Effective.AddDays(1)), s.Draft.Version)).Value!;
        var before = await scope.Db.Documents.CountAsync(d => d.CommitteeId == s.CommitteeId);

        var stale = await service.CreateDecisionAsync(scope.Actor, s.CommitteeId, s.Draft.Id,
            new DecisionInput(new DateOnly(2025, 3, 12), null, null, null, SteerCo.Documents.SigningAuthority.None), s.Draft.Version);
        var fresh = await service.CreateDecisionAsync(scope.Actor, s.CommitteeId, s.Draft.Id,
            new DecisionInput(new DateOnly(2025, 3, 12), null, null, null, SteerCo.Documents.SigningAuthority.None), saved.Version);

        stale.Outcome.ShouldBe(Outcome.Conflict);
        // The register's next number went to the decision that was made, not to the refused one.
        fresh.Value!.DecisionSymbol.ShouldBe("02/QĐ-BCĐ");
        (await scope.Db.Documents.CountAsync(d => d.CommitteeId == s.CommitteeId)).ShouldBe(before + 1);
        fresh.Value.Version.ShouldBeGreaterThan(saved.Version);
    }

    [Fact]
    public async Task Before_the_register_numbers_it_the_decision_leaves_the_number_blank_and_the_new_chair_signs()
    {
        var s = await DraftAsync("chưa số", apply: false);
        await using var scope = app.ServiceScope();
        var service = scope.Get<Reconstitutions>();
        var undecided = (await service.UpdateAsync(scope.Actor, s.CommitteeId, s.Draft.Id, Input(s.Draft) with { DecisionDocumentId = null }, s.Draft.Version)).Value!;
        undecided.DecisionDocumentId.ShouldBeNull();

        using var docx = SteerCo.Tests.Office.Docx.Open((await service.DecisionDocxAsync(scope.Actor, s.CommitteeId, s.Draft.Id)).Value!.Content);

        docx.Line("Số:       /QĐ-BCĐ");
        docx.Line("Đà Nẵng, ngày 15 tháng 3 năm 2025");
        docx.Line("TRƯỞNG BAN");
        docx.Paragraphs.Count(p => SteerCo.Tests.Office.Docx.Text(p) == "Nguyễn Văn Chính chưa số").ShouldBe(2);
        docx.LinesStartingWith("TM.").ShouldBeEmpty();
        (await service.DecisionDocxAsync(Secretariat(app.Hierarchy.Hue), s.CommitteeId, s.Draft.Id)).Outcome.ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task Outside_its_scope_a_secretariat_finds_nothing_and_a_leader_cannot_draft()
    {
        var s = await DraftAsync("phạm vi", apply: false);
        var h = app.Hierarchy;
        await using var scope = app.ServiceScope();
        var roster = scope.Get<RosterService>();
        var service = scope.Get<Reconstitutions>();

        (await roster.RosterAsync(Secretariat(h.Hue), s.CommitteeId)).Outcome.ShouldBe(Outcome.NotFound);
        (await roster.RosterAsync(Secretariat(h.HaiChau), s.CommitteeId)).Outcome.ShouldBe(Outcome.NotFound);
        (await roster.RosterAsync(Leader(h.Danang), s.CommitteeId)).IsOk.ShouldBeTrue();
        (await service.StartAsync(Leader(h.Danang), s.CommitteeId, Effective)).Outcome.ShouldBe(Outcome.Forbidden);
        // Đà Nẵng's secretariat reads the committee below but manages only its own.
        (await service.ApplyAsync(Secretariat(h.Danang), s.CommitteeId, s.Draft.Id, s.Draft.Version)).Outcome.ShouldBe(Outcome.Forbidden);
        (await service.ApplyAsync(Secretariat(h.Hue), s.CommitteeId, s.Draft.Id, s.Draft.Version)).Outcome.ShouldBe(Outcome.NotFound);
        (await RosterAsync(app, s.CommitteeId, Effective)).Members.Select(m => m.PersonId).ShouldContain(s.Leaver);
    }
}
