using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Agencies;
using SteerCo.Cli;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Tests.Support;
using SteerCo.Text;
using SteerCo.Units;

namespace SteerCo.Tests.Demo;

/// <summary>The small data set, generated once through the CLI into a fresh database of this run's engine.</summary>
public sealed class GeneratedSmallDataSet : IAsyncLifetime
{
    public const int Seed = 7;
    public const string Password = "Sinh-Du-Lieu-2025";

    public SteerCoApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await SteerCoApp.StartAsync(withHierarchy: false);
        var (code, _, error) = await GeneratingTheDataSet.GenerateAsync(App, Seed);
        code.ShouldBe(ExitCodes.Ok, error);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary><c>steerco demo generate</c>: deterministic, valid by the app's own rules, and usable (its users sign in).</summary>
public sealed class GeneratingTheDataSet(GeneratedSmallDataSet data) : IClassFixture<GeneratedSmallDataSet>
{
    /// <summary>The one committee a test adds to the shared data set; the others leave it out.</summary>
    private const string AddedAfterwards = "Ban Chỉ đạo thử nghiệm sau khi sinh dữ liệu";

    private SteerCoApp App => data.App;

    internal static async Task<(int Code, string Output, string Error)> GenerateAsync(SteerCoApp app, int seed, string password = GeneratedSmallDataSet.Password)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SteerCoCli.RunAsync(
            ["--lang", "en", "demo", "generate", "--scale", "small", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--password", password],
            output, error, app.Database.Configuration);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_rows_and_another_seed_other_people()
    {
        await using var again = await SteerCoApp.StartAsync(withHierarchy: false);
        await using var other = await SteerCoApp.StartAsync(withHierarchy: false);
        (await GenerateAsync(again, GeneratedSmallDataSet.Seed)).Code.ShouldBe(ExitCodes.Ok);
        (await GenerateAsync(other, GeneratedSmallDataSet.Seed + 1)).Code.ShouldBe(ExitCodes.Ok);

        var first = await SnapshotAsync(App);
        var second = await SnapshotAsync(again);
        var third = await SnapshotAsync(other);

        first.Committees.Count.ShouldBeGreaterThan(50);
        second.Committees.ShouldBe(first.Committees);
        second.Agencies.ShouldBe(first.Agencies);
        // Password hashes aside: each hash has its own random salt.
        second.Users.ShouldBe(first.Users);
        first.Documents.Count.ShouldBeGreaterThan(1000);
        second.Documents.ShouldBe(first.Documents);
        first.Memberships.Count.ShouldBeGreaterThan(1000);
        second.People.ShouldBe(first.People);
        second.Memberships.ShouldBe(first.Memberships);
        first.WorkItems.Count.ShouldBeGreaterThan(1000);
        second.Meetings.ShouldBe(first.Meetings);
        second.Invitees.ShouldBe(first.Invitees);
        second.WorkItems.ShouldBe(first.WorkItems);
        second.Updates.ShouldBe(first.Updates);
        third.WorkItems.ShouldNotBe(first.WorkItems);
        first.Values.Count.ShouldBeGreaterThan(10_000);
        second.Submissions.ShouldBe(first.Submissions);
        second.Values.ShouldBe(first.Values);
        third.Values.ShouldNotBe(first.Values);
        third.People.ShouldNotBe(first.People);
        third.Committees.Select(c => c.Path).ShouldBe(first.Committees.Select(c => c.Path), "the hierarchy is the country's, whatever the seed");
        third.Users.ShouldNotBe(first.Users);
    }

    [Fact]
    public async Task Committees_follow_the_unit_hierarchy_with_paths_and_standing_agencies_of_their_unit()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var committees = await db.Committees.AsNoTracking().Where(c => c.Name != AddedAfterwards).Include(c => c.Unit).Include(c => c.StandingAgency).ToListAsync();
        var byId = committees.ToDictionary(c => c.Id);
        var province = committees.Single(c => c.Unit!.Level == UnitLevel.Province && c.ParentId is not null && byId[c.ParentId.Value].Unit!.Level == UnitLevel.Central && c.Name.StartsWith("Ban Chỉ đạo phòng, chống thiên tai", StringComparison.Ordinal)).Unit!;
        var communes = await db.Units.CountAsync(u => u.ParentId == province.Id && u.Level == UnitLevel.Commune && u.ValidTo == null);

        committees.Count.ShouldBe(2 * (1 + 1 + communes), "two kinds of committee, each at the centre, in the province and in every one of its communes");
        foreach (var committee in committees)
        {
            Abbreviations.IsValid(committee.Abbreviation).ShouldBeTrue(committee.Name);
            committee.FoldedName.ShouldBe(VietnameseText.Fold(committee.Name));
            committee.StandingAgency!.UnitId.ShouldBe(committee.UnitId, committee.Name);
            if (committee.ParentId is not { } parentId)
            {
                committee.Unit!.Level.ShouldBe(UnitLevel.Central);
                committee.Path.ShouldBe($"/{committee.Id}/");
                continue;
            }
            var parent = byId[parentId];
            committee.Path.ShouldBe($"{parent.Path}{committee.Id}/");
            (committee.Unit!.Level == UnitLevel.Province ? parent.Unit!.Level == UnitLevel.Central : committee.Unit.ParentId == parent.UnitId)
                .ShouldBeTrue($"{committee.Name} under {parent.Name}");
            committee.DocumentSystem.ShouldBe(parent.DocumentSystem);
        }
        (await db.Agencies.ToListAsync()).ShouldAllBe(a => Abbreviations.IsValid(a.Abbreviation) && a.FoldedName == VietnameseText.Fold(a.Name));
    }

