using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Office;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Units;

namespace SteerCo.Members;

public sealed record DraftLineInput(int PersonId, int PostId, int? AgencyId);

/// <summary>The whole draft as the clerk leaves it: effective day, decision, and the complete new roster.</summary>
public sealed record DraftInput(DateOnly? EffectiveOn, int? DecisionDocumentId, IReadOnlyList<DraftLineInput>? Lines);

public sealed record DraftLineView(int Id, int PersonId, string FullName, string JobTitle, int PostId, string PostName, int PostOrder, int AgencyId, string AgencyName);

/// <summary>What the draft changes against the roster it was built on.</summary>
public sealed record RosterChange(ChangeKind Kind, int PersonId, string FullName, string? PostName, string? PreviousPostName, string? AgencyName, string? PreviousAgencyName);

public sealed record ReconstitutionSummary(int Id, DateOnly EffectiveOn, ReconstitutionStatus Status, string? DecisionSymbol, DateTimeOffset CreatedAt, string CreatedBy, int Version);

/// <summary>
/// A reconstitution with its new roster (in roster order) and the difference from the current one.
/// <see cref="IsStale"/>: the roster changed since the draft was made, so it can no longer be applied.
/// </summary>
public sealed record ReconstitutionView(
    int Id, int CommitteeId, string CommitteeName, DateOnly EffectiveOn, ReconstitutionStatus Status,
    int? DecisionDocumentId, string? DecisionSymbol, DateOnly? DecisionIssuedOn, bool IsStale,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? AppliedAt, string? AppliedBy, int Version, bool CanManage,
    IReadOnlyList<DraftLineView> Lines, IReadOnlyList<RosterChange> Changes);

/// <summary>The decision created in the register for a draft: an outgoing QĐ numbered by the register.</summary>
public sealed record DecisionInput(DateOnly? IssuedOn, string? Subject, string? SignerName, string? SignerTitle, SigningAuthority SigningAuthority);

/// <summary>One member in the decision's annex [DANH SÁCH THÀNH VIÊN].</summary>
public sealed record DecisionMember(int Number, string PostName, string FullName, string JobTitle, string AgencyName);

/// <summary>
/// Everything the decision on reconstitution prints ("QUYẾT ĐỊNH Về việc kiện toàn ..." and its
/// annex): the hook the DOCX generator takes (see src/SteerCo/Office).
/// </summary>
public sealed record ReconstitutionDecisionModel(
    int ReconstitutionId, int CommitteeId, string CommitteeName, string CommitteeAbbreviation, DocumentSystem DocumentSystem, string? CurrentTerm,
    string UnitName, DateOnly EffectiveOn, int? DecisionDocumentId, string? DecisionSymbol, DateOnly? DecisionIssuedOn, string? DecisionSubject,
    string? SignerName, string? SignerTitle, SigningAuthority SigningAuthority, IReadOnlyList<DecisionMember> Members)
{
    public UnitLevel UnitLevel { get; init; }

    /// <summary>tinh, thanh_pho, xa, phuong, dac_khu: what the unit's name starts with.</summary>
    public string? UnitKind { get; init; }

    public string? StandingAgencyName { get; init; }
    public string? ParentCommitteeName { get; init; }

    /// <summary>The decision of the last reconstitution applied before this one, which this one replaces.</summary>
    public string? PreviousDecisionSymbol { get; init; }

    public DateOnly? PreviousDecisionIssuedOn { get; init; }
}

/// <summary>
/// Reconstitutions [kiện toàn]: drafted from the current roster, changed, compared, given a
/// decision, and applied in one transaction on the effective day: memberships of those who
/// leave (or change post or agency) end the day before it, the new ones start on it.
/// </summary>
public sealed class Reconstitutions(SteerCoDbContext db, RosterService roster, DocumentRegister register, TimeProvider clock)
{
    public const int MaxLines = 500;

