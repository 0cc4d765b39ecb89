using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Units;

public sealed record UnitSummary(int Id, string Code, string Name, UnitLevel Level, string? Kind, int? ParentId, string? ParentName, DateOnly? ValidFrom, DateOnly? ValidTo, int Version);

public sealed record UnitQuery(UnitLevel? Level = null, int? ParentId = null, string? Search = null, bool IncludeDissolved = false, string? Sort = null);

public sealed record UnitInput(string Code, string Name, UnitLevel Level, int? ParentId, string? Kind, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record MergeInput(IReadOnlyList<int> PredecessorIds, string Code, string Name, int? ParentId, string? Kind, DateOnly EffectiveOn);

/// <summary>The merged unit and the committees of the old units whose work may need transferring.</summary>
public sealed record MergeResult(UnitSummary Successor, IReadOnlyList<CommitteeRef> CommitteesToTransfer);

public sealed record CommitteeRef(int Id, string Name, int UnitId);

public sealed record UnitHistory(UnitSummary Unit, IReadOnlyList<UnitSummary> Predecessors, IReadOnlyList<UnitSummary> Successors, DateOnly? SucceededOn);

public sealed class UnitService(SteerCoDbContext db, TimeProvider clock)
{
    private DateOnly Today => clock.Today();

    public async Task<Paged<UnitSummary>> ListAsync(UnitQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var units = db.Units.AsNoTracking();
        if (query.Level is { } level)
        {
            units = units.Where(u => u.Level == level);
        }
        if (query.ParentId is { } parentId)
        {
            units = units.Where(u => u.ParentId == parentId);
        }
        if (!query.IncludeDissolved)
        {
            var today = Today;
            units = units.Where(u => u.ValidTo == null || u.ValidTo >= today);
        }
        if (VietnameseText.Fold(query.Search) is { Length: > 0 } folded)
        {
            units = units.Where(u => u.FoldedName.Contains(folded) || u.Code.StartsWith(folded));
        }
        units = query.Sort switch
        {
            "name" => units.OrderBy(u => u.FoldedName).ThenBy(u => u.Code),
            "-name" => units.OrderByDescending(u => u.FoldedName).ThenBy(u => u.Code),
            "-code" => units.OrderByDescending(u => u.Level).ThenByDescending(u => u.Code),
            _ => units.OrderBy(u => u.Level).ThenBy(u => u.Code),
        };
        return await units.Select(ToSummary).ToPagedAsync(page, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<UnitLevel, int>> CountCurrentByLevelAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        var counts = await db.Units.Where(u => u.ValidTo == null || u.ValidTo >= today)
            .GroupBy(u => u.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    public Task<UnitSummary?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Units.AsNoTracking().Where(u => u.Id == id).Select(ToSummary).FirstOrDefaultAsync(cancellationToken);

    public async Task<UnitHistory?> HistoryAsync(int id, CancellationToken cancellationToken = default)
    {
        var unit = await FindAsync(id, cancellationToken);
        if (unit is null)
        {
            return null;
        }
        var predecessors = await db.UnitSuccessions.AsNoTracking().Where(s => s.SuccessorId == id)
            .Select(s => s.Predecessor!).Select(ToSummary).ToListAsync(cancellationToken);
        var successions = await db.UnitSuccessions.AsNoTracking().Where(s => s.PredecessorId == id)
            .Select(s => new { s.EffectiveOn, Successor = s.Successor! }).ToListAsync(cancellationToken);
        var successorIds = successions.Select(s => s.Successor.Id).ToList();
        var successors = await db.Units.AsNoTracking().Where(u => successorIds.Contains(u.Id)).Select(ToSummary).ToListAsync(cancellationToken);
        return new(unit, predecessors, successors, successions.Select(s => (DateOnly?)s.EffectiveOn).FirstOrDefault());
    }

    public async Task<Result<UnitSummary>> CreateAsync(Actor actor, UnitInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return Result<UnitSummary>.Forbidden();
        }
        var problems = await CheckAsync(input, null, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<UnitSummary>.Invalid(problems);
        }
        var unit = new AdministrativeUnit { Code = input.Code.Trim(), Name = "", Level = input.Level };
        Apply(unit, input);
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(unit.Id, cancellationToken))!;
    }

    /// <summary>Renames, re-parents or closes a unit. The code and level never change: a code is an identity.</summary>
    public async Task<Result<UnitSummary>> UpdateAsync(Actor actor, int id, UnitInput input, int? version, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return Result<UnitSummary>.Forbidden();
        }
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Result<UnitSummary>.NotFound();
        }
        if (version is null)
        {
            return Result<UnitSummary>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (unit.Code != input.Code.Trim() || unit.Level != input.Level)
        {
            return Result<UnitSummary>.Invalid(nameof(UnitInput.Code), Messages.Get("UnitCodeImmutable"));
        }
        var problems = await CheckAsync(input, id, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<UnitSummary>.Invalid(problems);
        }
        db.Entry(unit).Property(u => u.Version).OriginalValue = version.Value;
        Apply(unit, input);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<UnitSummary>.Conflict();
        }
        return (await FindAsync(unit.Id, cancellationToken))!;
    }

    /// <summary>
    /// Several units become one new unit on a date. The old units stay, closed the day before,
    /// with links to their successor; their committees stay readable and are listed for transfer.
    /// </summary>
    public async Task<Result<MergeResult>> MergeAsync(Actor actor, MergeInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator)
        {
            return Result<MergeResult>.Forbidden();
        }
        var ids = input.PredecessorIds.Distinct().ToList();
        if (ids.Count < 2)
        {
            return Result<MergeResult>.Invalid(nameof(MergeInput.PredecessorIds), Messages.Get("MergeNeedsTwo"));
        }
        var predecessors = await db.Units.Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        if (predecessors.Count != ids.Count)
        {
            return Result<MergeResult>.Invalid(nameof(MergeInput.PredecessorIds), Messages.Get("MergeUnknownUnit"));
        }
        var level = predecessors[0].Level;
        var problems = new List<Problem>();
        if (predecessors.Any(u => u.Level != level))
        {
            problems.Add(new(nameof(MergeInput.PredecessorIds), Messages.Get("MergeSameLevel")));
        }
        foreach (var closed in predecessors.Where(u => !u.IsValidOn(input.EffectiveOn)))
        {
            problems.Add(new(nameof(MergeInput.PredecessorIds), Messages.Get("MergeNotCurrent", closed.Name, input.EffectiveOn.ToShort())));
        }
        var unitInput = new UnitInput(input.Code, input.Name, level, input.ParentId, input.Kind, input.EffectiveOn, null);
        problems.AddRange(await CheckAsync(unitInput, null, cancellationToken));
        if (problems.Count > 0)
        {
            return Result<MergeResult>.Invalid(problems);
        }

        var successor = new AdministrativeUnit { Code = input.Code.Trim(), Name = "", Level = level };
        Apply(successor, unitInput);
        db.Units.Add(successor);
        foreach (var predecessor in predecessors)
        {
            predecessor.ValidTo = input.EffectiveOn.AddDays(-1);
            db.UnitSuccessions.Add(new UnitSuccession { Predecessor = predecessor, Successor = successor, EffectiveOn = input.EffectiveOn });
        }
        await db.SaveChangesAsync(cancellationToken);

        var toTransfer = await db.Committees.AsNoTracking()
            .Where(c => ids.Contains(c.UnitId) && c.DissolvedOn == null)
            .OrderBy(c => c.Name)
            .Select(c => new CommitteeRef(c.Id, c.Name, c.UnitId))
            .ToListAsync(cancellationToken);
        return new MergeResult((await FindAsync(successor.Id, cancellationToken))!, toTransfer);
    }

    private async Task<List<Problem>> CheckAsync(UnitInput input, int? id, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var code = input.Code?.Trim() ?? "";
        if (UnitCodes.Check(code, input.Level) is { } codeError)
        {
            problems.Add(new(nameof(UnitInput.Code), codeError));
        }
        else if (await db.Units.AnyAsync(u => u.Level == input.Level && u.Code == code && u.Id != id, cancellationToken))
        {
            problems.Add(new(nameof(UnitInput.Code), Messages.Get("UnitCodeTaken", code)));
        }
        if (VietnameseText.Clean(input.Name).Length == 0)
        {
            problems.Add(new(nameof(UnitInput.Name), Messages.Get("UnitNameRequired")));
        }
        if (input.ValidFrom > input.ValidTo)
        {
            problems.Add(new(nameof(UnitInput.ValidTo), Messages.Get("ValidityOrder")));
        }
        var parentLevels = UnitCodes.ParentLevelsFor(input.Level);
        if (parentLevels.Length == 0 && input.ParentId is not null)
        {
            problems.Add(new(nameof(UnitInput.ParentId), Messages.Get("UnitRootHasParent")));
        }
        else if (parentLevels.Length > 0)
        {
            var parentLevel = input.ParentId is { } parentId
                ? await db.Units.Where(u => u.Id == parentId).Select(u => (UnitLevel?)u.Level).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (parentLevel is null || !parentLevels.Contains(parentLevel.Value))
            {
                problems.Add(new(nameof(UnitInput.ParentId), Messages.Get("UnitParentLevel", UnitCodes.LevelName(input.Level))));
            }
        }
        return problems;
    }

    private static void Apply(AdministrativeUnit unit, UnitInput input)
    {
        unit.Name = VietnameseText.Clean(input.Name);
        unit.FoldedName = VietnameseText.Fold(input.Name);
        unit.Kind = string.IsNullOrWhiteSpace(input.Kind) ? null : input.Kind.Trim();
        unit.ParentId = input.ParentId;
        unit.ValidFrom = input.ValidFrom;
        unit.ValidTo = input.ValidTo;
    }

    private static readonly System.Linq.Expressions.Expression<Func<AdministrativeUnit, UnitSummary>> ToSummary = u =>
        new UnitSummary(u.Id, u.Code, u.Name, u.Level, u.Kind, u.ParentId, u.Parent != null ? u.Parent.Name : null, u.ValidFrom, u.ValidTo, u.Version);
}
