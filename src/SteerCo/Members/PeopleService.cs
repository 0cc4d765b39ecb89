using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Members;

public sealed record PersonSummary(int Id, string FullName, string JobTitle, int AgencyId, string AgencyName, int UnitId, string? Phone, string? Email, int? UserId, int Version);

/// <summary>A person, whether the actor may edit them, and others with the same folded name in the same agency (a warning, not a refusal).</summary>
public sealed record PersonDetail(PersonSummary Person, bool CanManage, IReadOnlyList<PersonSummary> LikelyDuplicates);

public sealed record PersonInput(string? FullName, string? JobTitle, int AgencyId, string? Phone, string? Email, int? UserId);

/// <summary>Committee members and staff: their names, titles, agencies and contacts.</summary>
public sealed class PeopleService(SteerCoDbContext db)
{
    public async Task<Paged<PersonSummary>> ListAsync(Actor actor, string? search, int? agencyId, PageRequest page, string? sort = null, CancellationToken cancellationToken = default)
    {
        var people = db.People.AsNoTracking().VisibleTo(actor, db.Committees, db.Memberships);
        if (agencyId is { } agency)
        {
            people = people.Where(p => p.AgencyId == agency);
        }
        if (VietnameseText.Fold(search) is { Length: > 0 } folded)
        {
            people = people.Where(p => p.FoldedName.Contains(folded));
        }
        people = sort switch
        {
            "-name" => people.OrderByDescending(p => p.FoldedName).ThenBy(p => p.Id),
            "agency" => people.OrderBy(p => p.Agency!.FoldedName).ThenBy(p => p.FoldedName).ThenBy(p => p.Id),
            "-agency" => people.OrderByDescending(p => p.Agency!.FoldedName).ThenBy(p => p.FoldedName).ThenBy(p => p.Id),
            _ => people.OrderBy(p => p.FoldedName).ThenBy(p => p.Id),
        };
        return await Summaries(people).ToPagedAsync(page, cancellationToken);
    }

