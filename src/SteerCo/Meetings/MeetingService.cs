using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.WorkItems;

namespace SteerCo.Meetings;

/// <summary>
/// A committee's meetings: scheduled with the roster invited and the open tasks carried onto
/// the agenda; attendance, contributions and conclusions recorded; the conclusion notice issued
/// by the register in one transaction with the tasks its assignments become.
/// </summary>
public sealed class MeetingService(SteerCoDbContext db, WorkItemService workItems, DocumentNumbering numbering, TimeProvider clock, FanOutTurns fanOuts)
{
    public const int ShortText = 300;
    public const int LongText = 4000;
    public const int RecorderLength = 200;

    public async Task<Result<MeetingDetail>> ScheduleAsync(Actor actor, int committeeId, MeetingInput input, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareMeetingAsync(actor, committeeId, input, cancellationToken);
        if (!prepared.IsOk)
        {
            return prepared.As<MeetingDetail>();
        }
        var meeting = prepared.Value!;
        // What the committee has still open goes back on the agenda, led by its agency, oldest due date first.
        var open = await db.WorkItems.Where(w => w.CommitteeId == committeeId && (w.Status == WorkItemStatus.NotStarted || w.Status == WorkItemStatus.InProgress))
            .OrderBy(w => w.DueDate == null).ThenBy(w => w.DueDate).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.Title, Agency = w.LeadAgency!.Name }).ToListAsync(cancellationToken);
        meeting.Agenda = [.. open.Select((w, i) => new AgendaItem { Order = i + 1, Title = Messages.Get("CarriedOverAgenda", w.Title), Presenter = w.Agency, WorkItemId = w.Id })];
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(actor, meeting.Id, cancellationToken);
    }

    /// <summary>
    /// What scheduling the meeting would answer, without scheduling it: the problems a form shows
    /// beside a date it could not read (given here as absent). The same check as <see cref="ScheduleAsync"/>.
    /// </summary>
    public async Task<Result<bool>> CheckScheduleAsync(Actor actor, int committeeId, MeetingInput input, CancellationToken cancellationToken = default) =>
        await PrepareMeetingAsync(actor, committeeId, input, cancellationToken) is { IsOk: false } refused ? refused.As<bool>() : true;

    /// <summary>Checks a meeting of the committee and builds it with the roster of its day invited, unsaved.</summary>
    private async Task<Result<Meeting>> PrepareMeetingAsync(Actor actor, int committeeId, MeetingInput input, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<Meeting>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<Meeting>.Forbidden();
        }
        var problems = new List<Problem>();
        if (!Enum.IsDefined(input.Kind))
        {
            problems.Add(new(nameof(MeetingInput.Kind), Messages.Get("MeetingKindUnknown")));
        }
        var period = Required(input.Period, nameof(MeetingInput.Period), "FieldPeriod", 100, problems);
        var place = Required(input.Place, nameof(MeetingInput.Place), "FieldPlace", ShortText, problems);
        var time = MeetingTime(input.Time, problems);
        var recorder = VietnameseText.Clean(input.RecorderName);
        if (recorder.Length > RecorderLength)
        {
            problems.Add(new(nameof(MeetingInput.RecorderName), Messages.Get("TooLong", Messages.Get("FieldRecorder"), RecorderLength)));
        }
        if (input.Date is null)
        {
            problems.Add(new(nameof(MeetingInput.Date), Messages.Get("MeetingDateRequired")));
        }
        PlausibleDates.Check(input.Date, workItems.Today, nameof(MeetingInput.Date), Messages.Get("FieldMeetingDate"), problems);
        var on = input.Date ?? workItems.Today;
        var roster = await db.Memberships.Where(m => m.CommitteeId == committeeId && m.StartDate <= on && (m.EndDate == null || m.EndDate >= on))
            .OrderBy(m => m.Post!.Order).ThenBy(m => m.Id)
            .Select(m => new { m.PersonId, m.Person!.FullName, JobTitle = m.JobTitle ?? m.Person.JobTitle, m.AgencyId, PostName = m.Post!.Name })
            .ToListAsync(cancellationToken);
        var chair = roster.FirstOrDefault(m => m.PersonId == input.ChairPersonId);
        if (input.ChairPersonId is null || chair is null)
        {
            problems.Add(new(nameof(MeetingInput.ChairPersonId), Messages.Get("ChairNotOnRoster")));
        }
        if (problems.Count > 0)
        {
            return Result<Meeting>.Invalid(problems);
        }
        return new Meeting
        {
            CommitteeId = committeeId,
            Kind = input.Kind,
            Period = period,
            Date = on,
            Time = time,
            Place = place,
            ChairPersonId = chair!.PersonId,
            ChairName = chair.FullName,
            ChairTitle = $"{chair.JobTitle}, {chair.PostName}",
            RecorderName = NullIfEmpty(recorder),
            CreatedAt = clock.GetUtcNow(),
            Invitees = [.. roster.DistinctBy(m => m.PersonId).Select(m => new MeetingInvitee { PersonId = m.PersonId, AgencyId = m.AgencyId, Name = $"{m.FullName}, {m.JobTitle}" })],
        };
    }

    public async Task<Result<MeetingDetail>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Committee).Include(m => m.NoticeDocument)
            .Include(m => m.InvitationDocument).Include(m => m.MinutesDocument)
            .FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null || !actor.CanRead(meeting.Committee!))
        {
            return Result<MeetingDetail>.NotFound();
        }
        var today = workItems.Today;
        var invitees = await db.MeetingInvitees.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.Id)
            .Select(i => new InviteeView(i.Id, i.PersonId, i.AgencyId, i.Name, i.Attendance, i.AbsenceReason, i.RepresentedBy)).ToListAsync(cancellationToken);
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => new AgendaItemView(a.Id, a.Order, a.Title, a.Presenter, a.WorkItemId)).ToListAsync(cancellationToken);
        var contributions = await db.MeetingContributions.AsNoTracking().Where(c => c.MeetingId == id).OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new ContributionView(c.Id, c.Order, c.Speaker, c.AgencyId, c.Agency!.Name, c.Summary)).ToListAsync(cancellationToken);
        var assignments = await db.MeetingAssignments.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Order,
                a.Text,
                a.LeadAgencyId,
                Lead = a.LeadAgency!.Name,
                a.DueDate,
                a.ToSubordinates,
                a.WorkItemId,
                Coordinators = a.Coordinators.Select(c => new AgencyRef(c.AgencyId, c.Agency!.Name)).ToList(),
                Status = a.WorkItem == null ? (WorkItemStatus?)null : a.WorkItem.Status,
                ItemDue = a.WorkItem == null ? null : a.WorkItem.DueDate,
            })
            .ToListAsync(cancellationToken);
        var itemIds = assignments.Where(a => a.WorkItemId != null).Select(a => a.WorkItemId!.Value).ToList();
        var children = await db.WorkItems.AsNoTracking().Where(w => w.ParentId != null && itemIds.Contains(w.ParentId.Value))
            .Select(w => new { ParentId = w.ParentId!.Value, w.Status, w.DueDate }).ToListAsync(cancellationToken);
        var views = assignments.Select(a => new AssignmentView(
            a.Id, a.Order, a.Text, a.LeadAgencyId, a.Lead, [.. a.Coordinators.OrderBy(c => c.Name)], a.DueDate, a.ToSubordinates, a.WorkItemId,
            a.Status is { } s ? WorkItem.StateOf(s, a.ItemDue, today) : null,
            a.WorkItemId is { } itemId && a.ToSubordinates ? RollUp.Of(children.Where(c => c.ParentId == itemId).Select(c => WorkItem.StateOf(c.Status, c.DueDate, today))) : null)).ToList();
        var canManage = actor.CanManage(meeting.Committee!);
        var agencyChoices = canManage
            ? await db.Agencies.AsNoTracking().Where(a => a.UnitId == meeting.Committee!.UnitId && a.DissolvedOn == null).OrderBy(a => a.Name)
                .Select(a => new AgencyRef(a.Id, a.Name)).ToListAsync(cancellationToken)
            : [];
        var m = meeting;
        return new MeetingDetail(
            m.Id, m.CommitteeId, m.Committee!.Name, m.Kind, m.Period, m.Date, m.Time, m.Place, m.ChairPersonId, m.ChairName, m.ChairTitle, m.Conclusions,
            m.NoticeDocumentId, m.NoticeDocument?.Symbol, m.Version, canManage, invitees, agenda, contributions, views, agencyChoices,
            RollUp.Of(views.Where(v => v.State is not null).Select(v => v.State!.Value)),
            m.RecorderName, m.InvitationDocumentId, m.InvitationDocument?.Symbol, m.MinutesDocumentId, m.MinutesDocument?.Symbol);
    }

    public async Task<Result<Paged<MeetingSummary>>> ListAsync(Actor actor, int committeeId, PageRequest page, CancellationToken cancellationToken = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        if (committee is null || !actor.CanRead(committee))
        {
            return Result<Paged<MeetingSummary>>.NotFound();
        }
        return await Summaries(db.Meetings.Where(m => m.CommitteeId == committeeId).OrderByDescending(m => m.Date).ThenByDescending(m => m.Id))
            .ToPagedAsync(page, cancellationToken);
    }

    /// <summary>A meeting as a list shows it.</summary>
    public static IQueryable<MeetingSummary> Summaries(IQueryable<Meeting> meetings) =>
        meetings.Select(m => new MeetingSummary(m.Id, m.CommitteeId, m.Committee!.Name, m.Kind, m.Period, m.Date, m.Place, m.ChairName, m.NoticeDocument!.Symbol));

    /// <summary>Who came: present, absent with the reason, or represented by whom; the whole list at once, under the meeting's version.</summary>
    public async Task<Result<MeetingDetail>> RecordAttendanceAsync(Actor actor, int id, IReadOnlyList<AttendanceInput> lines, int version, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken, nameof(Meeting.Invitees));
        if (refused is not null)
        {
            return refused;
        }
        if (meeting!.MinutesDocumentId is not null)
        {
            return Result<MeetingDetail>.Invalid("", Messages.Get("MinutesFixAttendance"));
        }
        var problems = new List<Problem>();
        var seen = new HashSet<int>();
        foreach (var line in lines)
        {
            var invitee = meeting!.Invitees.FirstOrDefault(i => i.Id == line.InviteeId);
            if (invitee is null || !Enum.IsDefined(line.Attendance))
            {
                problems.Add(new($"Attendance{line.InviteeId}", Messages.Get("AttendanceUnknown")));
                continue;
            }
            if (!seen.Add(invitee.Id))
            {
                // Two answers for one invitee: which one the clerk meant is not ours to guess.
                problems.Add(new($"Attendance{line.InviteeId}", Messages.Get("AttendanceTwice", invitee.Name)));
                continue;
            }
            var reason = Optional(line.AbsenceReason, $"Attendance{line.InviteeId}", Messages.Get("FieldAbsenceReason", invitee.Name), 500, problems) ?? "";
            var deputy = Optional(line.RepresentedBy, $"Attendance{line.InviteeId}", Messages.Get("FieldRepresentedBy", invitee.Name), ShortText, problems) ?? "";
            if (line.Attendance == Attendance.Absent && reason.Length == 0)
            {
                problems.Add(new($"Attendance{line.InviteeId}", Messages.Get("AbsenceReasonRequired", invitee.Name)));
            }
            else if (line.Attendance == Attendance.Represented && deputy.Length == 0)
            {
                problems.Add(new($"Attendance{line.InviteeId}", Messages.Get("RepresentedByRequired", invitee.Name)));
            }
            invitee.Attendance = line.Attendance;
            invitee.AbsenceReason = line.Attendance == Attendance.Absent ? reason : null;
            invitee.RepresentedBy = line.Attendance == Attendance.Represented ? deputy : null;
        }
        if (problems.Count > 0)
        {
            return Result<MeetingDetail>.Invalid(problems);
        }
        return await SaveAsync(actor, meeting!, version, cancellationToken);
    }

    /// <summary>Invites an agency of the committee's unit as such (its representative comes).</summary>
    public async Task<Result<MeetingDetail>> InviteAgencyAsync(Actor actor, int id, int agencyId, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken, nameof(Meeting.Invitees));
        if (refused is not null)
        {
            return refused;
        }
        if (meeting!.MinutesDocumentId is not null)
        {
            return Result<MeetingDetail>.Invalid("", Messages.Get("MinutesFixAttendance"));
        }
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId && a.UnitId == meeting.Committee!.UnitId, cancellationToken);
        if (agency is null)
        {
            return Result<MeetingDetail>.Invalid("AgencyId", Messages.Get("AgencyNotOfCommittee"));
        }
        if (meeting!.Invitees.Any(i => i.PersonId == null && i.AgencyId == agencyId))
        {
            return Result<MeetingDetail>.Invalid("AgencyId", Messages.Get("AgencyAlreadyInvited", agency.Name));
        }
        meeting.Invitees.Add(new MeetingInvitee { AgencyId = agencyId, Name = Messages.Get("AgencyRepresentative", agency.Name) });
        return await SaveAsync(actor, meeting, null, cancellationToken);
    }

    public async Task<Result<MeetingDetail>> AddAgendaItemAsync(Actor actor, int id, string? title, string? presenter, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken, nameof(Meeting.Agenda));
        if (refused is not null)
        {
            return refused;
        }
        var problems = new List<Problem>();
        var text = Required(title, "Title", "FieldAgendaTitle", 1000, problems);
        var by = Optional(presenter, "Presenter", Messages.Get("FieldPresenter"), ShortText, problems);
        if (meeting!.MinutesDocumentId is not null)
        {
            problems.Add(new("", Messages.Get("MinutesAlreadyIssued")));
        }
        if (problems.Count > 0)
        {
            return Result<MeetingDetail>.Invalid(problems);
        }
        meeting.Agenda.Add(new AgendaItem { Title = text, Presenter = by, Order = meeting.Agenda.Select(a => a.Order).DefaultIfEmpty().Max() + 1 });
        return await SaveAsync(actor, meeting, null, cancellationToken);
    }

    /// <summary>A new wording or presenter for an agenda item, under the meeting's version; fixed once the minutes are issued.</summary>
    public async Task<Result<MeetingDetail>> UpdateAgendaItemAsync(Actor actor, int id, int itemId, string? title, string? presenter, int version, CancellationToken cancellationToken = default)
    {
        var (meeting, item, refused) = await AgendaItemAsync(actor, id, itemId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var problems = new List<Problem>();
        var text = Required(title, "Title", "FieldAgendaTitle", 1000, problems);
        var by = Optional(presenter, "Presenter", Messages.Get("FieldPresenter"), ShortText, problems);
        if (problems.Count > 0)
        {
            return Result<MeetingDetail>.Invalid(problems);
        }
        item!.Title = text;
        item.Presenter = by;
        return await SaveAsync(actor, meeting!, version, cancellationToken);
    }

    /// <summary>Takes an item off the agenda (a task carried over stays open), under the meeting's version.</summary>
    public async Task<Result<MeetingDetail>> RemoveAgendaItemAsync(Actor actor, int id, int itemId, int version, CancellationToken cancellationToken = default)
    {
        var (meeting, item, refused) = await AgendaItemAsync(actor, id, itemId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        meeting!.Agenda.Remove(item!);
        return await SaveAsync(actor, meeting, version, cancellationToken);
    }

    /// <summary>The meeting and one of its agenda items, if the actor may change it and the minutes have not fixed it.</summary>
    private async Task<(Meeting? Meeting, AgendaItem? Item, Result<MeetingDetail>? Refused)> AgendaItemAsync(Actor actor, int id, int itemId, CancellationToken cancellationToken)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken, nameof(Meeting.Agenda));
        if (refused is not null)
        {
            return (null, null, refused);
        }
        var item = meeting!.Agenda.FirstOrDefault(a => a.Id == itemId);
        return item is null ? (null, null, Result<MeetingDetail>.NotFound())
            : meeting.MinutesDocumentId is not null ? (null, null, Result<MeetingDetail>.Invalid("", Messages.Get("MinutesAlreadyIssued")))
            : (meeting, item, null);
    }

    public async Task<Result<MeetingDetail>> AddContributionAsync(Actor actor, int id, ContributionInput input, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken, nameof(Meeting.Contributions));
        if (refused is not null)
        {
            return refused;
        }
        if (meeting!.MinutesDocumentId is not null)
        {
            return Result<MeetingDetail>.Invalid("", Messages.Get("MinutesFixContributions"));
        }
        var problems = new List<Problem>();
        var speaker = Required(input.Speaker, nameof(ContributionInput.Speaker), "FieldSpeaker", ShortText, problems);
        var summary = Required(input.Summary, nameof(ContributionInput.Summary), "FieldSummary", LongText, problems, keepLines: true);
        if (input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.UnitId == meeting.Committee!.UnitId, cancellationToken))
        {
            problems.Add(new(nameof(ContributionInput.AgencyId), Messages.Get("AgencyNotOfCommittee")));
        }
        if (problems.Count > 0)
        {
            return Result<MeetingDetail>.Invalid(problems);
        }
        meeting.Contributions.Add(new Contribution { Speaker = speaker, AgencyId = input.AgencyId, Summary = summary, Order = meeting.Contributions.Select(c => c.Order).DefaultIfEmpty().Max() + 1 });
        return await SaveAsync(actor, meeting, null, cancellationToken);
    }

    /// <summary>The general conclusions, one paragraph per line; fixed once the notice is issued.</summary>
    public async Task<Result<MeetingDetail>> SetConclusionsAsync(Actor actor, int id, string? text, int version, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var conclusions = VietnameseText.CleanLines(text);
        if (conclusions.Length > 20000)
        {
            return Result<MeetingDetail>.Invalid("Conclusions", Messages.Get("TooLong", Messages.Get("FieldConclusions"), 20000));
        }
        if (meeting!.NoticeDocumentId is not null)
        {
            return Result<MeetingDetail>.Invalid("", Messages.Get("NoticeAlreadyIssued"));
        }
        meeting.Conclusions = conclusions.Length == 0 ? null : conclusions;
        return await SaveAsync(actor, meeting, version, cancellationToken);
    }

    /// <summary>An assignment paragraph of the conclusions, checked as the task it will become.</summary>
    public async Task<Result<MeetingDetail>> AddAssignmentAsync(Actor actor, int id, AssignmentInput input, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken, nameof(Meeting.Assignments));
        if (refused is not null)
        {
            return refused;
        }
        if (meeting!.NoticeDocumentId is not null)
        {
            return Result<MeetingDetail>.Invalid("", Messages.Get("NoticeAlreadyIssued"));
        }
        var (problems, item) = await workItems.PrepareAsync(meeting.Committee!, ToWorkItem(input.Text, input.LeadAgencyId, input.CoordinatingAgencyIds, input.DueDate, input.Regular), actor.UserName, "", cancellationToken);
        if (input.DueDate is { } due && due < meeting.Date)
        {
            problems.Add(new(nameof(AssignmentInput.DueDate), Messages.Get("DueBeforeMeeting")));
        }
        if (problems.Count > 0)
        {
            return Result<MeetingDetail>.Invalid([.. problems.Select(p => p.Field == nameof(WorkItemInput.Title) ? p with { Field = nameof(AssignmentInput.Text) } : p)]);
        }
        meeting.Assignments.Add(new Assignment
        {
            Text = item!.Title,
            LeadAgencyId = item.LeadAgencyId,
            Coordinators = [.. item.Coordinators.Select(c => new AssignmentCoordinator { AgencyId = c.AgencyId })],
            DueDate = item.DueDate,
            ToSubordinates = input.ToSubordinates,
            Order = meeting.Assignments.Select(a => a.Order).DefaultIfEmpty().Max() + 1,
        });
        return await SaveAsync(actor, meeting, null, cancellationToken);
    }

    public async Task<Result<MeetingDetail>> RemoveAssignmentAsync(Actor actor, int id, int assignmentId, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken, nameof(Meeting.Assignments));
        if (refused is not null)
        {
            return refused;
        }
        var assignment = meeting!.Assignments.FirstOrDefault(a => a.Id == assignmentId);
        if (assignment is null)
        {
            return Result<MeetingDetail>.NotFound();
        }
        if (meeting.NoticeDocumentId is not null)
        {
            return Result<MeetingDetail>.Invalid("", Messages.Get("NoticeAlreadyIssued"));
        }
        meeting.Assignments.Remove(assignment);
        return await SaveAsync(actor, meeting, null, cancellationToken);
    }

    /// <summary>
    /// Issues the conclusion notice: the register gives it the committee's next TB number, and each
    /// assignment becomes a task of the committee linked to the meeting and the notice (passed down
    /// to every committee below when it says so), all in one transaction: either everything or nothing.
    /// </summary>
    public async Task<Result<MeetingDetail>> IssueNoticeAsync(Actor actor, int id, NoticeInput input, int version, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken, nameof(Meeting.Assignments));
        if (refused is not null)
        {
            return refused;
        }
        var problems = new List<Problem>();
        if (meeting!.NoticeDocumentId is not null)
        {
            problems.Add(new("", Messages.Get("NoticeAlreadyIssued")));
        }
        if (meeting.Assignments.Count == 0 && string.IsNullOrWhiteSpace(meeting.Conclusions))
        {
            problems.Add(new("", Messages.Get("NoticeNeedsConclusions")));
        }
        var issuedOn = input.IssuedOn ?? workItems.Today;
        if (issuedOn < meeting.Date)
        {
            problems.Add(new(nameof(NoticeInput.IssuedOn), Messages.Get("NoticeBeforeMeeting")));
        }
        var signer = Required(input.SignerName, nameof(NoticeInput.SignerName), "FieldSigner", 200, problems);
        var signerTitle = Optional(input.SignerTitle, nameof(NoticeInput.SignerTitle), Messages.Get("FieldSignerTitle"), 200, problems);
        if (problems.Count > 0)
        {
            return Result<MeetingDetail>.Invalid(problems);
        }
        var committee = meeting.Committee!;
        var coordinators = await db.Set<AssignmentCoordinator>().AsNoTracking().Where(c => meeting.Assignments.Select(a => a.Id).Contains(c.AssignmentId))
            .ToListAsync(cancellationToken);
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => a.UnitId == committee.UnitId).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var subject = NoticeText.NoticeSubject(meeting.ChairName, null, meeting.Kind, meeting.Period);
        var body = string.Join('\n', (meeting.Conclusions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Concat(meeting.Assignments.OrderBy(a => a.Order).Select(a => NoticeText.Assignment(
                agencyNames[a.LeadAgencyId], coordinators.Where(c => c.AssignmentId == a.Id).Select(c => agencyNames[c.AgencyId]), a.Text, a.DueDate, a.ToSubordinates))));

        // An assignment passed down to the committees below is a fan-out: it takes its turn (FanOutTurns).
        using var turn = meeting.Assignments.Any(a => a.ToSubordinates) ? await fanOuts.WaitAsync(cancellationToken) : null;
        // On SQLite the number must be the transaction's first statement (see DocumentNumbering.NextAsync).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var notice = await IssueDocumentAsync(committee, new("TB", issuedOn, subject, signer, signerTitle, SigningAuthority.OnBehalf, body), actor, cancellationToken);
        meeting.NoticeDocument = notice;
        foreach (var assignment in meeting.Assignments.OrderBy(a => a.Order))
        {
            var (itemProblems, item) = await workItems.PrepareAsync(committee, ToWorkItem(assignment.Text, assignment.LeadAgencyId,
                [.. coordinators.Where(c => c.AssignmentId == assignment.Id).Select(c => c.AgencyId)], assignment.DueDate, assignment.DueDate is null) with
            {
                SourceKind = WorkItemSource.MeetingConclusion,
            }, actor.UserName, $"Assignment{assignment.Order}.", cancellationToken);
            problems.AddRange(itemProblems);
            if (item is null)
            {
                continue;
            }
            item.MeetingId = meeting.Id;
            item.SourceDocument = notice;
            assignment.WorkItem = item;
            if (assignment.ToSubordinates)
            {
                problems.AddRange(await workItems.FanOutAsync(item, null, actor.UserName, cancellationToken));
            }
        }
        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Result<MeetingDetail>.Invalid(problems);
        }
        return await CommitIssuedAsync(actor, meeting, version, transaction, cancellationToken);
    }

    /// <summary>
    /// Issues the invitation [Giấy mời, GM]: the register gives it the committee's next number in
    /// one transaction with the meeting's link to it. Signed by the chair unless said otherwise,
    /// on a day no later than the meeting's.
    /// </summary>
    public async Task<Result<MeetingDetail>> IssueInvitationAsync(Actor actor, int id, NoticeInput input, int version, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var problems = new List<Problem>();
        if (meeting!.InvitationDocumentId is not null)
        {
            problems.Add(new("", Messages.Get("InvitationAlreadyIssued")));
        }
        var issuedOn = input.IssuedOn ?? workItems.Today;
        if (issuedOn > meeting.Date)
        {
            problems.Add(new(nameof(NoticeInput.IssuedOn), Messages.Get("InvitationAfterMeeting")));
        }
        var signer = Required(input.SignerName, nameof(NoticeInput.SignerName), "FieldSigner", 200, problems);
        var signerTitle = Optional(input.SignerTitle, nameof(NoticeInput.SignerTitle), Messages.Get("FieldSignerTitle"), 200, problems);
        if (problems.Count > 0)
        {
            return Result<MeetingDetail>.Invalid(problems);
        }
        var title = NoticeText.Title(meeting.Kind, meeting.Period);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        meeting.InvitationDocument = await IssueDocumentAsync(meeting.Committee!,
            new("GM", issuedOn, $"Mời dự {title}", signer, signerTitle, SigningAuthority.OnBehalf, null), actor, cancellationToken);
        return await CommitIssuedAsync(actor, meeting, version, transaction, cancellationToken);
    }

    /// <summary>
    /// Issues the minutes [Biên bản, BB], signed by the chair and the recorder: the register gives
    /// them the committee's next number in one transaction; from then on the agenda is fixed.
    /// </summary>
    public async Task<Result<MeetingDetail>> IssueMinutesAsync(Actor actor, int id, MinutesInput input, int version, CancellationToken cancellationToken = default)
    {
        var (meeting, refused) = await ManagedAsync(actor, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var problems = new List<Problem>();
        if (meeting!.MinutesDocumentId is not null)
        {
            problems.Add(new("", Messages.Get("MinutesAlreadyIssued")));
        }
        var issuedOn = input.IssuedOn ?? workItems.Today;
        if (issuedOn < meeting.Date)
        {
            problems.Add(new(nameof(MinutesInput.IssuedOn), Messages.Get("MinutesBeforeMeeting")));
        }
        var recorder = Required(string.IsNullOrWhiteSpace(input.RecorderName) ? meeting.RecorderName : input.RecorderName,
            nameof(MinutesInput.RecorderName), "FieldRecorder", RecorderLength, problems);
        if (problems.Count > 0)
        {
            return Result<MeetingDetail>.Invalid(problems);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        meeting.MinutesDocument = await IssueDocumentAsync(meeting.Committee!,
            new("BB", issuedOn, NoticeText.Title(meeting.Kind, meeting.Period), meeting.ChairName, "Chủ trì", SigningAuthority.None, null), actor, cancellationToken);
        // After the number: taking it saves the context, and the meeting must change only under the caller's version.
        meeting.RecorderName = recorder;
        return await CommitIssuedAsync(actor, meeting, version, transaction, cancellationToken);
    }

    /// <summary>An outgoing paper of the meeting, as the register issues it.</summary>
    private sealed record IssuedPaper(string Type, DateOnly IssuedOn, string Subject, string Signer, string? SignerTitle, SigningAuthority Authority, string? Body);

    /// <summary>
    /// The committee's next number of the paper's type, taken from the register and marked issued,
    /// and the outgoing document that carries it, added unsaved. On SQLite the number must be the
    /// transaction's first statement (see DocumentNumbering.NextAsync): call it first.
    /// </summary>
    private async Task<Document> IssueDocumentAsync(Committees.Committee committee, IssuedPaper paper, Actor actor, CancellationToken cancellationToken)
    {
        var reservation = await numbering.NextAsync(committee, paper.Type, paper.IssuedOn, actor.UserName, cancellationToken);
        reservation.Status = ReservationStatus.Issued;
        var document = new Document
        {
            CommitteeId = committee.Id,
            Direction = DocumentDirection.Outgoing,
            Type = paper.Type,
            Number = reservation.Number,
            Symbol = reservation.Symbol,
            ReservationId = reservation.Id,
            IssuedOn = paper.IssuedOn,
            IssuedYear = DocumentNumbering.UniquenessYear(committee, DocumentDirection.Outgoing, paper.IssuedOn),
            IssuerKind = IssuerKind.Committee,
            IssuerCommitteeId = committee.Id,
            IssuerName = committee.Name,
            Subject = paper.Subject,
            SignerName = paper.Signer,
            SignerTitle = paper.SignerTitle,
            SigningAuthority = paper.Authority,
            Body = paper.Body,
            CreatedAt = clock.GetUtcNow(),
        };
        document.SearchText = DocumentRegister.SearchTextOf(document, []);
        db.Documents.Add(document);
        return document;
    }

    /// <summary>Saves an issued paper under the meeting's version and commits; a stale page rolls the number back (409).</summary>
    private async Task<Result<MeetingDetail>> CommitIssuedAsync(Actor actor, Meeting meeting, int version,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        db.Entry(meeting).Property(m => m.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Result<MeetingDetail>.Conflict();
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await GetAsync(actor, meeting.Id, cancellationToken);
    }

    /// <summary>
    /// A meeting paper as DOCX: the invitation and the minutes at any time, the notice once the
    /// register has issued it (before that there is nothing official to print).
    /// </summary>
    public async Task<Result<MeetingPaperFile>> PaperAsync(Actor actor, int id, MeetingPaper paper, CancellationToken cancellationToken = default)
    {
        var detail = await GetAsync(actor, id, cancellationToken);
        if (!detail.IsOk)
        {
            return detail.As<MeetingPaperFile>();
        }
        var meeting = detail.Value!;
        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == meeting.CommitteeId)
            .Select(c => new { c.Name, c.Abbreviation, c.DocumentSystem, Unit = c.Unit!.Name, Central = c.ParentId == null }).SingleAsync(cancellationToken);
        var letterhead = new Letterhead(committee.DocumentSystem, committee.Name, committee.Abbreviation, Letterhead.PlaceOf(committee.Unit, committee.Central));
        var stem = $"{paper.ToString().ToLowerInvariant()}-{meeting.Date:yyyy-MM-dd}";
        var issuedId = paper switch
        {
            MeetingPaper.Invitation => meeting.InvitationDocumentId,
            MeetingPaper.Minutes => meeting.MinutesDocumentId,
            _ => meeting.NoticeDocumentId,
        };
        var issued = issuedId is { } documentId ? await db.Documents.AsNoTracking().FirstAsync(d => d.Id == documentId, cancellationToken) : null;
        switch (paper)
        {
            case MeetingPaper.Invitation:
                return new MeetingPaperFile($"giay-moi-{stem}.docx", MeetingPapers.Invitation(meeting, letterhead, issued));
            case MeetingPaper.Minutes:
                return new MeetingPaperFile($"bien-ban-{stem}.docx", MeetingPapers.Minutes(meeting, letterhead, issued));
            default:
                if (issued is not { } notice)
                {
                    return Result<MeetingPaperFile>.NotFound();
                }
                return new MeetingPaperFile($"thong-bao-ket-luan-{stem}.docx",
                    MeetingPapers.Notice(meeting, letterhead, notice.Number, notice.IssuedOn, notice.SignerName ?? meeting.ChairName, notice.SignerTitle));
        }
    }

    private static WorkItemInput ToWorkItem(string? text, int leadAgencyId, IReadOnlyList<int>? coordinators, DateOnly? due, bool regular) =>
        new(text, null, leadAgencyId, coordinators, due, regular);

    /// <summary>The meeting with the collection a change touches, if the actor may change it; otherwise why not.</summary>
    private async Task<(Meeting? Meeting, Result<MeetingDetail>? Refused)> ManagedAsync(
        Actor actor, int id, CancellationToken cancellationToken, string? include = null)
    {
        var query = db.Meetings.Include(m => m.Committee).AsQueryable();
        if (include is not null)
        {
            query = query.Include(include);
        }
        var meeting = await query.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null || !actor.CanRead(meeting.Committee!))
        {
            return (null, Result<MeetingDetail>.NotFound());
        }
        return actor.CanManage(meeting.Committee!) ? (meeting, null) : (null, Result<MeetingDetail>.Forbidden());
    }

    /// <summary>Saves; with a version, the meeting itself is checked against it (a stale page is refused).</summary>
    private async Task<Result<MeetingDetail>> SaveAsync(Actor actor, Meeting meeting, int? version, CancellationToken cancellationToken)
    {
        if (version is { } v)
        {
            db.Entry(meeting).Property(m => m.Version).OriginalValue = v;
            db.Entry(meeting).Property(m => m.Version).IsModified = true;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<MeetingDetail>.Conflict();
        }
        return await GetAsync(actor, meeting.Id, cancellationToken);
    }

    private static string Required(string? value, string field, string label, int max, List<Problem> problems, bool keepLines = false)
    {
        var text = keepLines ? VietnameseText.CleanLines(value) : VietnameseText.Clean(value);
        if (text.Length == 0)
        {
            // Mid-sentence the field's label is lower case: "Nhập nội dung chương trình."
            var name = Messages.Get(label);
            problems.Add(new(field, Messages.Get("Required", char.ToLower(name[0], CultureInfo.CurrentUICulture) + name[1..])));
        }
        else if (text.Length > max)
        {
            problems.Add(new(field, Messages.Get("TooLong", Messages.Get(label), max)));
        }
        return text;
    }

    /// <summary>A field that may be left empty (null then), refused when it is longer than <paramref name="max"/>: never cut short unseen.</summary>
    private static string? Optional(string? value, string field, string label, int max, List<Problem> problems)
    {
        var text = VietnameseText.Clean(value);
        if (text.Length > max)
        {
            problems.Add(new(field, Messages.Get("TooLong", label, max)));
        }
        return NullIfEmpty(text);
    }

    /// <summary>
    /// The time as the invitation prints it ("08 giờ 00") from what the clerk typed ("8h30", "8:00",
    /// "8 giờ 30 phút"); null when left empty. Anything else is refused, quoted back: "25 giờ 99"
    /// or "sáng mai" would otherwise be printed on the invitation as the time to come.
    /// </summary>
    private static string? MeetingTime(string? value, List<Problem> problems)
    {
        var text = VietnameseText.Clean(value);
        if (text.Length == 0)
        {
            return null;
        }
        if (TimeFormats.TryParse(text, out var time))
        {
            return time.ToOfficial();
        }
        problems.Add(new(nameof(MeetingInput.Time), Messages.Get("MeetingTimeInvalid", Messages.Get("FieldMeetingTime"), DocumentRules.Excerpt(text))));
        return null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
