using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Reporting;

public sealed record IndicatorInput(string? Code, string? Name, string? Unit, IndicatorType Type, Aggregation Aggregation, string? Formula = null);

/// <summary>A template's whole content: saving it makes a new version.</summary>
public sealed record TemplateInput(string? Name, IReadOnlyList<IndicatorInput>? Indicators, IReadOnlyList<string>? Sections);

public sealed record IndicatorView(int Id, int Position, string Code, string Name, string? Unit, IndicatorType Type, Aggregation Aggregation, string? Formula);

public sealed record SectionView(int Id, int Position, string Title);

public sealed record TemplateVersionView(int Id, int TemplateId, string TemplateName, int Number, IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<SectionView> Sections);

public sealed record TemplateView(int Id, int CommitteeId, string Name, int Version, TemplateVersionView Current);

public sealed record TemplateSummary(int Id, string Name, int VersionNumber, int IndicatorCount, int Version);

/// <summary>One version in a template's history, with how many requests were made on it (and keep it).</summary>
public sealed record TemplateVersionSummary(int Id, int Number, DateTimeOffset CreatedAt, string CreatedBy, int IndicatorCount, int SectionCount, int RequestCount, bool IsCurrent);

/// <summary>A regime: who reports is the committees directly below unless <see cref="Reporters"/> says the member agencies.</summary>
public sealed record RegimeInput(string? Name, int? TemplateId, ReportKind Kind, PeriodKind PeriodKind, int? CutoffDay, int? DeadlineDay, int? DeadlineMonthOffset,
    ReporterKind? Reporters = null);

public sealed record RegimeView(int Id, int CommitteeId, string Name, int TemplateId, string TemplateName, ReportKind Kind, PeriodKind PeriodKind, int CutoffDay, int DeadlineDay, int DeadlineMonthOffset, int Version,
    ReporterKind Reporters = ReporterKind.Committees);

/// <summary>
/// Report templates and reporting regimes of a committee. Read by whoever reads the committee,
/// kept by its secretariat. A template is never changed in place: saving makes a new version.
/// </summary>
public sealed partial class ReportTemplates(SteerCoDbContext db, TimeProvider clock, TemplateIndicators kept)
{
    public const int MaxIndicators = 200;

