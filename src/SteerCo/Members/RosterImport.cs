using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Data;
using SteerCo.Documents.Files;
using SteerCo.Resources;
using SteerCo.Text;

namespace SteerCo.Members;

/// <summary>
/// A roster sheet imported into a draft: the draft as it is now and the people created for it;
/// or, when the sheet was refused, every error found in it (and nothing saved).
/// </summary>
public sealed record RosterImported(ReconstitutionView? Draft, IReadOnlyList<string> CreatedPeople, IReadOnlyList<RosterSheetError> Errors);

/// <summary>
/// Imports a roster sheet (<see cref="RosterWorkbook"/>) into a reconstitution draft: its rows
/// replace the draft's lines, all or nothing. Each row names a person, their agency and their post:
/// <list type="bullet">
/// <item>the agency [Cơ quan], by name or abbreviation (folded), among the agencies of the committee's
/// unit and the units above it and those its roster and draft already seat; the nearest unit wins;</item>
/// <item>the post, by name (folded), among the standard posts and the committee's own;</item>
/// <item>the person, by folded full name together with the agency: their own, or the one they sit for
/// on the roster or the draft. Nobody is matched by name alone, so two namesakes stay two people.
/// A person not found is created (with the job title [Chức vụ] of the row) only when the clerk asks for
/// it: otherwise a typing slip would quietly add a stranger. An existing person's job title is not
/// changed by a sheet; it is edited on the person's page.</item>
/// </list>
/// Any error in any row refuses the whole sheet, with every error listed by row and column. The
/// people created and the draft's new lines are saved in one transaction, each write audited.
/// </summary>
public sealed class RosterImport(SteerCoDbContext db, RosterService roster, Reconstitutions reconstitutions, PeopleService people)
{
    /// <summary>The field of the problem for a file past <see cref="RosterWorkbook.MaxUploadBytes"/>: the API answers 413 for it.</summary>
    public const string TooLargeField = "FileSize";

    public const string FileField = "File";

    private sealed record AgencyChoice(int Id, string Name, string FoldedName, string FoldedAbbreviation, int UnitId, int Rank);

    private sealed record Candidate(int Id, string FoldedName, int AgencyId);

    /// <summary>What a row comes to: an existing person, or a new one to create, in a post for an agency.</summary>
    private sealed record Line(int Row, int? PersonId, string FullName, string JobTitle, int PostId, int AgencyId);

    public static string TooLargeMessage() =>
        Messages.Get("ImportFileTooLarge", (RosterWorkbook.MaxUploadBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.CurrentCulture));