    [Fact]
    public async Task Every_generated_account_passes_the_account_rules_and_members_represent_an_agency_of_their_committee()
    {
        await using var scope = App.ServiceScope();
        var users = scope.Get<UserManager<AppUser>>();
        var accounts = await scope.Db.Users.Include(u => u.Committee).Include(u => u.Agency).Where(u => u.Role != Role.Administrator).ToListAsync();

        accounts.Count.ShouldBeGreaterThan(100);
        accounts.Select(a => a.Role).Distinct().Order().ShouldBe([Role.Secretariat, Role.Leader, Role.Member, Role.Viewer]);
        foreach (var account in accounts)
        {
            foreach (var validator in users.UserValidators)
            {
                var valid = await validator.ValidateAsync(users, account);
                valid.Succeeded.ShouldBeTrue($"{account.UserName}: {string.Join(" ", valid.Errors.Select(e => e.Description))}");
            }
            account.Committee.ShouldNotBeNull(account.UserName);
            account.FullName.ShouldBe(VietnameseText.Clean(account.FullName));
            account.FullName.ShouldNotContain("Ð", customMessage: "Vietnamese writes Đ (U+0110), not the Icelandic Ð");
            if (account.Role == Role.Member)
            {
                account.Agency!.UnitId.ShouldBe(account.Committee.UnitId, account.UserName);
            }
            else
            {
                account.AgencyId.ShouldBeNull(account.UserName);
            }
        }
    }

