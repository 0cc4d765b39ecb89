using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Agencies;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Units;

namespace SteerCo.Committees;

public sealed record CommitteeSummary(
    int Id, string Name, string Abbreviation, int UnitId, string UnitName, UnitLevel UnitLevel, int? ParentId,
    DocumentSystem DocumentSystem, DateOnly? DissolvedOn, int ChildCount);

public sealed record CommitteeDetail(
    int Id, string Name, string Abbreviation, int UnitId, string UnitName, string UnitCode, UnitLevel UnitLevel, DateOnly? UnitValidTo,
    int? ParentId, string? ParentName, int? StandingAgencyId, string? StandingAgencyName,
    DocumentSystem DocumentSystem, string? CurrentTerm, DateOnly? EstablishedOn, DateOnly? DissolvedOn, string Path, int Version);

public sealed record CommitteeInput(
    string Name, string Abbreviation, int UnitId, int? ParentId, int? StandingAgencyId,
    DocumentSystem DocumentSystem, string? CurrentTerm, DateOnly? EstablishedOn, DateOnly? DissolvedOn);

/// <summary>One step of the path from the top of the actor's view down to a committee.</summary>
public sealed record Breadcrumb(int Id, string Name);

public sealed record UnitOption(int Id, string Name, UnitLevel Level);

public sealed record CommitteeQuery(string? Search = null, int? UnderId = null, UnitLevel? Level = null, bool IncludeDissolved = false, string? Sort = null, int? UnitId = null);