    /// <summary>
    /// Reads <paramref name="content"/> (at most <see cref="RosterWorkbook.MaxUploadBytes"/>) only once the
    /// actor is known to manage the open draft at <paramref name="version"/>; a draft saved since is a conflict.
    /// </summary>
    public async Task<Result<RosterImported>> ImportAsync(
        Actor actor, int committeeId, int draftId, string? fileName, Stream? content, int? version, bool createPeople, CancellationToken cancellationToken = default)
    {
        var current = await reconstitutions.GetAsync(actor, committeeId, draftId, cancellationToken);
        if (!current.IsOk)
        {
            return current.As<RosterImported>();
        }
        var draft = current.Value!;
        if (!draft.CanManage)
        {
            return Result<RosterImported>.Forbidden();
        }
        if (draft.Status != ReconstitutionStatus.Draft)
        {
            return Result<RosterImported>.Invalid("", Messages.Get("DraftNotOpen"));
        }
        if (version is null)
        {
            return Result<RosterImported>.Invalid("Version", Messages.Get("VersionRequired"));
        }
        if (version != draft.Version)
        {
            return Result<RosterImported>.Conflict();
        }
        if (content is null)
        {
            return Result<RosterImported>.Invalid(FileField, Messages.Get("FileRequired"));
        }
        var name = FileIntake.CleanName(fileName);
        using var bytes = new MemoryStream();
        if (!await CopyAtMostAsync(content, bytes, RosterWorkbook.MaxUploadBytes, cancellationToken))
        {
            return Result<RosterImported>.Invalid(TooLargeField, TooLargeMessage());
        }
        bytes.Position = 0;
        var sheet = RosterWorkbook.Read(bytes, name);
        if (sheet.Errors.Any(e => e.Row is null))
        {
            return Refused(sheet.Errors);
        }

        // Cells that could not be read are reported with whatever else is wrong, row by row.
        var unitId = await db.Committees.Where(c => c.Id == committeeId).Select(c => c.UnitId).SingleAsync(cancellationToken);
        var (lines, errors) = await MatchAsync(actor, committeeId, unitId, draft, sheet.Rows, createPeople, cancellationToken);
        if (sheet.Errors.Count > 0 || errors.Count > 0)
        {
            return Refused([.. sheet.Errors.Concat(errors).OrderBy(e => e.Row)]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Taken first, so that SQLite's transaction never has to turn from reader into writer.
        await roster.LockCommitteeAsync(committeeId, cancellationToken);
        // The rows were checked against the rules a person is created under: the new people are written in one save.
        var added = lines.Where(l => l.PersonId is null)
            .ToDictionary(l => l.Row, l => people.AddChecked(new PersonInput(l.FullName, l.JobTitle, l.AgencyId, null, null, null)));
        await db.SaveChangesAsync(cancellationToken);
        var draftLines = lines.Select(l => new DraftLineInput(l.PersonId ?? added[l.Row].Id, l.PostId, l.AgencyId)).ToList();
        var updated = await reconstitutions.UpdateAsync(actor, committeeId, draftId, new DraftInput(draft.EffectiveOn, draft.DecisionDocumentId, draftLines), version, cancellationToken);
        if (!updated.IsOk)
        {
            // A draft saved meanwhile (409) or a rule broken after all: the people created go too.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return updated.Outcome == Outcome.Invalid ? Refused([.. updated.Problems.Select(p => new RosterSheetError(null, null, p.Message))]) : updated.As<RosterImported>();
        }
        await transaction.CommitAsync(cancellationToken);
        return new RosterImported(updated.Value, [.. lines.Where(l => l.PersonId is null).Select(l => l.FullName)], []);
    }

    private static Result<RosterImported> Refused(IReadOnlyList<RosterSheetError> errors) =>
        new(Outcome.Invalid, new RosterImported(null, [], errors), [.. errors.Select(e => new Problem(FileField, e.ToString()))]);

    /// <summary>Each row's person, post and agency, or every reason why not.</summary>
    private async Task<(List<Line> Lines, List<RosterSheetError> Errors)> MatchAsync(
        Actor actor, int committeeId, int unitId, ReconstitutionView draft, IReadOnlyList<RosterSheetRow> rows, bool createPeople, CancellationToken cancellationToken)
    {
        var errors = new List<RosterSheetError>();
        var lines = new List<Line>();
        if (rows.Count > Reconstitutions.MaxLines)
        {
            errors.Add(new(null, null, Messages.Get("DraftTooManyLines", Reconstitutions.MaxLines)));
            return (lines, errors);
        }
        var posts = await roster.PostsOfAsync(committeeId, cancellationToken);
        var agencies = await AgenciesAsync(committeeId, unitId, draft, cancellationToken);
        // Who sits for which agency now, on the roster or the draft: a person may have moved since.
        var seats = (await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == committeeId && m.EndDate == null)
                .Select(m => new { m.PersonId, m.AgencyId }).ToListAsync(cancellationToken))
            .Select(m => (m.PersonId, m.AgencyId)).Concat(draft.Lines.Select(l => (l.PersonId, l.AgencyId))).ToHashSet();
        var names = rows.Select(r => VietnameseText.Fold(r.FullName)).Where(n => n.Length > 0).Distinct().ToList();
        var seated = seats.Select(s => s.PersonId).Distinct().ToList();
        // The people the actor sees, and those already on the roster or the draft whoever sees them.
        var visible = await db.People.AsNoTracking().VisibleTo(actor, db.Committees, db.Memberships).Where(p => names.Contains(p.FoldedName))
            .Select(p => new Candidate(p.Id, p.FoldedName, p.AgencyId)).ToListAsync(cancellationToken);
        var onRoster = await db.People.AsNoTracking().Where(p => seated.Contains(p.Id) && names.Contains(p.FoldedName))
            .Select(p => new Candidate(p.Id, p.FoldedName, p.AgencyId)).ToListAsync(cancellationToken);
        var candidates = visible.Concat(onRoster).DistinctBy(p => p.Id).ToList();

        var firstRowOf = new Dictionary<(int? PersonId, string FoldedName, int AgencyId), int>();
        var holders = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            var rowErrors = errors.Count;
            var fullName = Text(row, row.FullName, RosterWorkbook.FullNameCaption, 200, "ImportNameMissing", errors);
            var jobTitle = row.JobTitle is null ? null : VietnameseText.Clean(row.JobTitle);
            if (jobTitle?.Length > 300)
            {
                errors.Add(new(row.Row, RosterWorkbook.JobTitleCaption, Messages.Get("TooLong", RosterWorkbook.JobTitleCaption, 300)));
            }
            var post = Text(row, row.Post, RosterWorkbook.PostCaption, 200, "ImportPostMissing", errors) is { } postName
                ? FindPost(row, postName, posts, errors)
                : null;
            var agency = Text(row, row.Agency, RosterWorkbook.AgencyCaption, 300, "ImportAgencyMissing", errors) is { } agencyName
                ? FindAgency(row, agencyName, agencies, errors)
                : null;
            if (fullName is null || agency is null)
            {
                continue;
            }
            var folded = VietnameseText.Fold(fullName);
            var matches = candidates.Where(p => p.FoldedName == folded && (p.AgencyId == agency.Id || seats.Contains((p.Id, agency.Id)))).ToList();
            if (matches.Count > 1 && matches.Where(p => seats.Contains((p.Id, agency.Id))).ToList() is { Count: 1 } seatedThere)
            {
                matches = seatedThere;
            }
            int? personId = null;
            if (matches.Count > 1)
            {
                errors.Add(new(row.Row, RosterWorkbook.FullNameCaption, Messages.Get("ImportPersonAmbiguous", matches.Count, fullName, agency.Name)));
            }
            else if (matches.Count == 1)
            {
                personId = matches[0].Id;
            }
            else if (!createPeople)
            {
                errors.Add(new(row.Row, RosterWorkbook.FullNameCaption, Messages.Get("ImportPersonUnknown", fullName, agency.Name)));
            }
            else if (string.IsNullOrEmpty(jobTitle))
            {
                errors.Add(new(row.Row, RosterWorkbook.JobTitleCaption, Messages.Get("ImportJobTitleMissing", fullName)));
            }
            else if (!actor.CanManagePerson(agency.UnitId, unitId, false))
            {
                errors.Add(new(row.Row, RosterWorkbook.FullNameCaption, Messages.Get("ImportPersonOutsideScope", fullName, agency.Name)));
            }

            // The same person twice, or two holders of a post that takes one, are told at the later row.
            var key = (personId, personId is null ? folded : "", personId is null ? agency.Id : 0);
            if (!firstRowOf.TryAdd(key, row.Row))
            {
                errors.Add(new(row.Row, null, Messages.Get("ImportPersonTwice", fullName, firstRowOf[key])));
            }
            if (post is { SingleHolder: true } && !holders.TryAdd(post.Id, row.Row))
            {
                errors.Add(new(row.Row, RosterWorkbook.PostCaption, Messages.Get("ImportPostTwice", post.Name, holders[post.Id])));
            }
            if (errors.Count == rowErrors && post is not null)
            {
                lines.Add(new(row.Row, personId, fullName, jobTitle ?? "", post.Id, agency.Id));
            }
        }
        return (lines, errors);
    }