    public async Task<Result<IReadOnlyList<TemplateSummary>>> ListAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(actor, committeeId, cancellationToken) is null)
        {
            return Result<IReadOnlyList<TemplateSummary>>.NotFound();
        }
        return await db.ReportTemplates.AsNoTracking().Where(t => t.CommitteeId == committeeId).OrderBy(t => t.Name)
            .Select(t => new TemplateSummary(t.Id, t.Name,
                db.ReportTemplateVersions.Where(v => v.Id == t.CurrentVersionId).Select(v => v.Number).FirstOrDefault(),
                db.ReportIndicators.Count(i => i.TemplateVersionId == t.CurrentVersionId), t.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<TemplateView>> GetAsync(Actor actor, int committeeId, int id, CancellationToken cancellationToken = default)
    {
        var template = await ReadableAsync(actor, committeeId, cancellationToken) is null ? null
            : await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.CommitteeId == committeeId, cancellationToken);
        if (template?.CurrentVersionId is not { } versionId)
        {
            return Result<TemplateView>.NotFound();
        }
        return new TemplateView(template.Id, template.CommitteeId, template.Name, template.Version, await VersionAsync(versionId, cancellationToken));
    }

    /// <summary>Every version of a template, newest first: a revision adds one and requests keep the one they were made on.</summary>
    public async Task<Result<IReadOnlyList<TemplateVersionSummary>>> VersionsAsync(Actor actor, int committeeId, int id, CancellationToken cancellationToken = default)
    {
        var template = await ReadableAsync(actor, committeeId, cancellationToken) is null ? null
            : await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.CommitteeId == committeeId, cancellationToken);
        if (template is null)
        {
            return Result<IReadOnlyList<TemplateVersionSummary>>.NotFound();
        }
        return await db.ReportTemplateVersions.AsNoTracking().Where(v => v.TemplateId == id).OrderByDescending(v => v.Number)
            .Select(v => new TemplateVersionSummary(v.Id, v.Number, v.CreatedAt, v.CreatedBy, v.Indicators.Count, v.Sections.Count,
                db.ReportRequests.Count(r => r.TemplateVersionId == v.Id), v.Id == template.CurrentVersionId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One version of a template's content, past or current, by its number.</summary>
    public async Task<Result<TemplateVersionView>> VersionAsync(Actor actor, int committeeId, int id, int number, CancellationToken cancellationToken = default)
    {
        var versionId = await ReadableAsync(actor, committeeId, cancellationToken) is null ? null
            : await db.ReportTemplateVersions.AsNoTracking().Where(v => v.TemplateId == id && v.Number == number && v.Template!.CommitteeId == committeeId)
                .Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
        return versionId is { } found ? await VersionAsync(found, cancellationToken) : Result<TemplateVersionView>.NotFound();
    }

    public async Task<Result<TemplateView>> CreateAsync(Actor actor, int committeeId, TemplateInput input, CancellationToken cancellationToken = default)
    {
        var committee = await ReadableAsync(actor, committeeId, cancellationToken);
        if (committee is null)
        {
            return Result<TemplateView>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<TemplateView>.Forbidden();
        }
        var problems = Check(input);
        if (problems.Count > 0)
        {
            return Result<TemplateView>.Invalid(problems);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var template = new ReportTemplate { CommitteeId = committeeId, Name = VietnameseText.Clean(input.Name), CreatedAt = clock.GetUtcNow() };
        db.ReportTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        template.CurrentVersionId = await AddVersionAsync(actor, template.Id, 1, input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(actor, committeeId, template.Id, cancellationToken);
    }

    /// <summary>Saves the content as the template's next version; requests already made keep theirs.</summary>
    public async Task<Result<TemplateView>> ReviseAsync(Actor actor, int committeeId, int id, TemplateInput input, int? version, CancellationToken cancellationToken = default)
    {
        var committee = await ReadableAsync(actor, committeeId, cancellationToken);
        var template = committee is null ? null : await db.ReportTemplates.FirstOrDefaultAsync(t => t.Id == id && t.CommitteeId == committeeId, cancellationToken);
        if (committee is null || template is null)
        {
            return Result<TemplateView>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<TemplateView>.Forbidden();
        }
        if (version is null)
        {
            return Result<TemplateView>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        var problems = Check(input);
        if (problems.Count > 0)
        {
            return Result<TemplateView>.Invalid(problems);
        }
        if (template.Version != version)
        {
            return Result<TemplateView>.Conflict();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var next = await db.ReportTemplateVersions.Where(v => v.TemplateId == id).MaxAsync(v => v.Number, cancellationToken) + 1;
        db.Entry(template).Property(t => t.Version).OriginalValue = version.Value;
        template.Name = VietnameseText.Clean(input.Name);
        template.CurrentVersionId = await AddVersionAsync(actor, id, next, input, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<TemplateView>.Conflict();
        }
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(actor, committeeId, id, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<RegimeView>>> RegimesAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(actor, committeeId, cancellationToken) is null)
        {
            return Result<IReadOnlyList<RegimeView>>.NotFound();
        }
        return await db.ReportingRegimes.AsNoTracking().Where(r => r.CommitteeId == committeeId).OrderBy(r => r.Name)
            .Select(RegimeViewOf)
            .ToListAsync(cancellationToken);
    }

    /// <summary>A regime: a template, a period kind and its rule; days left empty take Decree 09's defaults.</summary>
    public async Task<Result<RegimeView>> CreateRegimeAsync(Actor actor, int committeeId, RegimeInput input, CancellationToken cancellationToken = default)
    {
        var committee = await ReadableAsync(actor, committeeId, cancellationToken);
        if (committee is null)
        {
            return Result<RegimeView>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<RegimeView>.Forbidden();
        }
        var regime = new ReportingRegime { CommitteeId = committeeId, Name = "" };
        if (await ApplyAsync(regime, input, cancellationToken) is { Count: > 0 } problems)
        {
            return Result<RegimeView>.Invalid(problems);
        }
        db.ReportingRegimes.Add(regime);
        await db.SaveChangesAsync(cancellationToken);
        return await RegimeAsync(regime.Id, cancellationToken);
    }

    /// <summary>
    /// A regime changed under its version: the requests made from it keep their own period, rule
    /// and template version; the next ones follow the change.
    /// </summary>
    public async Task<Result<RegimeView>> UpdateRegimeAsync(Actor actor, int committeeId, int regimeId, RegimeInput input, int? version, CancellationToken cancellationToken = default)
    {
        var (regime, refused) = await ManagedRegimeAsync(actor, committeeId, regimeId, cancellationToken);
        if (refused is not null)
        {
            return refused.As<RegimeView>();
        }
        if (version is null)
        {
            return Result<RegimeView>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (await ApplyAsync(regime!, input, cancellationToken) is { Count: > 0 } problems)
        {
            return Result<RegimeView>.Invalid(problems);
        }
        db.Entry(regime!).Property(r => r.Version).OriginalValue = version.Value;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<RegimeView>.Conflict();
        }
        return await RegimeAsync(regimeId, cancellationToken);
    }

    /// <summary>Deletes a regime no request was made from; one that was stays, to be changed for the periods to come.</summary>
    public async Task<Result<bool>> DeleteRegimeAsync(Actor actor, int committeeId, int regimeId, int? version, CancellationToken cancellationToken = default)
    {
        var (regime, refused) = await ManagedRegimeAsync(actor, committeeId, regimeId, cancellationToken);
        if (refused is not null)
        {
            return refused.As<bool>();
        }
        if (version is null)
        {
            return Result<bool>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        var used = await db.ReportRequests.CountAsync(r => r.RegimeId == regimeId, cancellationToken);
        if (used > 0)
        {
            return Result<bool>.Invalid("", Messages.Get("RegimeInUse", regime!.Name, used));
        }
        db.Entry(regime!).Property(r => r.Version).OriginalValue = version.Value;
        db.ReportingRegimes.Remove(regime!);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<bool>.Conflict();
        }
        return true;
    }

    private async Task<(ReportingRegime? Regime, Result<RegimeView>? Refused)> ManagedRegimeAsync(Actor actor, int committeeId, int regimeId, CancellationToken cancellationToken)
    {
        var committee = await ReadableAsync(actor, committeeId, cancellationToken);
        var regime = committee is null ? null : await db.ReportingRegimes.FirstOrDefaultAsync(r => r.Id == regimeId && r.CommitteeId == committeeId, cancellationToken);
        return regime is null ? (null, Result<RegimeView>.NotFound())
            : !actor.CanManage(committee!) ? (null, Result<RegimeView>.Forbidden())
            : (regime, null);
    }

    /// <summary>Checks a regime's fields and, when they are right, writes them to <paramref name="regime"/>.</summary>
    private async Task<List<Problem>> ApplyAsync(ReportingRegime regime, RegimeInput input, CancellationToken cancellationToken)
    {
        var rule = new DeadlineRule(input.CutoffDay ?? DeadlineRule.Decree09.CutoffDay, input.DeadlineDay ?? DeadlineRule.Decree09.DeadlineDay,
            input.DeadlineMonthOffset ?? DeadlineRule.Decree09.DeadlineMonthOffset);
        var problems = new List<Problem>();
        var name = VietnameseText.Clean(input.Name);
        if (name.Length == 0)
        {
            problems.Add(new(nameof(RegimeInput.Name), Messages.Get("NameRequired")));
        }
        if (!rule.IsValid)
        {
            problems.Add(new(nameof(RegimeInput.DeadlineDay), Messages.Get("ReportRuleInvalid")));
        }
        if (!Enum.IsDefined(input.PeriodKind) || !Enum.IsDefined(input.Kind) || input.Reporters is { } reporters && !Enum.IsDefined(reporters))
        {
            problems.Add(new(nameof(RegimeInput.PeriodKind), Messages.Get("ReportPeriodInvalid")));
        }
        if (input.TemplateId is null)
        {
            problems.Add(new(nameof(RegimeInput.TemplateId), Messages.Get("ReportTemplateRequired")));
        }
        else if (input.TemplateId is not { } templateId || !await db.ReportTemplates.AnyAsync(t => t.Id == templateId && t.CommitteeId == regime.CommitteeId, cancellationToken))
        {
            problems.Add(new(nameof(RegimeInput.TemplateId), Messages.Get("ReportTemplateNotFound")));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        regime.Name = name;
        regime.TemplateId = input.TemplateId!.Value;
        regime.Kind = input.Kind;
        regime.PeriodKind = input.PeriodKind;
        regime.CutoffDay = rule.CutoffDay;
        regime.DeadlineDay = rule.DeadlineDay;
        regime.DeadlineMonthOffset = rule.DeadlineMonthOffset;
        regime.Reporters = input.Reporters ?? ReporterKind.Committees;
        return problems;
    }

    private static readonly System.Linq.Expressions.Expression<Func<ReportingRegime, RegimeView>> RegimeViewOf = r =>
        new RegimeView(r.Id, r.CommitteeId, r.Name, r.TemplateId, r.Template!.Name, r.Kind, r.PeriodKind, r.CutoffDay, r.DeadlineDay, r.DeadlineMonthOffset, r.Version, r.Reporters);

    private Task<RegimeView> RegimeAsync(int regimeId, CancellationToken cancellationToken) =>
        db.ReportingRegimes.AsNoTracking().Where(r => r.Id == regimeId)
            .Select(RegimeViewOf)
            .SingleAsync(cancellationToken);

    internal async Task<TemplateVersionView> VersionAsync(int versionId, CancellationToken cancellationToken)
    {
        var version = await db.ReportTemplateVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.Id, v.TemplateId, v.Template!.Name, v.Number }).SingleAsync(cancellationToken);
        var indicators = await IndicatorsAsync(versionId, cancellationToken);
        var sections = await db.ReportSections.AsNoTracking().Where(s => s.TemplateVersionId == versionId).OrderBy(s => s.Position)
            .Select(s => new SectionView(s.Id, s.Position, s.Title)).ToListAsync(cancellationToken);
        return new(version.Id, version.TemplateId, version.Name, version.Number, indicators, sections);
    }

    /// <summary>A version's indicators in order: all a roll-up needs of its template, read once per version (<see cref="TemplateIndicators"/>).</summary>
    internal ValueTask<IReadOnlyList<IndicatorView>> IndicatorsAsync(int versionId, CancellationToken cancellationToken) =>
        kept.GetAsync(versionId, id => db.ReportIndicators.AsNoTracking().Where(i => i.TemplateVersionId == id).OrderBy(i => i.Position)
            .Select(i => new IndicatorView(i.Id, i.Position, i.Code, i.Name, i.Unit, i.Type, i.Aggregation, i.Formula)).ToListAsync(cancellationToken));

    private async Task<int> AddVersionAsync(Actor actor, int templateId, int number, TemplateInput input, CancellationToken cancellationToken)
    {
        var version = new ReportTemplateVersion
        {
            TemplateId = templateId,
            Number = number,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserName,
            Indicators = [.. input.Indicators!.Select((i, n) => new ReportIndicator
            {
                Position = n + 1,
                Code = i.Code!.Trim(),
                Name = VietnameseText.Clean(i.Name),
                Unit = VietnameseText.Clean(i.Unit) is { Length: > 0 } unit ? unit : null,
                Type = i.Type,
                Aggregation = i.Aggregation,
                Formula = string.IsNullOrWhiteSpace(i.Formula) ? null : i.Formula.Trim(),
            })],
            Sections = [.. (input.Sections ?? []).Select(VietnameseText.Clean).Where(s => s.Length > 0).Select((s, n) => new ReportSection { Position = n + 1, Title = s })],
        };
        db.ReportTemplateVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return version.Id;
    }

    /// <summary>The rules of a template's content, each broken one a message naming the indicator.</summary>
    internal static List<Problem> Check(TemplateInput input)
    {
        var problems = new List<Problem>();
        if (VietnameseText.Clean(input.Name).Length == 0)
        {
            problems.Add(new(nameof(TemplateInput.Name), Messages.Get("NameRequired")));
        }
        var indicators = input.Indicators ?? [];
        if (indicators.Count == 0 && (input.Sections ?? []).Count == 0)
        {
            problems.Add(new(nameof(TemplateInput.Indicators), Messages.Get("ReportTemplateEmpty")));
        }
        if (indicators.Count > MaxIndicators)
        {
            problems.Add(new(nameof(TemplateInput.Indicators), Messages.Get("ReportTemplateTooManyIndicators", MaxIndicators)));
            return problems;
        }
        var codes = indicators.Select(i => i.Code?.Trim() ?? "").ToList();
        foreach (var (indicator, index) in indicators.Select((i, n) => (i, n)))
        {
            // Each problem names the row's field ("Indicators[2].Formula"), so that the editor shows it beside the row.
            string Field(string name) => $"{nameof(TemplateInput.Indicators)}[{index}].{name}";
            var code = indicator.Code?.Trim() ?? "";
            if (!CodeShape().IsMatch(code))
            {
                problems.Add(new(Field(nameof(IndicatorInput.Code)), Messages.Get("IndicatorCodeShape", index + 1, code)));
            }
            else if (codes.Count(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase)) > 1)
            {
                problems.Add(new(Field(nameof(IndicatorInput.Code)), Messages.Get("IndicatorCodeTwice", code)));
            }
            if (VietnameseText.Clean(indicator.Name).Length == 0)
            {
                problems.Add(new(Field(nameof(IndicatorInput.Name)), Messages.Get("IndicatorNameRequired", index + 1)));
            }
            if (!Enum.IsDefined(indicator.Type) || !Enum.IsDefined(indicator.Aggregation) || !Aggregations.Allows(indicator.Type, indicator.Aggregation))
            {
                problems.Add(new(Field(nameof(IndicatorInput.Aggregation)), Messages.Get("IndicatorAggregationNotAllowed", code, Named(indicator.Aggregation), Named(indicator.Type))));
            }
            if (!string.IsNullOrWhiteSpace(indicator.Formula))
            {
                problems.AddRange(CheckFormula(code, indicator, indicators).Select(message => new Problem(Field(nameof(IndicatorInput.Formula)), message)));
            }
        }
        return [.. problems.Distinct()];
    }

    /// <summary>An aggregation or an indicator type as users read it ("Cộng", "Tỷ lệ (%)"); a value out of range as its number.</summary>
    private static string Named<T>(T value) where T : struct, Enum =>
        Enum.IsDefined(value) ? Messages.Get($"{typeof(T).Name}{value}") : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> CheckFormula(string code, IndicatorInput indicator, IReadOnlyList<IndicatorInput> indicators)
    {
        if (indicator.Type is not (IndicatorType.Number or IndicatorType.Count or IndicatorType.Percentage))
        {
            yield return Messages.Get("FormulaNeedsNumber", code);
            yield break;
        }
        if (Formula.Codes(indicator.Formula!) is not { } names)
        {
            yield return Messages.Get("FormulaUnreadable", code, indicator.Formula);
            yield break;
        }
        foreach (var name in names)
        {
            var target = indicators.FirstOrDefault(i => string.Equals(i.Code?.Trim(), name, StringComparison.Ordinal));
            if (target is not null && !string.IsNullOrWhiteSpace(target.Formula) && CycleFrom(code, indicators) is { } cycle)
            {
                yield return Messages.Get("FormulaCycle", code, string.Join(" → ", cycle));
            }
            else if (target is null || !string.IsNullOrWhiteSpace(target.Formula) || target.Type is IndicatorType.Text)
            {
                yield return Messages.Get("FormulaUnknownCode", code, name);
            }
        }
    }

    /// <summary>The codes of a formula that leads back to <paramref name="code"/> ("A → B → A"), or null.</summary>
    private static List<string>? CycleFrom(string code, IReadOnlyList<IndicatorInput> indicators)
    {
        var formulas = indicators.Where(i => !string.IsNullOrWhiteSpace(i.Formula) && i.Code is not null)
            .GroupBy(i => i.Code!.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => Formula.Codes(g.First().Formula!) ?? [], StringComparer.Ordinal);
        var path = new List<string> { code };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool Walk(string from)
        {
            foreach (var next in formulas.GetValueOrDefault(from) ?? [])
            {
                path.Add(next);
                if (next == code || (seen.Add(next) && Walk(next)))
                {
                    return true;
                }
                path.RemoveAt(path.Count - 1);
            }
            return false;
        }
        return Walk(code) ? path : null;
    }

    /// <summary>The committee if the actor reads it: out of scope looks like missing. Shared by the reporting services.</summary>
    internal async Task<Committee?> ReadableAsync(Actor actor, int committeeId, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        return committee is not null && actor.CanRead(committee) ? committee : null;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]{0,19}$")]
    private static partial Regex CodeShape();
}
