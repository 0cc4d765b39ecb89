using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Reporting;

/// <summary>Where a submission stands against its deadline, derived, never stored.</summary>
public enum Compliance
{
    /// <summary>Not submitted, not yet due.</summary>
    Pending = 1,
    OnTime = 2,
    Late = 3,
    Missing = 4,
    Returned = 5,
}

/// <summary>
/// Whom to ask: a regime (its template, period kind and rule), or a template with a period kind and
/// Decree 09's rule; the committees directly below when <see cref="CommitteeIds"/> is empty; the
/// member agencies on the committee's roster of the day when <see cref="Reporters"/> (or the regime) says so.
/// </summary>
public sealed record RequestInput(int? RegimeId, int? TemplateId, string? Title, ReportKind Kind, PeriodKind PeriodKind, int Year, int Number, DateOnly? Deadline, IReadOnlyList<int>? CommitteeIds,
    ReporterKind? Reporters = null);

/// <summary>One reporter's submission: <see cref="CommitteeName"/> is the reporter's name, the member agency's when <see cref="AgencyId"/> is set.</summary>
public sealed record SubmissionSummary(int Id, int CommitteeId, string CommitteeName, SubmissionStatus Status, Compliance Compliance, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? AcceptedAt,
    int? AgencyId = null);

public sealed record RequestSummary(int Id, string Title, string Period, ReportKind Kind, DateOnly Deadline, int Expected, int Accepted, int Submitted, int Missing);

public sealed record RequestView(
    int Id, int CommitteeId, string CommitteeName, string Title, ReportKind Kind, ReportingPeriod Period, string PeriodText,
    DateOnly CutoffFrom, DateOnly CutoffTo, DateOnly Deadline, int TemplateVersionId, int TemplateVersionNumber, bool CanReview,
    IReadOnlyList<SubmissionSummary> Submissions, ReporterKind Reporters = ReporterKind.Committees);

/// <summary>One consolidated figure: the accepted values of the submissions below, rolled up by the indicator's rule.</summary>
public sealed record ConsolidatedRow(int IndicatorId, string Code, string Name, string? Unit, IndicatorType Type, Aggregation Aggregation, string? Formula, decimal? Value, string Display, int Contributors);

/// <summary>
/// The consolidated table of a request, with who is counted (the accepted submissions) and who is
/// not. Both are read from <see cref="RequestView.Submissions"/>, which the JSON carries once.
/// </summary>
public sealed record ConsolidatedView(RequestView Request, IReadOnlyList<ConsolidatedRow> Rows)
{
    [JsonIgnore]
    public IReadOnlyList<SubmissionSummary> Counted { get; } = [.. Request.Submissions.Where(s => s.Status == SubmissionStatus.Accepted)];

    [JsonIgnore]
    public IReadOnlyList<SubmissionSummary> NotCounted { get; } = [.. Request.Submissions.Where(s => s.Status != SubmissionStatus.Accepted)];
}

/// <summary>One submission behind a consolidated figure; <see cref="PrefilledFromRequestId"/> leads one level further down.</summary>
public sealed record ProvenanceLine(int SubmissionId, int CommitteeId, string CommitteeName, int VersionNumber, DateTimeOffset? SubmittedAt, decimal? Number, string? Text, string Display, int? PrefilledFromRequestId,
    int? AgencyId = null);

public sealed record ProvenanceView(int RequestId, ConsolidatedRow Row, IReadOnlyList<ProvenanceLine> Lines);

/// <summary>One period of a series: the consolidated figure of the committee's request for it.</summary>
public sealed record SeriesPoint(int RequestId, string Period, string PeriodKey, decimal? Value, string Display, int Contributors);

public sealed record SeriesView(int CommitteeId, string Code, string Name, string? Unit, IndicatorType Type, Aggregation Aggregation, IReadOnlyList<SeriesPoint> Points);

public sealed record ComplianceCell(string Period, int? SubmissionId, Compliance? Compliance);

/// <summary>One reporter's row: a committee below, or a member agency (<see cref="AgencyId"/>, its name in <see cref="CommitteeName"/>).</summary>
public sealed record ComplianceRow(int CommitteeId, string CommitteeName, IReadOnlyList<ComplianceCell> Cells, int? AgencyId = null);