    [Fact]
    public async Task A_generated_secretariat_signs_in_and_sees_exactly_the_subtree_of_their_committee()
    {
        var (user, committee, subtree) = await ProvinceSecretariatAsync();

        var client = await App.TokenClientAsync(user.UserName!, GeneratedSmallDataSet.Password);

        var page = await client.GetJsonAsync<JsonElement>("/api/v1/committees?pageSize=200");
        page.GetProperty("total").GetInt32().ShouldBe(subtree);
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ShouldContain(committee.Id);
        int other;
        await using (var scope = App.ServiceScope())
        {
            other = await scope.Db.Committees.Where(c => !c.Path.StartsWith(committee.Path)).Select(c => c.Id).FirstAsync();
        }
        (await client.GetAsync($"/api/v1/committees/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.RequestTokenAsync(user.UserName!, "Sai-Mat-Khau-2025")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_second_run_or_a_weak_password_is_refused_and_changes_nothing()
    {
        var before = await SnapshotAsync(App);
        int committees;
        await using (var scope = App.ServiceScope())
        {
            committees = await scope.Db.Committees.CountAsync();
        }

        var again = await GenerateAsync(App, GeneratedSmallDataSet.Seed);
        var weak = await GenerateAsync(App, GeneratedSmallDataSet.Seed, password: "short");

        again.Code.ShouldBe(ExitCodes.Failure);
        again.Error.ShouldContain($"this one has {committees}");
        weak.Code.ShouldBe(ExitCodes.Failure);
        weak.Error.ShouldContain("--password:");
        (await SnapshotAsync(App)).Committees.Count.ShouldBe(before.Committees.Count);
        (await SnapshotAsync(App)).Users.Count.ShouldBe(before.Users.Count);
    }

    [Fact]
    public async Task Committees_created_after_generation_get_new_keys()
    {
        var (_, committee, _) = await ProvinceSecretariatAsync();
        await using var scope = App.ServiceScope();
        var agency = await scope.Db.Agencies.FirstAsync(a => a.UnitId == committee.UnitId);

        var created = await scope.Get<CommitteeService>().CreateAsync(scope.Actor, new CommitteeInput(
            AddedAfterwards, "BCĐ", committee.UnitId, committee.ParentId, agency.Id, DocumentSystem.State, null, new DateOnly(2026, 1, 5), null));

        created.IsOk.ShouldBeTrue(string.Join("; ", created.Problems.Select(p => p.Message)));
        created.Value!.Id.ShouldBeGreaterThan(await scope.Db.Committees.Where(c => c.Id != created.Value.Id).MaxAsync(c => c.Id));
    }

    [Fact]
    public async Task Outgoing_numbers_run_without_gaps_and_the_register_continues_them()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var committees = await db.Committees.AsNoTracking().Where(c => c.DocumentSystem == DocumentSystem.State).ToDictionaryAsync(c => c.Id);
        var outgoing = await db.Documents.AsNoTracking()
            .Where(d => d.Direction == DocumentDirection.Outgoing && d.Committee!.DocumentSystem == DocumentSystem.State && d.Subject != AddedAfterwards)
            .Select(d => new { d.Id, d.CommitteeId, d.Type, d.IssuedOn, d.Number, d.Symbol }).ToListAsync();
        var series = await db.NumberSeries.AsNoTracking().ToDictionaryAsync(s => (s.CommitteeId, s.Key), s => s.LastNumber);

        outgoing.Count.ShouldBeGreaterThan(500);
        foreach (var run in outgoing.GroupBy(d => (d.CommitteeId, Key: DocumentNumbering.SeriesKey(committees[d.CommitteeId], d.Type, d.IssuedOn))))
        {
            // Documents of one day are registered, and numbered, in the order of their keys; the rows come in no order.
            var numbers = run.OrderBy(d => d.IssuedOn).ThenBy(d => d.Id).Select(d => d.Number!.Value).ToList();
            numbers.ShouldBe(Enumerable.Range(1, numbers.Count).ToList(), $"series {run.Key} numbered in date order without gaps");
            series[run.Key].ShouldBe(numbers.Count);
            run.ShouldAllBe(d => d.Symbol == DocumentNumbering.SymbolFor(committees[d.CommitteeId], d.Type, d.Number!.Value).Normalized);
        }

        var (committeeId, key) = series.Keys.First(k => committees.ContainsKey(k.CommitteeId) && k.Key == "2026");
        var registered = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committeeId, new DocumentInput(
            DocumentDirection.Outgoing, "KH", null, IssueNumber: true, null, new DateOnly(2026, 11, 20), null, IssuerKind.Committee, committeeId, null, null,
            AddedAfterwards, null, SigningAuthority.OnBehalf, null, null, null, DocumentVisibility.Committee));
        registered.IsOk.ShouldBeTrue(string.Join("; ", registered.Problems.Select(p => p.Message)));
        registered.Value!.Number.ShouldBe(series[(committeeId, key)] + 1);
    }

    [Fact]
    public async Task Each_implementing_plan_answers_a_directive_of_the_committee_directly_above()
    {
        await using var scope = App.ServiceScope();
        var relations = await scope.Db.DocumentRelations.AsNoTracking()
            .Select(r => new
            {
                r.Kind,
                Committee = r.Document!.CommitteeId,
                Parent = r.Document.Committee!.ParentId,
                r.Document.IssuedOn,
                Directive = r.RelatedDocument!.CommitteeId,
                DirectiveIssuedOn = r.RelatedDocument.IssuedOn,
                r.RelatedDocument.Visibility,
            })
            .ToListAsync();

        relations.Count.ShouldBeGreaterThan(50);
        relations.ShouldAllBe(r => r.Kind == RelationKind.Implements && r.Parent == r.Directive && r.Visibility == DocumentVisibility.Subtree && r.DirectiveIssuedOn < r.IssuedOn);
        // A directive the province took up (one in ten it did not: those have an empty cascade).
        var central = await scope.Db.Documents
            .Where(d => d.Committee!.ParentId == null && d.Visibility == DocumentVisibility.Subtree && scope.Db.DocumentRelations.Any(r => r.RelatedDocumentId == d.Id))
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var cascade = await scope.Get<DocumentRegister>().CascadeAsync(scope.Actor, central);
        var (committees, implemented) = cascade.Value!.Count();
        committees.ShouldBeGreaterThan(10);
        implemented.ShouldBeGreaterThan(committees / 2, "most committees below have implemented it");
        cascade.Value.Documents.ShouldBeEmpty("the issuing committee is the root, not an implementer");
    }

    private async Task<(AppUser User, Committee Committee, int Subtree)> ProvinceSecretariatAsync()
    {
        await using var scope = App.ServiceScope();
        var db = scope.Db;
        var user = await db.Users.Include(u => u.Committee).ThenInclude(c => c!.Unit)
            .Where(u => u.Role == Role.Secretariat && u.Committee!.Unit!.Level == UnitLevel.Province)
            .OrderBy(u => u.Id).FirstAsync();
        var subtree = await db.Committees.CountAsync(c => c.Path.StartsWith(user.Committee!.Path));
        return (user, user.Committee!, subtree);
    }

    private sealed record Snapshot(
        List<string> Agencies, List<CommitteeRow> Committees, List<string> Users, List<string> Documents, List<string> People, List<string> Memberships,
        List<string> Meetings, List<string> Invitees, List<string> WorkItems, List<string> Updates, List<string> Submissions, List<string> Values);

    private sealed record CommitteeRow(int Id, string Name, string Path, int UnitId, int? StandingAgencyId, DocumentSystem System, DateOnly? EstablishedOn);

    private static async Task<Snapshot> SnapshotAsync(SteerCoApp app)
    {
        await using var scope = app.ServiceScope();
        var db = scope.Db;
        var agencies = await db.Agencies.OrderBy(a => a.Id).Select(a => $"{a.Id}|{a.UnitId}|{a.Abbreviation}|{a.Name}").ToListAsync();
        var committees = await db.Committees.Where(c => c.Name != AddedAfterwards).OrderBy(c => c.Id)
            .Select(c => new CommitteeRow(c.Id, c.Name, c.Path, c.UnitId, c.StandingAgencyId, c.DocumentSystem, c.EstablishedOn)).ToListAsync();
        var users = await db.Users.Where(u => u.UserName != "admin").OrderBy(u => u.Id)
            .Select(u => $"{u.Id}|{u.UserName}|{u.FullName}|{u.Role}|{u.CommitteeId}|{u.AgencyId}|{u.SecurityStamp}").ToListAsync();
        var documents = await db.Documents.Where(d => d.Subject != AddedAfterwards).OrderBy(d => d.Id)
            .Select(d => $"{d.Id}|{d.CommitteeId}|{d.Direction}|{d.Symbol}|{d.IssuedOn}|{d.Subject}|{d.Body}").ToListAsync();
        var people = await db.People.OrderBy(p => p.Id).Select(p => $"{p.Id}|{p.FullName}|{p.JobTitle}|{p.AgencyId}").ToListAsync();
        var memberships = await db.Memberships.OrderBy(m => m.Id)
            .Select(m => $"{m.Id}|{m.PersonId}|{m.CommitteeId}|{m.PostId}|{m.AgencyId}|{m.StartDate}|{m.EndDate}|{m.AppointingDocumentId}|{m.EndingDocumentId}").ToListAsync();
        var meetings = await db.Meetings.OrderBy(m => m.Id)
            .Select(m => $"{m.Id}|{m.CommitteeId}|{m.Kind}|{m.Period}|{m.Date}|{m.ChairPersonId}|{m.Conclusions}").ToListAsync();
        var invitees = await db.MeetingInvitees.OrderBy(i => i.Id)
            .Select(i => $"{i.Id}|{i.MeetingId}|{i.PersonId}|{i.Attendance}|{i.AbsenceReason}").ToListAsync();
        var items = await db.WorkItems.Where(w => w.CreatedBy == "generated").OrderBy(w => w.Id)
            .Select(w => $"{w.Id}|{w.CommitteeId}|{w.ParentId}|{w.Title}|{w.LeadAgencyId}|{w.DueDate}|{w.Status}|{w.Percent}|{w.CompletedOn}|{w.MeetingId}|{w.SourceDocumentId}").ToListAsync();
        var updates = await db.WorkItemUpdates.Where(u => u.By == "generated").OrderBy(u => u.Id)
            .Select(u => $"{u.Id}|{u.WorkItemId}|{u.Kind}|{u.On}|{u.Percent}|{u.NewDueDate}").ToListAsync();
        var submissions = await db.Submissions.OrderBy(s => s.Id)
            .Select(s => $"{s.Id}|{s.RequestId}|{s.CommitteeId}|{s.Status}|{s.FirstSubmittedAt}|{s.AcceptedVersionId}").ToListAsync();
        var values = await db.SubmissionValues.OrderBy(v => v.SubmissionVersionId).ThenBy(v => v.IndicatorId)
            .Select(v => $"{v.SubmissionVersionId}|{v.IndicatorId}|{v.Number}|{v.Text}").ToListAsync();
        return new(agencies, committees, users, documents, people, memberships, meetings, invitees, items, updates, submissions, values);
    }
}
