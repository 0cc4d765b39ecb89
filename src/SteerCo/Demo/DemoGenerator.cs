using System.Diagnostics;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Agencies;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Documents;
using SteerCo.Members;
using SteerCo.Reporting;
using SteerCo.Resources;
using SteerCo.Text;
using SteerCo.Units;

namespace SteerCo.Demo;

/// <summary>How much of the country the synthetic data set covers.</summary>
public enum GenerationScale
{
    /// <summary>The province with the fewest communes, two kinds of committee: for tests.</summary>
    Small,

    /// <summary>One province (Đà Nẵng) with every kind of committee.</summary>
    Province,

    /// <summary>34 provinces, 3,321 communes, every kind of committee at every level.</summary>
    National,
}

/// <summary>One table written: its rows and the time they took.</summary>
public sealed record GeneratedTable(string Table, long Rows, TimeSpan Elapsed);

public sealed record GenerationReport(
    GenerationScale Scale, int Seed, IReadOnlyList<GeneratedTable> Tables, TimeSpan Elapsed,
    string AdminUserName, string? AdminPassword);

/// <summary>Rows of <paramref name="Table"/> written so far, out of <paramref name="Total"/>.</summary>
public sealed record GenerationProgress(string Table, long Done, long Total);

/// <summary>
/// <c>steerco demo generate</c>: a deterministic synthetic data set over the real unit hierarchy,
/// written in bulk (<see cref="BulkInsert"/>) in one transaction, so that features are built and
/// measured at the size of the country. The same seed on a fresh database gives the same rows
/// (password hashes aside: their salt is random). Later features add their tables as further steps.
/// </summary>
public sealed class DemoGenerator(SteerCoDbContext db, DemoSeeder seeder, UserManager<AppUser> users)
{
    /// <summary>The province of the "province" scale; the demo's Đà Nẵng.</summary>
    public const string ProvinceScaleCode = "48";

    /// <summary>The generated registers run up to this day: the same data whatever day it is generated.</summary>
    public static readonly DateOnly Until = new(2026, 11, 20);

