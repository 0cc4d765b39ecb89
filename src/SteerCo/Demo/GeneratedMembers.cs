using SteerCo.Committees;
using SteerCo.Members;
using SteerCo.Text;
using SteerCo.Units;
using Randomizer = Bogus.Randomizer;

namespace SteerCo.Demo;

/// <summary>An agency of a committee's unit, and how its head and deputy head are titled (<see cref="CatalogAgency"/>).</summary>
internal sealed record UnitAgency(int Id, string Abbreviation, string Name, string Head, string Deputy)
{
    public string HeadTitle => $"{Head} {Name}";

    public string DeputyTitle => $"{Deputy} {Name}";
}

/// <summary>
/// Five years of every committee's members: the composition appointed on the day it was set up,
/// then a reconstitution [kiện toàn] every one to two years, each by a decision (QĐ) of the
/// committee's own register (<see cref="GeneratedDocuments"/> writes them on the days
/// <see cref="DecisionDays"/> gives). Membership is by position: at a reconstitution some
/// office-holders have changed (the leaver's membership ends the day before it takes effect, the
/// successor's starts on it), now and then a member moves to another post or a seat is added or
/// dropped. One post per person at a time, one Trưởng ban at a time. Each committee draws from its
/// own streams (seed and committee id), so its members do not depend on the order of anything else.
/// </summary>
internal sealed class GeneratedMembers(int seed, DateOnly until)
{
    private static readonly int Chair = StandardPosts.IdOf(StandardPosts.Chair);
    private static readonly int StandingDeputy = StandardPosts.IdOf(StandardPosts.StandingDeputy);
    private static readonly int Deputy = StandardPosts.IdOf(StandardPosts.Deputy);
    private static readonly int Member = StandardPosts.IdOf(StandardPosts.Member);
    private static readonly int TeamLeader = StandardPosts.IdOf(StandardPosts.TeamLeader);
    private static readonly int TeamDeputy = StandardPosts.IdOf(StandardPosts.TeamDeputy);
    private static readonly int TeamMember = StandardPosts.IdOf(StandardPosts.TeamMember);
    private static readonly int Secretary = StandardPosts.IdOf(StandardPosts.Secretary);

    private static readonly string[] Departments = ["Tổng hợp", "Kế hoạch - Tài chính", "Pháp chế", "Tổ chức cán bộ", "Thanh tra"];

    private readonly Bogus.DataSets.Name _names = new("vi");

    public List<Person> People { get; } = [];

    public List<Membership> Memberships { get; } = [];

    /// <summary>The days the committee's composition was decided: the day it was set up, then every one to two years up to the data set's last day.</summary>
    public IReadOnlyList<DateOnly> DecisionDays(Committee committee)
    {
        var random = new Random(Stream(committee.Id, 0));
        var day = committee.EstablishedOn ?? GeneratedDocuments.From;
        var days = new List<DateOnly> { day };
        while ((day = day.AddDays(random.Next(365, 731))) <= until)
        {
            days.Add(day);
        }
        return days;
    }

