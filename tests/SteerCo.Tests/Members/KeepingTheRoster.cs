using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Members;
using SteerCo.Tests.Support;
using static SteerCo.Tests.Members.MemberData;

namespace SteerCo.Tests.Members;

/// <summary>People, posts and single memberships: the rules on overlaps, the duplicate warning, the checks.</summary>
public sealed class KeepingTheRoster(SteerCoApp app) : IClassFixture<SteerCoApp>
{
    [Fact]
    public async Task One_person_cannot_hold_two_posts_in_a_committee_at_overlapping_times()
    {
        var committee = await CommitteeAsync(app, "Ban hai chức danh");
        var person = await PersonAsync(app, "Đỗ Văn Hai");
        await AddOkAsync(app, committee.Id, person, Member, new DateOnly(2024, 1, 1), new DateOnly(2024, 5, 31));

        var overlapping = await AddAsync(app, committee.Id, person, Deputy, new DateOnly(2024, 5, 1));
        var after = await AddAsync(app, committee.Id, person, Deputy, new DateOnly(2024, 6, 1));

        overlapping.Outcome.ShouldBe(Outcome.Invalid);
        overlapping.Problems.Single().Message.ShouldBe("Đỗ Văn Hai đã giữ chức danh Ủy viên trong Ban Chỉ đạo này từ ngày 01/01/2024 trong cùng thời gian: một người không giữ hai chức danh cùng lúc.");
        after.IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task Ending_a_membership_keeps_its_last_day_and_a_stale_or_backward_end_changes_nothing()
    {
        var committee = await CommitteeAsync(app, "Ban kết thúc");
        var person = await PersonAsync(app, "Vi Văn Thôi");
        var entry = await AddOkAsync(app, committee.Id, person, Member, new DateOnly(2024, 1, 1));
        await using var scope = app.ServiceScope();
        var roster = scope.Get<RosterService>();

        var backward = await roster.EndMembershipAsync(scope.Actor, committee.Id, entry.MembershipId, new DateOnly(2023, 12, 31), null, entry.Version);
        var ended = await roster.EndMembershipAsync(scope.Actor, committee.Id, entry.MembershipId, new DateOnly(2025, 6, 30), null, entry.Version);
        var stale = await roster.EndMembershipAsync(scope.Actor, committee.Id, entry.MembershipId, new DateOnly(2025, 1, 31), null, entry.Version);

        backward.Outcome.ShouldBe(Outcome.Invalid);
        backward.Problems.Single().Field.ShouldBe("EndDate");
        ended.Value!.EndDate.ShouldBe(new DateOnly(2025, 6, 30));
        stale.Outcome.ShouldBe(Outcome.Conflict);
        (await RosterAsync(app, committee.Id, new DateOnly(2025, 6, 30))).Members.Select(m => m.FullName).ShouldBe(["Vi Văn Thôi"]);
        (await RosterAsync(app, committee.Id, new DateOnly(2025, 7, 1))).Members.ShouldBeEmpty();
        (await roster.EndMembershipAsync(Secretariat(app.Hierarchy.Hue), committee.Id, entry.MembershipId, new DateOnly(2025, 6, 30), null, ended.Value.Version))
            .Outcome.ShouldBe(Outcome.NotFound);
    }

    [Fact]
    public async Task A_committee_has_at_most_one_chair_at_a_time()
    {
        var committee = await CommitteeAsync(app, "Ban một trưởng ban");
        var first = await PersonAsync(app, "Vũ Văn Trước");
        var second = await PersonAsync(app, "Vũ Văn Sau");
        await AddOkAsync(app, committee.Id, first, Chair, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));

        var together = await AddAsync(app, committee.Id, second, Chair, new DateOnly(2024, 6, 1));
        var next = await AddAsync(app, committee.Id, second, Chair, new DateOnly(2025, 1, 1));

        together.Outcome.ShouldBe(Outcome.Invalid);
        together.Problems.Single().Message.ShouldBe("Chức danh Trưởng ban đã có người giữ (Vũ Văn Trước, từ ngày 01/01/2024) trong cùng thời gian: Ban Chỉ đạo chỉ có một Trưởng ban.");
        next.IsOk.ShouldBeTrue();
        // Deputies may be several.
        (await AddAsync(app, committee.Id, await PersonAsync(app, "Phó Một"), Deputy, new DateOnly(2024, 1, 1))).IsOk.ShouldBeTrue();
        (await AddAsync(app, committee.Id, await PersonAsync(app, "Phó Hai"), Deputy, new DateOnly(2024, 1, 1))).IsOk.ShouldBeTrue();
    }