    /// <summary>A required text of the row, cleaned; null (with its error) when it is missing or too long, or was unreadable.</summary>
    private static string? Text(RosterSheetRow row, string? value, string caption, int maxLength, string missingKey, List<RosterSheetError> errors)
    {
        if (value is null)
        {
            return null;
        }
        var text = VietnameseText.Clean(value);
        if (text.Length == 0)
        {
            errors.Add(new(row.Row, caption, Messages.Get(missingKey)));
            return null;
        }
        if (text.Length > maxLength)
        {
            errors.Add(new(row.Row, caption, Messages.Get("TooLong", caption, maxLength)));
            return null;
        }
        return text;
    }

    private static PostView? FindPost(RosterSheetRow row, string name, IReadOnlyList<PostView> posts, List<RosterSheetError> errors)
    {
        var folded = VietnameseText.Fold(name);
        if (posts.FirstOrDefault(p => VietnameseText.Fold(p.Name) == folded) is { } post)
        {
            return post;
        }
        errors.Add(new(row.Row, RosterWorkbook.PostCaption, Messages.Get("ImportPostUnknown", name)));
        return null;
    }

    /// <summary>The agency with that name or abbreviation in the nearest unit; an error when none, or several equally near.</summary>
    private static AgencyChoice? FindAgency(RosterSheetRow row, string name, IReadOnlyList<AgencyChoice> agencies, List<RosterSheetError> errors)
    {
        var folded = VietnameseText.Fold(name);
        var found = agencies.Where(a => a.FoldedName == folded || a.FoldedAbbreviation == folded).ToList();
        if (found.Count == 0)
        {
            errors.Add(new(row.Row, RosterWorkbook.AgencyCaption, Messages.Get("ImportAgencyUnknown", name)));
            return null;
        }
        var nearest = found.Where(a => a.Rank == found.Min(f => f.Rank)).DistinctBy(a => a.Id).ToList();
        if (nearest.Count > 1)
        {
            errors.Add(new(row.Row, RosterWorkbook.AgencyCaption, Messages.Get("ImportAgencyAmbiguous", name, string.Join("; ", nearest.Select(a => a.Name)))));
            return null;
        }
        return nearest[0];
    }

