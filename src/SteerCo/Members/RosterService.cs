using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Units;

namespace SteerCo.Members;

public sealed record PostView(int Id, int? CommitteeId, string? Code, string Name, int Order, bool Required, bool SingleHolder);

public sealed record PostInput(string? Name, int Order, bool Required);

/// <summary>One line of a roster: who holds which post, for which agency, since when, by which decision.</summary>
public sealed record RosterEntry(
    int MembershipId, int PersonId, string FullName, string JobTitle, int PostId, string PostName, string? PostCode, int PostOrder,
    int AgencyId, string AgencyName, DateOnly StartDate, DateOnly? EndDate,
    int? AppointingDocumentId, string? AppointingSymbol, int? EndingDocumentId, string? EndingSymbol, int Version);

/// <summary>The committee as it stood on <see cref="On"/>, in roster order (post order, then name).</summary>
public sealed record Roster(int CommitteeId, string CommitteeName, DateOnly On, IReadOnlyList<RosterEntry> Members);

public enum ChangeKind
{
    Joined = 1,
    Left = 2,
    PostChanged = 3,
    Unchanged = 4,
}

/// <summary>A person's change between two compositions, with the decision behind it.</summary>
public sealed record CompositionChange(
    ChangeKind Kind, int PersonId, string FullName, string? PostName, string? PreviousPostName, int? DecisionId, string? DecisionSymbol);

/// <summary>One composition of the committee: from a day to the day before the next change (null: still current).</summary>
public sealed record CompositionPeriod(DateOnly From, DateOnly? To, int MemberCount, IReadOnlyList<CompositionChange> Changes);

public sealed record MembershipInput(int PersonId, int PostId, int? AgencyId, DateOnly? StartDate, DateOnly? EndDate, int? AppointingDocumentId, int? EndingDocumentId);

public enum CheckKind
{
    RequiredPostEmpty = 1,
    AgencyGone = 2,
    TwoProvinces = 3,
}

/// <summary>Something on the roster that needs the secretariat's attention.</summary>
public sealed record RosterCheck(CheckKind Kind, string Message, int? PersonId);