public sealed record ComplianceGrid(int CommitteeId, IReadOnlyList<string> Periods, IReadOnlyList<ComplianceRow> Rows);

/// <summary>
/// Report requests down the hierarchy, the consolidated table of the accepted figures with their
/// provenance, and compliance. A request is read by whoever reads the committee that made it; of a
/// request to member agencies, a member or viewer sees only their own agency's submission.
/// </summary>
public sealed class ReportRequests(SteerCoDbContext db, ReportTemplates templates, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    /// <summary>
    /// The committee's requests, newest first, with their submissions counted; with
    /// <paramref name="openSince"/>, only those due since that day or with a report awaiting review.
    /// </summary>
    public async Task<Result<IReadOnlyList<RequestSummary>>> ListAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default, DateOnly? openSince = null)
    {
        if (await ReadableAsync(actor, committeeId, cancellationToken) is null)
        {
            return Result<IReadOnlyList<RequestSummary>>.NotFound();
        }
        var today = Today;
        var mine = db.ReportRequests.AsNoTracking().Where(r => r.CommitteeId == committeeId);
        if (openSince is { } since)
        {
            mine = mine.Where(r => r.Deadline >= since || db.Submissions.Any(s => s.RequestId == r.Id && s.Status == SubmissionStatus.Submitted));
        }
        var requests = await mine
            .OrderByDescending(r => r.PeriodYear).ThenByDescending(r => r.Deadline).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.Kind,
                r.PeriodKind,
                r.PeriodYear,
                r.PeriodNumber,
                r.Deadline,
                Expected = db.Submissions.Count(s => s.RequestId == r.Id),
                Accepted = db.Submissions.Count(s => s.RequestId == r.Id && s.Status == SubmissionStatus.Accepted),
                Submitted = db.Submissions.Count(s => s.RequestId == r.Id && s.Status == SubmissionStatus.Submitted),
                NotIn = db.Submissions.Count(s => s.RequestId == r.Id && s.FirstSubmittedAt == null),
            })
            .Take(200).ToListAsync(cancellationToken);
        return requests.Select(r => new RequestSummary(r.Id, r.Title, new ReportingPeriod(r.PeriodKind, r.PeriodYear, r.PeriodNumber).ToString(), r.Kind, r.Deadline,
            r.Expected, r.Accepted, r.Submitted, r.Deadline < today ? r.NotIn : 0)).ToList();
    }

    /// <summary>Asks the committees below (or the member agencies) for the report of a period; each gets a submission with an empty draft.</summary>
    public async Task<Result<RequestView>> CreateAsync(Actor actor, int committeeId, RequestInput input, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareRequestAsync(actor, committeeId, input, cancellationToken);
        if (!prepared.IsOk)
        {
            return prepared.As<RequestView>();
        }
        var (committee, regime, template, period, kind, reporters, recipients) = prepared.Value!;
        var rule = regime?.Rule ?? DeadlineRule.Decree09;
        var title = VietnameseText.Clean(input.Title) is { Length: > 0 } typed ? typed : $"{template.Name} {period}";
        var deadline = input.Deadline ?? rule.Deadline(period);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = new ReportRequest
        {
            CommitteeId = committeeId,
            RegimeId = regime?.Id,
            TemplateVersionId = template.CurrentVersionId!.Value,
            Title = title,
            Kind = kind,
            Reporters = reporters,
            PeriodKind = period.Kind,
            PeriodYear = period.Year,
            PeriodNumber = period.Number,
            CutoffFrom = rule.CutoffFrom(period),
            CutoffTo = rule.CutoffTo(period),
            Deadline = deadline,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserName,
        };
        db.ReportRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        var submissions = recipients.Select(r => (Submission: new Submission { RequestId = request.Id, CommitteeId = r.CommitteeId, AgencyId = r.AgencyId }, r.Name)).ToList();
        db.Submissions.AddRange(submissions.Select(s => s.Submission));
        await db.SaveChangesAsync(cancellationToken);
        db.SubmissionVersions.AddRange(submissions.Select(s => new SubmissionVersion { SubmissionId = s.Submission.Id, Number = 1 }));
        // A member agency's users are users of the committee: the notice names the agency, and the other agencies' members do not read it.
        db.Notifications.AddRange(submissions.Select(s => new Notification
        {
            CommitteeId = s.Submission.CommitteeId,
            Key = $"request:{s.Submission.Id}",
            Text = s.Submission.AgencyId is null
                ? Messages.Get("NotifyRequested", committee.Name, title, deadline.ToShort())
                : Messages.Get("NotifyRequestedAgency", committee.Name, s.Name, title, deadline.ToShort()),
            AgencyId = s.Submission.AgencyId,
            Link = $"/Reporting/Submission/{s.Submission.Id}",
            CreatedAt = clock.GetUtcNow(),
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(actor, request.Id, cancellationToken);
    }

    /// <summary>
    /// What asking for the report would answer, without asking: the problems a form shows beside a
    /// deadline it could not read (given here as absent, the rule's). The same check as <see cref="CreateAsync"/>.
    /// </summary>
    public async Task<Result<bool>> CheckRequestAsync(Actor actor, int committeeId, RequestInput input, CancellationToken cancellationToken = default) =>
        await PrepareRequestAsync(actor, committeeId, input, cancellationToken) is { IsOk: false } refused ? refused.As<bool>() : true;

    /// <summary>A request checked: the committee, its regime and template, the period, the kind, who reports and the reporters by name.</summary>
    private sealed record NewRequest(Committee Committee, ReportingRegime? Regime, ReportTemplate Template, ReportingPeriod Period, ReportKind Kind,
        ReporterKind Reporters, List<(int CommitteeId, int? AgencyId, string Name)> Recipients);

    private async Task<Result<NewRequest>> PrepareRequestAsync(Actor actor, int committeeId, RequestInput input, CancellationToken cancellationToken)
    {
        var committee = await ReadableAsync(actor, committeeId, cancellationToken);
        if (committee is null)
        {
            return Result<NewRequest>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<NewRequest>.Forbidden();
        }
        var problems = new List<Problem>();
        var regime = input.RegimeId is { } regimeId
            ? await db.ReportingRegimes.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regimeId && r.CommitteeId == committeeId, cancellationToken)
            : null;
        if (input.RegimeId is not null && regime is null)
        {
            problems.Add(new(nameof(RequestInput.RegimeId), Messages.Get("ReportRegimeNotFound")));
        }
        var templateId = regime?.TemplateId ?? input.TemplateId;
        var template = templateId is { } tid
            ? await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid && t.CommitteeId == committeeId, cancellationToken)
            : null;
        if (input.RegimeId is null && input.TemplateId is null)
        {
            problems.Add(new(nameof(RequestInput.TemplateId), Messages.Get("ReportRegimeOrTemplateRequired")));
        }
        else if (template?.CurrentVersionId is null)
        {
            problems.Add(new(nameof(RequestInput.TemplateId), Messages.Get("ReportTemplateNotFound")));
        }
        var period = new ReportingPeriod(regime?.PeriodKind ?? input.PeriodKind, input.Year, input.Number);
        if (!period.IsValid)
        {
            problems.Add(new(nameof(RequestInput.Number), Messages.Get("ReportPeriodInvalid")));
        }
        // A deadline already past is allowed: a request sent on paper before the committee moved to SteerCo is entered late.
        PlausibleDates.Check(input.Deadline, Today, nameof(RequestInput.Deadline), Messages.Get("FieldDeadline"), problems);
        // The regime says who reports; a form that asked the others is told so, not silently overruled.
        if (regime is not null && input.Reporters is { } named && named != regime.Reporters)
        {
            problems.Add(new(nameof(RequestInput.Reporters), Messages.Get(regime.Reporters == ReporterKind.MemberAgencies ? "ReportRegimeOfAgencies" : "ReportRegimeOfCommittees", regime.Name)));
        }
        var reporters = regime?.Reporters ?? (input.Reporters is { } asked && Enum.IsDefined(asked) ? asked : ReporterKind.Committees);
        var recipients = reporters == ReporterKind.MemberAgencies
            ? await MemberAgenciesAsync(committee, input.CommitteeIds, problems, cancellationToken)
            : [.. (await RecipientsAsync(committee, input.CommitteeIds, problems, cancellationToken)).Select(c => (c.Id, (int?)null, c.Name))];
        if (problems.Count > 0)
        {
            return Result<NewRequest>.Invalid(problems);
        }
        var kind = regime?.Kind ?? (Enum.IsDefined(input.Kind) ? input.Kind : ReportKind.Periodic);
        // A periodic report is asked once per period and template; thematic and ad hoc ones as often as needed.
        if (kind == ReportKind.Periodic && await db.ReportRequests.AnyAsync(r => r.CommitteeId == committeeId && r.Kind == ReportKind.Periodic
            && r.TemplateVersion!.TemplateId == template!.Id && r.PeriodKind == period.Kind && r.PeriodYear == period.Year && r.PeriodNumber == period.Number, cancellationToken))
        {
            return Result<NewRequest>.Invalid(nameof(RequestInput.Number), Messages.Get("ReportAlreadyRequested", period.ToString()));
        }
        return new NewRequest(committee, regime, template!, period, kind, reporters, recipients);
    }

    public async Task<Result<RequestView>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var request = await RequestById(db, id, cancellationToken);
        if (request is null || !actor.CanRead(request.Committee!))
        {
            return Result<RequestView>.NotFound();
        }
        var today = Today;
        var submissions = new List<SubmissionLine>();
        await foreach (var line in SubmissionsOf(db, id, OnlyAgency(actor)).WithCancellation(cancellationToken))
        {
            submissions.Add(line);
        }
        return new RequestView(request.Id, request.CommitteeId, request.Committee!.Name, request.Title, request.Kind, request.Period, request.Period.ToString(),
            request.CutoffFrom, request.CutoffTo, request.Deadline, request.TemplateVersionId, request.TemplateVersion!.Number, actor.CanManage(request.Committee),
            [.. submissions.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new SubmissionSummary(s.Id, s.CommitteeId, s.Name, s.Status,
                ComplianceOf(s.Status, s.FirstSubmittedAt, request.Deadline, today, clock.LocalTimeZone), s.FirstSubmittedAt, s.AcceptedAt, s.AgencyId))], request.Reporters);
    }

    /// <summary>The consolidated table: each indicator rolled up over the accepted submissions; formulas computed over the rolled-up figures.</summary>
    public async Task<Result<ConsolidatedView>> ConsolidatedAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var request = await GetAsync(actor, id, cancellationToken);
        if (!request.IsOk)
        {
            return request.As<ConsolidatedView>();
        }
        var rows = await ConsolidateAsync(id, request.Value!.TemplateVersionId, cancellationToken);
        return new ConsolidatedView(request.Value, rows);
    }

    /// <summary>The submissions a consolidated figure came from, each with its accepted value.</summary>
    public async Task<Result<ProvenanceView>> ProvenanceAsync(Actor actor, int id, string? indicatorCode, CancellationToken cancellationToken = default)
    {
        var consolidated = await ConsolidatedAsync(actor, id, cancellationToken);
        if (!consolidated.IsOk)
        {
            return consolidated.As<ProvenanceView>();
        }
        var row = consolidated.Value!.Rows.FirstOrDefault(r => string.Equals(r.Code, indicatorCode, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            return Result<ProvenanceView>.Invalid("Indicator", Messages.Get("IndicatorNotFound", indicatorCode ?? ""));
        }
        var onlyAgency = OnlyAgency(actor);
        var lines = await (
            from s in db.Submissions.AsNoTracking()
            where s.RequestId == id && s.AcceptedVersionId != null && (s.AgencyId == null || onlyAgency == null || s.AgencyId == onlyAgency)
            join v in db.SubmissionVersions on s.AcceptedVersionId equals v.Id
            join value in db.SubmissionValues.Where(x => x.IndicatorId == row.IndicatorId) on v.Id equals value.SubmissionVersionId into values
            from value in values.DefaultIfEmpty()
            select new { s.Id, s.CommitteeId, s.AgencyId, Name = s.AgencyId == null ? s.Committee!.Name : s.Agency!.Name, v.Number, v.SubmittedAt, Value = (decimal?)value.Number, value.Text, v.PrefilledFromRequestId })
            .ToListAsync(cancellationToken);
        return new ProvenanceView(id, row, [.. lines.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => new ProvenanceLine(
            l.Id, l.CommitteeId, l.Name, l.Number, l.SubmittedAt, l.Value, l.Text, IndicatorValues.Display(row.Type, l.Value, l.Text), l.PrefilledFromRequestId, l.AgencyId))]);
    }

    /// <summary>
    /// Compliance of the committees (or member agencies) that report to this one, one column per period
    /// of a kind in the years asked: on time, late, missing, returned, or not yet due.
    /// </summary>
    public async Task<Result<ComplianceGrid>> ComplianceAsync(Actor actor, int committeeId, PeriodKind kind, int fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(actor, committeeId, cancellationToken) is null)
        {
            return Result<ComplianceGrid>.NotFound();
        }
        if (toYear < fromYear || toYear - fromYear > 10 || !Enum.IsDefined(kind))
        {
            return Result<ComplianceGrid>.Invalid("Year", Messages.Get("ReportPeriodInvalid"));
        }
        var today = Today;
        var onlyAgency = OnlyAgency(actor);
        var cells = await db.Submissions.AsNoTracking()
            .Where(s => s.Request!.CommitteeId == committeeId && s.Request.PeriodKind == kind && s.Request.PeriodYear >= fromYear && s.Request.PeriodYear <= toYear
                && (s.AgencyId == null || onlyAgency == null || s.AgencyId == onlyAgency))
            .Select(s => new { s.Id, s.CommitteeId, s.AgencyId, Name = s.AgencyId == null ? s.Committee!.Name : s.Agency!.Name, s.Status, s.FirstSubmittedAt, s.Request!.Deadline, s.Request.PeriodYear, s.Request.PeriodNumber })
            .ToListAsync(cancellationToken);
        var periods = ReportingPeriod.Between(kind, fromYear, toYear).ToList();
        var rows = cells.GroupBy(c => (c.CommitteeId, c.AgencyId, c.Name)).OrderBy(g => g.Key.AgencyId is null ? 0 : 1).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => new ComplianceRow(g.Key.CommitteeId, g.Key.Name, [.. periods.Select(p =>
                g.Where(c => c.PeriodYear == p.Year && c.PeriodNumber == p.Number).OrderByDescending(c => c.Id).FirstOrDefault() is { } c
                    ? new ComplianceCell(p.ToString(), c.Id, ComplianceOf(c.Status, c.FirstSubmittedAt, c.Deadline, today, clock.LocalTimeZone))
                    : new ComplianceCell(p.ToString(), null, null))], g.Key.AgencyId))
            .ToList();
        return new ComplianceGrid(committeeId, [.. periods.Select(p => p.ToString())], rows);
    }

    /// <summary>The most periods a series gives: twelve quarters and more, not every month of a decade.</summary>
    public const int MaxSeriesPeriods = 60;

    /// <summary>
    /// One indicator's consolidated figure in each of the committee's periodic requests from one
    /// period to another of the same kind (the last twelve of <paramref name="kind"/> when none is
    /// given), rolled up as <see cref="ConsolidatedAsync"/> does. The values are read in one query,
    /// only those of the indicator and of the indicators its formula names.
    /// </summary>
    public async Task<Result<SeriesView>> SeriesAsync(
        Actor actor, int committeeId, string? indicatorCode, PeriodKind kind, string? fromKey, string? toKey, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(actor, committeeId, cancellationToken) is null)
        {
            return Result<SeriesView>.NotFound();
        }
        var to = ReportingPeriod.TryParseKey(toKey, out var last) ? last : (ReportingPeriod?)null;
        var from = ReportingPeriod.TryParseKey(fromKey, out var first) ? first : (ReportingPeriod?)null;
        if ((fromKey is not null && from is null) || (toKey is not null && to is null) || !Enum.IsDefined(kind))
        {
            return Result<SeriesView>.Invalid("Period", Messages.Get("ReportPeriodInvalid"));
        }
        kind = from?.Kind ?? to?.Kind ?? kind;
        var end = to ?? await LastPeriodAsync(committeeId, kind, cancellationToken);
        var start = from ?? Step(end, -11);
        var periods = ReportingPeriod.Between(kind, start.Year, end.Year).Where(p => Index(p) >= Index(start) && Index(p) <= Index(end)).ToList();
        if (start.Kind != end.Kind || periods.Count == 0 || periods.Count > MaxSeriesPeriods)
        {
            return Result<SeriesView>.Invalid("Period", Messages.Get("ReportPeriodInvalid"));
        }
        var code = indicatorCode?.Trim() ?? "";
        var (startIndex, endIndex) = (start.Year * 100 + start.Number, end.Year * 100 + end.Number);
        var found = await db.ReportRequests.AsNoTracking()
            .Where(r => r.CommitteeId == committeeId && r.Kind == ReportKind.Periodic && r.PeriodKind == kind
                && r.PeriodYear * 100 + r.PeriodNumber >= startIndex && r.PeriodYear * 100 + r.PeriodNumber <= endIndex)
            .Join(db.ReportIndicators.Where(i => i.Code == code), r => r.TemplateVersionId, i => i.TemplateVersionId,
                (r, i) => new { r.Id, r.PeriodYear, r.PeriodNumber, r.TemplateVersionId, Indicator = i })
            .ToListAsync(cancellationToken);
        if (found.Count == 0)
        {
            return Result<SeriesView>.Invalid("Indicator", Messages.Get("IndicatorNotFound", code));
        }
        // The newest request of each period (a periodic report is asked once per period and template).
        var byPeriod = found.GroupBy(r => (r.PeriodYear, r.PeriodNumber)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);
        var requestIds = byPeriod.Values.Select(r => r.Id).ToList();
        var versionIds = byPeriod.Values.Select(r => r.TemplateVersionId).Distinct().ToList();
        var named = byPeriod.Values.Select(r => r.Indicator.Formula).OfType<string>().SelectMany(f => Formula.Codes(f) ?? []).Distinct().ToList();
        var indicators = named.Count == 0
            ? byPeriod.Values.Select(r => r.Indicator).ToList()
            : await db.ReportIndicators.AsNoTracking().Where(i => versionIds.Contains(i.TemplateVersionId) && (i.Code == code || named.Contains(i.Code))).ToListAsync(cancellationToken);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var values = await (
            from s in db.Submissions
            where requestIds.Contains(s.RequestId) && s.AcceptedVersionId != null
            join v in db.SubmissionValues on s.AcceptedVersionId equals v.SubmissionVersionId
            where indicatorIds.Contains(v.IndicatorId)
            select new { s.RequestId, v.IndicatorId, v.Number, v.Text })
            .ToListAsync(cancellationToken);
        var byRequest = values.ToLookup(v => (v.RequestId, v.IndicatorId));
        var byVersion = indicators.ToLookup(i => i.TemplateVersionId);
        var newest = byPeriod.Values.MaxBy(r => r.Id)!.Indicator;
        var points = periods.Select(p =>
        {
            if (!byPeriod.TryGetValue((p.Year, p.Number), out var request))
            {
                return new SeriesPoint(0, p.ToString(), p.Key, null, "", 0);
            }
            var indicator = request.Indicator;
            decimal? Rolled(ReportIndicator i) => Aggregations.Apply(i.Type, i.Aggregation, byRequest[(request.Id, i.Id)].Select(v => v.Number));
            var value = indicator.Formula is { } formula
                ? Formula.Evaluate(formula, c => byVersion[request.TemplateVersionId].FirstOrDefault(i => i.Code == c) is { } part ? Rolled(part) : null)
                : Rolled(indicator);
            var contributors = byRequest[(request.Id, indicator.Id)].Count(v => v.Number is not null || v.Text is not null);
            return new SeriesPoint(request.Id, p.ToString(), p.Key, value,
                indicator.Formula is null ? IndicatorValues.DisplayAggregate(indicator.Type, indicator.Aggregation, value) : IndicatorValues.Display(indicator.Type, value, null), contributors);
        }).ToList();
        return new SeriesView(committeeId, newest.Code, newest.Name, newest.Unit, newest.Type, newest.Aggregation, points);

        static int Index(ReportingPeriod p) => p.Year * ReportingPeriod.PerYear(p.Kind) + p.Number - 1;

        static ReportingPeriod Step(ReportingPeriod p, int by)
        {
            var perYear = ReportingPeriod.PerYear(p.Kind);
            var index = Index(p) + by;
            return new(p.Kind, index / perYear, index % perYear + 1);
        }
    }

    /// <summary>The newest period the committee has asked a periodic report for, or the one of today.</summary>
    private async Task<ReportingPeriod> LastPeriodAsync(int committeeId, PeriodKind kind, CancellationToken cancellationToken)
    {
        var newest = await db.ReportRequests.AsNoTracking().Where(r => r.CommitteeId == committeeId && r.Kind == ReportKind.Periodic && r.PeriodKind == kind)
            .OrderByDescending(r => r.PeriodYear).ThenByDescending(r => r.PeriodNumber).Select(r => new { r.PeriodYear, r.PeriodNumber }).FirstOrDefaultAsync(cancellationToken);
        if (newest is not null)
        {
            return new(kind, newest.PeriodYear, newest.PeriodNumber);
        }
        var today = Today;
        var number = kind switch { PeriodKind.Month => today.Month, PeriodKind.Quarter => (today.Month - 1) / 3 + 1, PeriodKind.HalfYear => today.Month <= 6 ? 1 : 2, _ => 1 };
        return new(kind, today.Year, number);
    }

    /// <summary>On time when first submitted by the end of the deadline's day in <paramref name="zone"/> (the committees' time, not the server's).</summary>
    public static Compliance ComplianceOf(SubmissionStatus status, DateTimeOffset? firstSubmittedAt, DateOnly deadline, DateOnly today, TimeZoneInfo zone) =>
        status == SubmissionStatus.Returned ? Compliance.Returned
        : firstSubmittedAt is { } at ? (DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) <= deadline ? Compliance.OnTime : Compliance.Late)
        : today > deadline ? Compliance.Missing : Compliance.Pending;

    /// <summary>Rolls up the accepted versions' values of a request, indicator by indicator.</summary>
    // The consolidated table's three queries, compiled once: a call then skips EF's reading of the
    // query's expression tree and its look-up in the query cache.
    private static readonly Func<SteerCoDbContext, int, CancellationToken, Task<ReportRequest?>> RequestById = EF.CompileAsyncQuery(
        (SteerCoDbContext db, int id, CancellationToken _) => db.ReportRequests.AsNoTracking().Include(r => r.Committee).Include(r => r.TemplateVersion).FirstOrDefault(r => r.Id == id));

    private sealed record SubmissionLine(int Id, int CommitteeId, int? AgencyId, string Name, SubmissionStatus Status, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? AcceptedAt);

    private static readonly Func<SteerCoDbContext, int, int?, IAsyncEnumerable<SubmissionLine>> SubmissionsOf = EF.CompileAsyncQuery(
        (SteerCoDbContext db, int id, int? onlyAgency) => db.Submissions.AsNoTracking().Where(s => s.RequestId == id && (s.AgencyId == null || onlyAgency == null || s.AgencyId == onlyAgency))
            .Select(s => new SubmissionLine(s.Id, s.CommitteeId, s.AgencyId, s.AgencyId == null ? s.Committee!.Name : s.Agency!.Name, s.Status, s.FirstSubmittedAt, s.AcceptedAt)));

    /// <summary>One indicator's accepted values, totalled by the database: the figures, and every value given (a figure or a text).</summary>
    private sealed record AcceptedTotals(int IndicatorId, int Count, decimal? Sum, decimal? Min, decimal? Max, int Contributors)
    {
        public Aggregations.Totals Totals => new(Count, Sum ?? 0, Min ?? 0, Max ?? 0);
    }

    // The database totals the accepted values indicator by indicator: a national quarter sends one
    // row per indicator, not one per province and indicator.
    private static readonly Func<SteerCoDbContext, int, IAsyncEnumerable<AcceptedTotals>> AcceptedTotalsOf = EF.CompileAsyncQuery(
        (SteerCoDbContext db, int requestId) => db.SubmissionValues.AsNoTracking()
            .Where(v => db.Submissions.Where(s => s.RequestId == requestId && s.AcceptedVersionId != null).Select(s => s.AcceptedVersionId!.Value).Contains(v.SubmissionVersionId))
            .GroupBy(v => v.IndicatorId)
            .Select(g => new AcceptedTotals(g.Key, g.Count(v => v.Number != null), g.Sum(v => v.Number), g.Min(v => v.Number), g.Max(v => v.Number),
                g.Count(v => v.Number != null || v.Text != null))));

    internal async Task<List<ConsolidatedRow>> ConsolidateAsync(int requestId, int templateVersionId, CancellationToken cancellationToken)
    {
        var indicators = await templates.IndicatorsAsync(templateVersionId, cancellationToken);
        var totals = new Dictionary<int, AcceptedTotals>();
        await foreach (var total in AcceptedTotalsOf(db, requestId).WithCancellation(cancellationToken))
        {
            totals[total.IndicatorId] = total;
        }
        var rolled = indicators.ToDictionary(i => i.Code, i => i.Formula is null && totals.GetValueOrDefault(i.Id) is { } total
            ? Aggregations.Apply(i.Type, i.Aggregation, total.Totals)
            : null, StringComparer.Ordinal);
        return [.. indicators.Select(i =>
        {
            var value = i.Formula is { } formula ? Formula.Evaluate(formula, code => rolled.GetValueOrDefault(code)) : rolled[i.Code];
            var contributors = totals.GetValueOrDefault(i.Id)?.Contributors ?? 0;
            return new ConsolidatedRow(i.Id, i.Code, i.Name, i.Unit, i.Type, i.Aggregation, i.Formula, value,
                i.Formula is null ? IndicatorValues.DisplayAggregate(i.Type, i.Aggregation, value) : IndicatorValues.Display(i.Type, value, null), contributors);
        })];
    }

    /// <summary>The recipients: the committees chosen (each strictly below this one), or the committees directly below.</summary>
    private async Task<List<Committee>> RecipientsAsync(Committee committee, IReadOnlyList<int>? chosen, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (chosen is { Count: > 0 })
        {
            var ids = chosen.Distinct().ToList();
            var found = await db.Committees.AsNoTracking().InSubtree(committee.Path).Where(c => ids.Contains(c.Id) && c.Id != committee.Id && c.DissolvedOn == null)
                .ToListAsync(cancellationToken);
            if (found.Count != ids.Count)
            {
                problems.Add(new(nameof(RequestInput.CommitteeIds), Messages.Get("ReportRecipientOutside")));
            }
            return found;
        }
        var children = await db.Committees.AsNoTracking().Where(c => c.ParentId == committee.Id && c.DissolvedOn == null).ToListAsync(cancellationToken);
        if (children.Count == 0)
        {
            problems.Add(new(nameof(RequestInput.CommitteeIds), Messages.Get("ReportNoRecipients")));
        }
        return children;
    }

    /// <summary>
    /// The member agencies on the committee's roster of today, each once: those the request goes to.
    /// Choosing committees makes no sense for them, so a choice is refused.
    /// </summary>
    private async Task<List<(int CommitteeId, int? AgencyId, string Name)>> MemberAgenciesAsync(Committee committee, IReadOnlyList<int>? chosen, List<Problem> problems, CancellationToken cancellationToken)
    {
        if (chosen is { Count: > 0 })
        {
            problems.Add(new(nameof(RequestInput.CommitteeIds), Messages.Get("ReportAgenciesNotChosen")));
        }
        var today = Today;
        var agencies = await db.Memberships.AsNoTracking()
            .Where(m => m.CommitteeId == committee.Id && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .Select(m => new { m.AgencyId, m.Agency!.Name }).Distinct().ToListAsync(cancellationToken);
        if (agencies.Count == 0)
        {
            problems.Add(new(nameof(RequestInput.Reporters), Messages.Get("ReportNoMemberAgencies")));
        }
        return [.. agencies.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (committee.Id, (int?)a.AgencyId, a.Name))];
    }

    /// <summary>Null when the actor sees every member agency's submission; otherwise the one agency they see (-1: none).</summary>
    internal static int? OnlyAgency(Actor actor) => actor.Role is Role.Member or Role.Viewer ? actor.AgencyId ?? -1 : null;

    private Task<Committee?> ReadableAsync(Actor actor, int committeeId, CancellationToken cancellationToken) =>
        templates.ReadableAsync(actor, committeeId, cancellationToken);
}
