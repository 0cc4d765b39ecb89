using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Attachments;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents.Files;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.WorkItems;

/// <summary>
/// Tasks: created by a committee's secretariat (or by a conclusion notice), passed down to the
/// committees below, reported on by the agency that leads them, extended, reassigned, closed.
/// A parent's status rolls up from its children.
/// </summary>
public sealed class WorkItemService(SteerCoDbContext db, FileIntake intake, TimeProvider clock, OverdueTotals overdueTotals, FanOutTurns fanOuts)
{
    public const int TitleLength = 1000;
    public const int TextLength = 4000;

    public DateOnly Today => clock.Today();

    public async Task<Result<WorkItemDetail>> CreateAsync(Actor actor, int committeeId, WorkItemInput input, CancellationToken cancellationToken = default)
    {
        // A task passed down at once takes its turn with the other fan-outs (FanOutTurns).
        using var turn = input.FansOut ? await fanOuts.WaitAsync(cancellationToken) : null;
        var prepared = await PrepareCreationAsync(actor, committeeId, input, cancellationToken);
        if (!prepared.IsOk)
        {
            db.ChangeTracker.Clear();
            return prepared.As<WorkItemDetail>();
        }
        var item = prepared.Value!;
        // The task and its children are one SaveChanges: one transaction.
        db.WorkItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        LetGo(turn);
        return await GetAsync(actor, item.Id, cancellationToken);
    }

    /// <summary>Once a fan-out is saved: its tracked graph is let go and the next fan-out's turn comes.</summary>
    private void LetGo(FanOutTurns.Turn? turn)
    {
        if (turn is not null)
        {
            db.ChangeTracker.Clear();
            turn.Dispose();
        }
    }

    /// <summary>
    /// What creating the task would answer, without creating it: the problems a form shows beside a
    /// date it could not read (given here as absent). The same check as <see cref="CreateAsync"/>.
    /// </summary>
    public async Task<Result<bool>> CheckCreationAsync(Actor actor, int committeeId, WorkItemInput input, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareCreationAsync(actor, committeeId, input, cancellationToken);
        // The check builds the task and its children only to look at them: none of it stays tracked.
        db.ChangeTracker.Clear();
        return prepared.IsOk ? true : prepared.As<bool>();
    }