    [Fact]
    public async Task A_likely_duplicate_is_a_warning_not_a_refusal()
    {
        var first = await PersonAsync(app, "Nguyễn Thị Trùng");
        await using var scope = app.ServiceScope();
        var people = scope.Get<PeopleService>();

        var second = await people.CreateAsync(scope.Actor, new PersonInput("  nguyen thi  TRUNG ", "Chuyên viên", app.Hierarchy.DanangAgency.Id, "0905 123 456", "trung@danang.gov.vn", null));
        var elsewhere = await people.CreateAsync(scope.Actor, new PersonInput("Nguyễn Thị Trùng", "Chuyên viên", app.Hierarchy.HueAgency.Id, null, null, null));

        second.IsOk.ShouldBeTrue();
        second.Value!.LikelyDuplicates.Select(p => p.Id).ShouldBe([first]);
        second.Value.Person.FullName.ShouldBe("nguyen thi TRUNG");
        elsewhere.Value!.LikelyDuplicates.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_person_needs_a_name_a_title_and_a_known_agency_and_contacts_are_checked()
    {
        await using var scope = app.ServiceScope();
        var people = scope.Get<PeopleService>();

        var bad = await people.CreateAsync(scope.Actor, new PersonInput(" ", "", app.Hierarchy.DanangAgency.Id, "gọi tôi", "không-phải-thư", null));
        var noAgency = await people.CreateAsync(scope.Actor, new PersonInput("Ai Đó", "Chuyên viên", 999_999, null, null, null));

        bad.Outcome.ShouldBe(Outcome.Invalid);
        bad.Problems.Select(p => p.Field).ShouldBe(["FullName", "JobTitle", "Phone", "Email"]);
        noAgency.Problems.Single().Field.ShouldBe("AgencyId");
    }

    [Fact]
    public async Task A_contact_longer_than_its_column_is_too_long_and_is_not_repeated_back()
    {
        var agency = app.Hierarchy.DanangAgency;
        var email = new string('a', 100_000) + "@danang.gov.vn";
        var phone = new string('9', 1_000);
        await using var scope = app.ServiceScope();
        var people = scope.Get<PeopleService>();

        var created = await people.CreateAsync(scope.Actor, new PersonInput("Võ Thị Liên", "Chuyên viên", agency.Id, phone, email, null));
        var atTheLimit = await people.CreateAsync(scope.Actor, new PersonInput("Võ Thị Liên", "Chuyên viên", agency.Id, new string('9', 30), new string('a', 242) + "@danang.gov.vn", null));
        var edited = await people.UpdateAsync(scope.Actor, atTheLimit.Value!.Person.Id,
            new PersonInput("Võ Thị Liên", "Chuyên viên", agency.Id, phone, email, null), atTheLimit.Value.Person.Version);

        created.Outcome.ShouldBe(Outcome.Invalid);
        created.Problems.ShouldBe([new Problem("Phone", "Số điện thoại dài quá 30 ký tự."), new Problem("Email", "Thư điện tử dài quá 256 ký tự.")]);
        edited.Problems.ShouldBe(created.Problems);
        (await people.GetAsync(scope.Actor, atTheLimit.Value.Person.Id)).Value!.Person.ShouldBe(atTheLimit.Value.Person);
        (await scope.Db.People.CountAsync(p => p.FullName == "Võ Thị Liên")).ShouldBe(1);
    }

    [Fact]
    public async Task People_are_kept_by_the_secretariat_of_their_units_committee_and_seen_only_in_scope()
    {
        var h = app.Hierarchy;
        var hue = await PersonAsync(app, "Người Huế", h.HueAgency);
        await using var scope = app.ServiceScope();
        var people = scope.Get<PeopleService>();

        (await people.CreateAsync(Secretariat(h.Danang), new PersonInput("Người mới", "Chuyên viên", h.HueAgency.Id, null, null, null))).Outcome.ShouldBe(Outcome.Forbidden);
        (await people.CreateAsync(Secretariat(h.Danang), new PersonInput("Người mới", "Chuyên viên", h.DanangAgency.Id, null, null, null))).IsOk.ShouldBeTrue();
        (await people.GetAsync(Secretariat(h.Danang), hue)).Outcome.ShouldBe(Outcome.NotFound);
        (await people.GetAsync(Secretariat(h.Hue), hue)).Value!.CanManage.ShouldBeTrue();
        (await people.ListAsync(Secretariat(h.Danang), "Người Huế", null, new())).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_committee_adds_its_own_post_in_roster_order()
    {
        var committee = await CommitteeAsync(app, "Ban có chức danh riêng");
        await using var scope = app.ServiceScope();
        var roster = scope.Get<RosterService>();

        var added = await roster.AddPostAsync(scope.Actor, committee.Id, new PostInput("Ủy viên Thường trực", 35, false));
        var again = await roster.AddPostAsync(scope.Actor, committee.Id, new PostInput("ủy viên thường trực", 36, false));
        var posts = (await roster.PostsAsync(scope.Actor, committee.Id)).Value!;
        var otherPosts = (await roster.PostsAsync(scope.Actor, app.Hierarchy.Hue.Id)).Value!;

        added.IsOk.ShouldBeTrue();
        again.Outcome.ShouldBe(Outcome.Invalid);
        posts.Select(p => p.Name).ShouldBe(["Trưởng ban", "Phó Trưởng ban Thường trực", "Phó Trưởng ban", "Ủy viên Thường trực", "Ủy viên",
            "Tổ trưởng Tổ giúp việc", "Tổ phó Tổ giúp việc", "Thành viên Tổ giúp việc", "Thư ký"]);
        otherPosts.Count.ShouldBe(8);
        (await roster.AddPostAsync(Leader(committee), committee.Id, new PostInput("Khác", 90, false))).Outcome.ShouldBe(Outcome.Forbidden);
    }

    [Fact]
    public async Task The_checks_find_an_empty_required_post_a_gone_agency_and_posts_in_two_provinces()
    {
        var h = app.Hierarchy;
        var committee = await CommitteeAsync(app, "Ban cần kiểm tra");
        var hueCommittee = await CommitteeAsync(app, "Ban ở Huế", h.Hue, h.HueUnit);
        var today = TestClock.Today;
        int goneAgencyId;
        await using (var scope = app.ServiceScope())
        {
            var agency = TestData.Agency(h.DanangUnit, "Sở đã giải thể", "SGT");
            agency.DissolvedOn = today.AddDays(-10);
            scope.Db.Agencies.Add(agency);
            await scope.Db.SaveChangesAsync();
            goneAgencyId = agency.Id;
        }
        var gone = await PersonAsync(app, "Mai Văn Giải");
        await using (var scope = app.ServiceScope())
        {
            var person = await scope.Db.People.SingleAsync(p => p.Id == gone);
            person.AgencyId = goneAgencyId;
            await scope.Db.SaveChangesAsync();
        }
        var twice = await PersonAsync(app, "Cao Thị Hai Nơi");
        await AddOkAsync(app, committee.Id, gone, Member, new DateOnly(2024, 1, 1));
        await AddOkAsync(app, committee.Id, twice, Deputy, new DateOnly(2024, 1, 1));
        await AddOkAsync(app, hueCommittee.Id, twice, Member, new DateOnly(2024, 6, 1));

        await using var read = app.ServiceScope();
        var checks = (await read.Get<RosterService>().ChecksAsync(read.Actor, committee.Id)).Value!;

        checks.Select(c => c.Kind).ShouldBe([CheckKind.RequiredPostEmpty, CheckKind.AgencyGone, CheckKind.TwoProvinces]);
        checks[0].Message.ShouldBe("Chưa có người giữ chức danh Trưởng ban.");
        checks[1].Message.ShouldBe($"Mai Văn Giải: cơ quan Sở đã giải thể không còn tồn tại từ ngày {today.AddDays(-10):dd/MM/yyyy}.");
        checks[2].Message.ShouldBe("Cao Thị Hai Nơi đang giữ chức danh trong Ban Chỉ đạo của hai tỉnh, thành phố khác nhau: Thành phố Đà Nẵng, Thành phố Huế.");
    }

    [Fact]
    public async Task The_roster_reads_the_committee_index_by_start_date()
    {
        await using var scope = app.ServiceScope();
        var day = new DateOnly(2025, 1, 1);
        var sql = RosterService.Entries(scope.Db.Memberships.Where(m => m.CommitteeId == 1 && m.StartDate <= day && (m.EndDate == null || m.EndDate >= day)), scope.Db.Documents).ToQueryString();

        sql.ShouldContain("\"CommitteeId\" = ");
        // The decisions' symbols come from subqueries: a join of six tables cost PostgreSQL more to plan than to run.
        sql.ShouldNotContain("JOIN \"Documents\"");
        var index = scope.Db.Model.FindEntityType(typeof(Membership))!.GetIndexes().Select(i => string.Join(",", i.Properties.Select(p => p.Name)));
        index.ShouldContain("CommitteeId,StartDate,EndDate");
    }
}