    /// <summary>
    /// People and memberships of every committee. <paramref name="decisions"/>: per committee, the
    /// register's decision on each of the days of <see cref="DecisionDays"/> (<see cref="GeneratedDocuments.Decisions"/>).
    /// </summary>
    public void Generate(IReadOnlyList<PlannedCommittee> committees, IReadOnlyDictionary<int, int[]> decisions, int lastPersonId, int lastMembershipId)
    {
        foreach (var planned in committees)
        {
            var random = new Randomizer(Stream(planned.Committee.Id, 1));
            _names.Random = random;
            var days = DecisionDays(planned.Committee);
            var decided = decisions.GetValueOrDefault(planned.Committee.Id);
            int? DecisionOn(int i) => decided is { } d && i < d.Length && d[i] > 0 ? d[i] : null;

            var seats = Composition(planned, random);
            foreach (var seat in seats)
            {
                Appoint(seat, NewPerson(seat), days[0], DecisionOn(0));
            }
            for (var i = 1; i < days.Count; i++)
            {
                Reconstitute(planned, seats, days[i], DecisionOn(i), random);
            }
        }

        void Appoint(Seat seat, Person person, DateOnly on, int? decision)
        {
            seat.Holder = person;
            seat.Membership = new Membership
            {
                Id = ++lastMembershipId,
                PersonId = person.Id,
                CommitteeId = seat.CommitteeId,
                PostId = seat.PostId,
                AgencyId = seat.Agency.Id,
                JobTitle = person.JobTitle,
                StartDate = on,
                AppointingDocumentId = decision,
            };
            Memberships.Add(seat.Membership);
        }

        Person NewPerson(Seat seat)
        {
            var fullName = FullName(_names.Random, _names);
            var person = new Person
            {
                Id = ++lastPersonId,
                FullName = fullName,
                FoldedName = VietnameseText.Fold(fullName),
                JobTitle = seat.Title,
                AgencyId = seat.Agency.Id,
            };
            People.Add(person);
            return person;
        }

        // Effective on a day: whoever leaves a post holds it until the day before.
        void Reconstitute(PlannedCommittee planned, List<Seat> seats, DateOnly on, int? decision, Randomizer random)
        {
            var changed = new HashSet<Seat>();
            void End(Seat seat)
            {
                seat.Membership!.EndDate = on.AddDays(-1);
                seat.Membership.EndingDocumentId = decision;
                changed.Add(seat);
            }

            // Office-holders who moved on: their successors in office take their seats. A
            // committee is reconstituted because someone moved on, so at least one has.
            var leaving = seats.Where(s => random.Bool(s.PostId == Chair ? 0.3f : 0.25f)).ToList();
            if (leaving.Count == 0)
            {
                leaving.Add(random.ListItem(seats));
            }
            foreach (var seat in leaving)
            {
                End(seat);
                Appoint(seat, NewPerson(seat), on, decision);
            }
            var (fewest, most) = MemberSeats(planned.Level);
            var members = seats.Where(s => s.PostId == Member && !changed.Contains(s)).ToList();
            // A member becomes a deputy head of the committee: the same person in another post from that day.
            if (members.Count > 0 && seats.Count(s => s.PostId == Deputy) < 3 && random.Bool(0.2f))
            {
                var promoted = random.ListItem(members);
                End(promoted);
                promoted.PostId = Deputy;
                Appoint(promoted, promoted.Holder!, on, decision);
                members.Remove(promoted);
            }
            // An agency leaves the committee, or another joins it.
            if (members.Count > 0 && seats.Count(s => s.PostId == Member) > fewest && random.Bool(0.15f))
            {
                var dropped = random.ListItem(members);
                End(dropped);
                seats.Remove(dropped);
            }
            if (seats.Count(s => s.PostId == Member) < most && random.Bool(0.2f)
                && planned.Agencies.Where(a => seats.All(s => s.Agency != a)).ToList() is { Count: > 0 } newcomers)
            {
                var seat = new Seat(planned.Committee.Id, Member, random.ListItem(newcomers), head: true);
                seats.Add(seat);
                Appoint(seat, NewPerson(seat), on, decision);
            }
        }
    }

    /// <summary>"Nguyễn Thị Lan": a family name, for some a middle name, a given name; the generated users' names too.</summary>
    internal static string FullName(Randomizer random, Bogus.DataSets.Name names)
    {
        var female = random.Bool();
        var family = names.LastName();
        var given = names.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var middle = female && random.Bool(0.4f) ? "Thị " : !female && random.Bool(0.3f) ? "Văn " : "";
        // Bogus spells some names with the Icelandic Ð (U+00D0); Vietnamese writes Đ (U+0110).
        return VietnameseText.Clean($"{family} {middle}{given}".Replace('Ð', 'Đ'));
    }

    /// <summary>How many Ủy viên a committee of the level has, at least and at most: about 25 members at the centre, 15 to 20 in a province, 8 to 12 in a commune.</summary>
    private static (int Fewest, int Most) MemberSeats(UnitLevel level) => level switch
    {
        UnitLevel.Central => (14, 18),
        UnitLevel.Province => (8, 12),
        _ => (4, 6),
    };