    /// <summary>
    /// The agencies a row may name, ranked by nearness: the committee's unit (0), the units above it
    /// (1, 2, ...), then any other agency the roster or the draft seats someone for. Dissolved
    /// agencies come after the living ones of the same unit.
    /// </summary>
    private async Task<List<AgencyChoice>> AgenciesAsync(int committeeId, int unitId, ReconstitutionView draft, CancellationToken cancellationToken)
    {
        var units = new List<int> { unitId };
        for (var depth = 0; depth < 4; depth++)
        {
            var last = units[^1];
            if (await db.Units.Where(u => u.Id == last).Select(u => u.ParentId).FirstOrDefaultAsync(cancellationToken) is not { } parent || units.Contains(parent))
            {
                break;
            }
            units.Add(parent);
        }
        var seatedAgencies = await db.Memberships.Where(m => m.CommitteeId == committeeId && m.EndDate == null).Select(m => m.AgencyId)
            .Distinct().ToListAsync(cancellationToken);
        seatedAgencies.AddRange(draft.Lines.Select(l => l.AgencyId));
        var rows = await db.Agencies.AsNoTracking().Where(a => units.Contains(a.UnitId) || seatedAgencies.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.FoldedName, a.Abbreviation, a.UnitId, a.DissolvedOn }).ToListAsync(cancellationToken);
        var today = roster.Today;
        return [.. rows.Select(a => new AgencyChoice(a.Id, a.Name, a.FoldedName, VietnameseText.Fold(a.Abbreviation), a.UnitId,
            (units.IndexOf(a.UnitId) is >= 0 and var distance ? distance * 2 : units.Count * 2) + (a.DissolvedOn is { } gone && gone <= today ? 1 : 0)))];
    }

    /// <summary>Copies the upload, and says false as soon as it passes <paramref name="maxBytes"/>.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream content, Stream into, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81_920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return false;
            }
            await into.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return true;
    }
}
