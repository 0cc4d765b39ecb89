using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Attachments;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Documents.Files;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Reporting;

/// <summary>What the form sends: values by indicator code as typed (an empty one clears it), narrative text by section id.</summary>
public sealed record SubmissionInput(IReadOnlyDictionary<string, string?>? Values, IReadOnlyDictionary<int, string?>? Narratives);

public sealed record FieldView(int IndicatorId, string Code, string Name, string? Unit, IndicatorType Type, Aggregation Aggregation, string? Formula, decimal? Number, string? Text, string Display, string Raw);

public sealed record NarrativeView(int SectionId, string Title, string Text);

/// <summary>A report a committee owes the committee above: which request, for whom, by when, and where it stands.</summary>
public sealed record OwedSubmission(int Id, int RequestId, string RequestTitle, string PeriodText, int RequesterCommitteeId, string RequesterName, DateOnly Deadline,
    SubmissionStatus Status, Compliance Compliance, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? AcceptedAt);

public sealed record VersionView(int Id, int Number, DateTimeOffset? SubmittedAt, string? SubmittedBy, bool? Accepted, string? ReviewComment, DateTimeOffset? ReviewedAt, string? ReviewedBy, int? PrefilledFromRequestId);

/// <summary>
/// A submission as its form shows it: the open draft's figures (or the last submitted ones), the
/// history of versions with their reviews, and what the reader may do.
/// </summary>
public sealed record SubmissionView(
    int Id, int RequestId, string RequestTitle, ReportingPeriod Period, string PeriodText, DateOnly Deadline,
    int RequesterCommitteeId, string RequesterName, int CommitteeId, string CommitteeName,
    SubmissionStatus Status, Compliance Compliance, int Version, int ShownVersionNumber, bool IsDraft,
    bool CanEdit, bool CanReview, IReadOnlyList<FieldView> Fields, IReadOnlyList<NarrativeView> Narratives, IReadOnlyList<VersionView> History,
    int? AgencyId = null, string? AgencyName = null)
{
    /// <summary>Who reports: the member agency, or the committee below.</summary>
    public string ReporterName => AgencyName ?? CommitteeName;

    /// <summary>The files of the version shown.</summary>
    public IReadOnlyList<DocumentFileView> Attachments { get; init; } = [];

    /// <summary>Nothing to show this reader yet: the requester before the first submission (version 0).</summary>
    public bool NothingSubmitted => ShownVersionNumber == 0;
}

/// <summary>
/// Filling, submitting and reviewing submissions. Read by the readers of the committee that
/// submits it and of the committee that asked for it; filled and submitted by the submitting
/// committee's secretariat; accepted or returned by the requesting committee's secretariat.
/// A member agency's submission is read by the committee's readers (a member or viewer: only their
/// own agency's) and filled by the agency's users (<see cref="Scope.CanReportFor"/>).
/// </summary>
public sealed class Submissions(SteerCoDbContext db, ReportRequests requests, ReportTemplates templates, FileIntake intake, TimeProvider clock)
{
    /// <summary>Where a figure's problem is: the figure's place in <see cref="SubmissionInput.Values"/>, its code as the template writes it.</summary>
    public static string ValueField(string code) => $"{nameof(SubmissionInput.Values)}.{code}";

