using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Meetings;
using SteerCo.Members;
using SteerCo.Reporting;
using SteerCo.Tests.Documents.Files;
using SteerCo.Tests.Reporting;
using SteerCo.Tests.Support;
using SteerCo.Web.Auth;
using SteerCo.WorkItems;

namespace SteerCo.Tests.Access;

public enum Caller
{
    Anonymous,
    Administrator,
    Secretariat,
    Leader,
    Member,
    Viewer,
}

/// <summary>Which committee (or that committee's agency, unit, user) a request is about, seen from the province-48 committee.</summary>
public enum Target
{
    Own,
    Child,
    Other,
}

/// <summary>
/// The app with one user per role: the administrator, and a secretariat, leader, member (for an
/// agency of unit 48) and viewer of the province-48 committee, each with an API token.
/// </summary>
public sealed class AuthorizationMatrixFixture : IAsyncLifetime
{
    public SteerCoApp App { get; } = new();

    public Dictionary<Caller, HttpClient> Clients { get; } = [];

    public Dictionary<Target, TestUser> Users { get; } = [];

    /// <summary>A document in the target's register (visible to its committee only), with one file.</summary>
    public Dictionary<Target, (int DocumentId, int FileId)> Documents { get; } = [];

    /// <summary>A number reserved in the target's committee.</summary>
    public Dictionary<Target, int> Numbers { get; } = [];

    /// <summary>A person of the target's unit, sitting on the target's committee (<see cref="Memberships"/>).</summary>
    public Dictionary<Target, int> People { get; } = [];

    public Dictionary<Target, int> Memberships { get; } = [];

    /// <summary>A reconstitution draft of the target's committee, without a decision (so that no call can apply it).</summary>
    public Dictionary<Target, int> Drafts { get; } = [];

    /// <summary>A report template of the target's committee.</summary>
    public Dictionary<Target, int> Templates { get; } = [];

    /// <summary>A reporting regime of the target's committee, on its template.</summary>
    public Dictionary<Target, int> Regimes { get; } = [];

    /// <summary>A report request made by the target's committee (the commune's has no recipients).</summary>
    public Dictionary<Target, int> Requests { get; } = [];

    /// <summary>
    /// The target's submission to the committee above: the province's and the other province's to the
    /// central committee's request, the child commune's to the province's request.
    /// </summary>
    public Dictionary<Target, int> Submissions { get; } = [];
    /// <summary>A task of the target's committee, led by the target's agency (the member's, for <see cref="Target.Own"/>).</summary>
    public Dictionary<Target, int> WorkItems { get; } = [];

    public Dictionary<Target, int> WorkItemAttachments { get; } = [];

    public Dictionary<Target, int> SubmissionAttachments { get; } = [];

    /// <summary>A meeting of the target's committee, chaired by <see cref="People"/>, whose conclusion notice is issued.</summary>
    public Dictionary<Target, int> Meetings { get; } = [];