    /// <summary>Checks a new task of the committee and builds it with its children, unsaved (the children are tracked).</summary>
    private async Task<Result<WorkItem>> PrepareCreationAsync(Actor actor, int committeeId, WorkItemInput input, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<WorkItem>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<WorkItem>.Forbidden();
        }
        var (problems, item) = await PrepareAsync(committee, input, actor.UserName, "", cancellationToken);
        var committeeIds = input.FanOutToAll ? null : input.FanOutCommitteeIds;
        if (item is not null && input.FansOut)
        {
            problems.AddRange(await FanOutAsync(item, committeeIds, actor.UserName, cancellationToken));
        }
        else if (input.FansOut)
        {
            // The task itself is refused: the committees it was to go down to are still checked, so all is said at once.
            problems.AddRange((await FanOutTargetsAsync(committee.Id, committeeIds, cancellationToken)).Problems);
        }
        return problems.Count > 0 ? Result<WorkItem>.Invalid(problems) : item!;
    }

    /// <summary>The new-task form of a committee the actor keeps: agencies, possible sources (the most recent 200 documents of the committee and those above it that the actor reads, and of the committee's plans), the committees below.</summary>
    public async Task<Result<NewWorkItemChoices>> NewItemChoicesAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<NewWorkItemChoices>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<NewWorkItemChoices>.Forbidden();
        }
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.UnitId == committee.UnitId && a.DissolvedOn == null).OrderBy(a => a.Name)
            .Select(a => new AgencyRef(a.Id, a.Name)).ToListAsync(cancellationToken);
        var documents = await SourcesFor(actor, committee)
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(200)
            .Select(d => new { d.Id, d.CommitteeId, d.Type, d.Symbol, d.IssuedOn, d.Subject }).ToListAsync(cancellationToken);
        var plans = await db.Documents.AsNoTracking().Where(d => d.CommitteeId == committee.Id && d.Type == "KH" && d.DeletedAt == null)
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(200)
            .Select(d => new { d.Id, d.CommitteeId, d.Type, d.Symbol, d.IssuedOn, d.Subject }).ToListAsync(cancellationToken);
        DocumentChoice Choice(int id, string? symbol, DateOnly issuedOn, string subject) =>
            new(id, $"{symbol ?? "—"} {issuedOn.ToShort()} — {(subject.Length > 120 ? subject[..120] + "…" : subject)}");
        var below = await db.Committees.AsNoTracking().Where(c => c.ParentId == committee.Id && c.DissolvedOn == null).OrderBy(c => c.Name)
            .Select(c => new CommitteeChoice(c.Id, c.Name, false)).ToListAsync(cancellationToken);
        return new NewWorkItemChoices(committee.Id, committee.Name, agencies,
            [.. documents.Select(d => Choice(d.Id, d.Symbol, d.IssuedOn, d.Subject))],
            [.. plans.Select(d => Choice(d.Id, d.Symbol, d.IssuedOn, d.Subject))],
            below);
    }

    /// <summary>
    /// The source document a secretariat names by its number and symbol ("15/CT-TTg"), for one
    /// older than the form's list: of the committee or those above it, readable by the actor. A
    /// symbol a committee used in several years needs the issue date after it ("15/KH-BCĐ 20/03/2025").
    /// </summary>
    public async Task<Result<int>> FindSourceAsync(Actor actor, int committeeId, string? typed, CancellationToken cancellationToken = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<int>.NotFound();
        }
        var text = VietnameseText.Clean(typed);
        DateOnly? issuedOn = null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && DateFormats.TryParseShort(words[^1], out var date))
        {
            issuedOn = date;
            words.RemoveAt(words.Count - 1);
            if (words.Count > 1 && string.Equals(words[^1], "ngày", StringComparison.OrdinalIgnoreCase))
            {
                words.RemoveAt(words.Count - 1);
            }
        }
        var symbol = string.Concat(words);
        if (symbol.Length == 0)
        {
            return Result<int>.Invalid(nameof(WorkItemInput.SourceDocumentId), Messages.Get("SourceDocumentRequired"));
        }
        var upper = symbol.ToUpperInvariant();
        var found = await SourcesFor(actor, committee)
            .Where(d => (d.Symbol == symbol || d.Symbol == upper) && (issuedOn == null || d.IssuedOn == issuedOn))
            .OrderByDescending(d => d.IssuedOn).Select(d => new { d.Id, d.Symbol, d.IssuedOn }).Take(10).ToListAsync(cancellationToken);
        return found.Count switch
        {
            0 => Result<int>.Invalid(nameof(WorkItemInput.SourceDocumentId), Messages.Get("SourceSymbolNotFound", text)),
            1 => found[0].Id,
            _ => Result<int>.Invalid(nameof(WorkItemInput.SourceDocumentId), Messages.Get("SourceSymbolRecurs", found[0].Symbol!, found.Count,
                string.Join(", ", found.Select(d => d.IssuedOn.ToShort())), found[0].IssuedOn.ToShort())),
        };
    }

    /// <summary>The documents a task of <paramref name="committee"/> may come from: its own and those above it, as the actor may read them.</summary>
    private IQueryable<Documents.Document> SourcesFor(Actor actor, Committee committee)
    {
        var line = committee.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        return db.Documents.AsNoTracking().VisibleTo(actor, db.Committees).Where(d => line.Contains(d.CommitteeId) && d.DeletedAt == null);
    }

    /// <summary>
    /// Checks a new task for <paramref name="committee"/> and builds it, unsaved: the meeting's
    /// notice makes its tasks through here too. <paramref name="prefix"/> goes before field names.
    /// </summary>
    internal async Task<(List<Problem> Problems, WorkItem? Item)> PrepareAsync(Committee committee, WorkItemInput input, string by, string prefix, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var title = VietnameseText.Clean(input.Title);
        if (title.Length == 0)
        {
            problems.Add(new(prefix + nameof(WorkItemInput.Title), Messages.Get("WorkItemTitleRequired")));
        }
        else if (title.Length > TitleLength)
        {
            problems.Add(new(prefix + nameof(WorkItemInput.Title), Messages.Get("TooLong", Messages.Get("FieldWorkItemTitle"), TitleLength)));
        }
        var description = VietnameseText.CleanLines(input.Description);
        if (description?.Length > TextLength)
        {
            problems.Add(new(prefix + nameof(WorkItemInput.Description), Messages.Get("TooLong", Messages.Get("FieldDescription"), TextLength)));
        }
        if (input.DueDate is null && !input.Regular)
        {
            problems.Add(new(prefix + nameof(WorkItemInput.DueDate), Messages.Get("DueDateOrRegular")));
        }
        else if (!input.Regular)
        {
            PlausibleDates.Check(input.DueDate, Today, prefix + nameof(WorkItemInput.DueDate), Messages.Get("FieldDueDate"), problems);
        }
        var coordinators = (input.CoordinatingAgencyIds ?? []).Distinct().Where(id => id != input.LeadAgencyId).ToList();
        var agencyIds = coordinators.Append(input.LeadAgencyId).ToList();
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id) && a.UnitId == committee.UnitId && a.DissolvedOn == null)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        if (!agencies.Contains(input.LeadAgencyId))
        {
            // No agency chosen (the form's empty choice posts nothing, the API 0) is asked for, not called foreign.
            problems.Add(new(prefix + nameof(WorkItemInput.LeadAgencyId), Messages.Get(input.LeadAgencyId <= 0 ? "LeadAgencyRequired" : "LeadAgencyNotOfCommittee")));
        }
        if (coordinators.Any(id => !agencies.Contains(id)))
        {
            problems.Add(new(prefix + nameof(WorkItemInput.CoordinatingAgencyIds), Messages.Get("CoordinatorNotOfCommittee")));
        }
        if (!Enum.IsDefined(input.SourceKind))
        {
            problems.Add(new(prefix, Messages.Get("WorkItemSourceUnknown")));
        }
        else if (input.SourceKind is WorkItemSource.PlanItem or WorkItemSource.Document && input.SourceDocumentId is null)
        {
            problems.Add(new(prefix + nameof(WorkItemInput.SourceDocumentId), Messages.Get(input.SourceKind == WorkItemSource.PlanItem ? "SourcePlanRequired" : "SourceDocumentRequired")));
        }
        else if (input.SourceDocumentId is { } documentId && input.SourceKind is WorkItemSource.PlanItem or WorkItemSource.Document
            && await SourceProblemAsync(committee, input.SourceKind, documentId, cancellationToken) is { } sourceProblem)
        {
            problems.Add(new(prefix + nameof(WorkItemInput.SourceDocumentId), sourceProblem));
        }
        if (problems.Count > 0)
        {
            return (problems, null);
        }
        return (problems, new WorkItem
        {
            Title = title,
            Description = string.IsNullOrEmpty(description) ? null : description,
            CommitteeId = committee.Id,
            CommitteePath = committee.Path,
            LeadAgencyId = input.LeadAgencyId,
            Coordinators = [.. coordinators.Select(id => new WorkItemCoordinator { AgencyId = id })],
            DueDate = input.Regular ? null : input.DueDate,
            SourceKind = input.SourceKind,
            SourceDocumentId = input.SourceDocumentId,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = by,
        });
    }

    /// <summary>
    /// A plan's items are the committee's own plan [KH] of its own register; a directive may be the
    /// committee's or one from a committee above it (what lower levels implement).
    /// </summary>
    private async Task<string?> SourceProblemAsync(Committee committee, WorkItemSource kind, int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.DeletedAt == null)
            .Select(d => new { d.CommitteeId, d.Type, Path = d.Committee!.Path }).FirstOrDefaultAsync(cancellationToken);
        return document is null ? Messages.Get("SourceDocumentNotFound")
            : kind == WorkItemSource.PlanItem && (document.CommitteeId != committee.Id || document.Type != "KH") ? Messages.Get("PlanNotOfCommittee")
            : !committee.Path.StartsWith(document.Path, StringComparison.Ordinal) ? Messages.Get("SourceDocumentNotFound")
            : null;
    }

    /// <summary>
    /// The tasks a document gave rise to (a plan's items, a notice's assignments, a directive's
    /// tasks), with their roll-up: the plan's progress page and the cascade view read it.
    /// </summary>
    public async Task<Result<DocumentWork>> DocumentWorkAsync(Actor actor, int documentId, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Committee).FirstOrDefaultAsync(d => d.Id == documentId && d.DeletedAt == null, cancellationToken);
        if (document is null || !actor.CanRead(document, document.Committee!))
        {
            return Result<DocumentWork>.NotFound();
        }
        var today = Today;
        var items = await Summaries(db.WorkItems.VisibleTo(actor).Where(w => w.SourceDocumentId == documentId && w.ParentId == null)
            .OrderBy(w => w.DueDate == null).ThenBy(w => w.DueDate).ThenBy(w => w.Id), today).Take(500).ToListAsync(cancellationToken);
        var canManage = actor.CanManage(document.Committee!);
        var agencies = canManage
            ? await db.Agencies.Where(a => a.UnitId == document.Committee!.UnitId && a.DissolvedOn == null).OrderBy(a => a.Name)
                .Select(a => new AgencyRef(a.Id, a.Name)).ToListAsync(cancellationToken)
            : [];
        return new DocumentWork(document.Id, document.Symbol, document.Type, document.Subject, document.CommitteeId, document.Committee!.Name,
            canManage && document.Type == "KH", items, RollUp.Of(items.Select(i => i.State)), agencies);
    }

    /// <summary>The roll-up of the tasks under each of <paramref name="documentIds"/> that the actor may see (top-level tasks: a task's share below rolls up into it).</summary>
    public async Task<IReadOnlyDictionary<int, RollUp>> RollUpsByDocumentAsync(Actor actor, IReadOnlyCollection<int> documentIds, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var counts = await db.WorkItems.VisibleTo(actor).Where(w => w.SourceDocumentId != null && documentIds.Contains(w.SourceDocumentId.Value) && w.ParentId == null)
            .GroupBy(w => new { DocumentId = w.SourceDocumentId!.Value, w.Status, PastDue = w.DueDate < today })
            .Select(g => new { g.Key.DocumentId, g.Key.Status, g.Key.PastDue, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.GroupBy(c => c.DocumentId).ToDictionary(g => g.Key, g => g.Aggregate(RollUp.Empty,
            (sum, c) => sum.Add(c.PastDue && WorkItem.IsOpen(c.Status) ? WorkItemState.Overdue : WorkItem.StateOf(c.Status, null, today), c.Count)));
    }

    /// <summary>
    /// A task with its updates and children. <paramref name="withChoices"/> adds what the task's
    /// page offers a manager (the agencies to reassign to, the committees below to pass it to):
    /// the API leaves them out, having its own lists of agencies and committees.
    /// </summary>
    public async Task<Result<WorkItemDetail>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default, bool withChoices = false)
    {
        var item = await db.WorkItems.AsNoTracking().Include(w => w.Committee).Include(w => w.LeadAgency).Include(w => w.Parent)
            .Include(w => w.SourceDocument).Include(w => w.Coordinators).ThenInclude(c => c.Agency)
            .FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (item is null || !actor.CanRead(item.Committee!))
        {
            return Result<WorkItemDetail>.NotFound();
        }
        var today = Today;
        var updates = await db.WorkItemUpdates.AsNoTracking().Where(u => u.WorkItemId == id).OrderBy(u => u.Id)
            .Select(u => new WorkItemUpdateView(u.Id, u.Kind, u.On, u.Text, u.Percent, u.PreviousDueDate, u.NewDueDate,
                db.Agencies.Where(a => a.Id == u.PreviousAgencyId).Select(a => a.Name).FirstOrDefault(),
                db.Agencies.Where(a => a.Id == u.NewAgencyId).Select(a => a.Name).FirstOrDefault(), u.At, u.By))
            .ToListAsync(cancellationToken);
        var updateIds = updates.Select(u => u.Id).ToList();
        var files = (await db.Attachments.AsNoTracking().Where(a => a.WorkItemUpdateId != null && updateIds.Contains(a.WorkItemUpdateId.Value) && a.DeletedAt == null)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken)).ToLookup(a => a.WorkItemUpdateId!.Value, a => a.ToView());
        updates = [.. updates.Select(u => files.Contains(u.Id) ? u with { Files = [.. files[u.Id]] } : u)];
        // Children are listed whatever the reader's scope below: the roll-up is the parent's.
        var children = await Summaries(db.WorkItems.Where(w => w.ParentId == id).OrderBy(w => w.Committee!.Name), today).ToListAsync(cancellationToken);
        var canManage = actor.CanManage(item.Committee!);
        var agencyChoices = canManage && withChoices
            ? await db.Agencies.Where(a => a.UnitId == item.Committee!.UnitId && a.DissolvedOn == null).OrderBy(a => a.Name)
                .Select(a => new AgencyRef(a.Id, a.Name)).ToListAsync(cancellationToken)
            : [];
        var fanOut = canManage && withChoices
            ? await db.Committees.Where(c => c.ParentId == item.CommitteeId && c.DissolvedOn == null).OrderBy(c => c.Name)
                .Select(c => new CommitteeChoice(c.Id, c.Name, db.WorkItems.Any(w => w.ParentId == id && w.CommitteeId == c.Id)))
                .ToListAsync(cancellationToken)
            : [];
        return new WorkItemDetail(
            item.Id, item.Title, item.Description, item.CommitteeId, item.Committee!.Name, item.ParentId, item.Parent?.Title,
            item.SourceKind, item.SourceDocumentId, item.SourceDocument?.Symbol, item.MeetingId,
            item.LeadAgencyId, item.LeadAgency!.Name, [.. item.Coordinators.Select(c => new AgencyRef(c.AgencyId, c.Agency!.Name)).OrderBy(a => a.Name)],
            item.DueDate, item.Status, WorkItem.StateOf(item.Status, item.DueDate, today), item.Percent, item.Result, item.CompletedOn, item.Version,
            canManage, actor.CanReport(item.Committee!, item.LeadAgencyId), updates, children, RollUp.Of(children.Select(c => c.State)),
            agencyChoices, fanOut);
    }

    /// <summary>The lead agency reports progress; 100 % closes the task as done, with the text as its result.</summary>
    public async Task<Result<WorkItemDetail>> ReportAsync(Actor actor, int id, ProgressInput input, int version, CancellationToken cancellationToken = default)
    {
        var item = await db.WorkItems.Include(w => w.Committee).FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (item is null || !actor.CanRead(item.Committee!))
        {
            return Result<WorkItemDetail>.NotFound();
        }
        if (!actor.CanReport(item.Committee!, item.LeadAgencyId))
        {
            return Result<WorkItemDetail>.Forbidden();
        }
        var problems = new List<Problem>();
        var text = CleanText(input.Text);
        if (text.Length == 0)
        {
            problems.Add(new(nameof(ProgressInput.Text), Messages.Get("ProgressTextRequired")));
        }
        else if (text.Length > TextLength)
        {
            problems.Add(new(nameof(ProgressInput.Text), Messages.Get("TooLong", Messages.Get("FieldProgressText"), TextLength)));
        }
        if (input.Percent is not (>= 0 and <= 100))
        {
            problems.Add(new(nameof(ProgressInput.Percent), Messages.Get("PercentRange")));
        }
        if (input.On is not { } on)
        {
            problems.Add(new(nameof(ProgressInput.On), Messages.Get("ProgressDateRequired")));
        }
        else if (on > Today)
        {
            problems.Add(new(nameof(ProgressInput.On), Messages.Get("ProgressDateInFuture")));
        }
        else
        {
            PlausibleDates.Check(on, Today, nameof(ProgressInput.On), Messages.Get("FieldProgressDate"), problems);
        }
        if (problems.Count == 0 && !WorkItem.IsOpen(item.Status))
        {
            problems.Add(new("", Messages.Get("WorkItemClosed")));
        }
        if (problems.Count > 0)
        {
            return Result<WorkItemDetail>.Invalid(problems);
        }
        // The files are read only once the reporter and the report are known to be good.
        var checkedFiles = await intake.CheckAllAsync(input.Files ?? [], cancellationToken);
        if (!checkedFiles.IsOk)
        {
            return checkedFiles.As<WorkItemDetail>();
        }
        db.Entry(item).Property(w => w.Version).OriginalValue = version;
        var percent = input.Percent!.Value;
        item.Percent = percent;
        if (percent == 100)
        {
            item.Status = WorkItemStatus.Done;
            item.CompletedOn = input.On;
            item.Result = text;
        }
        else
        {
            item.Status = WorkItemStatus.InProgress;
        }
        var update = AddUpdate(item, WorkItemUpdateKind.Progress, input.On!.Value, text, actor);
        update.Percent = percent;
        foreach (var file in checkedFiles.Value!)
        {
            using (file)
            {
                var attachment = Attachment.Keep(intake, file, actor.UserName, update.At);
                db.Attachments.Add(attachment);
                // The update has no id yet: the navigation lets one save insert both, in one transaction.
                attachment.WorkItemUpdate = update;
            }
        }
        return await SaveAsync(actor, item, cancellationToken);
    }

    /// <summary>A file of one of the task's progress reports, for whoever may read the task; anyone else is told it does not exist.</summary>
    public async Task<Result<FileDownload>> OpenAttachmentAsync(Actor actor, int id, int attachmentId, CancellationToken cancellationToken = default)
    {
        var item = await db.WorkItems.AsNoTracking().Include(w => w.Committee).FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        var attachment = item is null || !actor.CanRead(item.Committee!)
            ? null
            : await db.Attachments.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Id == attachmentId && a.DeletedAt == null && a.WorkItemUpdate!.WorkItemId == id, cancellationToken);
        if (attachment is null)
        {
            return Result<FileDownload>.NotFound();
        }
        return new FileDownload(attachment.ToView(), intake.OpenRead(attachment.Sha256, $"attachment {attachment.Id}"));
    }

    /// <summary>A later due date, with the reason: the history and the audit log keep both dates.</summary>
    public async Task<Result<WorkItemDetail>> ExtendAsync(Actor actor, int id, DateOnly? newDueDate, string? reason, int version, CancellationToken cancellationToken = default)
    {
        var (item, refused) = await ManagedAsync(actor, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var problems = ExtensionProblems(item!, newDueDate, reason);
        if (problems.Count > 0)
        {
            return Result<WorkItemDetail>.Invalid(problems);
        }
        db.Entry(item!).Property(w => w.Version).OriginalValue = version;
        var extension = AddUpdate(item!, WorkItemUpdateKind.DeadlineExtended, Today, CleanText(reason), actor);
        extension.PreviousDueDate = item!.DueDate;
        extension.NewDueDate = newDueDate;
        item.DueDate = newDueDate;
        return await SaveAsync(actor, item, cancellationToken);
    }

    /// <summary>
    /// What extending the deadline would answer, without extending it: the problems a form shows
    /// beside a date it could not read (given here as absent). The same check as <see cref="ExtendAsync"/>.
    /// </summary>
    public async Task<Result<bool>> CheckExtensionAsync(Actor actor, int id, DateOnly? newDueDate, string? reason, CancellationToken cancellationToken = default)
    {
        var (item, refused) = await ManagedAsync(actor, id, cancellationToken);
        if (refused is not null)
        {
            return refused.As<bool>();
        }
        var problems = ExtensionProblems(item!, newDueDate, reason);
        return problems.Count > 0 ? Result<bool>.Invalid(problems) : true;
    }

    private List<Problem> ExtensionProblems(WorkItem item, DateOnly? newDueDate, string? reason)
    {
        var problems = ReasonProblems(reason);
        if (newDueDate is not { } due)
        {
            problems.Add(new("DueDate", Messages.Get("NewDueDateRequired")));
        }
        else if (item.DueDate is { } current && due <= current)
        {
            problems.Add(new("DueDate", Messages.Get("ExtensionNotLater", current.ToShort())));
        }
        else
        {
            PlausibleDates.Check(due, Today, "DueDate", Messages.Get("FieldDueDate"), problems);
        }
        if (problems.Count == 0 && !WorkItem.IsOpen(item.Status))
        {
            problems.Add(new("", Messages.Get("WorkItemClosed")));
        }
        return problems;
    }

    /// <summary>Another agency of the committee's unit leads the task from now on.</summary>
    public async Task<Result<WorkItemDetail>> ReassignAsync(Actor actor, int id, int agencyId, string? reason, int version, CancellationToken cancellationToken = default)
    {
        var (item, refused) = await ManagedAsync(actor, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var problems = ReasonProblems(reason);
        if (agencyId <= 0)
        {
            problems.Add(new("AgencyId", Messages.Get("LeadAgencyRequired")));
        }
        else if (!await db.Agencies.AnyAsync(a => a.Id == agencyId && a.UnitId == item!.Committee!.UnitId && a.DissolvedOn == null, cancellationToken))
        {
            problems.Add(new("AgencyId", Messages.Get("LeadAgencyNotOfCommittee")));
        }
        else if (agencyId == item!.LeadAgencyId)
        {
            problems.Add(new("AgencyId", Messages.Get("ReassignSameAgency")));
        }
        if (problems.Count == 0 && !WorkItem.IsOpen(item!.Status))
        {
            problems.Add(new("", Messages.Get("WorkItemClosed")));
        }
        if (problems.Count > 0)
        {
            return Result<WorkItemDetail>.Invalid(problems);
        }
        db.Entry(item!).Property(w => w.Version).OriginalValue = version;
        var reassignment = AddUpdate(item!, WorkItemUpdateKind.Reassigned, Today, CleanText(reason), actor);
        reassignment.PreviousAgencyId = item!.LeadAgencyId;
        reassignment.NewAgencyId = agencyId;
        item.LeadAgencyId = agencyId;
        // The new lead no longer coordinates: removed through the context, so the audit log sees it.
        db.WorkItemCoordinators.RemoveRange(await db.WorkItemCoordinators.Where(c => c.WorkItemId == id && c.AgencyId == agencyId).ToListAsync(cancellationToken));
        return await SaveAsync(actor, item, cancellationToken);
    }

    /// <summary>The secretariat closes the task: done (the text is its result) or cancelled (the text is why).</summary>
    public async Task<Result<WorkItemDetail>> CloseAsync(Actor actor, int id, WorkItemStatus status, string? text, int version, CancellationToken cancellationToken = default)
    {
        var (item, refused) = await ManagedAsync(actor, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var problems = ReasonProblems(text);
        if (status is not (WorkItemStatus.Done or WorkItemStatus.Cancelled))
        {
            problems.Add(new("Status", Messages.Get("CloseStatusUnknown")));
        }
        if (problems.Count == 0 && !WorkItem.IsOpen(item!.Status))
        {
            problems.Add(new("", Messages.Get("WorkItemClosed")));
        }
        if (problems.Count > 0)
        {
            return Result<WorkItemDetail>.Invalid(problems);
        }
        db.Entry(item!).Property(w => w.Version).OriginalValue = version;
        item!.Status = status;
        item.Result = CleanText(text);
        if (status == WorkItemStatus.Done)
        {
            item.Percent = 100;
            item.CompletedOn = Today;
        }
        AddUpdate(item, WorkItemUpdateKind.Closed, Today, item.Result, actor);
        return await SaveAsync(actor, item, cancellationToken);
    }

    /// <summary>
    /// Passes the task down: a child task in each chosen committee directly below (all of them
    /// when none is chosen), led by that committee's standing agency. Committees that already
    /// have their share are skipped, so asking twice adds nothing.
    /// </summary>
    public async Task<Result<WorkItemDetail>> FanOutAsync(Actor actor, int id, IReadOnlyList<int>? committeeIds, int version, CancellationToken cancellationToken = default)
    {
        using var turn = await fanOuts.WaitAsync(cancellationToken);
        var (item, refused) = await ManagedAsync(actor, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (!WorkItem.IsOpen(item!.Status))
        {
            return Result<WorkItemDetail>.Invalid("", Messages.Get("WorkItemClosed"));
        }
        var problems = await FanOutAsync(item, committeeIds, actor.UserName, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<WorkItemDetail>.Invalid(problems);
        }
        db.Entry(item).Property(w => w.Version).OriginalValue = version;
        // The parent's version moves with its children, so a fan-out on a stale page is refused.
        db.Entry(item).Property(w => w.Version).IsModified = true;
        return await SaveAsync(actor, item, cancellationToken, turn);
    }

    /// <summary>Adds the children of <paramref name="parent"/> to the context, unsaved; the problems when a chosen committee cannot take one.</summary>
    internal async Task<List<Problem>> FanOutAsync(WorkItem parent, IReadOnlyList<int>? committeeIds, string by, CancellationToken cancellationToken)
    {
        var (problems, chosen) = await FanOutTargetsAsync(parent.CommitteeId, committeeIds, cancellationToken);
        if (problems.Count > 0)
        {
            return problems;
        }
        var existing = parent.Id == 0 ? [] : await db.WorkItems.Where(w => w.ParentId == parent.Id).Select(w => w.CommitteeId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var committee in chosen.Where(c => !existing.Contains(c.Id)))
        {
            db.WorkItems.Add(new WorkItem
            {
                Title = parent.Title,
                Description = parent.Description,
                CommitteeId = committee.Id,
                CommitteePath = committee.Path,
                Parent = parent,
                SourceKind = WorkItemSource.ParentItem,
                SourceDocumentId = parent.SourceDocumentId,
                MeetingId = parent.MeetingId,
                LeadAgencyId = committee.StandingAgencyId!.Value,
                DueDate = parent.DueDate,
                CreatedAt = now,
                CreatedBy = by,
            });
        }
        return [];
    }

    private sealed record FanOutTarget(int Id, string Name, string Path, int? StandingAgencyId);

    /// <summary>The committees directly below that take a share (all when none is chosen); the problem when a chosen one cannot.</summary>
    private async Task<(List<Problem> Problems, List<FanOutTarget> Chosen)> FanOutTargetsAsync(int committeeId, IReadOnlyList<int>? committeeIds, CancellationToken cancellationToken)
    {
        var below = await db.Committees.AsNoTracking().Where(c => c.ParentId == committeeId && c.DissolvedOn == null)
            .Select(c => new FanOutTarget(c.Id, c.Name, c.Path, c.StandingAgencyId)).ToListAsync(cancellationToken);
        var chosen = committeeIds is { Count: > 0 } ids ? below.Where(c => ids.Contains(c.Id)).ToList() : below;
        if (chosen.Count == 0 || (committeeIds is { Count: > 0 } && chosen.Count != committeeIds.Distinct().Count()))
        {
            return ([new("CommitteeIds", Messages.Get("FanOutNoCommittees"))], chosen);
        }
        var missing = chosen.Where(c => c.StandingAgencyId is null).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            return ([new("CommitteeIds", Messages.Get("FanOutNoStandingAgency", string.Join(", ", missing)))], chosen);
        }
        return ([], chosen);
    }

    /// <summary>
    /// A list of tasks: a member's are those its agency leads in its committee; anyone else's,
    /// those of the committee asked for (their own by default), within the scope rule.
    /// </summary>
    public async Task<Paged<WorkItemSummary>> ListAsync(Actor actor, WorkItemQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var items = db.WorkItems.VisibleTo(actor);
        if (actor.Role == Role.Member && actor.AgencyId is { } agencyId)
        {
            items = items.Where(w => w.LeadAgencyId == agencyId || w.Coordinators.Any(c => c.AgencyId == agencyId));
        }
        if ((query.CommitteeId ?? actor.CommitteeId) is { } committeeId)
        {
            items = items.Where(w => w.CommitteeId == committeeId);
        }
        items = query.State switch
        {
            WorkItemState.Overdue => items.Where(w => (w.Status == WorkItemStatus.NotStarted || w.Status == WorkItemStatus.InProgress) && w.DueDate < today),
            WorkItemState.NotStarted => items.Where(w => w.Status == WorkItemStatus.NotStarted && !(w.DueDate < today)),
            WorkItemState.InProgress => items.Where(w => w.Status == WorkItemStatus.InProgress && !(w.DueDate < today)),
            WorkItemState.Done => items.Where(w => w.Status == WorkItemStatus.Done),
            WorkItemState.Cancelled => items.Where(w => w.Status == WorkItemStatus.Cancelled),
            _ => items,
        };
        items = query.Sort switch
        {
            "title" => items.OrderBy(w => w.Title).ThenBy(w => w.Id),
            "-due" => items.OrderByDescending(w => w.DueDate).ThenByDescending(w => w.Id),
            "new" => items.OrderByDescending(w => w.Id),
            _ => items.OrderBy(w => w.DueDate == null).ThenBy(w => w.DueDate).ThenBy(w => w.Id),
        };
        return await Summaries(items, today).ToPagedAsync(page, cancellationToken);
    }

    /// <summary>Overdue tasks in the subtree of <paramref name="committeeId"/> (the reader's own by default) and the counts per committee directly below.</summary>
    public async Task<Result<OverdueBoard>> OverdueAsync(Actor actor, int? committeeId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var (committee, subtree) = await OverdueScopeAsync(actor, committeeId, cancellationToken);
        if (committee is null)
        {
            return Result<OverdueBoard>.NotFound();
        }
        var today = Today;
        var top = committee.ParentId is null && actor.Role is not (Role.Member or Role.Viewer);
        var list = await OverduePageAsync(subtree, top, today, page, await OverdueIn(subtree, today).CountAsync(cancellationToken), cancellationToken);
        var counts = await subtree.GroupBy(w => new { w.CommitteePath, w.Status, PastDue = w.DueDate < today })
            .Select(g => new { g.Key.CommitteePath, g.Key.Status, g.Key.PastDue, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var children = actor.Role is Role.Member or Role.Viewer ? []
            : await db.Committees.AsNoTracking().Where(c => c.ParentId == committee.Id).OrderBy(c => c.Name)
                .Select(c => new { c.Id, c.Name, c.Path }).ToListAsync(cancellationToken);
        var own = RollUp.Empty;
        // A task below counts for the child whose path its own path starts with: the path up to the next "/".
        var perChild = children.ToDictionary(c => c.Path, _ => RollUp.Empty, StringComparer.Ordinal);
        foreach (var row in counts)
        {
            var state = row.PastDue && WorkItem.IsOpen(row.Status) ? WorkItemState.Overdue : WorkItem.StateOf(row.Status, null, today);
            var end = row.CommitteePath.Length > committee.Path.Length ? row.CommitteePath.IndexOf('/', committee.Path.Length) : -1;
            var childPath = end < 0 ? null : row.CommitteePath[..(end + 1)];
            if (childPath is not null && perChild.TryGetValue(childPath, out var sum))
            {
                perChild[childPath] = sum.Add(state, row.Count);
            }
            else
            {
                own = own.Add(state, row.Count);
            }
        }
        return new OverdueBoard(committee.Id, committee.Name, list, own, [.. children.Select(c => new CommitteeRollUp(c.Id, c.Name, perChild[c.Path]))]);
    }

    /// <summary>
    /// The page of overdue tasks of <see cref="OverdueAsync"/> and their total, without the counts
    /// per committee: the list readers open most, one range over the open-task index.
    /// </summary>
    public async Task<Result<Paged<WorkItemSummary>>> OverdueListAsync(Actor actor, int? committeeId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var ownOnly = actor.Role is Role.Member or Role.Viewer;
        IQueryable<WorkItem> subtree;
        string scope;
        if ((committeeId is null || committeeId == actor.CommitteeId) && actor is { CommitteeId: { } own, CommitteePath: { } path })
        {
            // The reader's own committee needs no lookup: the actor carries its path, and a committee never moves.
            subtree = ownOnly ? db.WorkItems.Where(w => w.CommitteeId == own) : db.WorkItems.InSubtree(path);
            scope = ownOnly ? $"{own}" : path;
        }
        else
        {
            (var committee, subtree) = await OverdueScopeAsync(actor, committeeId, cancellationToken);
            if (committee is null)
            {
                return Result<Paged<WorkItemSummary>>.NotFound();
            }
            scope = ownOnly ? $"{committee.Id}" : committee.Path;
        }
        var today = Today;
        var total = await overdueTotals.GetAsync(scope, today, () => OverdueIn(subtree, today).CountAsync(cancellationToken));
        return await OverduePageAsync(subtree, IsTop(scope), today, page, total, cancellationToken);
    }

    /// <summary>The committee asked for (the reader's own, or the first top committee) if the reader may see it, and its tasks the reader sees.</summary>
    private async Task<(Committee? Committee, IQueryable<WorkItem> Subtree)> OverdueScopeAsync(Actor actor, int? committeeId, CancellationToken cancellationToken)
    {
        var id = committeeId ?? actor.CommitteeId ?? await db.Committees.Where(c => c.ParentId == null).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var committee = id is null ? null : await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return (null, db.WorkItems.Where(w => false));
        }
        // Members and viewers read their committee only: their board is their committee's own tasks.
        return (committee, actor.Role is Role.Member or Role.Viewer
            ? db.WorkItems.Where(w => w.CommitteeId == committee.Id)
            : db.WorkItems.InSubtree(committee.Path));
    }

    private static IQueryable<WorkItem> OverdueIn(IQueryable<WorkItem> subtree, DateOnly today) =>
        subtree.Where(w => (w.Status == WorkItemStatus.NotStarted || w.Status == WorkItemStatus.InProgress) && w.DueDate < today);

    /// <summary>
    /// A page of overdue tasks, the longest overdue first. Under a top committee most open tasks are
    /// in scope: the open tasks are walked by due date, the few outside skipped. Below it a subtree
    /// holds a small share of them: the page's ids come from the path index alone, and only those
    /// rows are read and joined (a province's 473 overdue tasks were all read and joined to be
    /// sorted: 3.3 ms of PostgreSQL, 1.2 ms this way; the centre's 7,367 would take 3 ms). The two
    /// are separate statements, so that each keeps its own prepared plan.
    /// </summary>
    private async Task<Paged<WorkItemSummary>> OverduePageAsync(IQueryable<WorkItem> subtree, bool top, DateOnly today, PageRequest page, int total, CancellationToken cancellationToken)
    {
        var number = page.PageIn(total);
        var skip = (number - 1) * page.SafePageSize;
        if (skip >= total)
        {
            return new([], total, number, page.SafePageSize);
        }
        var overdue = OverdueIn(subtree, today).OrderBy(w => w.DueDate).ThenBy(w => w.Id);
        var rows = top
            ? overdue.Skip(skip).Take(page.SafePageSize)
            : db.WorkItems.Where(w => overdue.Skip(skip).Take(page.SafePageSize).Select(o => o.Id).Contains(w.Id)).OrderBy(w => w.DueDate).ThenBy(w => w.Id);
        return new(await Summaries(rows, today).ToListAsync(cancellationToken), total, number, page.SafePageSize);
    }

    /// <summary>A top committee's subtree: its path is one segment ("/1/").</summary>
    private static bool IsTop(string scope) => scope.StartsWith('/') && scope.IndexOf('/', 1) == scope.Length - 1;

    public static IQueryable<WorkItemSummary> Summaries(IQueryable<WorkItem> items, DateOnly today) =>
        items.Select(w => new WorkItemSummary(w.Id, w.Title, w.CommitteeId, w.Committee!.Name, w.LeadAgencyId, w.LeadAgency!.Name, w.DueDate, w.Status,
            w.DueDate < today, w.Percent));

    /// <summary>
    /// Recomputes the parent of a task whose status changed: done when every child not cancelled
    /// is done, in progress once any child has moved; its percent is the children's average.
    /// </summary>
    private async Task RollUpParentAsync(WorkItem item, CancellationToken cancellationToken)
    {
        if (item.ParentId is not { } parentId)
        {
            return;
        }
        var parent = await db.WorkItems.FirstAsync(w => w.Id == parentId, cancellationToken);
        if (!WorkItem.IsOpen(parent.Status))
        {
            return;
        }
        var siblings = await db.WorkItems.Where(w => w.ParentId == parentId && w.Id != item.Id)
            .Select(w => new { w.Status, w.Percent, w.CompletedOn }).ToListAsync(cancellationToken);
        var all = siblings.Append(new { item.Status, item.Percent, item.CompletedOn }).Where(s => s.Status != WorkItemStatus.Cancelled).ToList();
        if (all.Count == 0)
        {
            return;
        }
        parent.Percent = (int)Math.Round(all.Average(s => s.Percent));
        if (all.All(s => s.Status == WorkItemStatus.Done))
        {
            parent.Status = WorkItemStatus.Done;
            parent.Percent = 100;
            parent.CompletedOn = all.Max(s => s.CompletedOn);
        }
        else if (all.Any(s => s.Status != WorkItemStatus.NotStarted))
        {
            parent.Status = WorkItemStatus.InProgress;
        }
        await RollUpParentAsync(parent, cancellationToken);
    }

    private async Task<Result<WorkItemDetail>> SaveAsync(Actor actor, WorkItem item, CancellationToken cancellationToken, FanOutTurns.Turn? turn = null)
    {
        await RollUpParentAsync(item, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<WorkItemDetail>.Conflict();
        }
        LetGo(turn);
        return await GetAsync(actor, item.Id, cancellationToken);
    }

    private async Task<(WorkItem? Item, Result<WorkItemDetail>? Refused)> ManagedAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.Include(w => w.Committee).FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (item is null || !actor.CanRead(item.Committee!))
        {
            return (null, Result<WorkItemDetail>.NotFound());
        }
        return actor.CanManage(item.Committee!) ? (item, null) : (null, Result<WorkItemDetail>.Forbidden());
    }

    private static List<Problem> ReasonProblems(string? reason)
    {
        var text = CleanText(reason);
        return text.Length == 0 ? [new("Reason", Messages.Get("ReasonRequired"))]
            : text.Length > TextLength ? [new("Reason", Messages.Get("TooLong", Messages.Get("FieldReason"), TextLength))]
            : [];
    }

    private WorkItemUpdate AddUpdate(WorkItem item, WorkItemUpdateKind kind, DateOnly on, string text, Actor actor)
    {
        var update = new WorkItemUpdate { WorkItemId = item.Id, Kind = kind, On = on, Text = text, At = clock.GetUtcNow(), By = actor.UserName };
        db.WorkItemUpdates.Add(update);
        return update;
    }

    private static string CleanText(string? text) => VietnameseText.CleanLines(text);
}