    public async Task<Result<GenerationReport>> GenerateAsync(
        GenerationScale scale, int seed, string password, string? adminPassword,
        IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var passwordProblems = await CheckPasswordAsync(password);
        if (passwordProblems.Count > 0)
        {
            return Result<GenerationReport>.Invalid(passwordProblems);
        }
        var existing = await db.Committees.CountAsync(cancellationToken);
        if (existing > 0)
        {
            return Result<GenerationReport>.Invalid("", Messages.Get("GenerateNeedsEmptyDatabase", existing));
        }

        var total = Stopwatch.StartNew();
        await seeder.EnsureUnitsAsync(cancellationToken);
        var generatedAdmin = await seeder.EnsureAdministratorAsync(adminPassword, cancellationToken);
        // One hash for every generated account: hashing is slow by design, and they share the password.
        var passwordHash = users.PasswordHasher.HashPassword(new AppUser(), password);
        var plan = await PlanAsync(scale, seed, passwordHash, cancellationToken);

        var tables = new List<GeneratedTable>();
        // The statements that link and count what the copies wrote run over millions of rows: the
        // connection's 30 s timeout failed the national generation on a busy machine ("Timeout
        // during reading attempt" after the 27 million report values, while linking their versions).
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(BulkInsert.CopyTimeout);
        try
        {
            await WriteAllAsync(scale, seed, plan, tables, progress, cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

        return new GenerationReport(scale, seed, tables, total.Elapsed, DemoSeeder.AdminUserName, generatedAdmin);
    }

    private async Task WriteAllAsync(GenerationScale scale, int seed, Plan plan, List<GeneratedTable> tables, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        tables.Add(await WriteAsync(plan.Agencies, "Agencies", progress, cancellationToken));
        tables.Add(await WriteAsync(plan.Committees, "Committees", progress, cancellationToken));
        tables.Add(await WriteAsync(plan.Users, "AspNetUsers", progress, cancellationToken));
        var members = new GeneratedMembers(seed, Until);
        var documents = new GeneratedDocuments(seed, scale, Until, members);
        var documentCount = plan.Planned.Sum(documents.CountFor);
        tables.Add(await WriteAsync(
            documents.Generate(
                plan.Planned,
                await db.Documents.MaxAsync(d => (int?)d.Id, cancellationToken) ?? 0,
                await db.DocumentRelations.MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0,
                await db.NumberSeries.MaxAsync(s => (int?)s.Id, cancellationToken) ?? 0),
            documentCount, "Documents", progress, cancellationToken));
        tables.Add(await WriteAsync(documents.Relations, "DocumentRelations", progress, cancellationToken));
        tables.Add(await WriteAsync(documents.Series, "NumberSeries", progress, cancellationToken));
        members.Generate(
            plan.Planned, documents.Decisions,
            await db.People.MaxAsync(p => (int?)p.Id, cancellationToken) ?? 0,
            await db.Memberships.MaxAsync(m => (int?)m.Id, cancellationToken) ?? 0);
        tables.Add(await WriteAsync(members.People, "People", progress, cancellationToken));
        tables.Add(await WriteAsync(members.Memberships, "Memberships", progress, cancellationToken));
        var work = new GeneratedWork(seed, Until, members, documents);
        work.Generate(plan.Planned, new GeneratedWork.Ids(
            await db.Meetings.MaxAsync(m => (int?)m.Id, cancellationToken) ?? 0,
            await db.MeetingInvitees.MaxAsync(i => (int?)i.Id, cancellationToken) ?? 0,
            await db.MeetingAssignments.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0,
            await db.WorkItems.MaxAsync(w => (int?)w.Id, cancellationToken) ?? 0,
            await db.WorkItemUpdates.MaxAsync(u => (int?)u.Id, cancellationToken) ?? 0));
        tables.Add(await WriteAsync(work.Meetings, "Meetings", progress, cancellationToken));
        tables.Add(await WriteAsync(work.Invitees, "MeetingInvitees", progress, cancellationToken));
        tables.Add(await WriteAsync(work.Items, "WorkItems", progress, cancellationToken));
        tables.Add(await WriteAsync(work.Coordinators, "WorkItemCoordinators", progress, cancellationToken));
        tables.Add(await WriteAsync(work.Updates, "WorkItemUpdates", progress, cancellationToken));
        tables.Add(await WriteAsync(work.Assignments, "MeetingAssignments", progress, cancellationToken));
        tables.Add(await WriteAsync(work.AssignmentCoordinators, "MeetingAssignmentCoordinators", progress, cancellationToken));
        tables.AddRange(await WriteReportingAsync(seed, plan, progress, cancellationToken));
        await BulkInsert.ResetIdentityAsync<Agency>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<Committee>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<AppUser>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<Document>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<DocumentRelation>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<NumberSeries>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<Members.Person>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<Membership>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<Meetings.Meeting>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<Meetings.MeetingInvitee>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<Meetings.Assignment>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<WorkItems.WorkItem>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<WorkItems.WorkItemUpdate>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<ReportTemplate>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<ReportTemplateVersion>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<ReportIndicator>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<ReportSection>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<ReportingRegime>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<ReportRequest>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<Submission>(db, cancellationToken);
        await BulkInsert.ResetIdentityAsync<SubmissionVersion>(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Five years of quarterly reports (<see cref="GeneratedReporting"/>); the keys that close a cycle are linked after the rows they name.</summary>
    private async Task<List<GeneratedTable>> WriteReportingAsync(int seed, Plan plan, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        var reporting = new GeneratedReporting(seed);
        var secretariats = plan.Users.Where(u => u.Role == Role.Secretariat && u.CommitteeId is not null)
            .GroupBy(u => u.CommitteeId!.Value).ToDictionary(g => g.Key, g => g.First().UserName!);
        reporting.Plan(plan.Planned, secretariats, new GeneratedReporting.Keys
        {
            Template = await db.ReportTemplates.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0,
            TemplateVersion = await db.ReportTemplateVersions.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0,
            Indicator = await db.ReportIndicators.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0,
            Section = await db.ReportSections.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0,
            Regime = await db.ReportingRegimes.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0,
            Request = await db.ReportRequests.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0,
            Submission = await db.Submissions.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0,
            Version = await db.SubmissionVersions.MaxAsync(t => (int?)t.Id, cancellationToken) ?? 0,
        });
        var tables = new List<GeneratedTable>
        {
            await WriteAsync(reporting.Templates, "ReportTemplates", progress, cancellationToken),
            await WriteAsync(reporting.TemplateVersions, "ReportTemplateVersions", progress, cancellationToken),
            await WriteAsync(reporting.TemplateIndicators, "ReportIndicators", progress, cancellationToken),
            await WriteAsync(reporting.TemplateSections, "ReportSections", progress, cancellationToken),
        };
        await db.Database.ExecuteSqlRawAsync(GeneratedReporting.LinkCurrentVersionsSql, cancellationToken);
        tables.Add(await WriteAsync(reporting.Regimes, "ReportingRegimes", progress, cancellationToken));
        tables.Add(await WriteAsync(reporting.Requests, "ReportRequests", progress, cancellationToken));
        tables.Add(await WriteAsync(reporting.Submissions, "Submissions", progress, cancellationToken));
        tables.Add(await WriteAsync(reporting.Versions, "SubmissionVersions", progress, cancellationToken));
        tables.Add(await WriteAsync(reporting.Values(), reporting.ValueCount, "SubmissionValues", progress, cancellationToken));
        await db.Database.ExecuteSqlRawAsync(GeneratedReporting.LinkAcceptedVersionsSql, cancellationToken);
        return tables;
    }

    private async Task<List<Problem>> CheckPasswordAsync(string password)
    {
        var problems = new List<Problem>();
        var probe = new AppUser { UserName = "generated" };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            problems.AddRange(result.Errors.Select(e => new Problem("Password", e.Description)));
        }
        return problems;
    }

    private Task<GeneratedTable> WriteAsync<T>(IReadOnlyList<T> rows, string table, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
        where T : class => WriteAsync(rows, rows.Count, table, progress, cancellationToken);

    private async Task<GeneratedTable> WriteAsync<T>(IEnumerable<T> rows, long total, string table, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        progress?.Report(new(table, 0, total));
        var written = await BulkInsert.WriteAsync(db, rows, progress is null ? null : new TableProgress(progress, table, total), cancellationToken);
        return new(table, written, clock.Elapsed);
    }

    /// <summary>Reports on the writing thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class TableProgress(IProgress<GenerationProgress> progress, string table, long total) : IProgress<long>
    {
        public void Report(long value) => progress.Report(new(table, value, total));
    }

    private sealed record Plan(List<Agency> Agencies, List<Committee> Committees, List<AppUser> Users, List<PlannedCommittee> Planned);

    private async Task<Plan> PlanAsync(GenerationScale scale, int seed, string passwordHash, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking()
            .Where(u => u.ValidTo == null && u.Level != UnitLevel.District)
            .OrderBy(u => u.Level).ThenBy(u => u.Code)
            .ToListAsync(cancellationToken);
        var central = units.Single(u => u.Level == UnitLevel.Central);
        var communesOf = units.Where(u => u.Level == UnitLevel.Commune && u.ParentId is not null)
            .GroupBy(u => u.ParentId!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
        var provinces = units.Where(u => u.Level == UnitLevel.Province).ToList();
        var subjects = GeneratedCatalog.Subjects;
        (provinces, subjects) = scale switch
        {
            GenerationScale.Small => (
                [provinces.OrderBy(p => communesOf.GetValueOrDefault(p.Id)?.Count ?? 0).ThenBy(p => p.Code).First()],
                subjects[..2]),
            GenerationScale.Province => ([provinces.FirstOrDefault(p => p.Code == ProvinceScaleCode) ?? provinces[0]], subjects),
            _ => (provinces, subjects),
        };

        var faker = new Faker("vi") { Random = new Randomizer(seed) };
        var ids = new Ids(
            await db.Agencies.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0,
            await db.Committees.MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0,
            await db.Users.MaxAsync(u => (int?)u.Id, cancellationToken) ?? 0);
        var existingAgencies = await db.Agencies.AsNoTracking()
            .Select(a => new { a.UnitId, a.Abbreviation, a.Id })
            .ToDictionaryAsync(a => (a.UnitId, a.Abbreviation), a => a.Id, cancellationToken);
        var takenNames = (await db.Users.Select(u => u.NormalizedUserName!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var plan = new Plan([], [], [], []);
        var agenciesByUnit = new Dictionary<int, Dictionary<string, UnitAgency>>();
        void AddAgencies(AdministrativeUnit unit, IEnumerable<CatalogAgency> list)
        {
            var byAbbreviation = new Dictionary<string, UnitAgency>(StringComparer.Ordinal);
            foreach (var (name, abbreviation, withPlace, head, deputy) in list)
            {
                var fullName = withPlace ? $"{name} {DemoSeeder.PlaceName(unit)}" : name;
                if (!existingAgencies.TryGetValue((unit.Id, abbreviation), out var id))
                {
                    var agency = new Agency { Id = ++ids.Agency, UnitId = unit.Id, Name = fullName, FoldedName = VietnameseText.Fold(fullName), Abbreviation = abbreviation };
                    plan.Agencies.Add(agency);
                    id = agency.Id;
                }
                byAbbreviation[abbreviation] = new UnitAgency(id, abbreviation, fullName, head, deputy);
            }
            agenciesByUnit[unit.Id] = byAbbreviation;
        }

        AddAgencies(central, GeneratedCatalog.CentralAgencies);
        foreach (var province in provinces)
        {
            AddAgencies(province, GeneratedCatalog.ProvinceAgencies);
            foreach (var commune in communesOf.GetValueOrDefault(province.Id) ?? [])
            {
                AddAgencies(commune, GeneratedCatalog.CommuneAgencies);
            }
        }

        var people = new PeopleFactory(faker, takenNames, passwordHash, ids);
        // Committees are dated from 2021 so that their registers hold five years of work; a
        // commune's committee stands for the one of the communes merged into it on 1 July 2025.
        for (var s = 0; s < subjects.Length; s++)
        {
            var subject = subjects[s];
            var top = AddCommittee(s, subject, subject.Standing.Central, central, null, new DateOnly(2021, 1, 1).AddDays(faker.Random.Int(0, 150)));
            people.Add(plan.Users, top, central, agenciesByUnit[central.Id], secretariats: 2, leaders: 1, members: 5, viewers: 2);
            foreach (var province in provinces)
            {
                var provincial = AddCommittee(s, subject, subject.Standing.Province, province, top, new DateOnly(2021, 6, 1).AddDays(faker.Random.Int(0, 30)));
                people.Add(plan.Users, provincial, province, agenciesByUnit[province.Id], secretariats: 1, leaders: 1, members: 4, viewers: 1);
                foreach (var commune in communesOf.GetValueOrDefault(province.Id) ?? [])
                {
                    var local = AddCommittee(s, subject, subject.Standing.Commune, commune, provincial, new DateOnly(2021, 7, 1).AddDays(faker.Random.Int(0, 60)));
                    people.Add(plan.Users, local, commune, agenciesByUnit[commune.Id], secretariats: s < 4 ? 1 : 0, leaders: s < 2 ? 1 : 0, members: 0, viewers: 0);
                }
            }
        }
        return plan;

        Committee AddCommittee(int subjectIndex, CommitteeSubject subject, string standing, AdministrativeUnit unit, Committee? parent, DateOnly established)
        {
            var name = unit.Level == UnitLevel.Central ? subject.Name : $"{subject.Name} {DemoSeeder.PlaceName(unit)}";
            var committee = new Committee
            {
                Id = ++ids.Committee,
                Name = name,
                FoldedName = VietnameseText.Fold(name),
                Abbreviation = unit.Level == UnitLevel.Central && subject.System == DocumentSystem.Party ? "BCĐTW" : "BCĐ",
                UnitId = unit.Id,
                ParentId = parent?.Id,
                StandingAgencyId = agenciesByUnit[unit.Id][standing].Id,
                DocumentSystem = subject.System,
                CurrentTerm = subject.System == DocumentSystem.Party ? "2025–2030" : null,
                EstablishedOn = established,
            };
            committee.Path = $"{parent?.Path ?? "/"}{committee.Id}/";
            plan.Committees.Add(committee);
            plan.Planned.Add(new PlannedCommittee(
                committee, unit.Level, subjectIndex, unit.Level == UnitLevel.Central ? "cả nước" : DemoSeeder.PlaceName(unit), parent?.Name,
                [.. agenciesByUnit[unit.Id].Values]));
            return committee;
        }
    }

    /// <summary>The last key given out per table: the generator sets keys itself, so that paths can be written at once.</summary>
    private sealed class Ids(int agency, int committee, int user)
    {
        public int Agency = agency;
        public int Committee = committee;
        public int User = user;
    }

    /// <summary>The people who sign in: realistic Vietnamese names, user names as offices make them ("haipd.48").</summary>
    private sealed class PeopleFactory(Faker faker, HashSet<string> takenNames, string passwordHash, Ids ids)
    {
        public void Add(
            List<AppUser> users, Committee committee, AdministrativeUnit unit, Dictionary<string, UnitAgency> agencies,
            int secretariats, int leaders, int members, int viewers)
        {
            for (var i = 0; i < secretariats; i++)
            {
                users.Add(NewUser(Role.Secretariat, committee, unit, null));
            }
            for (var i = 0; i < leaders; i++)
            {
                users.Add(NewUser(Role.Leader, committee, unit, null));
            }
            // A member represents an agency of the committee's own unit.
            foreach (var agency in faker.PickRandom(agencies.Values.Select(a => a.Id).Order().ToList(), Math.Min(members, agencies.Count)).Order())
            {
                users.Add(NewUser(Role.Member, committee, unit, agency));
            }
            for (var i = 0; i < viewers; i++)
            {
                users.Add(NewUser(Role.Viewer, committee, unit, null));
            }
        }

        private AppUser NewUser(Role role, Committee committee, AdministrativeUnit unit, int? agencyId)
        {
            var fullName = GeneratedMembers.FullName(faker.Random, faker.Name);
            var userName = UniqueUserName(fullName, unit.Level == UnitLevel.Central ? "tw" : unit.Code);
            return new AppUser
            {
                Id = ++ids.User,
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                FullName = fullName,
                Role = role,
                CommitteeId = committee.Id,
                AgencyId = agencyId,
                PasswordHash = passwordHash,
                SecurityStamp = faker.Random.Guid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = faker.Random.Guid().ToString("D"),
                LockoutEnabled = true,
                IsActive = true,
                Language = "vi",
            };
        }

        /// <summary>Given name then the initials of the rest, and the unit code: "Phạm Duy Hải" in 48 is "haipd.48".</summary>
        private string UniqueUserName(string fullName, string unitCode)
        {
            var words = VietnameseText.Fold(fullName).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
                .Where(w => w.Length > 0)
                .ToArray();
            var stem = words.Length == 0 ? "user" : words[^1] + string.Concat(words[..^1].Select(w => w[0]));
            for (var n = 1; ; n++)
            {
                var candidate = n == 1 ? $"{stem}.{unitCode}" : $"{stem}{n}.{unitCode}";
                if (takenNames.Add(candidate.ToUpperInvariant()))
                {
                    return candidate;
                }
            }
        }
    }
}
