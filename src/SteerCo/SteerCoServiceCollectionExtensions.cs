using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
using SteerCo.Units;
using SteerCo.WorkItems;

namespace SteerCo;

public static class SteerCoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database and every feature. Hosts add their own <see cref="IActorSource"/>.
    /// </summary>
    public static IServiceCollection AddSteerCo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var provider = configuration[$"{DatabaseOptions.Section}:Provider"] ?? "sqlite";
        var connectionString = configuration.GetConnectionString("Default");

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<UserChanges>();
        services.AddSingleton<UserChangeInterceptor>();
        services.AddSingleton<UserChangeCommitInterceptor>();
        if (provider == "postgres")
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Default is empty.");
            }
            services.AddDbContext<PostgresSteerCoDbContext>((sp, options) => options
                .UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<UserChangeInterceptor>(), sp.GetRequiredService<UserChangeCommitInterceptor>()));
            services.AddScoped<SteerCoDbContext>(sp => sp.GetRequiredService<PostgresSteerCoDbContext>());
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString) ? "Data Source=data/steerco.db" : connectionString;
            EnsureSqliteFolder(connectionString);
            services.AddDbContext<SqliteSteerCoDbContext>((sp, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(60))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<UserChangeInterceptor>(), sp.GetRequiredService<UserChangeCommitInterceptor>(),
                    SqlitePragmas.Instance));
            services.AddScoped<SteerCoDbContext>(sp => sp.GetRequiredService<SqliteSteerCoDbContext>());
        }

        services.AddScoped<UnitService>();
        services.AddScoped<UnitImporter>();
        services.AddScoped<AgencyService>();
        services.AddScoped<CommitteeService>();
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