    /// <summary>
    /// The posts and who sits for which agency when the committee is set up: the head of
    /// government of the unit (a Deputy Prime Minister at the centre) chairs it, heads of its
    /// agencies are deputies and members, staff of the standing agency make up the support team.
    /// </summary>
    private static List<Seat> Composition(PlannedCommittee planned, Randomizer random)
    {
        var id = planned.Committee.Id;
        var agencies = planned.Agencies;
        var standing = agencies.Single(a => a.Id == planned.Committee.StandingAgencyId);
        var central = planned.Level == UnitLevel.Central;
        var government = agencies.Single(a => a.Abbreviation == (central ? "VPCP" : "UBND"));
        var seats = new List<Seat>();
        if (central)
        {
            seats.Add(new Seat(id, Chair, government, "Phó Thủ tướng Chính phủ"));
            seats.Add(new Seat(id, StandingDeputy, standing, head: true));
            seats.Add(new Seat(id, Deputy, standing, head: false));
            seats.Add(new Seat(id, Deputy, government, head: false));
        }
        else
        {
            seats.Add(new Seat(id, Chair, government, head: true));
            seats.Add(new Seat(id, StandingDeputy, government, head: false));
            var others = agencies.Where(a => a != government && a != standing).ToList();
            seats.Add(new Seat(id, Deputy, standing != government ? standing : random.ListItem(others), head: true));
            if (planned.Level == UnitLevel.Province && random.Bool())
            {
                seats.Add(new Seat(id, Deputy, random.ListItem(others.Where(a => a.Abbreviation is "CA" or "BCHQS" && seats.All(s => s.Agency != a)).ToList()), head: true));
            }
        }

        // Ủy viên: one for each of some agencies not seated yet, most of them the agency's head.
        var (fewest, most) = MemberSeats(planned.Level);
        var free = agencies.Where(a => seats.All(s => s.Agency != a)).ToList();
        foreach (var agency in random.ListItems(free, Math.Min(free.Count, random.Number(fewest, most - 1))).OrderBy(a => a.Id))
        {
            seats.Add(new Seat(id, Member, agency, head: random.Bool(0.75f)));
        }

        // The support team [Tổ giúp việc] and the secretary come from the standing agency (a commune's office when the committee of the commune keeps it itself).
        var staff = planned.Level == UnitLevel.Commune && standing == government ? agencies.Single(a => a.Abbreviation == "VP") : standing;
        var department = random.ArrayElement(Departments);
        var officer = planned.Level == UnitLevel.Commune ? "Công chức" : "Chuyên viên";
        switch (planned.Level)
        {
            case UnitLevel.Central:
                seats.Add(new Seat(id, TeamLeader, staff, $"Vụ trưởng Vụ {department}, {staff.Name}"));
                seats.Add(new Seat(id, TeamDeputy, staff, $"Phó Vụ trưởng Vụ {department}, {staff.Name}"));
                break;
            case UnitLevel.Province:
                seats.Add(new Seat(id, TeamLeader, staff, head: false));
                seats.Add(new Seat(id, TeamDeputy, staff, $"Trưởng phòng {department}, {staff.Name}"));
                break;
        }
        for (var i = random.Number(central ? 2 : 0, central ? 3 : 1); i > 0; i--)
        {
            seats.Add(new Seat(id, TeamMember, staff, $"{officer} {staff.Name}"));
        }
        seats.Add(new Seat(id, Secretary, staff, $"{officer} {staff.Name}"));
        return seats;
    }

    private int Stream(int committeeId, int purpose) => unchecked((seed * 1_000_037) + (committeeId * 4) + purpose + 0x4D454D);

    /// <summary>A place on the committee: a post, the agency it is held for and the job title that goes with it, and who holds it now.</summary>
    private sealed class Seat(int committeeId, int postId, UnitAgency agency, string title)
    {
        public Seat(int committeeId, int postId, UnitAgency agency, bool head)
            : this(committeeId, postId, agency, head ? agency.HeadTitle : agency.DeputyTitle)
        {
        }

        public int CommitteeId { get; } = committeeId;
        public int PostId { get; set; } = postId;
        public UnitAgency Agency { get; } = agency;
        public string Title { get; } = title;
        public Person? Holder { get; set; }
        public Membership? Membership { get; set; }
    }
}