/// <summary>
/// Posts, memberships, the roster as of any day, the timeline of compositions and the checks.
/// Reconstitutions, which change many memberships at once, are in <see cref="Reconstitutions"/>.
/// </summary>
public sealed class RosterService(SteerCoDbContext db, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    /// <summary>The standard posts and the committee's own, in roster order.</summary>
    public async Task<Result<IReadOnlyList<PostView>>> PostsAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(actor, committeeId, cancellationToken) is null)
        {
            return Result<IReadOnlyList<PostView>>.NotFound();
        }
        return await PostsOfAsync(committeeId, cancellationToken);
    }

    internal async Task<List<PostView>> PostsOfAsync(int committeeId, CancellationToken cancellationToken) =>
        await db.Posts.AsNoTracking().Where(p => p.CommitteeId == null || p.CommitteeId == committeeId)
            .OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new PostView(p.Id, p.CommitteeId, p.Code, p.Name, p.Order, p.Required, p.SingleHolder)).ToListAsync(cancellationToken);

    /// <summary>Adds a post of the committee's own ("Ủy viên thường trực", ...) at an order among the standard ones.</summary>
    public async Task<Result<PostView>> AddPostAsync(Actor actor, int committeeId, PostInput input, CancellationToken cancellationToken = default)
    {
        var committee = await ReadableAsync(actor, committeeId, cancellationToken);
        if (committee is null)
        {
            return Result<PostView>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<PostView>.Forbidden();
        }
        var name = VietnameseText.Clean(input.Name);
        if (name.Length == 0)
        {
            return Result<PostView>.Invalid(nameof(PostInput.Name), Messages.Get("NameRequired"));
        }
        if (name.Length > 200)
        {
            return Result<PostView>.Invalid(nameof(PostInput.Name), Messages.Get("TooLong", Messages.Get("FieldName"), 200));
        }
        if (input.Order is < 1 or > 999)
        {
            return Result<PostView>.Invalid(nameof(PostInput.Order), Messages.Get("PostOrderRange"));
        }
        var folded = VietnameseText.Fold(name);
        var existing = await db.Posts.Where(p => p.CommitteeId == null || p.CommitteeId == committeeId).Select(p => p.Name).ToListAsync(cancellationToken);
        if (existing.Any(n => VietnameseText.Fold(n) == folded))
        {
            return Result<PostView>.Invalid(nameof(PostInput.Name), Messages.Get("PostNameTaken", name));
        }
        var post = new Post { CommitteeId = committeeId, Name = name, Order = input.Order, Required = input.Required };
        db.Posts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        return new PostView(post.Id, post.CommitteeId, null, post.Name, post.Order, post.Required, false);
    }

    /// <summary>The roster of <paramref name="on"/> (today when null).</summary>
    public async Task<Result<Roster>> RosterAsync(Actor actor, int committeeId, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        var committee = await ReadableAsync(actor, committeeId, cancellationToken);
        if (committee is null)
        {
            return Result<Roster>.NotFound();
        }
        var day = on ?? Today;
        // StartDate ≤ day on the (CommitteeId, StartDate, EndDate) index; the end is checked in the index too.
        var members = await Entries(db.Memberships.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId && m.StartDate <= day && (m.EndDate == null || m.EndDate >= day)), db.Documents)
            .ToListAsync(cancellationToken);
        return new Roster(committee.Id, committee.Name, day, InRosterOrder(members));
    }

    /// <summary>Post order, then the Vietnamese way: given name (the last word), then the whole name.</summary>
    public static IReadOnlyList<RosterEntry> InRosterOrder(IEnumerable<RosterEntry> entries) =>
        [.. entries.OrderBy(e => e.PostOrder).ThenBy(e => e.PostId).ThenBy(e => GivenName(e.FullName), StringComparer.Ordinal)
            .ThenBy(e => VietnameseText.Fold(e.FullName), StringComparer.Ordinal).ThenBy(e => e.MembershipId)];

    public static string GivenName(string fullName) => VietnameseText.Fold(fullName).Split(' ').LastOrDefault() ?? "";

    /// <remarks>
    /// The decisions' symbols are read by a subquery each, not joined: PostgreSQL took 1.5–2 ms to
    /// plan the join of six tables, ten times what the query then took to run (0.1–0.2 ms), and
    /// plans four tables and two subqueries in half that.
    /// </remarks>
    internal static IQueryable<RosterEntry> Entries(IQueryable<Membership> memberships, IQueryable<Document> documents) =>
        memberships.Select(m => new RosterEntry(
            m.Id, m.PersonId, m.Person!.FullName, m.JobTitle ?? m.Person.JobTitle, m.PostId, m.Post!.Name, m.Post.Code, m.Post.Order,
            m.AgencyId, m.Agency!.Name, m.StartDate, m.EndDate,
            m.AppointingDocumentId, documents.Where(d => d.Id == m.AppointingDocumentId).Select(d => d.Symbol).FirstOrDefault(),
            m.EndingDocumentId, documents.Where(d => d.Id == m.EndingDocumentId).Select(d => d.Symbol).FirstOrDefault(), m.Version));

    /// <summary>Every composition the committee has had, newest first, with who joined, left or changed post and by which decision.</summary>
    public async Task<Result<IReadOnlyList<CompositionPeriod>>> TimelineAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(actor, committeeId, cancellationToken) is null)
        {
            return Result<IReadOnlyList<CompositionPeriod>>.NotFound();
        }
        var all = await Entries(db.Memberships.AsNoTracking().Where(m => m.CommitteeId == committeeId), db.Documents).ToListAsync(cancellationToken);
        return Timeline(all);
    }

    internal static List<CompositionPeriod> Timeline(IReadOnlyList<RosterEntry> all)
    {
        // A composition changes on a start day and on the day after an end.
        var days = all.Select(m => m.StartDate)
            .Concat(all.Where(m => m.EndDate is { } end && end < DateOnly.MaxValue).Select(m => m.EndDate!.Value.AddDays(1)))
            .Distinct().Order().ToList();
        var periods = new List<CompositionPeriod>();
        for (var i = 0; i < days.Count; i++)
        {
            var from = days[i];
            DateOnly? to = i + 1 < days.Count ? days[i + 1].AddDays(-1) : null;
            var joined = all.Where(m => m.StartDate == from).ToList();
            var left = all.Where(m => m.EndDate is { } end && end.AddDays(1) == from).ToList();
            var changes = new List<CompositionChange>();
            foreach (var j in joined)
            {
                var previous = left.FirstOrDefault(l => l.PersonId == j.PersonId);
                changes.Add(previous is null
                    ? new(ChangeKind.Joined, j.PersonId, j.FullName, j.PostName, null, j.AppointingDocumentId, j.AppointingSymbol)
                    : new(ChangeKind.PostChanged, j.PersonId, j.FullName, j.PostName, previous.PostName, j.AppointingDocumentId ?? previous.EndingDocumentId, j.AppointingSymbol ?? previous.EndingSymbol));
            }
            foreach (var l in left.Where(l => joined.All(j => j.PersonId != l.PersonId)))
            {
                changes.Add(new(ChangeKind.Left, l.PersonId, l.FullName, null, l.PostName, l.EndingDocumentId, l.EndingSymbol));
            }
            var count = all.Count(m => m.StartDate <= from && (m.EndDate is null || m.EndDate >= from));
            periods.Add(new(from, to, count, [.. changes.OrderBy(c => c.Kind).ThenBy(c => VietnameseText.Fold(c.FullName), StringComparer.Ordinal)]));
        }
        periods.Reverse();
        return periods;
    }

    /// <summary>Records one membership directly (history, or a single appointment), under the same rules a reconstitution follows.</summary>
    public async Task<Result<RosterEntry>> AddMembershipAsync(Actor actor, int committeeId, MembershipInput input, CancellationToken cancellationToken = default)
    {
        var committee = await ReadableAsync(actor, committeeId, cancellationToken);
        if (committee is null)
        {
            return Result<RosterEntry>.NotFound();
        }
        if (!actor.CanManage(committee))
        {
            return Result<RosterEntry>.Forbidden();
        }
        var problems = new List<Problem>();
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.PersonId, cancellationToken);
        if (person is null)
        {
            problems.Add(new(nameof(MembershipInput.PersonId), Messages.Get("PersonNotFound")));
        }
        var post = await db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.PostId && (p.CommitteeId == null || p.CommitteeId == committeeId), cancellationToken);
        if (post is null)
        {
            problems.Add(new(nameof(MembershipInput.PostId), Messages.Get("PostNotFound")));
        }
        var agencyId = input.AgencyId ?? person?.AgencyId ?? 0;
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            problems.Add(new(nameof(MembershipInput.AgencyId), Messages.Get("AgencyNotFound")));
        }
        if (input.StartDate is not { } start)
        {
            problems.Add(new(nameof(MembershipInput.StartDate), Messages.Get("StartDateRequired")));
            start = default;
        }
        else if (input.EndDate is { } end && end < start)
        {
            problems.Add(new(nameof(MembershipInput.EndDate), Messages.Get("ValidityOrder")));
        }
        PlausibleDates.Check(input.StartDate, Today, nameof(MembershipInput.StartDate), Messages.Get("FieldStartDate"), problems);
        PlausibleDates.Check(input.EndDate, Today, nameof(MembershipInput.EndDate), Messages.Get("FieldEndDate"), problems);
        foreach (var (field, documentId) in new[] { (nameof(MembershipInput.AppointingDocumentId), input.AppointingDocumentId), (nameof(MembershipInput.EndingDocumentId), input.EndingDocumentId) })
        {
            if (documentId is { } d && !await DecisionUsableAsync(committeeId, d, cancellationToken))
            {
                problems.Add(new(field, Messages.Get("DecisionNotInRegister")));
            }
        }
        if (problems.Count > 0)
        {
            return Result<RosterEntry>.Invalid(problems);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockCommitteeAsync(committeeId, cancellationToken);
        var clash = await ClashAsync(committeeId, person!, post!, start, input.EndDate, [], cancellationToken);
        if (clash is not null)
        {
            return Result<RosterEntry>.Invalid(clash);
        }
        var membership = new Membership
        {
            PersonId = person!.Id,
            CommitteeId = committeeId,
            PostId = post!.Id,
            AgencyId = agencyId,
            JobTitle = person.JobTitle,
            StartDate = start,
            EndDate = input.EndDate,
            AppointingDocumentId = input.AppointingDocumentId,
            EndingDocumentId = input.EndingDocumentId,
        };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await Entries(db.Memberships.AsNoTracking().Where(m => m.Id == membership.Id), db.Documents).SingleAsync(cancellationToken);
    }

    /// <summary>Ends a membership on <paramref name="endDate"/> (its last day), by a decision if given.</summary>
    public async Task<Result<RosterEntry>> EndMembershipAsync(Actor actor, int committeeId, int membershipId, DateOnly? endDate, int? endingDocumentId, int? version, CancellationToken cancellationToken = default)
    {
        var membership = await db.Memberships.Include(m => m.Committee).FirstOrDefaultAsync(m => m.Id == membershipId && m.CommitteeId == committeeId, cancellationToken);
        if (membership is null || !actor.CanRead(membership.Committee!))
        {
            return Result<RosterEntry>.NotFound();
        }
        if (!actor.CanManage(membership.Committee!))
        {
            return Result<RosterEntry>.Forbidden();
        }
        if (version is null)
        {
            return Result<RosterEntry>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (endDate is null)
        {
            return Result<RosterEntry>.Invalid("EndDate", Messages.Get("EndDateRequired"));
        }
        if (endDate < membership.StartDate)
        {
            return Result<RosterEntry>.Invalid("EndDate", Messages.Get("ValidityOrder"));
        }
        if (PlausibleDates.Check(endDate, Today, "EndDate", Messages.Get("FieldEndDate")) is { } outOfSpan)
        {
            return Result<RosterEntry>.Invalid([outOfSpan]);
        }
        if (endingDocumentId is { } d && !await DecisionUsableAsync(membership.CommitteeId, d, cancellationToken))
        {
            return Result<RosterEntry>.Invalid("EndingDocumentId", Messages.Get("DecisionNotInRegister"));
        }
        db.Entry(membership).Property(m => m.Version).OriginalValue = version.Value;
        membership.EndDate = endDate;
        membership.EndingDocumentId = endingDocumentId ?? membership.EndingDocumentId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<RosterEntry>.Conflict();
        }
        return await Entries(db.Memberships.AsNoTracking().Where(m => m.Id == membershipId), db.Documents).SingleAsync(cancellationToken);
    }

    /// <summary>The checks the committee page shows, as of today.</summary>
    public async Task<Result<IReadOnlyList<RosterCheck>>> ChecksAsync(Actor actor, int committeeId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(actor, committeeId, cancellationToken) is null)
        {
            return Result<IReadOnlyList<RosterCheck>>.NotFound();
        }
        var today = Today;
        var checks = new List<RosterCheck>();
        var current = db.Memberships.AsNoTracking().Where(m => m.CommitteeId == committeeId && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today));
        var heldPosts = await current.Select(m => m.PostId).Distinct().ToListAsync(cancellationToken);
        foreach (var post in (await PostsOfAsync(committeeId, cancellationToken)).Where(p => p.Required && !heldPosts.Contains(p.Id)))
        {
            checks.Add(new(CheckKind.RequiredPostEmpty, Messages.Get("CheckRequiredPostEmpty", post.Name), null));
        }

        // The agency a member sits for, or works in, has been dissolved or its unit merged away.
        var agencies = await current.Select(m => new
        {
            m.PersonId,
            m.Person!.FullName,
            SeatName = m.Agency!.Name,
            SeatDissolved = m.Agency.DissolvedOn,
            SeatUnitValidTo = m.Agency.Unit!.ValidTo,
            OwnName = m.Person.Agency!.Name,
            OwnDissolved = m.Person.Agency.DissolvedOn,
            OwnUnitValidTo = m.Person.Agency.Unit!.ValidTo,
        }).ToListAsync(cancellationToken);
        foreach (var member in agencies)
        {
            var seats = new[] { (member.SeatName, member.SeatDissolved, member.SeatUnitValidTo), (member.OwnName, member.OwnDissolved, member.OwnUnitValidTo) };
            foreach (var (name, dissolved, validTo) in seats.DistinctBy(a => a.Item1))
            {
                // Dissolved on a day: gone that day. A unit valid to a day: gone the day after.
                if (dissolved is { } on && on <= today)
                {
                    checks.Add(new(CheckKind.AgencyGone, Messages.Get("CheckAgencyGone", member.FullName, name, on.ToShort()), member.PersonId));
                }
                else if (validTo is { } last && last < today)
                {
                    checks.Add(new(CheckKind.AgencyGone, Messages.Get("CheckAgencyGone", member.FullName, name, last.AddDays(1).ToShort()), member.PersonId));
                }
            }
        }

        // Members who hold, today, posts in committees of two provinces.
        var memberIds = current.Select(m => m.PersonId);
        var elsewhere = await db.Memberships.AsNoTracking()
            .Where(m => memberIds.Contains(m.PersonId) && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .Select(m => new { m.PersonId, m.Person!.FullName, m.Committee!.UnitId }).ToListAsync(cancellationToken);
        var provinces = await ProvincesAsync(elsewhere.Select(e => e.UnitId).Distinct().ToList(), cancellationToken);
        foreach (var person in elsewhere.GroupBy(e => (e.PersonId, e.FullName)))
        {
            var names = person.Select(e => provinces.GetValueOrDefault(e.UnitId)).OfType<string>().Distinct().OrderBy(VietnameseText.Fold, StringComparer.Ordinal).ToList();
            if (names.Count > 1)
            {
                checks.Add(new(CheckKind.TwoProvinces, Messages.Get("CheckTwoProvinces", person.Key.FullName, string.Join(", ", names)), person.Key.PersonId));
            }
        }
        return checks;
    }

    /// <summary>The province (name) each unit is in: itself for a province, its ancestor for a district or commune, none for the centre.</summary>
    private async Task<Dictionary<int, string>> ProvincesAsync(List<int> unitIds, CancellationToken cancellationToken)
    {
        var units = new Dictionary<int, (int? ParentId, UnitLevel Level, string Name)>();
        var wanted = unitIds;
        for (var depth = 0; depth < 4 && wanted.Count > 0; depth++)
        {
            var batch = wanted;
            var found = await db.Units.AsNoTracking().Where(u => batch.Contains(u.Id)).Select(u => new { u.Id, u.ParentId, u.Level, u.Name }).ToListAsync(cancellationToken);
            foreach (var u in found)
            {
                units[u.Id] = (u.ParentId, u.Level, u.Name);
            }
            wanted = [.. found.Where(u => u.Level > UnitLevel.Province && u.ParentId is { } p && !units.ContainsKey(p)).Select(u => u.ParentId!.Value).Distinct()];
        }
        var provinces = new Dictionary<int, string>();
        foreach (var id in unitIds)
        {
            var current = id;
            for (var step = 0; step < 4 && units.TryGetValue(current, out var unit); step++)
            {
                if (unit.Level == UnitLevel.Province)
                {
                    provinces[id] = unit.Name;
                    break;
                }
                if (unit.Level == UnitLevel.Central || unit.ParentId is not { } parent)
                {
                    break;
                }
                current = parent;
            }
        }
        return provinces;
    }

    /// <summary>
    /// A hash of every membership of the committee (id and version): any change to the roster
    /// or its history changes it. A reconstitution draft records it and is applied only while it holds.
    /// </summary>
    public async Task<string> FingerprintAsync(int committeeId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == committeeId).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Version }).ToListAsync(cancellationToken);
        var text = string.Join(";", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id}:{r.Version}")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Serializes changes to one committee's memberships: a no-op write on the committee row
    /// (PostgreSQL's row lock; SQLite's single writer, taken first so that the transaction never
    /// has to turn from reader into writer). Not tracked, so neither audited nor versioned.
    /// </summary>
    internal async Task LockCommitteeAsync(int committeeId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Committees" SET "Version" = "Version" WHERE "Id" = {committeeId}""", cancellationToken);

    /// <summary>
    /// Why a membership of <paramref name="person"/> in <paramref name="post"/> from <paramref name="start"/>
    /// to <paramref name="end"/> cannot be: the person already holds a post in the committee then,
    /// or the post takes one holder and has one. Null when it can. <paramref name="ignore"/>: memberships being replaced.
    /// </summary>
    internal async Task<Problem?> ClashAsync(int committeeId, Person person, Post post, DateOnly start, DateOnly? end, IReadOnlyCollection<int> ignore, CancellationToken cancellationToken)
    {
        var overlapping = db.Memberships.AsNoTracking().Where(m => m.CommitteeId == committeeId && !ignore.Contains(m.Id)
            && (m.EndDate == null || m.EndDate >= start));
        if (end is { } last)
        {
            overlapping = overlapping.Where(m => m.StartDate <= last);
        }
        var own = await overlapping.Where(m => m.PersonId == person.Id).Select(m => new { m.Post!.Name, m.StartDate }).FirstOrDefaultAsync(cancellationToken);
        if (own is not null)
        {
            return new("PersonId", Messages.Get("PersonAlreadyHoldsPost", person.FullName, own.Name, own.StartDate.ToShort()));
        }
        if (post.SingleHolder)
        {
            var holder = await overlapping.Where(m => m.PostId == post.Id).Select(m => new { m.Person!.FullName, m.StartDate }).FirstOrDefaultAsync(cancellationToken);
            if (holder is not null)
            {
                return new("PostId", Messages.Get("PostAlreadyHeld", post.Name, holder.FullName, holder.StartDate.ToShort()));
            }
        }
        return null;
    }

    /// <summary>A decision must be a document of the committee's own register.</summary>
    internal Task<bool> DecisionUsableAsync(int committeeId, int documentId, CancellationToken cancellationToken) =>
        db.Documents.AnyAsync(d => d.Id == documentId && d.CommitteeId == committeeId && d.DeletedAt == null, cancellationToken);

    internal async Task<Committee?> ReadableAsync(Actor actor, int committeeId, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        return committee is not null && actor.CanRead(committee) ? committee : null;
    }
}