    /// <summary>A second document of the target's committee, which <see cref="Documents"/> cites.</summary>
    private Dictionary<Target, int> Cited { get; } = [];

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var h = App.Hierarchy;
        Clients[Caller.Anonymous] = App.AnonymousClient();
        Clients[Caller.Administrator] = await App.AsAdminAsync();
        var secretariat = await App.CreateUserAsync(Role.Secretariat, h.Danang.Id);
        var leader = await App.CreateUserAsync(Role.Leader, h.Danang.Id);
        Clients[Caller.Secretariat] = await App.TokenClientAsync(secretariat);
        Clients[Caller.Leader] = await App.TokenClientAsync(leader);
        Clients[Caller.Member] = await App.SignInAsync(Role.Member, h.Danang.Id, h.DanangAgency.Id);
        Clients[Caller.Viewer] = await App.SignInAsync(Role.Viewer, h.Danang.Id);
        Users[Target.Own] = secretariat;
        Users[Target.Child] = leader;
        Users[Target.Other] = await App.CreateUserAsync(Role.Viewer, h.Hue.Id);
        foreach (var (target, committee, agency) in new[] { (Target.Own, h.Danang, h.DanangAgency), (Target.Child, h.HaiChau, h.HaiChauAgency), (Target.Other, h.Hue, h.HueAgency) })
        {
            var documentId = await TestFiles.RegisterDocumentAsync(App, committee.Id);
            await using var scope = App.ServiceScope();
            var file = await scope.Get<SteerCo.Documents.Files.DocumentFiles>().AddAsync(scope.Actor, documentId, "Ảnh.png", new MemoryStream(TestFiles.Png()));
            Documents[target] = (documentId, file.Value!.Id);
            Cited[target] = (await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committee.Id, Document($"Quyết định {target}"))).Value!.Id;
            Numbers[target] = (await scope.Get<DocumentNumbering>().ReserveAsync(scope.Actor, committee.Id, "TB", new DateOnly(2026, 1, 5))).Value!.Id;
            People[target] = (await scope.Get<PeopleService>().CreateAsync(scope.Actor, new PersonInput($"Thành viên {target}", "Chuyên viên", agency.Id, null, null, null))).Value!.Person.Id;
            Memberships[target] = (await scope.Get<RosterService>().AddMembershipAsync(scope.Actor, committee.Id,
                new MembershipInput(People[target], StandardPosts.IdOf(StandardPosts.Member), null, new DateOnly(2025, 8, 1), null, null, null))).Value!.MembershipId;
            Drafts[target] = (await scope.Get<Reconstitutions>().StartAsync(scope.Actor, committee.Id, new DateOnly(2026, 1, 1))).Value!.Id;
            var item = (await scope.Get<WorkItemService>().CreateAsync(scope.Actor, committee.Id,
                new WorkItemInput($"Nhiệm vụ {target}", null, agency.Id, null, new DateOnly(2026, 3, 31), false))).Value!;
            WorkItems[target] = item.Id;
            var reported = await scope.Get<WorkItemService>().ReportAsync(scope.Actor, item.Id,
                new(new DateOnly(2026, 1, 5), "Đã triển khai", 10, [new("Ảnh.png", new MemoryStream(TestFiles.Png()))]), item.Version);
            WorkItemAttachments[target] = reported.Value!.Updates.Single().Files.Single().Id;
            var meetings = scope.Get<MeetingService>();
            var meeting = (await meetings.ScheduleAsync(scope.Actor, committee.Id,
                new MeetingInput(MeetingKind.QuarterlyBriefing, "Quý I/2026", new DateOnly(2026, 1, 10), null, "Hội trường", People[target]))).Value!;
            await meetings.AddAssignmentAsync(scope.Actor, meeting.Id, new AssignmentInput("báo cáo", agency.Id, null, new DateOnly(2026, 2, 1), false, false));
            Meetings[target] = (await meetings.IssueNoticeAsync(scope.Actor, meeting.Id, new NoticeInput(new DateOnly(2026, 1, 12), "Người ký", null), meeting.Version)).Value!.Id;
            Templates[target] = (await scope.Get<ReportTemplates>().CreateAsync(scope.Actor, committee.Id, ReportingData.Template())).Value!.Id;
            Regimes[target] = (await scope.Get<ReportTemplates>().CreateRegimeAsync(scope.Actor, committee.Id,
                new RegimeInput("Báo cáo quý", Templates[target], ReportKind.Periodic, PeriodKind.Quarter, null, null, null))).Value!.Id;
        }
        await using (var scope = App.ServiceScope())
        {
            var requests = scope.Get<ReportRequests>();
            var central = (await requests.CreateAsync(scope.Actor, h.Central.Id, new RequestInput(null,
                (await scope.Get<ReportTemplates>().CreateAsync(scope.Actor, h.Central.Id, ReportingData.Template())).Value!.Id,
                null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 1, null, null))).Value!;
            var province = (await requests.CreateAsync(scope.Actor, h.Danang.Id, Quarter(Templates[Target.Own]))).Value!;
            Requests[Target.Own] = province.Id;
            Requests[Target.Other] = (await requests.CreateAsync(scope.Actor, h.Hue.Id, Quarter(Templates[Target.Other]))).Value!.Id;
            // A commune has no committee below to ask: its request is written as is, without recipients.
            var communeVersion = await scope.Db.ReportTemplates.Where(t => t.Id == Templates[Target.Child]).Select(t => t.CurrentVersionId!.Value).SingleAsync();
            var communeRequest = new ReportRequest { CommitteeId = h.HaiChau.Id, TemplateVersionId = communeVersion, Title = "Báo cáo xã", PeriodKind = PeriodKind.Quarter, PeriodYear = 2026, PeriodNumber = 1, CreatedBy = "system" };
            scope.Db.ReportRequests.Add(communeRequest);
            await scope.Db.SaveChangesAsync();
            Requests[Target.Child] = communeRequest.Id;
            Submissions[Target.Own] = central.Submissions.Single(x => x.CommitteeId == h.Danang.Id).Id;
            Submissions[Target.Child] = province.Submissions.Single(x => x.CommitteeId == h.HaiChau.Id).Id;
            Submissions[Target.Other] = central.Submissions.Single(x => x.CommitteeId == h.Hue.Id).Id;
            // A file on each submission; the child's is submitted, so that the province's every role reads it.
            var submissions = scope.Get<Submissions>();
            foreach (var (target, id) in Submissions)
            {
                var draft = (await submissions.GetAsync(scope.Actor, id)).Value!;
                var attached = (await submissions.AttachAsync(scope.Actor, id, [new("Ảnh.png", new MemoryStream(TestFiles.Png()))], draft.Version)).Value!;
                SubmissionAttachments[target] = attached.Attachments.Single().Id;
                if (target == Target.Child)
                {
                    var figures = new Dictionary<string, string?> { ["HO"] = "1", ["HO_CAN"] = "1", ["NHATRU"] = "1", ["KEHOACH"] = "Có" };
                    (await submissions.SaveAndSubmitAsync(scope.Actor, id, new SubmissionInput(figures, null), attached.Version)).IsOk.ShouldBeTrue();
                }
            }
        }
    }

    private static RequestInput Quarter(int templateId) => new(null, templateId, null, ReportKind.Periodic, PeriodKind.Quarter, 2026, 1, null, null);

    private static DocumentInput Document(string subject) => new(
        DocumentDirection.Outgoing, "KH", null, true, null, new DateOnly(2026, 1, 5), null, IssuerKind.Committee, null, null, null,
        subject, null, SigningAuthority.None, null, null, null, DocumentVisibility.Committee);

    /// <summary>
    /// The relation a DELETE of {relationId} removes, made again when an allowed caller removed it:
    /// each caller must find one to be told yes or no about.
    /// </summary>
    public async Task<int> RelationAsync(Target target)
    {
        await using var scope = App.ServiceScope();
        var documentId = Documents[target].DocumentId;
        var existing = await scope.Db.DocumentRelations.Where(r => r.DocumentId == documentId).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (existing is { } id)
        {
            return id;
        }
        var detail = await scope.Get<DocumentRegister>().RelateAsync(scope.Actor, documentId, Cited[target], RelationKind.Cites);
        return detail.Value!.Relations.Single(r => r.Outgoing).Id;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Every /api endpoint the app maps, called by every role on its own committee, a child committee
/// and another province's committee. The expected answer comes from the table below, written from
/// the access rules in words, not from Scope.cs, so a mistake in either shows up here.
/// </summary>
public sealed partial class AuthorizationMatrix(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    private SteerCoApp App => fixture.App;

    private sealed record ApiEndpoint(string Method, string Route, AccessKind? Kind);

    private IReadOnlyList<ApiEndpoint> ApiEndpoints() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Route: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .Where(e => e.Route.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            // The catch-all for unknown /api paths answers 404 to everyone signed in (ProblemDetails tests it).
            .Where(e => !e.Route.Contains("{**", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST", "PUT", "DELETE", "PATCH"])
                .Select(method => new ApiEndpoint(method, e.Route, e.Endpoint.Metadata.GetMetadata<EndpointAccess>()?.Kind)))
            .OrderBy(e => e.Route).ThenBy(e => e.Method)];

    /// <summary>The rules, as the product describes them.</summary>
    private static bool Expected(AccessKind kind, Caller caller, Target target) => kind switch
    {
        AccessKind.Anonymous => true,
        AccessKind.SignedIn => caller != Caller.Anonymous,
        AccessKind.Administrator => caller == Caller.Administrator,
        // Documents follow their committee; the matrix's documents are not shared with the subtree.
        AccessKind.CommitteeRead or AccessKind.DocumentRead => caller switch
        {
            Caller.Administrator => true,
            Caller.Secretariat or Caller.Leader => target is Target.Own or Target.Child,
            Caller.Member or Caller.Viewer => target == Target.Own,
            _ => false,
        },
        AccessKind.CommitteeManage or AccessKind.CommitteeCreate or AccessKind.DocumentManage => caller == Caller.Administrator || (caller == Caller.Secretariat && target == Target.Own),
        AccessKind.AgencyManage or AccessKind.AgencyCreate => caller == Caller.Administrator || (caller == Caller.Secretariat && target == Target.Own),
        AccessKind.PersonRead => Expected(AccessKind.CommitteeRead, caller, target),
        AccessKind.PersonManage or AccessKind.PersonCreate => caller == Caller.Administrator || (caller == Caller.Secretariat && target == Target.Own),
        AccessKind.DocumentCreate or AccessKind.NumberManage =>
            caller == Caller.Administrator || (caller == Caller.Secretariat && target == Target.Own),
        AccessKind.ReportRequestRead => Expected(AccessKind.CommitteeRead, caller, target),
        // A submission is read below (its committee) and above (the committee that asked): the child
        // commune's report to the province is read by every role of the province.
        AccessKind.SubmissionRead => caller == Caller.Administrator || (caller != Caller.Anonymous && target is Target.Own or Target.Child),
        AccessKind.SubmissionManage => caller == Caller.Administrator || (caller == Caller.Secretariat && target == Target.Own),
        AccessKind.SubmissionReview => caller == Caller.Administrator || (caller == Caller.Secretariat && target == Target.Child),
        AccessKind.WorkItemRead or AccessKind.MeetingRead => Expected(AccessKind.CommitteeRead, caller, target),
        AccessKind.WorkItemCreate or AccessKind.WorkItemManage or AccessKind.MeetingManage =>
            caller == Caller.Administrator || (caller == Caller.Secretariat && target == Target.Own),
        // The member sits for the agency that leads its own committee's task, and for no other.
        AccessKind.WorkItemReport => caller == Caller.Administrator || (caller is Caller.Secretariat or Caller.Member && target == Target.Own),
        _ => throw new InvalidOperationException($"The matrix has no rule for {kind}: add one."),
    };

    private int CommitteeId(Target target) => target switch
    {
        Target.Own => App.Hierarchy.Danang.Id,
        Target.Child => App.Hierarchy.HaiChau.Id,
        _ => App.Hierarchy.Hue.Id,
    };

    private int AgencyId(Target target) => target switch
    {
        Target.Own => App.Hierarchy.DanangAgency.Id,
        Target.Child => App.Hierarchy.HaiChauAgency.Id,
        _ => App.Hierarchy.HueAgency.Id,
    };

    private int UnitId(Target target) => target switch
    {
        Target.Own => App.Hierarchy.DanangUnit.Id,
        Target.Child => App.Hierarchy.HaiChauUnit.Id,
        _ => App.Hierarchy.HueUnit.Id,
    };

    /// <summary>Fills {id} with the target of the resource the route is about.</summary>
    private async Task<string> PathAsync(ApiEndpoint endpoint, Target target)
    {
        var relationId = endpoint.Route.Contains("{relationId", StringComparison.Ordinal) ? await fixture.RelationAsync(target) : 0;
        return Path(endpoint, target, relationId);
    }

    private string Path(ApiEndpoint endpoint, Target target, int relationId)
    {
        var resource = endpoint.Route.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2);
        return RouteParameter().Replace(endpoint.Route, match => match.Groups["name"].Value switch
        {
            "id" => resource switch
            {
                "committees" => CommitteeId(target).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "agencies" => AgencyId(target).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "units" => UnitId(target).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "users" => fixture.Users[target].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "documents" => fixture.Documents[target].DocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "numbers" => fixture.Numbers[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
                "people" => fixture.People[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
                "report-requests" => fixture.Requests[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
                "submissions" => fixture.Submissions[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
                "work-items" => fixture.WorkItems[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
                "meetings" => fixture.Meetings[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"The matrix does not know what {{id}} is in {endpoint.Route}: teach Path()."),
            },
            "relationId" => relationId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "fileId" => fixture.Documents[target].FileId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "attachmentId" => (resource == "work-items" ? fixture.WorkItemAttachments : fixture.SubmissionAttachments)[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "templateId" => fixture.Templates[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "regimeId" => fixture.Regimes[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "draftId" => fixture.Drafts[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "membershipId" => fixture.Memberships[target].ToString(System.Globalization.CultureInfo.InvariantCulture),
            // An agenda change without its version is answered from the meeting alone (the scope, the right), before the item is looked up.
            "itemId" => "1",
            // A generated document's format: DOCX needs no converter.
            "format" => "docx",
            var name => throw new InvalidOperationException($"The matrix does not know how to fill {{{name}}} in {endpoint.Route}: teach Path()."),
        });
    }

    /// <summary>{} everywhere (so that nothing is written), except where the body names the resource to check.</summary>
    private string Body(ApiEndpoint endpoint, Target target) => endpoint.Kind switch
    {
        AccessKind.CommitteeCreate => $$"""{"parentId": {{CommitteeId(target)}}}""",
        AccessKind.AgencyCreate => $$"""{"unitId": {{UnitId(target)}}}""",
        AccessKind.DocumentCreate or AccessKind.WorkItemCreate => $$"""{"committeeId": {{CommitteeId(target)}}}""",
        AccessKind.PersonCreate => $$"""{"agencyId": {{AgencyId(target)}}}""",
        _ => "{}",
    };

    [Fact]
    public void Every_api_endpoint_declares_who_may_call_it()
    {
        var endpoints = ApiEndpoints();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(17, "the endpoint list looks incomplete");
        var undeclared = endpoints.Where(e => e.Kind is null).Select(e => $"{e.Method} {e.Route}").ToList();
        undeclared.ShouldBeEmpty($"every /api endpoint needs .Access(AccessKind...) so that the matrix can check it; missing on: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public async Task Every_role_reaches_exactly_what_the_rules_allow_on_every_endpoint()
    {
        var endpoints = ApiEndpoints();
        endpoints.Where(e => e.Kind is null).Select(e => $"{e.Method} {e.Route}").ShouldBeEmpty("every /api endpoint needs EndpointAccess metadata");
        var auditEntriesBefore = await CountAuditEntriesAsync();

        var mismatches = new List<string>();
        var calls = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                foreach (var target in Enum.GetValues<Target>())
                {
                    var path = await PathAsync(endpoint, target);
                    using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
                    if (endpoint.Method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = new StringContent(Body(endpoint, target), Encoding.UTF8, "application/json");
                    }
                    var allowed = Expected(endpoint.Kind!.Value, caller, target);
                    calls++;
                    HttpResponseMessage response;
                    try
                    {
                        response = await fixture.Clients[caller].SendAsync(request);
                    }
                    catch (Exception ex) when (ex is not ShouldAssertException)
                    {
                        // The test host rethrows what the app's exception handler could not handle: a 500 to a real client.
                        mismatches.Add($"| {endpoint.Method,-4} {path,-40} | {endpoint.Kind,-15} | {caller,-13} | {target,-5} | {(allowed ? "allow" : "deny"),-5} | threw {Shorten(ex.GetBaseException().Message)}");
                        continue;
                    }
                    using var _ = response;
                    var status = (int)response.StatusCode;
                    var ok = allowed
                        ? status is not (401 or 403 or 404) && status < 500
                        : caller == Caller.Anonymous ? status == 401 : status is 403 or 404;
                    if (!ok)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        mismatches.Add($"| {endpoint.Method,-4} {path,-40} | {endpoint.Kind,-15} | {caller,-13} | {target,-5} | {(allowed ? "allow" : "deny"),-5} | {status} {Shorten(body)}");
                    }
                }
            }
        }

        calls.ShouldBeGreaterThan(0);
        (await CountAuditEntriesAsync()).ShouldBe(auditEntriesBefore, "a request in the matrix wrote to the database");
        if (mismatches.Count > 0)
        {
            var header = "| request                                       | access          | caller        | target| want  | got\n";
            throw new ShouldAssertException($"{mismatches.Count} of {calls} calls broke the access rules:\n{header}{string.Join("\n", mismatches)}");
        }
    }

    [Fact]
    public async Task A_commune_secretariat_lists_only_its_own_committee()
    {
        var h = App.Hierarchy;
        var client = await App.SignInAsync(Role.Secretariat, h.HaiChau.Id);

        var page = await client.GetJsonAsync<SteerCo.Data.Paged<CommitteeSummary>>("/api/v1/committees?pageSize=200");

        page.Items.Select(c => c.Id).ShouldBe([h.HaiChau.Id]);
        page.Total.ShouldBe(1);
    }

    [Fact]
    public async Task A_province_secretariat_lists_its_committee_and_the_communes_below_but_not_other_provinces()
    {
        var h = App.Hierarchy;

        var page = await fixture.Clients[Caller.Secretariat].GetJsonAsync<SteerCo.Data.Paged<CommitteeSummary>>("/api/v1/committees?pageSize=200");

        page.Items.Select(c => c.Id).ShouldBe([h.Danang.Id, h.HaiChau.Id], ignoreOrder: true);
        page.Items.Select(c => c.Id).ShouldNotContain(h.Hue.Id);
        page.Items.Select(c => c.Id).ShouldNotContain(h.VyDa.Id);
        page.Items.Select(c => c.Id).ShouldNotContain(h.Central.Id);
    }

    [Fact]
    public async Task Searching_or_filtering_does_not_widen_the_scope()
    {
        var h = App.Hierarchy;
        var client = fixture.Clients[Caller.Secretariat];

        var underOther = await client.GetJsonAsync<SteerCo.Data.Paged<CommitteeSummary>>($"/api/v1/committees?under={h.Hue.Id}");
        var byName = await client.GetJsonAsync<SteerCo.Data.Paged<CommitteeSummary>>("/api/v1/committees?q=hue&includeDissolved=true");
        var children = await client.GetAsync($"/api/v1/committees/{h.Central.Id}/children");

        underOther.Items.ShouldBeEmpty();
        byName.Items.ShouldBeEmpty();
        children.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<int> CountAuditEntriesAsync()
    {
        await using var scope = App.ServiceScope();
        // Removing a relation is the one call that writes when allowed; the matrix puts the relation back (RelationAsync).
        return await scope.Db.AuditEntries.CountAsync(e => e.Entity != nameof(DocumentRelation));
    }

    private static string Shorten(string body) => body.Length <= 160 ? body : body[..160] + "…";

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