    public async Task<Result<PersonDetail>> GetAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        var person = await Summaries(db.People.AsNoTracking().VisibleTo(actor, db.Committees, db.Memberships).Where(p => p.Id == id))
            .FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return Result<PersonDetail>.NotFound();
        }
        var folded = VietnameseText.Fold(person.FullName);
        return new PersonDetail(person, await CanManageAsync(actor, person.Id, person.UnitId, cancellationToken),
            await DuplicatesAsync(actor, folded, person.AgencyId, person.Id, cancellationToken));
    }

    public async Task<Result<PersonDetail>> CreateAsync(Actor actor, PersonInput input, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AgencyId, cancellationToken);
        if (agency is null)
        {
            return Result<PersonDetail>.Invalid(nameof(PersonInput.AgencyId), Messages.Get("AgencyNotFound"));
        }
        if (!actor.CanManagePerson(agency.UnitId, await ActorUnitIdAsync(actor, cancellationToken), false))
        {
            return Result<PersonDetail>.Forbidden();
        }
        var problems = await CheckAsync(actor, input, null, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<PersonDetail>.Invalid(problems);
        }
        var person = AddChecked(input);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(Actor.System(), person.Id, cancellationToken) is { IsOk: true } created
            ? created.Value! with { CanManage = true }
            : Result<PersonDetail>.NotFound();
    }

    public async Task<Result<PersonDetail>> UpdateAsync(Actor actor, int id, PersonInput input, int? version, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(actor, id, cancellationToken);
        if (!current.IsOk)
        {
            return current;
        }
        if (!current.Value!.CanManage)
        {
            return Result<PersonDetail>.Forbidden();
        }
        if (version is null)
        {
            return Result<PersonDetail>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AgencyId, cancellationToken);
        if (agency is null)
        {
            return Result<PersonDetail>.Invalid(nameof(PersonInput.AgencyId), Messages.Get("AgencyNotFound"));
        }
        // Moving a person to another unit's agency is for whoever keeps that unit's people.
        if (agency.UnitId != current.Value.Person.UnitId && !actor.CanManagePerson(agency.UnitId, await ActorUnitIdAsync(actor, cancellationToken), false))
        {
            return Result<PersonDetail>.Invalid(nameof(PersonInput.AgencyId), Messages.Get("PersonAgencyOutsideScope"));
        }
        var problems = await CheckAsync(actor, input, id, cancellationToken);
        if (problems.Count > 0)
        {
            return Result<PersonDetail>.Invalid(problems);
        }
        var person = await db.People.FirstAsync(p => p.Id == id, cancellationToken);
        db.Entry(person).Property(p => p.Version).OriginalValue = version.Value;
        Apply(person, input);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<PersonDetail>.Conflict();
        }
        return await GetAsync(actor, id, cancellationToken);
    }

    /// <summary>
    /// A new person whose input the caller has checked against the rules <see cref="CreateAsync"/>
    /// applies (a name and a job title within their lengths, an agency the actor keeps), added
    /// unsaved: an import saves many with one write.
    /// </summary>
    internal Person AddChecked(PersonInput input)
    {
        var person = new Person { FullName = "", JobTitle = "" };
        Apply(person, input);
        db.People.Add(person);
        return person;
    }

    /// <summary>Others with the same folded name in the same agency, that the actor sees.</summary>
    public async Task<IReadOnlyList<PersonSummary>> DuplicatesAsync(Actor actor, string foldedName, int agencyId, int? exceptId, CancellationToken cancellationToken = default) =>
        foldedName.Length == 0 ? [] : await Summaries(db.People.AsNoTracking().VisibleTo(actor, db.Committees, db.Memberships)
            .Where(p => p.AgencyId == agencyId && p.FoldedName == foldedName && p.Id != (exceptId ?? 0)).OrderBy(p => p.Id)).ToListAsync(cancellationToken);

    private async Task<bool> CanManageAsync(Actor actor, int personId, int agencyUnitId, CancellationToken cancellationToken)
    {
        var sitsOnOwn = actor.CommitteeId is { } own && await db.Memberships.AnyAsync(m => m.PersonId == personId && m.CommitteeId == own, cancellationToken);
        return actor.CanManagePerson(agencyUnitId, await ActorUnitIdAsync(actor, cancellationToken), sitsOnOwn);
    }

    private async Task<int?> ActorUnitIdAsync(Actor actor, CancellationToken cancellationToken) =>
        actor.CommitteeId is { } committeeId
            ? await db.Committees.Where(c => c.Id == committeeId).Select(c => (int?)c.UnitId).FirstOrDefaultAsync(cancellationToken)
            : null;

    private async Task<List<Problem>> CheckAsync(Actor actor, PersonInput input, int? id, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var name = VietnameseText.Clean(input.FullName);
        if (name.Length == 0)
        {
            problems.Add(new(nameof(PersonInput.FullName), Messages.Get("FullNameRequired")));
        }
        else if (name.Length > 200)
        {
            problems.Add(new(nameof(PersonInput.FullName), Messages.Get("TooLong", Messages.Get("FieldFullName"), 200)));
        }
        var title = VietnameseText.Clean(input.JobTitle);
        if (title.Length == 0)
        {
            problems.Add(new(nameof(PersonInput.JobTitle), Messages.Get("JobTitleRequired")));
        }
        else if (title.Length > 300)
        {
            problems.Add(new(nameof(PersonInput.JobTitle), Messages.Get("TooLong", Messages.Get("FieldJobTitle"), 300)));
        }
        if (ContactRules.CheckPhone(nameof(PersonInput.Phone), VietnameseText.Clean(input.Phone)) is { } phoneProblem)
        {
            problems.Add(phoneProblem);
        }
        if (ContactRules.CheckEmail(nameof(PersonInput.Email), VietnameseText.Clean(input.Email)) is { } emailProblem)
        {
            problems.Add(emailProblem);
        }
        if (input.UserId is { } userId)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.CommitteeId }).FirstOrDefaultAsync(cancellationToken);
            // A secretariat links only its own committee's accounts; administrators any.
            if (user is null || (!actor.IsAdministrator && user.CommitteeId != actor.CommitteeId))
            {
                problems.Add(new(nameof(PersonInput.UserId), Messages.Get("UserNotFound")));
            }
            else if (await db.People.AnyAsync(p => p.UserId == userId && p.Id != (id ?? 0), cancellationToken))
            {
                problems.Add(new(nameof(PersonInput.UserId), Messages.Get("UserLinkedToAnotherPerson")));
            }
        }
        return problems;
    }

    private static void Apply(Person person, PersonInput input)
    {
        person.FullName = VietnameseText.Clean(input.FullName);
        person.FoldedName = VietnameseText.Fold(input.FullName);
        person.JobTitle = VietnameseText.Clean(input.JobTitle);
        person.AgencyId = input.AgencyId;
        person.Phone = NullIfEmpty(VietnameseText.Clean(input.Phone));
        person.Email = NullIfEmpty(VietnameseText.Clean(input.Email));
        person.UserId = input.UserId;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static IQueryable<PersonSummary> Summaries(IQueryable<Person> people) =>
        people.Select(p => new PersonSummary(p.Id, p.FullName, p.JobTitle, p.AgencyId, p.Agency!.Name, p.Agency.UnitId, p.Phone, p.Email, p.UserId, p.Version));
}
