using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SteerCo.Accounts;
using SteerCo.Agencies;
using SteerCo.Audit;
using SteerCo.Calendar;
using SteerCo.Committees;
using SteerCo.Data;
using SteerCo.Demo;
using SteerCo.Documents;
using SteerCo.Documents.Files;
using SteerCo.Documents.Search;
using SteerCo.Meetings;
using SteerCo.Members;
using SteerCo.Reporting;
using SteerCo.Text;
using SteerCo.Units;
using SteerCo.WorkItems;

namespace SteerCo;

public static class SteerCoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database and every feature. Hosts add their own <see cref="IActorSource"/>.
    /// </summary>
    /// <summary>
    /// The contexts' options are built once: per request they cost a parse of the connection string
    /// and a look-up of EF's services by the options' hash, a tenth of a small API call's CPU.
    /// The interceptors are singletons for that; the audit keeps its state on the context.
    /// </summary>
    private const ServiceLifetime OptionsOnce = ServiceLifetime.Singleton;

    public static IServiceCollection AddSteerCo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var provider = configuration[$"{DatabaseOptions.Section}:Provider"] ?? "sqlite";
        var connectionString = configuration.GetConnectionString("Default");
        // EF's check that a context is not used by two threads at once sets an async-local on every
        // row read: 200 bytes per row, 470 KB for the national roll-up's 1,700 values. The tests
        // keep it on (Database:ThreadSafetyChecks), so a context shared across threads still fails there.
        var threadSafetyChecks = configuration.GetValue($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ThreadSafetyChecks)}", false);

        services.AddSingleton<TimeProvider>(new CommitteeTime(CommitteeTime.ZoneOf(configuration[$"{ClockOptions.Section}:{nameof(ClockOptions.TimeZone)}"])));
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<Writes>();
        services.AddSingleton<WriteInterceptor>();
        services.AddSingleton<WriteCommitInterceptor>();
        services.AddSingleton<OverdueTotals>();
        services.AddSingleton<FanOutTurns>();
        services.AddSingleton<TemplateIndicators>();
        if (provider == "postgres")
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Default is empty.");
            }
            services.AddDbContext<PostgresSteerCoDbContext>((sp, options) => options
                .UseNpgsql(WithPoolDefaults(connectionString))
                .UseModel(Data.CompiledModels.Postgres.PostgresSteerCoDbContextModel.Instance)
                .EnableThreadSafetyChecks(threadSafetyChecks)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<WriteInterceptor>(), sp.GetRequiredService<WriteCommitInterceptor>()),
                ServiceLifetime.Scoped, OptionsOnce);
            services.AddScoped<SteerCoDbContext>(sp => sp.GetRequiredService<PostgresSteerCoDbContext>());
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString) ? "Data Source=data/steerco.db" : connectionString;
            EnsureSqliteFolder(connectionString);
            services.AddDbContext<SqliteSteerCoDbContext>((sp, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(60))
                .UseModel(Data.CompiledModels.Sqlite.SqliteSteerCoDbContextModel.Instance)
                // Both say that a table rebuild cannot run in a transaction, to whoever writes the
                // migration; the app copies a database before migrating it instead (SqliteUpgrade),
                // so a first start prints no warning about a database that does not exist yet.
                .ConfigureWarnings(warnings => warnings.Log(
                    (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information),
                    (SqliteEventId.TableRebuildPendingWarning, LogLevel.Information)))
                .EnableThreadSafetyChecks(threadSafetyChecks)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<WriteInterceptor>(), sp.GetRequiredService<WriteCommitInterceptor>(),
                    SqlitePragmas.Instance),
                ServiceLifetime.Scoped, OptionsOnce);
            services.AddScoped<SteerCoDbContext>(sp => sp.GetRequiredService<SqliteSteerCoDbContext>());
        }

        services.AddScoped<UnitService>();
        services.AddScoped<UnitImporter>();
        services.AddScoped<AgencyService>();
        services.AddScoped<CommitteeService>();
        services.AddScoped<CommitteeOverviews>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoGenerator>();
        services.AddScoped<DocumentNumbering>();
        services.AddScoped<DocumentRegister>();
        services.AddOptions<FileStoreOptions>().Bind(configuration.GetSection(FileStoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<TextExtraction>();
        services.AddSingleton<FileIntake>();
        services.AddScoped<DocumentFiles>();
        services.AddScoped<DocumentSearch>();
        services.AddSingleton<SearchVocabulary>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PeopleService>();
        services.AddScoped<RosterService>();
        services.AddScoped<Reconstitutions>();
        services.AddSingleton(_ => new SteerCo.Office.PdfConverter());
        services.AddScoped<ReportTemplates>();
        services.AddScoped<ReportRequests>();
        services.AddScoped<Submissions>();
        services.AddScoped<ReportExports>();
        services.AddScoped<RosterImport>();
        services.AddScoped<WorkItemService>();
        services.AddScoped<MeetingService>();
        services.AddScoped<CalendarService>();
        services.AddScoped<Notifications>();
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<ReminderMail>();
        services.AddScoped<ReportReminders>();
        return services;
    }

    /// <summary>
    /// A pooled connection keeps its prepared statements unless the operator's connection string
    /// says otherwise: the app sets no session state, so the pool need not reset a connection
    /// (DISCARD ALL before every query) and the statements run most often are prepared once per
    /// connection instead of parsed and planned on every request (PostgreSQL keeps planning a
    /// statement for each call's values until a generic plan costs no more).
    /// </summary>
    internal static string WithPoolDefaults(string connectionString)
    {
        // The keys as written (lower case), whatever Npgsql's defaults: an operator's choice stands.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
