using SteerCo.Meetings;
using SteerCo.Members;
using SteerCo.Text;
using SteerCo.Units;
using SteerCo.WorkItems;

namespace SteerCo.Demo;

/// <summary>
/// Five years of meetings and the work they give out. Each committee meets every quarter (a
/// commune now and then skips one), the second quarter's meeting being the six-month review and
/// the fourth's the annual review, with a thematic meeting now and then; the invitees are its
/// roster on the day (<see cref="GeneratedMembers"/>), most present, some absent with a reason or
/// represented. The chair's conclusions assign tasks to agencies of the committee's unit (a lead
/// and coordinators, due a few weeks to months later), and each directive or plan of the register
/// (<see cref="GeneratedDocuments.Plans"/>) gives a few more. Some tasks are passed down: a child
/// in every committee directly below, led by its standing agency, the parent rolled up from the
/// children as <see cref="WorkItemService"/> rolls it up. Tasks move on with progress reports,
/// some extended, most done by now, some open past their due date (overdue), some cancelled.
/// Committees are visited in the plan's order (a committee before those below it), each drawing
/// from its own stream (seed and committee id), so the same seed gives the same rows.
/// </summary>
internal sealed class GeneratedWork(int seed, DateOnly until, GeneratedMembers members, GeneratedDocuments documents)
{
    private const string GeneratedBy = "generated";
    private static readonly int ChairPost = StandardPosts.IdOf(StandardPosts.Chair);
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public List<Meeting> Meetings { get; } = [];

    public List<MeetingInvitee> Invitees { get; } = [];

    public List<Assignment> Assignments { get; } = [];

    public List<AssignmentCoordinator> AssignmentCoordinators { get; } = [];

    public List<WorkItem> Items { get; } = [];

    public List<WorkItemCoordinator> Coordinators { get; } = [];

    public List<WorkItemUpdate> Updates { get; } = [];

    private int _meetingId;
    private int _inviteeId;
    private int _assignmentId;
    private int _itemId;
    private int _updateId;

