using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SteerCo.Accounts;
using SteerCo.Agencies;
using SteerCo.Attachments;
using SteerCo.Audit;
using SteerCo.Calendar;
using SteerCo.Committees;
using SteerCo.Documents;
using SteerCo.Meetings;
using SteerCo.Members;
using SteerCo.Reporting;
using SteerCo.Units;
using SteerCo.WorkItems;

namespace SteerCo.Data;

/// <summary>
/// The one model. Each database engine has a subclass only so that it can keep its own
/// migration set (<see cref="SqliteSteerCoDbContext"/>, <see cref="PostgresSteerCoDbContext"/>).
/// <paramref name="services"/> is the request's scope, where the audit finds who writes; the
/// options are the same for every context.
/// </summary>
public abstract class SteerCoDbContext(DbContextOptions options, IServiceProvider? services)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options)
{
    internal IServiceProvider? Services { get; } = services;

    internal AuditState Audit { get; } = new();

    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();
    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();
    public DbSet<DocumentRelation> DocumentRelations => Set<DocumentRelation>();
    public DbSet<NumberSeries> NumberSeries => Set<NumberSeries>();
    public DbSet<NumberReservation> NumberReservations => Set<NumberReservation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Reconstitution> Reconstitutions => Set<Reconstitution>();
    public DbSet<ReconstitutionLine> ReconstitutionLines => Set<ReconstitutionLine>();
    public DbSet<ReportTemplate> ReportTemplates => Set<ReportTemplate>();
    public DbSet<ReportTemplateVersion> ReportTemplateVersions => Set<ReportTemplateVersion>();
    public DbSet<ReportIndicator> ReportIndicators => Set<ReportIndicator>();
    public DbSet<ReportSection> ReportSections => Set<ReportSection>();
    public DbSet<ReportingRegime> ReportingRegimes => Set<ReportingRegime>();
    public DbSet<ReportRequest> ReportRequests => Set<ReportRequest>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionVersion> SubmissionVersions => Set<SubmissionVersion>();
    public DbSet<SubmissionValue> SubmissionValues => Set<SubmissionValue>();
    public DbSet<SubmissionNarrative> SubmissionNarratives => Set<SubmissionNarrative>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<WorkItemCoordinator> WorkItemCoordinators => Set<WorkItemCoordinator>();
    public DbSet<WorkItemUpdate> WorkItemUpdates => Set<WorkItemUpdate>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingInvitee> MeetingInvitees => Set<MeetingInvitee>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Contribution> MeetingContributions => Set<Contribution>();
    public DbSet<Assignment> MeetingAssignments => Set<Assignment>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SteerCoDbContext).Assembly);
    }
}

public sealed class SqliteSteerCoDbContext(DbContextOptions<SqliteSteerCoDbContext> options, IServiceProvider? services = null) : SteerCoDbContext(options, services);

public sealed class PostgresSteerCoDbContext(DbContextOptions<PostgresSteerCoDbContext> options, IServiceProvider? services = null) : SteerCoDbContext(options, services)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Byte order for committee paths, whatever the database's locale: subtree queries are
        // ranges over it (see Scope.InSubtree), and a locale that skips '/' would reorder them.
        builder.Entity<Committee>().Property(c => c.Path).UseCollation("C");
        builder.Entity<WorkItem>().Property(w => w.CommitteePath).UseCollation("C");
        // The standard posts are seeded with ids 1-8; PostgreSQL's identity does not move past
        // explicit ids, so a committee's own posts start above them.
        builder.Entity<Post>().Property(p => p.Id).HasIdentityOptions(startValue: 101);
    }
}