public sealed class CommitteeService(SteerCoDbContext db)
{
    /// <summary>The committees at the top of what the actor sees: the roots for administrators, the actor's own committee otherwise.</summary>
    public async Task<IReadOnlyList<CommitteeSummary>> TopAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var committees = actor.IsAdministrator
            ? db.Committees.Where(c => c.ParentId == null)
            : db.Committees.Where(c => c.Id == actor.CommitteeId);
        return await Summaries(actor, committees.OrderBy(c => c.Name)).ToListAsync(cancellationToken);
    }

    public async Task<Result<IReadOnlyList<CommitteeSummary>>> ChildrenAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var parent = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (parent is null || !actor.CanRead(parent))
        {
            return Result<IReadOnlyList<CommitteeSummary>>.NotFound();
        }
        var children = await Summaries(actor, db.Committees.VisibleTo(actor).Where(c => c.ParentId == id)
            .OrderBy(c => c.Unit!.FoldedName).ThenBy(c => c.FoldedName)).ToListAsync(cancellationToken);
        return children;
    }

    public async Task<Paged<CommitteeSummary>> ListAsync(Actor actor, CommitteeQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var committees = db.Committees.VisibleTo(actor);
        if (query.UnderId is { } underId)
        {
            var path = await db.Committees.Where(c => c.Id == underId).Select(c => c.Path).FirstOrDefaultAsync(cancellationToken) ?? "#";
            committees = committees.InSubtree(path);
        }
        if (query.Level is { } level)
        {
            committees = committees.Where(c => c.Unit!.Level == level);
        }
        if (query.UnitId is { } unitId)
        {
            committees = committees.Where(c => c.UnitId == unitId);
        }
        if (!query.IncludeDissolved)
        {
            committees = committees.Where(c => c.DissolvedOn == null);
        }
        if (VietnameseText.Fold(query.Search) is { Length: > 0 } folded)
        {
            committees = committees.Where(c => c.FoldedName.Contains(folded) || c.Unit!.FoldedName.Contains(folded));
        }
        committees = query.Sort switch
        {
            "-name" => committees.OrderByDescending(c => c.FoldedName).ThenBy(c => c.Id),
            "unit" => committees.OrderBy(c => c.Unit!.FoldedName).ThenBy(c => c.Id),
            "-unit" => committees.OrderByDescending(c => c.Unit!.FoldedName).ThenBy(c => c.Id),
            _ => committees.OrderBy(c => c.FoldedName).ThenBy(c => c.Id),
        };
        return await Summaries(actor, committees).ToPagedAsync(page, cancellationToken);
    }

    public async Task<Result<CommitteeDetail>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        // Out of scope answers exactly as missing, so that ids outside the scope reveal nothing.
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<CommitteeDetail>.NotFound();
        }
        return await db.Committees.AsNoTracking().Where(c => c.Id == id).Select(c => new CommitteeDetail(
            c.Id, c.Name, c.Abbreviation, c.UnitId, c.Unit!.Name, c.Unit.Code, c.Unit.Level, c.Unit.ValidTo,
            c.ParentId, c.Parent != null ? c.Parent.Name : null, c.StandingAgencyId, c.StandingAgency != null ? c.StandingAgency.Name : null,
            c.DocumentSystem, c.CurrentTerm, c.EstablishedOn, c.DissolvedOn, c.Path, c.Version)).FirstAsync(cancellationToken);
    }

    /// <summary>From the top of the actor's view down to the committee (the committee included).</summary>
    public async Task<IReadOnlyList<Breadcrumb>> BreadcrumbsAsync(Actor actor, string path, CancellationToken cancellationToken = default)
    {
        var ids = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        var visible = await db.Committees.VisibleTo(actor).Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return [.. ids.Select(id => visible.FirstOrDefault(v => v.Id == id)).Where(v => v is not null).Select(v => new Breadcrumb(v!.Id, v.Name))];
    }

    public async Task<bool> CanManageAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return committee is not null && actor.CanManage(committee);
    }

    public async Task<Result<CommitteeDetail>> CreateAsync(Actor actor, CommitteeInput input, CancellationToken cancellationToken = default)
    {
        Committee? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Committees.FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken);
            // A parent outside the scope answers exactly as a missing one, and as reading it would: not found.
            if (parent is null || !actor.CanRead(parent))
            {
                return Result<CommitteeDetail>.NotFound();
            }
            if (!actor.CanManage(parent))
            {
                return Result<CommitteeDetail>.Forbidden();
            }
        }
        else if (!actor.IsAdministrator)
        {
            return Result<CommitteeDetail>.Forbidden();
        }
        var problems = await CheckAsync(input, parent, null, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<CommitteeDetail>.Invalid(problems);
        }

        var committee = new Committee { Name = "", Abbreviation = "" };
        Apply(committee, input);
        // The path holds the committee's own id, known only after the insert: both saves share one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Committees.Add(committee);
        await db.SaveChangesAsync(cancellationToken);
        committee.Path = $"{parent?.Path ?? "/"}{committee.Id}/";
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(Actor.System(), committee.Id, cancellationToken);
    }

    public async Task<Result<CommitteeDetail>> UpdateAsync(Actor actor, int id, CommitteeInput input, int? version, CancellationToken cancellationToken = default)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<CommitteeDetail>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<CommitteeDetail>.Forbidden();
        }
        if (version is null)
        {
            return Result<CommitteeDetail>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (input.ParentId != committee.ParentId)
        {
            // Moving a committee changes who sees it: only administrators move committees.
            return Result<CommitteeDetail>.Invalid(nameof(CommitteeInput.ParentId), Messages.Get("CommitteeParentImmutable"));
        }
        var parent = committee.ParentId is { } parentId ? await db.Committees.AsNoTracking().FirstAsync(c => c.Id == parentId, cancellationToken) : null;
        var problems = await CheckAsync(input, parent, committee, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<CommitteeDetail>.Invalid(problems);
        }
        db.Entry(committee).Property(c => c.Version).OriginalValue = version.Value;
        Apply(committee, input);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<CommitteeDetail>.Conflict();
        }
        return await GetAsync(actor, id, cancellationToken);
    }

    /// <summary>The units a new committee under <paramref name="parentId"/> may belong to: the parent's unit and the units below it.</summary>
    public async Task<IReadOnlyList<UnitOption>> CandidateUnitsAsync(int? parentId, CancellationToken cancellationToken = default)
    {
        var units = db.Units.AsNoTracking().Where(u => u.ValidTo == null);
        if (parentId is { } id)
        {
            var parentUnitId = await db.Committees.Where(c => c.Id == id).Select(c => c.UnitId).FirstOrDefaultAsync(cancellationToken);
            units = units.Where(u => u.Id == parentUnitId || u.ParentId == parentUnitId);
        }
        else
        {
            units = units.Where(u => u.Level == UnitLevel.Central || u.Level == UnitLevel.Province);
        }
        return await units.OrderBy(u => u.Level).ThenBy(u => u.FoldedName)
            .Select(u => new UnitOption(u.Id, u.Name, u.Level)).ToListAsync(cancellationToken);
    }

    private async Task<List<Problem>> CheckAsync(CommitteeInput input, Committee? parent, Committee? existing, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var name = VietnameseText.Clean(input.Name);
        if (name.Length == 0)
        {
            problems.Add(new(nameof(CommitteeInput.Name), Messages.Get("NameRequired")));
        }
        else if (name.Length > 300)
        {
            problems.Add(new(nameof(CommitteeInput.Name), Messages.Get("TooLong", Messages.Get("FieldName"), 300)));
        }
        else if (input.DissolvedOn is null && await NameTakenAsync(name, input, existing, cancellationToken) is { } taken)
        {
            problems.Add(new(nameof(CommitteeInput.Name), Messages.Get("CommitteeNameTaken", taken)));
        }
        var abbreviation = VietnameseText.Clean(input.Abbreviation);
        if (!Abbreviations.IsValid(abbreviation))
        {
            problems.Add(new(nameof(CommitteeInput.Abbreviation), Messages.Get("AbbreviationShape", abbreviation)));
        }
        if (!Enum.IsDefined(input.DocumentSystem))
        {
            problems.Add(new(nameof(CommitteeInput.DocumentSystem), Messages.Get("DocumentSystemUnknown")));
        }
        if (input.DocumentSystem == DocumentSystem.Party && string.IsNullOrWhiteSpace(input.CurrentTerm))
        {
            problems.Add(new(nameof(CommitteeInput.CurrentTerm), Messages.Get("PartyNeedsTerm")));
        }
        if (!string.IsNullOrWhiteSpace(input.CurrentTerm) && !Terms.IsValid(input.CurrentTerm))
        {
            problems.Add(new(nameof(CommitteeInput.CurrentTerm), Messages.Get("TermShape", input.CurrentTerm)));
        }
        if (input.EstablishedOn > input.DissolvedOn)
        {
            problems.Add(new(nameof(CommitteeInput.DissolvedOn), Messages.Get("ValidityOrder")));
        }

        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.UnitId, cancellationToken);
        if (unit is null)
        {
            problems.Add(new(nameof(CommitteeInput.UnitId), Messages.Get("UnitNotFound")));
        }
        else if (parent is not null && existing?.UnitId != unit.Id)
        {
            // A committee sits in its parent committee's unit or in a unit below it.
            var parentUnitId = parent.UnitId;
            var inside = unit.Id == parentUnitId || unit.ParentId == parentUnitId
                || await db.Units.AnyAsync(u => u.Id == unit.ParentId && u.ParentId == parentUnitId, cancellationToken);
            if (!inside)
            {
                problems.Add(new(nameof(CommitteeInput.UnitId), Messages.Get("CommitteeUnitOutsideParent")));
            }
        }
        if (input.StandingAgencyId is { } agencyId
            && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.UnitId == input.UnitId, cancellationToken))
        {
            problems.Add(new(nameof(CommitteeInput.StandingAgencyId), Messages.Get("StandingAgencyOutsideUnit")));
        }
        return problems;
    }

    /// <summary>
    /// The name of a current (not dissolved) committee of the same unit under the same parent that
    /// reads the same once folded ("Ban chi dao chuyen doi so" is "Ban Chỉ đạo chuyển đổi số"), or null.
    /// </summary>
    private Task<string?> NameTakenAsync(string name, CommitteeInput input, Committee? existing, CancellationToken cancellationToken)
    {
        var folded = VietnameseText.Fold(name);
        var exceptId = existing?.Id ?? 0;
        return db.Committees.AsNoTracking()
            .Where(c => c.ParentId == input.ParentId && c.UnitId == input.UnitId && c.DissolvedOn == null && c.FoldedName == folded && c.Id != exceptId)
            .Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
    }

    private static void Apply(Committee committee, CommitteeInput input)
    {
        committee.Name = VietnameseText.Clean(input.Name);
        committee.FoldedName = VietnameseText.Fold(input.Name);
        committee.Abbreviation = VietnameseText.Clean(input.Abbreviation);
        committee.UnitId = input.UnitId;
        committee.ParentId = input.ParentId;
        committee.StandingAgencyId = input.StandingAgencyId;
        committee.DocumentSystem = input.DocumentSystem;
        committee.CurrentTerm = string.IsNullOrWhiteSpace(input.CurrentTerm) ? null : Terms.Normalize(input.CurrentTerm);
        committee.EstablishedOn = input.EstablishedOn;
        committee.DissolvedOn = input.DissolvedOn;
    }

    private IQueryable<CommitteeSummary> Summaries(Actor actor, IQueryable<Committee> committees)
    {
        var visible = db.Committees.VisibleTo(actor);
        return committees.Select(c => new CommitteeSummary(
            c.Id, c.Name, c.Abbreviation, c.UnitId, c.Unit!.Name, c.Unit.Level, c.ParentId, c.DocumentSystem, c.DissolvedOn,
            visible.Count(child => child.ParentId == c.Id)));
    }
}

/// <summary>A Party-committee term [nhiệm kỳ], written "2025–2030" (an en dash; a hyphen is accepted).</summary>
public static class Terms
{
    public static bool IsValid(string? term)
    {
        var parts = (term ?? "").Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0], out var from) && int.TryParse(parts[1], out var to)
            && parts[0].Length == 4 && parts[1].Length == 4 && from >= 1930 && to > from && to - from <= 10;
    }

    public static string Normalize(string term) => string.Join('–', term.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries));

    /// <summary>2025 for "2025–2030"; null when the term is missing or malformed.</summary>
    public static int? FirstYear(string? term) =>
        IsValid(term) && int.TryParse(term!.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries)[0], out var year) ? year : null;
}
