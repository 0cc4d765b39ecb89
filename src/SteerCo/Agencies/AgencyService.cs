using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Agencies;

public sealed record AgencySummary(int Id, int UnitId, string UnitName, string Name, string Abbreviation, DateOnly? DissolvedOn, int Version);

public sealed record AgencyInput(int UnitId, string Name, string Abbreviation, DateOnly? DissolvedOn);

public sealed class AgencyService(SteerCoDbContext db)
{
    public async Task<Paged<AgencySummary>> ListAsync(int? unitId, string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        var agencies = db.Agencies.AsNoTracking();
        if (unitId is { } id)
        {
            agencies = agencies.Where(a => a.UnitId == id);
        }
        if (VietnameseText.Fold(search) is { Length: > 0 } folded)
        {
            agencies = agencies.Where(a => a.FoldedName.Contains(folded) || a.Abbreviation.Contains(search!.Trim()));
        }
        return await agencies.OrderBy(a => a.FoldedName).ThenBy(a => a.Id).Select(ToSummary).ToPagedAsync(page, cancellationToken);
    }

    public async Task<IReadOnlyList<AgencySummary>> ForUnitsAsync(IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken = default) =>
        await db.Agencies.AsNoTracking().Where(a => unitIds.Contains(a.UnitId) && a.DissolvedOn == null)
            .OrderBy(a => a.UnitId).ThenBy(a => a.FoldedName).Select(ToSummary).ToListAsync(cancellationToken);

    public Task<AgencySummary?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(ToSummary).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The unit of the actor's committee: secretariats keep the agency list of that unit.</summary>
    public async Task<int?> ActorUnitIdAsync(Actor actor, CancellationToken cancellationToken = default) =>
        actor.CommitteeId is { } committeeId
            ? await db.Committees.Where(c => c.Id == committeeId).Select(c => (int?)c.UnitId).FirstOrDefaultAsync(cancellationToken)
            : null;

    public async Task<bool> CanManageUnitAsync(Actor actor, int unitId, CancellationToken cancellationToken = default) =>
        actor.CanManageAgenciesOf(unitId, await ActorUnitIdAsync(actor, cancellationToken));

    public async Task<Result<AgencySummary>> CreateAsync(Actor actor, AgencyInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId, cancellationToken))
        {
            return Result<AgencySummary>.Invalid(nameof(AgencyInput.UnitId), Messages.Get("UnitNotFound"));
        }
        if (!await CanManageUnitAsync(actor, input.UnitId, cancellationToken))
        {
            return Result<AgencySummary>.Forbidden();
        }
        var problems = await CheckAsync(input, null, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<AgencySummary>.Invalid(problems);
        }
        var agency = new Agency { UnitId = input.UnitId, Name = "", Abbreviation = "" };
        Apply(agency, input);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(agency.Id, cancellationToken))!;
    }

    public async Task<Result<AgencySummary>> UpdateAsync(Actor actor, int id, AgencyInput input, int? version, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agency is null)
        {
            return Result<AgencySummary>.NotFound();
        }
        if (!await CanManageUnitAsync(actor, agency.UnitId, cancellationToken))
        {
            return Result<AgencySummary>.Forbidden();
        }
        if (version is null)
        {
            return Result<AgencySummary>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (input.UnitId != agency.UnitId)
        {
            return Result<AgencySummary>.Invalid(nameof(AgencyInput.UnitId), Messages.Get("AgencyUnitImmutable"));
        }
        var problems = await CheckAsync(input, id, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<AgencySummary>.Invalid(problems);
        }
        db.Entry(agency).Property(a => a.Version).OriginalValue = version.Value;
        Apply(agency, input);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<AgencySummary>.Conflict();
        }
        return (await FindAsync(id, cancellationToken))!;
    }

    private async Task<List<Problem>> CheckAsync(AgencyInput input, int? id, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var name = VietnameseText.Clean(input.Name);
        var abbreviation = VietnameseText.Clean(input.Abbreviation);
        if (name.Length == 0)
        {
            problems.Add(new(nameof(AgencyInput.Name), Messages.Get("NameRequired")));
        }
        else if (name.Length > 300)
        {
            problems.Add(new(nameof(AgencyInput.Name), Messages.Get("TooLong", Messages.Get("FieldName"), 300)));
        }
        if (!Abbreviations.IsValid(abbreviation))
        {
            problems.Add(new(nameof(AgencyInput.Abbreviation), Messages.Get("AbbreviationShape", abbreviation)));
        }
        else if (await db.Agencies.AnyAsync(a => a.UnitId == input.UnitId && a.Abbreviation == abbreviation && a.Id != id, cancellationToken))
        {
            problems.Add(new(nameof(AgencyInput.Abbreviation), Messages.Get("AbbreviationTaken", abbreviation)));
        }
        return problems;
    }

    private static void Apply(Agency agency, AgencyInput input)
    {
        agency.Name = VietnameseText.Clean(input.Name);
        agency.FoldedName = VietnameseText.Fold(input.Name);
        agency.Abbreviation = VietnameseText.Clean(input.Abbreviation);
        agency.DissolvedOn = input.DissolvedOn;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Agency, AgencySummary>> ToSummary = a =>
        new AgencySummary(a.Id, a.UnitId, a.Unit!.Name, a.Name, a.Abbreviation, a.DissolvedOn, a.Version);
}