    public async Task<Result<SubmissionView>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var (submission, request, committee, requester) = await LoadAsync(id, cancellationToken);
        if (submission is null || !CanRead(actor, submission, committee!, requester!))
        {
            return Result<SubmissionView>.NotFound();
        }
        var versions = await db.SubmissionVersions.AsNoTracking().Where(v => v.SubmissionId == id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        SubmissionVersion? shown = versions.LastOrDefault(v => v.SubmittedAt is null) ?? versions.Last();
        // The requester reads what was submitted, not a draft being typed below: before the first
        // submission, nothing (as with the files: only submitted versions').
        if (shown.SubmittedAt is null && !IsReporter(actor, submission, committee!))
        {
            shown = versions.LastOrDefault(v => v.SubmittedAt is not null);
        }
        var shownId = shown?.Id ?? 0;
        var template = await templates.VersionAsync(request!.TemplateVersionId, cancellationToken);
        var values = await db.SubmissionValues.AsNoTracking().Where(v => v.SubmissionVersionId == shownId).ToDictionaryAsync(v => v.IndicatorId, cancellationToken);
        var texts = await db.SubmissionNarratives.AsNoTracking().Where(n => n.SubmissionVersionId == shownId).ToDictionaryAsync(n => n.SectionId, n => n.Text, cancellationToken);
        var isDraft = shown is { SubmittedAt: null };
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.SubmissionVersionId == shownId && a.DeletedAt == null).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return new SubmissionView(
            submission.Id, request.Id, request.Title, request.Period, request.Period.ToString(), request.Deadline,
            requester!.Id, requester.Name, committee!.Id, committee.Name, submission.Status,
            ReportRequests.ComplianceOf(submission.Status, submission.FirstSubmittedAt, request.Deadline, requests.Today, clock.LocalTimeZone),
            submission.Version, shown?.Number ?? 0, isDraft, isDraft && CanFill(actor, submission, committee), submission.Status == SubmissionStatus.Submitted && actor.CanManage(requester),
            [.. template.Indicators.Select(i => values.GetValueOrDefault(i.Id) is { } v
                ? new FieldView(i.Id, i.Code, i.Name, i.Unit, i.Type, i.Aggregation, i.Formula, v.Number, v.Text, IndicatorValues.Display(i.Type, v.Number, v.Text), IndicatorValues.Raw(i.Type, v.Number, v.Text))
                : new FieldView(i.Id, i.Code, i.Name, i.Unit, i.Type, i.Aggregation, i.Formula, null, null, "", ""))],
            [.. template.Sections.Select(s => new NarrativeView(s.Id, s.Title, texts.GetValueOrDefault(s.Id) ?? ""))],
            [.. versions.Select(v => new VersionView(v.Id, v.Number, v.SubmittedAt, v.SubmittedBy, v.Accepted, v.ReviewComment, v.ReviewedAt, v.ReviewedBy, v.PrefilledFromRequestId))],
            submission.AgencyId, submission.AgencyId is { } agencyId ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken) : null)
        {
            Attachments = [.. attachments.Select(a => a.ToView())],
        };
    }

    /// <summary>Attaches files to the open draft, under the submission's version; a refused file refuses them all.</summary>
    public async Task<Result<SubmissionView>> AttachAsync(Actor actor, int id, IReadOnlyList<Upload> files, int? version, CancellationToken cancellationToken = default)
    {
        var (draft, _, refusal) = await OpenDraftAsync(actor, id, version, cancellationToken);
        if (draft is null)
        {
            return refusal!;
        }
        if (files.Count == 0)
        {
            return Result<SubmissionView>.Invalid(FileIntake.FileField, Messages.Get("FileRequired"));
        }
        var checkedFiles = await intake.CheckAllAsync(files, cancellationToken);
        if (!checkedFiles.IsOk)
        {
            return checkedFiles.As<SubmissionView>();
        }
        var now = clock.GetUtcNow();
        foreach (var file in checkedFiles.Value!)
        {
            using (file)
            {
                var attachment = Attachment.Keep(intake, file, actor.UserName, now);
                attachment.SubmissionVersionId = draft.Version.Id;
                db.Attachments.Add(attachment);
            }
        }
        return await TouchAndSaveAsync(actor, draft, version!.Value, cancellationToken);
    }

    /// <summary>Takes a file off the open draft; the versions before keep theirs.</summary>
    public async Task<Result<SubmissionView>> RemoveAttachmentAsync(Actor actor, int id, int attachmentId, int? version, CancellationToken cancellationToken = default)
    {
        var (draft, _, refusal) = await OpenDraftAsync(actor, id, version, cancellationToken);
        if (draft is null)
        {
            return refusal!;
        }
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.SubmissionVersionId == draft.Version.Id && a.DeletedAt == null, cancellationToken);
        if (attachment is null)
        {
            return Result<SubmissionView>.NotFound();
        }
        attachment.DeletedAt = clock.GetUtcNow();
        return await TouchAndSaveAsync(actor, draft, version!.Value, cancellationToken);
    }

    /// <summary>
    /// A file of any version, for the submitting committee's readers; the requester's readers get
    /// only the files of versions submitted to them, as they see only those versions.
    /// </summary>
    public async Task<Result<FileDownload>> OpenAttachmentAsync(Actor actor, int id, int attachmentId, CancellationToken cancellationToken = default)
    {
        var (submission, _, committee, requester) = await LoadAsync(id, cancellationToken);
        if (submission is null || !CanRead(actor, submission, committee!, requester!))
        {
            return Result<FileDownload>.NotFound();
        }
        var submittedOnly = !IsReporter(actor, submission, committee!);
        var attachment = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.DeletedAt == null)
            .Where(a => db.SubmissionVersions.Any(v => v.Id == a.SubmissionVersionId && v.SubmissionId == id && (!submittedOnly || v.SubmittedAt != null)))
            .FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return Result<FileDownload>.NotFound();
        }
        return new FileDownload(attachment.ToView(), intake.OpenRead(attachment.Sha256, $"attachment {attachment.Id}"));
    }

    /// <summary>
    /// The submissions a committee owes, latest deadline first, with who asked and by when; for a
    /// user of a member agency, also what their agency owes the committee. With
    /// <paramref name="toSendOnly"/>, only those still to send: never sent, or sent back.
    /// </summary>
    public async Task<Result<IReadOnlyList<OwedSubmission>>> OwedAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default, bool toSendOnly = false)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<IReadOnlyList<OwedSubmission>>.NotFound();
        }
        var today = requests.Today;
        var agencyId = actor.AgencyId ?? -1;
        var mine = db.Submissions.AsNoTracking().Where(s => s.CommitteeId == committeeId && (s.AgencyId == null || s.AgencyId == agencyId));
        if (toSendOnly)
        {
            mine = mine.Where(s => s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned);
        }
        var owed = await mine
            .OrderByDescending(s => s.Request!.Deadline).ThenByDescending(s => s.Id).Take(200)
            .Select(s => new
            {
                s.Id,
                s.RequestId,
                s.Request!.Title,
                s.Request.PeriodKind,
                s.Request.PeriodYear,
                s.Request.PeriodNumber,
                s.Request.CommitteeId,
                RequesterName = s.Request.Committee!.Name,
                s.Request.Deadline,
                s.Status,
                s.FirstSubmittedAt,
                s.AcceptedAt,
            })
            .ToListAsync(cancellationToken);
        return owed.Select(s => new OwedSubmission(s.Id, s.RequestId, s.Title, new ReportingPeriod(s.PeriodKind, s.PeriodYear, s.PeriodNumber).ToString(),
            s.CommitteeId, s.RequesterName, s.Deadline, s.Status, ReportRequests.ComplianceOf(s.Status, s.FirstSubmittedAt, s.Deadline, today, clock.LocalTimeZone), s.FirstSubmittedAt, s.AcceptedAt)).ToList();
    }

    /// <summary>Saves typed values into the open draft; any value that does not read as its type refuses the whole save.</summary>
    public async Task<Result<SubmissionView>> SaveAsync(Actor actor, int id, SubmissionInput input, int? version, CancellationToken cancellationToken = default)
    {
        var (draft, fields, refusal) = await OpenDraftAsync(actor, id, version, cancellationToken);
        if (draft is null)
        {
            return refusal!;
        }
        var problems = new List<Problem>();
        var parsed = new Dictionary<int, ParsedValue>();
        foreach (var (code, raw) in input.Values ?? new Dictionary<string, string?>())
        {
            var field = fields.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                problems.Add(new(ValueField(code), Messages.Get("IndicatorNotFound", code)));
                continue;
            }
            if (field.Formula is not null)
            {
                continue;
            }
            var value = IndicatorValues.Parse($"{field.Code} {field.Name}", field.Type, raw);
            if (value.Error is { } error)
            {
                problems.Add(new(ValueField(field.Code), error));
            }
            parsed[field.Id] = value;
        }
        var narratives = CheckNarratives(input.Narratives, draft.Sections, problems);
        if (problems.Count > 0)
        {
            return Result<SubmissionView>.Invalid(problems);
        }
        return await ApplyAsync(actor, draft, parsed, narratives, null, version!.Value, cancellationToken);
    }

    /// <summary>
    /// Reads a workbook made by <see cref="SubmissionWorkbook.Write"/> into the open draft. Any wrong
    /// cell refuses the whole file, each named by its cell, and nothing is saved. Without a version
    /// the file replaces the draft as it stands now.
    /// </summary>
    public async Task<Result<SubmissionView>> ImportAsync(Actor actor, int id, Stream? file, int? version, CancellationToken cancellationToken = default)
    {
        var current = await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.Version).FirstOrDefaultAsync(cancellationToken);
        var (draft, _, refusal) = await OpenDraftAsync(actor, id, version ?? current, cancellationToken);
        if (draft is null)
        {
            return refusal!;
        }
        if (file is null)
        {
            return Result<SubmissionView>.Invalid("File", Messages.Get("WorkbookNotXlsx"));
        }
        var view = (await GetAsync(actor, id, cancellationToken)).Value!;
        var content = SubmissionWorkbook.Read(file, view);
        if (content.Problems.Count > 0)
        {
            return Result<SubmissionView>.Invalid(content.Problems);
        }
        return await ApplyAsync(actor, draft, content.Values, content.Narratives, null, (version ?? current)!.Value, cancellationToken);
    }

    /// <summary>
    /// Fills the draft with the consolidated figures of this committee's own request for the same
    /// period and template: its accepted submissions below, rolled up. Records which request, for provenance.
    /// </summary>
    public async Task<Result<SubmissionView>> PrefillAsync(Actor actor, int id, int? version, CancellationToken cancellationToken = default)
    {
        var (draft, fields, refusal) = await OpenDraftAsync(actor, id, version, cancellationToken);
        if (draft is null)
        {
            return refusal!;
        }
        // A member agency reports its own figures: there is nothing below it to consolidate.
        if (draft.Submission.AgencyId is not null)
        {
            return Result<SubmissionView>.Invalid("", Messages.Get("PrefillAgency"));
        }
        var templateId = await db.ReportTemplateVersions.Where(v => v.Id == draft.Request.TemplateVersionId).Select(v => v.TemplateId).SingleAsync(cancellationToken);
        var own = await db.ReportRequests.AsNoTracking()
            .Where(r => r.CommitteeId == draft.Submission.CommitteeId && r.PeriodKind == draft.Request.PeriodKind && r.PeriodYear == draft.Request.PeriodYear
                && r.PeriodNumber == draft.Request.PeriodNumber)
            .Select(r => new { r.Id, r.TemplateVersionId, r.TemplateVersion!.TemplateId, OwnerCommitteeId = r.TemplateVersion.Template!.CommitteeId })
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        // The committee's own request on the same template, or on a template of its own whose codes match.
        var source = own.FirstOrDefault(r => r.TemplateId == templateId) ?? own.FirstOrDefault();
        if (source is null)
        {
            return Result<SubmissionView>.Invalid("", Messages.Get("PrefillNoSource", draft.Request.Period.ToString()));
        }
        var rows = await requests.ConsolidateAsync(source.Id, source.TemplateVersionId, cancellationToken);
        var parsed = new Dictionary<int, ParsedValue>();
        foreach (var field in fields.Where(f => f.Formula is null))
        {
            if (rows.FirstOrDefault(r => string.Equals(r.Code, field.Code, StringComparison.Ordinal) && r.Value is not null) is { } row)
            {
                parsed[field.Id] = IndicatorValues.Check(field.Name, field.Type, row.Value!.Value) is { Error: null } ok ? ok : default;
            }
        }
        return await ApplyAsync(actor, draft, parsed, new Dictionary<int, string>(), source.Id, version!.Value, cancellationToken);
    }

    /// <summary>Submits the open draft: it is frozen as a version, and the requester is told.</summary>
    public async Task<Result<SubmissionView>> SubmitAsync(Actor actor, int id, int? version, CancellationToken cancellationToken = default)
    {
        var (draft, fields, refusal) = await OpenDraftAsync(actor, id, version, cancellationToken);
        if (draft is null)
        {
            return refusal!;
        }
        var filled = await db.SubmissionValues.Where(v => v.SubmissionVersionId == draft.Version.Id).Select(v => v.IndicatorId).ToListAsync(cancellationToken);
        var missing = fields.Where(f => f.Formula is null && f.Type != IndicatorType.Text && !filled.Contains(f.Id)).ToList();
        if (missing.Count > 0)
        {
            return Result<SubmissionView>.Invalid([.. missing.Select(f => new Problem(ValueField(f.Code), Messages.Get("ValueRequired", $"{f.Code} {f.Name}")))]);
        }
        var now = clock.GetUtcNow();
        db.Entry(draft.Submission).Property(s => s.Version).OriginalValue = version!.Value;
        draft.Version.SubmittedAt = now;
        draft.Version.SubmittedBy = actor.UserName;
        draft.Submission.Status = SubmissionStatus.Submitted;
        draft.Submission.FirstSubmittedAt ??= now;
        draft.Submission.LastSubmittedAt = now;
        var committeeName = draft.Submission.AgencyId is { } agencyId
            ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken)
            : await db.Committees.Where(c => c.Id == draft.Submission.CommitteeId).Select(c => c.Name).SingleAsync(cancellationToken);
        db.Notifications.Add(new Notification
        {
            CommitteeId = draft.Request.CommitteeId,
            Key = $"submitted:{id}:{draft.Version.Number}",
            Text = Messages.Get("NotifySubmitted", committeeName, draft.Request.Title),
            AgencyId = draft.Submission.AgencyId,
            Link = $"/Reporting/Submission/{id}",
            CreatedAt = now,
        });
        return await SaveAsync(actor, id, cancellationToken);
    }

    /// <summary>
    /// What the form's submit button does: saves what was typed and submits it, in one transaction,
    /// so that a refused submission (a value unreadable or missing) leaves the draft as it was.
    /// </summary>
    public async Task<Result<SubmissionView>> SaveAndSubmitAsync(Actor actor, int id, SubmissionInput input, int? version, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var saved = await SaveAsync(actor, id, input, version, cancellationToken);
        if (!saved.IsOk)
        {
            return saved;
        }
        var submitted = await SubmitAsync(actor, id, saved.Value!.Version, cancellationToken);
        if (submitted.IsOk)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return submitted;
    }

    /// <summary>The requester accepts the submitted version: its figures roll up.</summary>
    public Task<Result<SubmissionView>> AcceptAsync(Actor actor, int id, string? comment, int? version, CancellationToken cancellationToken = default) =>
        ReviewAsync(actor, id, accept: true, comment, version, cancellationToken);

    /// <summary>The requester returns the submitted version with its comments; a copy opens as the next draft.</summary>
    public Task<Result<SubmissionView>> ReturnAsync(Actor actor, int id, string? comment, int? version, CancellationToken cancellationToken = default) =>
        ReviewAsync(actor, id, accept: false, comment, version, cancellationToken);

    private async Task<Result<SubmissionView>> ReviewAsync(Actor actor, int id, bool accept, string? comment, int? version, CancellationToken cancellationToken)
    {
        var (submission, request, committee, requester) = await LoadAsync(id, cancellationToken, track: true);
        if (submission is null || !CanRead(actor, submission, committee!, requester!))
        {
            return Result<SubmissionView>.NotFound();
        }
        if (!actor.CanManage(requester!))
        {
            return Result<SubmissionView>.Forbidden();
        }
        if (version is null)
        {
            return Result<SubmissionView>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (submission.Status != SubmissionStatus.Submitted)
        {
            return Result<SubmissionView>.Invalid("", Messages.Get("SubmissionNotSubmitted"));
        }
        var text = VietnameseText.Clean(comment);
        if (!accept && text.Length == 0)
        {
            return Result<SubmissionView>.Invalid("Comment", Messages.Get("ReturnNeedsComment"));
        }
        if (text.Length > 4000)
        {
            return Result<SubmissionView>.Invalid("Comment", Messages.Get("TooLong", Messages.Get("FieldComment"), 4000));
        }
        var last = await db.SubmissionVersions.Where(v => v.SubmissionId == id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Entry(submission).Property(s => s.Version).OriginalValue = version.Value;
        last.Accepted = accept;
        last.ReviewComment = text.Length > 0 ? text : null;
        last.ReviewedAt = now;
        last.ReviewedBy = actor.UserName;
        submission.Status = accept ? SubmissionStatus.Accepted : SubmissionStatus.Returned;
        if (accept)
        {
            submission.AcceptedAt = now;
            submission.AcceptedVersionId = last.Id;
        }
        // An agency's report comes back to its own committee: the notice names the agency, and only that agency's members read it.
        var agencyName = submission.AgencyId is { } agencyId ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken) : null;
        db.Notifications.Add(new Notification
        {
            CommitteeId = submission.CommitteeId,
            Key = $"{(accept ? "accepted" : "returned")}:{id}:{last.Number}",
            Text = agencyName is null
                ? Messages.Get(accept ? "NotifyAccepted" : "NotifyReturned", request!.Title, text)
                : Messages.Get(accept ? "NotifyAcceptedAgency" : "NotifyReturnedAgency", request!.Title, text, agencyName),
            AgencyId = submission.AgencyId,
            Link = $"/Reporting/Submission/{id}",
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<SubmissionView>.Conflict();
        }
        if (!accept)
        {
            // The next draft starts from what was returned, so only the corrections need typing.
            var next = new SubmissionVersion { SubmissionId = id, Number = last.Number + 1, PrefilledFromRequestId = last.PrefilledFromRequestId };
            db.SubmissionVersions.Add(next);
            await db.SaveChangesAsync(cancellationToken);
            var values = await db.SubmissionValues.AsNoTracking().Where(v => v.SubmissionVersionId == last.Id).ToListAsync(cancellationToken);
            db.SubmissionValues.AddRange(values.Select(v => new SubmissionValue { SubmissionVersionId = next.Id, IndicatorId = v.IndicatorId, Number = v.Number, Text = v.Text }));
            var texts = await db.SubmissionNarratives.AsNoTracking().Where(n => n.SubmissionVersionId == last.Id).ToListAsync(cancellationToken);
            db.SubmissionNarratives.AddRange(texts.Select(n => new SubmissionNarrative { SubmissionVersionId = next.Id, SectionId = n.SectionId, Text = n.Text }));
            // The files come along as links to the same bytes: removing one from the draft leaves the returned version's.
            var files = await db.Attachments.AsNoTracking().Where(a => a.SubmissionVersionId == last.Id && a.DeletedAt == null).OrderBy(a => a.Id).ToListAsync(cancellationToken);
            db.Attachments.AddRange(files.Select(a => new Attachment
            {
                SubmissionVersionId = next.Id,
                Sha256 = a.Sha256,
                FileName = a.FileName,
                ContentType = a.ContentType,
                Size = a.Size,
                UploadedAt = a.UploadedAt,
                UploadedBy = a.UploadedBy,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await GetAsync(actor, id, cancellationToken);
    }

    /// <summary>The open draft with what a save needs, tracked.</summary>
    internal sealed record Draft(Submission Submission, SubmissionVersion Version, ReportRequest Request, IReadOnlyList<SectionView> Sections);

    internal sealed record Field(int Id, string Code, string Name, IndicatorType Type, string? Formula);

    /// <summary>The draft if the actor may fill it now, with the template's indicators; otherwise why not.</summary>
    internal async Task<(Draft? Draft, IReadOnlyList<Field> Fields, Result<SubmissionView>? Refusal)> OpenDraftAsync(Actor actor, int id, int? version, CancellationToken cancellationToken)
    {
        var (submission, request, committee, requester) = await LoadAsync(id, cancellationToken, track: true);
        if (submission is null || !CanRead(actor, submission, committee!, requester!))
        {
            return (null, [], Result<SubmissionView>.NotFound());
        }
        if (!CanFill(actor, submission, committee!))
        {
            return (null, [], Result<SubmissionView>.Forbidden());
        }
        if (version is null)
        {
            return (null, [], Result<SubmissionView>.Invalid("Version", Messages.Get("VersionRequired")));
        }
        var draft = await db.SubmissionVersions.Where(v => v.SubmissionId == id && v.SubmittedAt == null).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (draft is null || submission.Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted)
        {
            return (null, [], Result<SubmissionView>.Invalid("", Messages.Get("SubmissionNotOpen")));
        }
        if (submission.Version != version)
        {
            return (null, [], Result<SubmissionView>.Conflict());
        }
        var template = await templates.VersionAsync(request!.TemplateVersionId, cancellationToken);
        return (new Draft(submission, draft, request, template.Sections),
            [.. template.Indicators.Select(i => new Field(i.Id, i.Code, i.Name, i.Type, i.Formula))], null);
    }

    /// <summary>
    /// Writes the values (an empty one removes the figure), recomputes the formulas over the draft's
    /// figures and saves in one transaction under the submission's version.
    /// </summary>
    internal async Task<Result<SubmissionView>> ApplyAsync(Actor actor, Draft draft, IReadOnlyDictionary<int, ParsedValue> values,
        IReadOnlyDictionary<int, string> narratives, int? prefilledFrom, int version, CancellationToken cancellationToken)
    {
        var template = await templates.VersionAsync(draft.Request.TemplateVersionId, cancellationToken);
        var stored = await db.SubmissionValues.Where(v => v.SubmissionVersionId == draft.Version.Id).ToDictionaryAsync(v => v.IndicatorId, cancellationToken);
        foreach (var (indicatorId, value) in values)
        {
            if (value.IsEmpty)
            {
                if (stored.Remove(indicatorId, out var gone))
                {
                    db.SubmissionValues.Remove(gone);
                }
            }
            else if (stored.TryGetValue(indicatorId, out var existing))
            {
                existing.Number = value.Number;
                existing.Text = value.Text;
            }
            else
            {
                var added = new SubmissionValue { SubmissionVersionId = draft.Version.Id, IndicatorId = indicatorId, Number = value.Number, Text = value.Text };
                db.SubmissionValues.Add(added);
                stored[indicatorId] = added;
            }
        }
        var byCode = template.Indicators.ToDictionary(i => i.Code, i => i.Id, StringComparer.Ordinal);
        foreach (var computed in template.Indicators.Where(i => i.Formula is not null))
        {
            var result = Formula.Evaluate(computed.Formula!, code => byCode.TryGetValue(code, out var iid) ? stored.GetValueOrDefault(iid)?.Number : null);
            if (stored.TryGetValue(computed.Id, out var existing))
            {
                if (result is null)
                {
                    db.SubmissionValues.Remove(existing);
                }
                else
                {
                    existing.Number = result;
                }
            }
            else if (result is not null)
            {
                db.SubmissionValues.Add(new SubmissionValue { SubmissionVersionId = draft.Version.Id, IndicatorId = computed.Id, Number = result });
            }
        }
        var texts = await db.SubmissionNarratives.Where(n => n.SubmissionVersionId == draft.Version.Id).ToDictionaryAsync(n => n.SectionId, cancellationToken);
        foreach (var (sectionId, text) in narratives)
        {
            if (texts.TryGetValue(sectionId, out var existing))
            {
                if (text.Length == 0)
                {
                    db.SubmissionNarratives.Remove(existing);
                }
                else
                {
                    existing.Text = text;
                }
            }
            else if (text.Length > 0)
            {
                db.SubmissionNarratives.Add(new SubmissionNarrative { SubmissionVersionId = draft.Version.Id, SectionId = sectionId, Text = text });
            }
        }
        if (prefilledFrom is not null)
        {
            draft.Version.PrefilledFromRequestId = prefilledFrom;
        }
        if (draft.Submission.Status == SubmissionStatus.Returned)
        {
            draft.Submission.Status = SubmissionStatus.Draft;
        }
        return await TouchAndSaveAsync(actor, draft, version, cancellationToken);
    }

    /// <summary>
    /// Saves a change to the draft under the submission's version: the submission's row changes with
    /// every save, so that its version guards the values and files too.
    /// </summary>
    private async Task<Result<SubmissionView>> TouchAndSaveAsync(Actor actor, Draft draft, int version, CancellationToken cancellationToken)
    {
        db.Entry(draft.Submission).Property(s => s.Version).OriginalValue = version;
        db.Entry(draft.Submission).Property(s => s.Version).IsModified = true;
        return await SaveAsync(actor, draft.Submission.Id, cancellationToken);
    }

    private static Dictionary<int, string> CheckNarratives(IReadOnlyDictionary<int, string?>? input, IReadOnlyList<SectionView> sections, List<Problem> problems)
    {
        var result = new Dictionary<int, string>();
        foreach (var (sectionId, raw) in input ?? new Dictionary<int, string?>())
        {
            var section = sections.FirstOrDefault(s => s.Id == sectionId);
            var text = VietnameseText.Clean(raw);
            if (section is null)
            {
                problems.Add(new("Narratives", Messages.Get("SectionNotFound")));
            }
            else if (text.Length > 20000)
            {
                problems.Add(new("Narratives", Messages.Get("ValueTextTooLong", section.Title, 20000)));
            }
            else
            {
                result[sectionId] = text;
            }
        }
        return result;
    }

    private async Task<Result<SubmissionView>> SaveAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<SubmissionView>.Conflict();
        }
        db.ChangeTracker.Clear();
        return await GetAsync(actor, id, cancellationToken);
    }

    private static bool CanRead(Actor actor, Submission submission, Committee committee, Committee requester) =>
        submission.AgencyId is { } agencyId ? actor.CanReadReportOf(committee, agencyId) : actor.CanRead(committee) || actor.CanRead(requester);

    /// <summary>On the reporting side: reads the committee below, or reports for the member agency.</summary>
    private static bool IsReporter(Actor actor, Submission submission, Committee committee) =>
        submission.AgencyId is { } agencyId ? actor.CanReportFor(committee, agencyId) : actor.CanRead(committee);

    private static bool CanFill(Actor actor, Submission submission, Committee committee) =>
        submission.AgencyId is { } agencyId ? actor.CanReportFor(committee, agencyId) : actor.CanManage(committee);

    private async Task<(Submission? Submission, ReportRequest? Request, Committee? Committee, Committee? Requester)> LoadAsync(int id, CancellationToken cancellationToken, bool track = false)
    {
        var query = track ? db.Submissions : db.Submissions.AsNoTracking();
        var submission = await query.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return default;
        }
        var request = await db.ReportRequests.AsNoTracking().SingleAsync(r => r.Id == submission.RequestId, cancellationToken);
        var committees = await db.Committees.AsNoTracking().Where(c => c.Id == submission.CommitteeId || c.Id == request.CommitteeId).ToDictionaryAsync(c => c.Id, cancellationToken);
        return (submission, request, committees[submission.CommitteeId], committees[request.CommitteeId]);
    }
}
