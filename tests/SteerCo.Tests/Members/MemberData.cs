using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Members;

/// <summary>Builders for members tests: a committee of its own per test, people, decisions, memberships.</summary>
public static class MemberData
{
    public static readonly int Chair = StandardPosts.IdOf(StandardPosts.Chair);
    public static readonly int StandingDeputy = StandardPosts.IdOf(StandardPosts.StandingDeputy);
    public static readonly int Deputy = StandardPosts.IdOf(StandardPosts.Deputy);
    public static readonly int Member = StandardPosts.IdOf(StandardPosts.Member);
    public static readonly int Secretary = StandardPosts.IdOf(StandardPosts.Secretary);

    /// <summary>A fresh committee under Đà Nẵng's (in unit 48), so tests do not share a roster.</summary>
    public static async Task<Committee> CommitteeAsync(SteerCoApp app, string name, Committee? parent = null, SteerCo.Units.AdministrativeUnit? unit = null)
    {
        await using var scope = app.ServiceScope();
        return await TestData.AddCommitteeAsync(scope.Db, unit ?? app.Hierarchy.DanangUnit, parent ?? app.Hierarchy.Danang, name);
    }

    public static async Task<int> PersonAsync(SteerCoApp app, string fullName, Agency? agency = null, string jobTitle = "Phó Giám đốc Sở")
    {
        await using var scope = app.ServiceScope();
        var created = await scope.Get<PeopleService>().CreateAsync(scope.Actor, new PersonInput(fullName, jobTitle, (agency ?? app.Hierarchy.DanangAgency).Id, null, null, null));
        created.IsOk.ShouldBeTrue(string.Join("; ", created.Problems.Select(p => p.Message)));
        return created.Value!.Person.Id;
    }

    /// <summary>An outgoing QĐ in the committee's register, numbered by the register.</summary>
    public static async Task<int> DecisionAsync(SteerCoApp app, int committeeId, DateOnly issuedOn, string subject = "Về việc kiện toàn Ban Chỉ đạo")
    {
        await using var scope = app.ServiceScope();
        var registered = await scope.Get<DocumentRegister>().RegisterAsync(scope.Actor, committeeId, new DocumentInput(
            DocumentDirection.Outgoing, "QĐ", null, true, null, issuedOn, null, IssuerKind.Committee, null, null, null,
            subject, null, SigningAuthority.None, null, null, null, DocumentVisibility.Committee));
        registered.IsOk.ShouldBeTrue(string.Join("; ", registered.Problems.Select(p => p.Message)));
        return registered.Value!.Id;
    }

    public static async Task<Result<RosterEntry>> AddAsync(SteerCoApp app, int committeeId, int personId, int postId, DateOnly start, DateOnly? end = null, int? decisionId = null, Actor? actor = null)
    {
        await using var scope = app.ServiceScope(actor);
        return await scope.Get<RosterService>().AddMembershipAsync(scope.Actor, committeeId, new MembershipInput(personId, postId, null, start, end, decisionId, null));
    }

    public static async Task<RosterEntry> AddOkAsync(SteerCoApp app, int committeeId, int personId, int postId, DateOnly start, DateOnly? end = null, int? decisionId = null)
    {
        var added = await AddAsync(app, committeeId, personId, postId, start, end, decisionId);
        added.IsOk.ShouldBeTrue(string.Join("; ", added.Problems.Select(p => p.Message)));
        return added.Value!;
    }

    public static async Task<Roster> RosterAsync(SteerCoApp app, int committeeId, DateOnly on)
    {
        await using var scope = app.ServiceScope();
        return (await scope.Get<RosterService>().RosterAsync(scope.Actor, committeeId, on)).Value!;
    }

    public static Actor Secretariat(Committee committee) => new(null, "thuky.test", Role.Secretariat, committee.Id, committee.Path, null);

    public static Actor Leader(Committee committee) => new(null, "lanhdao.test", Role.Leader, committee.Id, committee.Path, null);

    public static DraftInput Input(ReconstitutionView draft, IEnumerable<DraftLineInput>? lines = null, int? decisionId = null, DateOnly? effectiveOn = null) =>
        new(effectiveOn ?? draft.EffectiveOn, decisionId ?? draft.DecisionDocumentId,
            [.. lines ?? draft.Lines.Select(l => new DraftLineInput(l.PersonId, l.PostId, l.AgencyId))]);
}