    public async Task<Result<IReadOnlyList<ReconstitutionSummary>>> ListAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default)
    {
        if (await roster.ReadableAsync(actor, committeeId, cancellationToken) is null)
        {
            return Result<IReadOnlyList<ReconstitutionSummary>>.NotFound();
        }
        return await db.Reconstitutions.AsNoTracking().Where(r => r.CommitteeId == committeeId).OrderByDescending(r => r.Id)
            .Select(r => new ReconstitutionSummary(r.Id, r.EffectiveOn, r.Status, r.DecisionDocument != null ? r.DecisionDocument.Symbol : null, r.CreatedAt, r.CreatedBy, r.Version))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A new draft holding the current roster (the memberships not ended), to be changed.</summary>
    public async Task<Result<ReconstitutionView>> StartAsync(Actor actor, int committeeId, DateOnly? effectiveOn, CancellationToken cancellationToken = default)
    {
        var committee = await roster.ReadableAsync(actor, committeeId, cancellationToken);
        if (committee is null)
        {
            return Result<ReconstitutionView>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<ReconstitutionView>.Forbidden();
        }
        if (effectiveOn is not { } day)
        {
            return Result<ReconstitutionView>.Invalid(nameof(DraftInput.EffectiveOn), Messages.Get("EffectiveOnRequired"));
        }
        if (PlausibleDates.Check(day, clock.Today(), nameof(DraftInput.EffectiveOn), Messages.Get("FieldEffectiveOn")) is { } outOfSpan)
        {
            return Result<ReconstitutionView>.Invalid([outOfSpan]);
        }
        var current = await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == committeeId && m.EndDate == null)
            .Select(m => new { m.PersonId, m.PostId, m.AgencyId }).ToListAsync(cancellationToken);
        var draft = new Reconstitution
        {
            CommitteeId = committeeId,
            EffectiveOn = day,
            BaseFingerprint = await roster.FingerprintAsync(committeeId, cancellationToken),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserName,
            Lines = [.. current.DistinctBy(m => m.PersonId).Select(m => new ReconstitutionLine { PersonId = m.PersonId, PostId = m.PostId, AgencyId = m.AgencyId })],
        };
        db.Reconstitutions.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(actor, committeeId, draft.Id, cancellationToken);
    }

    public async Task<Result<ReconstitutionView>> GetAsync(Actor actor, int committeeId, int id, CancellationToken cancellationToken = default)
    {
        var committee = await roster.ReadableAsync(actor, committeeId, cancellationToken);
        var draft = committee is null ? null : await db.Reconstitutions.AsNoTracking().Include(r => r.DecisionDocument)
            .FirstOrDefaultAsync(r => r.Id == id && r.CommitteeId == committeeId, cancellationToken);
        if (committee is null || draft is null)
        {
            return Result<ReconstitutionView>.NotFound();
        }
        var lines = await LinesAsync(id, cancellationToken);
        var changes = new List<RosterChange>();
        if (draft.Status == ReconstitutionStatus.Draft)
        {
            var current = await RosterService.Entries(db.Memberships.AsNoTracking().Where(m => m.CommitteeId == committeeId && m.EndDate == null), db.Documents).ToListAsync(cancellationToken);
            changes = Compare(current, lines);
        }
        else if (draft.Status == ReconstitutionStatus.Applied)
        {
            // Once applied, the difference is what it did: the memberships it ended and started.
            var ended = await RosterService.Entries(db.Memberships.AsNoTracking().Where(m => m.EndedByReconstitutionId == id), db.Documents).ToListAsync(cancellationToken);
            var kept = await RosterService.Entries(db.Memberships.AsNoTracking().Where(m => m.CommitteeId == committeeId
                && m.StartDate < draft.EffectiveOn && (m.EndDate == null || m.EndDate >= draft.EffectiveOn)), db.Documents).ToListAsync(cancellationToken);
            changes = Compare([.. ended, .. kept], lines);
        }
        var stale = draft.Status == ReconstitutionStatus.Draft && await roster.FingerprintAsync(committeeId, cancellationToken) != draft.BaseFingerprint;
        return new ReconstitutionView(
            draft.Id, committeeId, committee.Name, draft.EffectiveOn, draft.Status, draft.DecisionDocumentId, draft.DecisionDocument?.Symbol,
            draft.DecisionDocument?.IssuedOn, stale, draft.CreatedAt, draft.CreatedBy, draft.AppliedAt, draft.AppliedBy, draft.Version,
            actor.CanManage(committee), lines, changes);
    }

    /// <summary>Replaces the draft's effective day, decision and new roster, if nobody saved it meanwhile.</summary>
    public async Task<Result<ReconstitutionView>> UpdateAsync(Actor actor, int committeeId, int id, DraftInput input, int? version, CancellationToken cancellationToken = default)
    {
        var (draft, refusal) = await OpenDraftAsync(actor, committeeId, id, cancellationToken);
        if (draft is null)
        {
            return refusal!.As<ReconstitutionView>();
        }
        if (version is null)
        {
            return Result<ReconstitutionView>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        var problems = await CheckAsync(committeeId, input, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<ReconstitutionView>.Invalid(problems);
        }
        db.Entry(draft).Property(r => r.Version).OriginalValue = version.Value;
        draft.EffectiveOn = input.EffectiveOn!.Value;
        draft.DecisionDocumentId = input.DecisionDocumentId;
        var personAgencies = await PersonAgenciesAsync(input.Lines!, cancellationToken);
        var wanted = input.Lines!.Select(l => (l.PersonId, l.PostId, AgencyId: l.AgencyId ?? personAgencies[l.PersonId])).ToList();
        // Lines kept as they are stay the same rows; the audit log then shows only what changed.
        foreach (var line in draft.Lines.ToList())
        {
            if (wanted.FirstOrDefault(w => w.PersonId == line.PersonId) is { PersonId: > 0 } w)
            {
                line.PostId = w.PostId;
                line.AgencyId = w.AgencyId;
            }
            else
            {
                draft.Lines.Remove(line);
            }
        }
        foreach (var w in wanted.Where(w => draft.Lines.All(l => l.PersonId != w.PersonId)))
        {
            draft.Lines.Add(new ReconstitutionLine { PersonId = w.PersonId, PostId = w.PostId, AgencyId = w.AgencyId });
        }
        // The draft's own row changes with every save, so that its version guards the lines too.
        db.Entry(draft).Property(r => r.Version).IsModified = true;
        return await SaveAsync(actor, committeeId, id, cancellationToken);
    }

    /// <summary>Creates the decision in the committee's register (an outgoing QĐ, numbered by the register) and links it to the draft.</summary>
    public async Task<Result<ReconstitutionView>> CreateDecisionAsync(Actor actor, int committeeId, int id, DecisionInput input, int? version, CancellationToken cancellationToken = default)
    {
        var (draft, refusal) = await OpenDraftAsync(actor, committeeId, id, cancellationToken);
        if (draft is null)
        {
            return refusal!.As<ReconstitutionView>();
        }
        if (version is null)
        {
            return Result<ReconstitutionView>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (draft.Version != version)
        {
            return Result<ReconstitutionView>.Conflict();
        }
        if (input.IssuedOn is null)
        {
            return Result<ReconstitutionView>.Invalid(nameof(DecisionInput.IssuedOn), Messages.Get("IssuedOnRequired"));
        }
        var committeeName = await db.Committees.Where(c => c.Id == committeeId).Select(c => c.Name).SingleAsync(cancellationToken);
        var subject = VietnameseText.Clean(input.Subject) is { Length: > 0 } typed ? typed : Messages.Get("DecisionSubject", committeeName);
        db.Entry(draft).Property(r => r.Version).OriginalValue = version.Value;
        Result<DocumentDetail> registered;
        try
        {
            // The decision and the draft's link to it are saved together: a draft saved meanwhile
            // is a conflict, and then no number is issued either.
            registered = await register.RegisterAsync(actor, committeeId, new DocumentInput(
                DocumentDirection.Outgoing, "QĐ", null, true, null, input.IssuedOn, null, IssuerKind.Committee, null, null, null,
                subject, input.SignerName, input.SigningAuthority, input.SignerTitle, null, null, DocumentVisibility.Committee),
                document => draft.DecisionDocument = document, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ReconstitutionView>.Conflict();
        }
        if (!registered.IsOk)
        {
            return registered.As<ReconstitutionView>();
        }
        db.ChangeTracker.Clear();
        return await GetAsync(actor, committeeId, id, cancellationToken);
    }

    /// <summary>Sets a draft aside without applying it.</summary>
    public async Task<Result<ReconstitutionView>> DiscardAsync(Actor actor, int committeeId, int id, int? version, CancellationToken cancellationToken = default)
    {
        var (draft, refusal) = await OpenDraftAsync(actor, committeeId, id, cancellationToken);
        if (draft is null)
        {
            return refusal!.As<ReconstitutionView>();
        }
        if (version is null)
        {
            return Result<ReconstitutionView>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        db.Entry(draft).Property(r => r.Version).OriginalValue = version.Value;
        draft.Status = ReconstitutionStatus.Discarded;
        return await SaveAsync(actor, committeeId, id, cancellationToken);
    }

    /// <summary>
    /// Applies the draft in one transaction: every membership not ended whose person, post and
    /// agency are not on the new roster ends on the day before the effective day, with the decision
    /// as its ending decision; every line not already held starts on the effective day, with the
    /// decision as its appointing one. Refused as a conflict when the roster changed since the draft.
    /// </summary>
    public async Task<Result<ReconstitutionView>> ApplyAsync(Actor actor, int committeeId, int id, int? version, CancellationToken cancellationToken = default)
    {
        var (draft, refusal) = await OpenDraftAsync(actor, committeeId, id, cancellationToken);
        if (draft is null)
        {
            return refusal!.As<ReconstitutionView>();
        }
        if (version is null)
        {
            return Result<ReconstitutionView>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (draft.Version != version)
        {
            return Result<ReconstitutionView>.Conflict();
        }
        if (draft.DecisionDocumentId is null)
        {
            return Result<ReconstitutionView>.Invalid(nameof(DraftInput.DecisionDocumentId), Messages.Get("DecisionRequired"));
        }
        var effective = draft.EffectiveOn;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await roster.LockCommitteeAsync(committeeId, cancellationToken);
        if (await roster.FingerprintAsync(committeeId, cancellationToken) != draft.BaseFingerprint)
        {
            return new Result<ReconstitutionView>(Outcome.Conflict, null, [new("", Messages.Get("RosterChangedSinceDraft"))]);
        }
        var open = await db.Memberships.Include(m => m.Person).Where(m => m.CommitteeId == committeeId && m.EndDate == null).ToListAsync(cancellationToken);
        var kept = open.Where(m => draft.Lines.Any(l => l.PersonId == m.PersonId && l.PostId == m.PostId && l.AgencyId == m.AgencyId)).ToList();
        var ending = open.Except(kept).ToList();
        var starting = draft.Lines.Where(l => kept.All(m => m.PersonId != l.PersonId)).ToList();

        var problems = new List<Problem>();
        foreach (var m in ending.Where(m => m.StartDate >= effective))
        {
            problems.Add(new(nameof(DraftInput.EffectiveOn), Messages.Get("EffectiveNotAfterStart", m.Person!.FullName, m.StartDate.ToShort())));
        }
        var posts = await db.Posts.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var lineIds = draft.Lines.Select(l => l.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => lineIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var ignore = ending.Select(m => m.Id).ToList();
        foreach (var line in starting)
        {
            if (await roster.ClashAsync(committeeId, people[line.PersonId], posts[line.PostId], effective, null, ignore, cancellationToken) is { } clash)
            {
                problems.Add(clash);
            }
        }
        if (problems.Count > 0)
        {
            return Result<ReconstitutionView>.Invalid(problems);
        }

        foreach (var m in ending)
        {
            m.EndDate = effective.AddDays(-1);
            m.EndingDocumentId = draft.DecisionDocumentId;
            m.EndedByReconstitutionId = draft.Id;
        }
        foreach (var line in starting)
        {
            db.Memberships.Add(new Membership
            {
                PersonId = line.PersonId,
                CommitteeId = committeeId,
                PostId = line.PostId,
                AgencyId = line.AgencyId,
                JobTitle = people[line.PersonId].JobTitle,
                StartDate = effective,
                AppointingDocumentId = draft.DecisionDocumentId,
                StartedByReconstitutionId = draft.Id,
            });
        }
        // The decision prints the titles of the day it was applied, whatever the people's titles become.
        foreach (var line in draft.Lines)
        {
            line.JobTitle = people[line.PersonId].JobTitle;
        }
        db.Entry(draft).Property(r => r.Version).OriginalValue = version.Value;
        draft.Status = ReconstitutionStatus.Applied;
        draft.AppliedAt = clock.GetUtcNow();
        draft.AppliedBy = actor.UserName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ReconstitutionView>.Conflict();
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await GetAsync(actor, committeeId, id, cancellationToken);
    }

    /// <summary>What the decision on reconstitution prints: the committee, the decision and the new roster in roster order.</summary>
    public async Task<Result<ReconstitutionDecisionModel>> DecisionModelAsync(Actor actor, int committeeId, int id, CancellationToken cancellationToken = default)
    {
        var committee = await roster.ReadableAsync(actor, committeeId, cancellationToken);
        var draft = committee is null ? null : await db.Reconstitutions.AsNoTracking().Include(r => r.DecisionDocument)
            .FirstOrDefaultAsync(r => r.Id == id && r.CommitteeId == committeeId, cancellationToken);
        if (committee is null || draft is null)
        {
            return Result<ReconstitutionDecisionModel>.NotFound();
        }
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == committee.UnitId, cancellationToken);
        var standingAgency = await db.Agencies.Where(a => a.Id == committee.StandingAgencyId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        var parent = await db.Committees.Where(c => c.Id == committee.ParentId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        var previous = await db.Reconstitutions.AsNoTracking()
            .Where(r => r.CommitteeId == committeeId && r.Id != id && r.Status == ReconstitutionStatus.Applied && r.DecisionDocumentId != null && r.EffectiveOn <= draft.EffectiveOn)
            .OrderByDescending(r => r.EffectiveOn).ThenByDescending(r => r.Id)
            .Select(r => new { r.DecisionDocument!.Symbol, r.DecisionDocument.IssuedOn })
            .FirstOrDefaultAsync(cancellationToken);
        var lines = await LinesAsync(id, cancellationToken);
        var d = draft.DecisionDocument;
        return new ReconstitutionDecisionModel(
            draft.Id, committee.Id, committee.Name, committee.Abbreviation, committee.DocumentSystem, committee.CurrentTerm, unit.Name,
            draft.EffectiveOn, d?.Id, d?.Symbol, d?.IssuedOn, d?.Subject, d?.SignerName, d?.SignerTitle, d?.SigningAuthority ?? SigningAuthority.None,
            [.. lines.Select((l, i) => new DecisionMember(i + 1, l.PostName, l.FullName, l.JobTitle, l.AgencyName))])
        {
            UnitLevel = unit.Level,
            UnitKind = unit.Kind,
            StandingAgencyName = standingAgency,
            ParentCommitteeName = parent,
            PreviousDecisionSymbol = previous?.Symbol,
            PreviousDecisionIssuedOn = previous?.IssuedOn,
        };
    }

    /// <summary>
    /// The decision on reconstitution as the DOCX the clerk edits and signs: the draft's new roster
    /// as its annex, numbered as the register issued it (blank until then), in the committee's layout.
    /// </summary>
    public async Task<Result<GeneratedFile>> DecisionDocxAsync(Actor actor, int committeeId, int id, CancellationToken cancellationToken = default)
    {
        var model = await DecisionModelAsync(actor, committeeId, id, cancellationToken);
        if (!model.IsOk)
        {
            return model.As<GeneratedFile>();
        }
        var decision = ReconstitutionDecisionText.Compose(model.Value!);
        var name = $"QĐ kiện toàn {model.Value!.CommitteeAbbreviation} {model.Value.EffectiveOn:dd-MM-yyyy}";
        return GeneratedFile.Docx(name, ReconstitutionDecisionDocument.ToDocx(decision));
    }

    /// <summary>Saves the draft and shows it; a draft saved by someone else since its version was read is a conflict.</summary>
    private async Task<Result<ReconstitutionView>> SaveAsync(Actor actor, int committeeId, int id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ReconstitutionView>.Conflict();
        }
        return await GetAsync(actor, committeeId, id, cancellationToken);
    }

    internal static List<RosterChange> Compare(IReadOnlyList<RosterEntry> before, IReadOnlyList<DraftLineView> after)
    {
        var changes = new List<RosterChange>();
        foreach (var line in after)
        {
            var was = before.FirstOrDefault(m => m.PersonId == line.PersonId);
            changes.Add(was is null
                ? new(ChangeKind.Joined, line.PersonId, line.FullName, line.PostName, null, line.AgencyName, null)
                : was.PostId == line.PostId && was.AgencyId == line.AgencyId
                    ? new(ChangeKind.Unchanged, line.PersonId, line.FullName, line.PostName, was.PostName, line.AgencyName, was.AgencyName)
                    : new(ChangeKind.PostChanged, line.PersonId, line.FullName, line.PostName, was.PostName, line.AgencyName, was.AgencyName));
        }
        foreach (var was in RosterService.InRosterOrder(before.Where(m => after.All(l => l.PersonId != m.PersonId))).DistinctBy(m => m.PersonId))
        {
            changes.Add(new(ChangeKind.Left, was.PersonId, was.FullName, null, was.PostName, null, was.AgencyName));
        }
        return [.. changes.OrderBy(c => c.Kind)];
    }

    private async Task<IReadOnlyList<DraftLineView>> LinesAsync(int id, CancellationToken cancellationToken)
    {
        var lines = await db.ReconstitutionLines.AsNoTracking().Where(l => l.ReconstitutionId == id)
            .Select(l => new DraftLineView(l.Id, l.PersonId, l.Person!.FullName, l.JobTitle ?? l.Person.JobTitle, l.PostId, l.Post!.Name, l.Post.Order, l.AgencyId, l.Agency!.Name))
            .ToListAsync(cancellationToken);
        return [.. lines.OrderBy(l => l.PostOrder).ThenBy(l => l.PostId).ThenBy(l => RosterService.GivenName(l.FullName), StringComparer.Ordinal)
            .ThenBy(l => VietnameseText.Fold(l.FullName), StringComparer.Ordinal).ThenBy(l => l.Id)];
    }

    /// <summary>The draft, tracked with its lines, if the actor may change it and it is still a draft; otherwise why not.</summary>
    private async Task<(Reconstitution? Draft, Result<bool>? Refusal)> OpenDraftAsync(Actor actor, int committeeId, int id, CancellationToken cancellationToken)
    {
        var committee = await roster.ReadableAsync(actor, committeeId, cancellationToken);
        var draft = committee is null ? null : await db.Reconstitutions.Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == id && r.CommitteeId == committeeId, cancellationToken);
        if (committee is null || draft is null)
        {
            return (null, Result<bool>.NotFound());
        }
        if (!actor.CanManage(committee))
        {
            return (null, Result<bool>.Forbidden());
        }
        if (draft.Status != ReconstitutionStatus.Draft)
        {
            return (null, Result<bool>.Invalid("", Messages.Get("DraftNotOpen")));
        }
        return (draft, null);
    }

    private async Task<Dictionary<int, int>> PersonAgenciesAsync(IReadOnlyList<DraftLineInput> lines, CancellationToken cancellationToken)
    {
        var ids = lines.Select(l => l.PersonId).Distinct().ToList();
        return await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.AgencyId, cancellationToken);
    }

    private async Task<List<Problem>> CheckAsync(int committeeId, DraftInput input, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        if (input.EffectiveOn is null)
        {
            problems.Add(new(nameof(DraftInput.EffectiveOn), Messages.Get("EffectiveOnRequired")));
        }
        if (input.DecisionDocumentId is { } decision && !await roster.DecisionUsableAsync(committeeId, decision, cancellationToken))
        {
            problems.Add(new(nameof(DraftInput.DecisionDocumentId), Messages.Get("DecisionNotInRegister")));
        }
        if (input.Lines is not { } lines)
        {
            problems.Add(new(nameof(DraftInput.Lines), Messages.Get("DraftLinesRequired")));
            return problems;
        }
        if (lines.Count > MaxLines)
        {
            problems.Add(new(nameof(DraftInput.Lines), Messages.Get("DraftTooManyLines", MaxLines)));
            return problems;
        }
        var personIds = lines.Select(l => l.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        var posts = (await roster.PostsOfAsync(committeeId, cancellationToken)).ToDictionary(p => p.Id);
        var agencyIds = lines.Where(l => l.AgencyId is not null).Select(l => l.AgencyId!.Value).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var line in lines)
        {
            if (!people.ContainsKey(line.PersonId))
            {
                problems.Add(new(nameof(DraftInput.Lines), Messages.Get("PersonNotFound")));
            }
            if (!posts.ContainsKey(line.PostId))
            {
                problems.Add(new(nameof(DraftInput.Lines), Messages.Get("PostNotFound")));
            }
            if (line.AgencyId is { } agencyId && !agencies.Contains(agencyId))
            {
                problems.Add(new(nameof(DraftInput.Lines), Messages.Get("AgencyNotFound")));
            }
        }
        foreach (var twice in lines.GroupBy(l => l.PersonId).Where(g => g.Count() > 1 && people.ContainsKey(g.Key)))
        {
            problems.Add(new(nameof(DraftInput.Lines), Messages.Get("PersonTwiceInDraft", people[twice.Key])));
        }
        foreach (var crowded in lines.Where(l => posts.TryGetValue(l.PostId, out var p) && p.SingleHolder).GroupBy(l => l.PostId).Where(g => g.Count() > 1))
        {
            problems.Add(new(nameof(DraftInput.Lines), Messages.Get("PostTwiceInDraft", posts[crowded.Key].Name)));
        }
        return [.. problems.Distinct()];
    }
}