    public void Generate(IReadOnlyList<PlannedCommittee> committees, Ids ids)
    {
        (_meetingId, _inviteeId, _assignmentId, _itemId, _updateId) = (ids.Meeting, ids.Invitee, ids.Assignment, ids.Item, ids.Update);
        var names = members.People.ToDictionary(p => p.Id, p => p.FullName);
        var rosters = members.Memberships.GroupBy(m => m.CommitteeId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.PostId).ThenBy(m => m.Id).ToList());
        var below = committees.Where(c => c.Committee.ParentId is not null).GroupBy(c => c.Committee.ParentId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Committee).OrderBy(c => c.Id).ToList());
        foreach (var planned in committees)
        {
            var random = new Random(unchecked((seed * 1_000_033) + planned.Committee.Id + 0x574F524B));
            var children = below.GetValueOrDefault(planned.Committee.Id) ?? [];
            var roster = rosters.GetValueOrDefault(planned.Committee.Id) ?? [];
            // One printed name per membership, shared by its invitations.
            var invitedAs = roster.ToDictionary(m => m.Id, m => $"{names[m.PersonId]}, {m.JobTitle}");
            foreach (var (kind, period, on) in Schedule(planned, random))
            {
                Meet(planned, kind, period, on, roster, invitedAs, names, children, random);
            }
            foreach (var plan in documents.Plans.GetValueOrDefault(planned.Committee.Id) ?? [])
            {
                var count = planned.Level switch { UnitLevel.Central => 3, UnitLevel.Province => random.Next(2, 5), _ => random.NextDouble() < 0.8 ? 1 : 0 };
                for (var i = 0; i < count; i++)
                {
                    var lead = planned.Agencies[random.Next(planned.Agencies.Count)];
                    var item = NewItem(planned, Task(planned, random), lead.Id, plan.IssuedOn, DueAfter(plan.IssuedOn, 30, 365, random, regularShare: 0.1),
                        planned.Level == UnitLevel.Central ? WorkItemSource.Document : WorkItemSource.PlanItem, plan.DocumentId, null);
                    AddCoordinators(item, planned, lead, random);
                    var passDown = children.Count > 0 && random.NextDouble() < (planned.Level == UnitLevel.Central ? 0.7 : 0.3);
                    Settle(item, children, passDown, random);
                }
            }
        }
    }

    /// <summary>The first key of each table's generated rows, minus one.</summary>
    public sealed record Ids(int Meeting, int Invitee, int Assignment, int Item, int Update);

    private IEnumerable<(MeetingKind Kind, string Period, DateOnly On)> Schedule(PlannedCommittee planned, Random random)
    {
        var start = planned.Committee.EstablishedOn is { } established && established > GeneratedDocuments.From ? established : GeneratedDocuments.From;
        var commune = planned.Level == UnitLevel.Commune;
        var meetings = new List<(MeetingKind, string, DateOnly)>();
        for (var year = start.Year; year <= until.Year; year++)
        {
            for (var quarter = 0; quarter < 4; quarter++)
            {
                // Held in the last month of the quarter, the annual review in December.
                var on = Weekday(new DateOnly(year, (quarter * 3) + 3, random.Next(5, 26)));
                if (on < start || on > until || (commune && random.NextDouble() < 0.3))
                {
                    continue;
                }
                meetings.Add(quarter switch
                {
                    1 => (MeetingKind.SixMonthReview, $"6 tháng đầu năm {year}", on),
                    3 => (MeetingKind.AnnualReview, $"năm {year}", on),
                    _ => (MeetingKind.QuarterlyBriefing, $"Quý {Roman[quarter]}/{year}", on),
                });
            }
            var thematic = Weekday(new DateOnly(year, random.Next(1, 13), random.Next(1, 28)));
            if (thematic >= start && thematic <= until && random.NextDouble() < (commune ? 0.3 : 0.8))
            {
                var topics = GeneratedDocuments.Topics[planned.Subject];
                meetings.Add((MeetingKind.Thematic, $"về {topics[random.Next(topics.Length)]} năm {year}", thematic));
            }
        }
        return meetings.OrderBy(m => m.Item3);
    }

    private void Meet(
        PlannedCommittee planned, MeetingKind kind, string period, DateOnly on, List<Membership> roster, Dictionary<int, string> invitedAs,
        Dictionary<int, string> names, List<Committees.Committee> children, Random random)
    {
        var present = roster.Where(m => m.StartDate <= on && (m.EndDate == null || m.EndDate >= on)).ToList();
        var chair = present.FirstOrDefault(m => m.PostId == ChairPost) ?? present.FirstOrDefault();
        var meeting = new Meeting
        {
            Id = ++_meetingId,
            CommitteeId = planned.Committee.Id,
            Kind = kind,
            Period = period,
            Date = on,
            Time = random.Next(3) == 0 ? "14 giờ 00" : "08 giờ 00",
            Place = planned.Level == UnitLevel.Central ? "Trụ sở Văn phòng Chính phủ" : $"Hội trường Ủy ban nhân dân {planned.Place}",
            ChairPersonId = chair?.PersonId,
            ChairName = chair is null ? "Trưởng ban" : names[chair.PersonId],
            ChairTitle = chair is null ? null : $"{chair.JobTitle}, Trưởng ban",
            Conclusions = string.Join('\n', Enumerable.Range(0, 2).Select(_ => Conclusions[random.Next(Conclusions.Length)])),
            CreatedAt = Midnight(on),
        };
        Meetings.Add(meeting);
        foreach (var member in present)
        {
            var roll = member == chair ? 1 : random.NextDouble();
            var attendance = roll < 0.08 ? Attendance.Absent : roll < 0.15 ? Attendance.Represented : Attendance.Present;
            Invitees.Add(new MeetingInvitee
            {
                Id = ++_inviteeId,
                MeetingId = meeting.Id,
                PersonId = member.PersonId,
                AgencyId = member.AgencyId,
                Name = invitedAs[member.Id],
                Attendance = attendance,
                AbsenceReason = attendance == Attendance.Absent ? AbsenceReasons[random.Next(AbsenceReasons.Length)] : null,
                RepresentedBy = attendance == Attendance.Represented ? $"Cấp phó của {member.JobTitle}" : null,
            });
        }

        var count = planned.Level switch { UnitLevel.Central => random.Next(2, 5), UnitLevel.Province => random.Next(1, 4), _ => random.NextDouble() < 0.5 ? 1 : 0 };
        for (var order = 1; order <= count; order++)
        {
            var lead = planned.Agencies[random.Next(planned.Agencies.Count)];
            var text = Task(planned, random);
            var item = NewItem(planned, text, lead.Id, on, DueAfter(on, 15, 120, random, regularShare: 0.08), WorkItemSource.MeetingConclusion, null, meeting.Id);
            AddCoordinators(item, planned, lead, random);
            var passDown = children.Count > 0 && random.NextDouble() < (planned.Level == UnitLevel.Central ? 0.3 : 0.05);
            var assignment = new Assignment
            {
                Id = ++_assignmentId,
                MeetingId = meeting.Id,
                Order = order,
                Text = text,
                LeadAgencyId = lead.Id,
                DueDate = item.DueDate,
                ToSubordinates = passDown,
                WorkItemId = item.Id,
            };
            Assignments.Add(assignment);
            AssignmentCoordinators.AddRange(item.Coordinators.Select(c => new AssignmentCoordinator { AssignmentId = assignment.Id, AgencyId = c.AgencyId }));
            // The assignment keeps the due date given at the meeting; the task's may be extended later.
            Settle(item, children, passDown, random);
        }
    }

    private WorkItem NewItem(PlannedCommittee planned, string title, int leadAgencyId, DateOnly on, DateOnly? due, WorkItemSource source, int? documentId, int? meetingId)
    {
        var item = new WorkItem
        {
            Id = ++_itemId,
            Title = title,
            CommitteeId = planned.Committee.Id,
            CommitteePath = planned.Committee.Path,
            SourceKind = source,
            SourceDocumentId = documentId,
            MeetingId = meetingId,
            LeadAgencyId = leadAgencyId,
            DueDate = due,
            CreatedAt = Midnight(on),
            CreatedBy = GeneratedBy,
        };
        Items.Add(item);
        return item;
    }

    private void AddCoordinators(WorkItem item, PlannedCommittee planned, UnitAgency lead, Random random)
    {
        var others = planned.Agencies.Where(a => a != lead).ToList();
        for (var n = Math.Min(others.Count, random.Next(1, 6)); n > 0; n--)
        {
            var agency = others[random.Next(others.Count)];
            others.Remove(agency);
            var coordinator = new WorkItemCoordinator { WorkItemId = item.Id, AgencyId = agency.Id };
            item.Coordinators.Add(coordinator);
            Coordinators.Add(coordinator);
        }
    }

    /// <summary>
    /// Where the task stands by <see cref="until"/>: its own progress, or, passed down, a child in
    /// every committee below (each with its own progress) and the parent rolled up from them.
    /// </summary>
    private void Settle(WorkItem item, List<Committees.Committee> children, bool passDown, Random random)
    {
        if (!passDown)
        {
            Progress(item, random);
            return;
        }
        var created = DateOnly.FromDateTime(item.CreatedAt.UtcDateTime);
        var shares = new List<WorkItem>(children.Count);
        foreach (var committee in children)
        {
            var received = Min(until, created.AddDays(random.Next(3, 15)));
            if (committee.StandingAgencyId is not { } standing)
            {
                continue;
            }
            var child = new WorkItem
            {
                Id = ++_itemId,
                Title = item.Title,
                CommitteeId = committee.Id,
                CommitteePath = committee.Path,
                ParentId = item.Id,
                SourceKind = WorkItemSource.ParentItem,
                SourceDocumentId = item.SourceDocumentId,
                MeetingId = item.MeetingId,
                LeadAgencyId = standing,
                DueDate = item.DueDate,
                CreatedAt = Midnight(received),
                CreatedBy = GeneratedBy,
            };
            Items.Add(child);
            Progress(child, random);
            shares.Add(child);
        }
        var counted = shares.Where(c => c.Status != WorkItemStatus.Cancelled).ToList();
        if (counted.Count == 0)
        {
            Progress(item, random);
            return;
        }
        // As WorkItemService rolls a parent up: the children's average, done when all are.
        item.Percent = (int)Math.Round(counted.Average(c => c.Percent));
        if (counted.All(c => c.Status == WorkItemStatus.Done))
        {
            item.Status = WorkItemStatus.Done;
            item.Percent = 100;
            item.CompletedOn = counted.Max(c => c.CompletedOn);
        }
        else if (item.DueDate is { } due && due.AddDays(365) < until)
        {
            // A year past due, the secretariat closes what the stragglers never finished.
            item.Status = WorkItemStatus.Done;
            item.CompletedOn = due.AddDays(365);
            AddUpdate(item, WorkItemUpdateKind.Closed, item.CompletedOn.Value, "Kết thúc theo dõi; các địa phương chưa hoàn thành tiếp tục thực hiện, lồng ghép vào nhiệm vụ năm sau.", null);
        }
        else
        {
            item.Status = counted.Any(c => c.Status != WorkItemStatus.NotStarted) ? WorkItemStatus.InProgress : WorkItemStatus.NotStarted;
        }
    }

    /// <summary>A task's own history: extended now and then, reported on, done (most of those due long ago), left open or cancelled.</summary>
    private void Progress(WorkItem item, Random random)
    {
        var created = DateOnly.FromDateTime(item.CreatedAt.UtcDateTime);
        if (item.DueDate is { } due && due < until && random.NextDouble() < 0.06)
        {
            var extended = due.AddDays(random.Next(30, 91));
            var on = Min(due, created.AddDays(Math.Max(1, (due.DayNumber - created.DayNumber) * 3 / 4)));
            AddUpdate(item, WorkItemUpdateKind.DeadlineExtended, on, "Gia hạn do khối lượng công việc lớn, cần thêm thời gian phối hợp với các cơ quan liên quan.", null, due, extended);
            item.DueDate = extended;
            // Whatever happens next happens after the extension.
            created = on;
        }
        double done, cancelled, started;
        if (item.DueDate is not { } dueDate)
        {
            (done, cancelled, started) = (0, 0.04, 0.85);
        }
        else if (dueDate < until)
        {
            var late = until.DayNumber - dueDate.DayNumber;
            done = late > 180 ? 0.9 : late > 60 ? 0.75 : 0.55;
            (cancelled, started) = (0.03, 0.7);
        }
        else
        {
            (done, cancelled, started) = (0.1, 0.01, 0.6);
        }
        var roll = random.NextDouble();
        var last = item.DueDate is { } d2 && d2 < until ? Min(until, d2.AddDays(60)) : until;
        var span = Math.Max(1, last.DayNumber - created.DayNumber);
        if (roll < done)
        {
            var completed = Min(until, created.AddDays(Math.Max(1, (int)(span * (0.4 + (random.NextDouble() * 0.6))))));
            Reports(item, created, completed, random.Next(0, 3), 90, random);
            item.Status = WorkItemStatus.Done;
            item.Percent = 100;
            item.CompletedOn = completed;
            item.Result = "Đã hoàn thành; kết quả được báo cáo tại cuộc họp định kỳ của Ban Chỉ đạo.";
            AddUpdate(item, WorkItemUpdateKind.Progress, completed, item.Result, 100);
        }
        else if (roll < done + cancelled)
        {
            var on = Min(until, created.AddDays(random.Next(1, span + 1)));
            item.Status = WorkItemStatus.Cancelled;
            item.CompletedOn = on;
            AddUpdate(item, WorkItemUpdateKind.Closed, on, "Hủy nhiệm vụ do không còn phù hợp với tình hình thực tế; nội dung được lồng ghép vào nhiệm vụ khác.", null);
        }
        else if (random.NextDouble() < started)
        {
            item.Status = WorkItemStatus.InProgress;
            item.Percent = Reports(item, created, Min(until, last), random.Next(1, 4), 90, random);
        }
    }

    /// <summary>Progress reports spread from the start to <paramref name="to"/>, the percent rising; the last percent.</summary>
    private int Reports(WorkItem item, DateOnly from, DateOnly to, int count, int most, Random random)
    {
        var percent = 0;
        var days = Math.Max(1, to.DayNumber - from.DayNumber);
        for (var i = 1; i <= count; i++)
        {
            percent = Math.Min(most, percent + random.Next(10, 41));
            AddUpdate(item, WorkItemUpdateKind.Progress, from.AddDays(days * i / (count + 1)), ProgressTexts[random.Next(ProgressTexts.Length)], percent);
        }
        return percent;
    }

    private void AddUpdate(WorkItem item, WorkItemUpdateKind kind, DateOnly on, string text, int? percent, DateOnly? previousDue = null, DateOnly? newDue = null) =>
        Updates.Add(new WorkItemUpdate
        {
            Id = ++_updateId,
            WorkItemId = item.Id,
            Kind = kind,
            On = on,
            Text = text,
            Percent = percent,
            PreviousDueDate = previousDue,
            NewDueDate = newDue,
            At = Midnight(on).AddHours(9),
            By = GeneratedBy,
        });

    private static DateOnly? DueAfter(DateOnly on, int fewest, int most, Random random, double regularShare) =>
        random.NextDouble() < regularShare ? null : on.AddDays(random.Next(fewest, most + 1));

    private static string Task(PlannedCommittee planned, Random random)
    {
        var topics = GeneratedDocuments.Topics[planned.Subject];
        var text = $"{Actions[random.Next(Actions.Length)]} {topics[random.Next(topics.Length)]}";
        return VietnameseText.Clean(char.ToUpperInvariant(text[0]) + text[1..]);
    }

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    private static readonly string[] Actions =
    [
        "rà soát, cập nhật kế hoạch", "tổ chức kiểm tra việc thực hiện", "tổng hợp, báo cáo kết quả", "xây dựng phương án", "tăng cường tuyên truyền về",
        "bố trí kinh phí cho", "hướng dẫn các đơn vị triển khai", "đánh giá kết quả",
    ];

    private static readonly string[] Conclusions =
    [
        "Ban Chỉ đạo ghi nhận, đánh giá cao sự nỗ lực của các thành viên và các cơ quan, đơn vị trong kỳ.",
        "Một số nhiệm vụ còn chậm so với tiến độ; các cơ quan được giao chủ trì khẩn trương thực hiện, báo cáo kết quả.",
        "Tiếp tục quán triệt, triển khai đầy đủ các văn bản chỉ đạo của cấp trên, bảo đảm đúng tiến độ.",
        "Các thành viên Ban Chỉ đạo theo lĩnh vực được phân công chủ động kiểm tra, đôn đốc việc thực hiện.",
    ];

    private static readonly string[] AbsenceReasons = ["Đi công tác", "Dự họp tại cấp trên", "Nghỉ phép", "Đi học tập trung", "Lý do sức khỏe"];

    private static readonly string[] ProgressTexts =
    [
        "Đã ban hành văn bản triển khai đến các đơn vị trực thuộc.",
        "Đang tổng hợp số liệu từ các đơn vị; dự kiến hoàn thành đúng hạn.",
        "Đã tổ chức kiểm tra tại một số đơn vị; đang hoàn thiện báo cáo.",
        "Đã bố trí kinh phí, đang triển khai thực hiện.",
        "Một số đơn vị chậm gửi báo cáo; đã có văn bản đôn đốc.",
    ];
}
