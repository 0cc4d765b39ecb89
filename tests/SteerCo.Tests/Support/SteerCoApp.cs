using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SteerCo.Access;
using SteerCo.Accounts;
using SteerCo.Data;

namespace SteerCo.Tests.Support;

/// <summary>A user the tests created, with the password they need to sign in.</summary>
public sealed record TestUser(int Id, string UserName, string Password, Role Role, int? CommitteeId, int? AgencyId);

/// <summary>
/// The web app over a fresh database, migrated, with a small hierarchy (see <see cref="TestData"/>).
/// One per test class (IClassFixture), or created inside a test with <see cref="StartAsync"/>.
/// </summary>
public sealed class SteerCoApp : IAsyncLifetime, IAsyncDisposable
{
    private readonly bool _withHierarchy;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private TestDatabase? _database;
    private Host? _host;
    private Task<HttpClient>? _admin;
    private Hierarchy? _hierarchy;

    public SteerCoApp() : this(withHierarchy: true, settings: null)
    {
    }

    private SteerCoApp(bool withHierarchy, IReadOnlyDictionary<string, string?>? settings)
    {
        _withHierarchy = withHierarchy;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>An app started outside a class fixture, with extra settings if any; dispose it at the end of the test.</summary>
    public static async Task<SteerCoApp> StartAsync(bool withHierarchy = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new SteerCoApp(withHierarchy, settings);
        try
        {
            await app.InitializeAsync();
        }
        catch
        {
            // An app that does not start (a test about bad settings) still drops its database.
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The app's file store (Files:Folder): a temporary folder, gone with the app.</summary>
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), "steerco-tests", $"files_{Guid.NewGuid():N}");

    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("The app has not started.")).Services;

    /// <summary>Units VN, 48 Đà Nẵng, 46 Huế, 20242 Hải Châu (48), 19777 Vỹ Dạ (46), their committees and agencies.</summary>
    public Hierarchy Hierarchy => _hierarchy ?? throw new InvalidOperationException("This app was started without the test hierarchy.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _host = new Host(_database, new Dictionary<string, string?>(_settings) { ["Files:Folder"] = _settings.GetValueOrDefault("Files:Folder") ?? FilesFolder });
        // Starting the host runs Program, whose PrepareDatabaseAsync migrates SQLite (never PostgreSQL).
        _ = _host.Server;
        await using (var scope = ServiceScope())
        {
            await scope.Db.Database.MigrateAsync();
            if (_withHierarchy)
            {
                _hierarchy = await TestData.CreateHierarchyAsync(scope.Db);
            }
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }
        if (Directory.Exists(FilesFolder))
        {
            Directory.Delete(FilesFolder, recursive: true);
        }
    }

    /// <summary>A DI scope outside any request, as the CLI has: audit entries name "system".</summary>
    public AppScope ServiceScope(Actor? actor = null) => new(Services.CreateAsyncScope(), actor ?? Actor.System());

    /// <summary>A client without credentials that does not follow redirects.</summary>
    public HttpClient AnonymousClient() =>
        (_host ?? throw new InvalidOperationException("The app has not started.")).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Creates an active user through the same service administrators use.</summary>
    public async Task<TestUser> CreateUserAsync(Role role, int? committeeId, int? agencyId = null, string? userName = null)
    {
        var password = TestData.Password();
        userName ??= $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}"[..24];
        await using var scope = ServiceScope();
        var created = await scope.Get<UserAdministration>().CreateAsync(scope.Actor,
            new UserInput(userName, $"Người dùng {role}", null, role, committeeId, agencyId, password));
        if (!created.IsOk)
        {
            throw new InvalidOperationException($"Test user {userName}: {created.Outcome} " + string.Join("; ", created.Problems.Select(p => $"{p.Field}: {p.Message}")));
        }
        return new(created.Value!.Id, userName, password, role, committeeId, agencyId);
    }

    /// <summary>POST /api/v1/auth/token as is, for tests about signing in.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string userName, string password) =>
        AnonymousClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password });

    /// <summary>A client that sends the bearer token the API issues for these credentials.</summary>
    public async Task<HttpClient> TokenClientAsync(string userName, string password)
    {
        var response = await RequestTokenAsync(userName, password);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"No token for {userName}: {(int)response.StatusCode} {body}");
        }
        var token = JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString();
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> TokenClientAsync(TestUser user) => TokenClientAsync(user.UserName, user.Password);

    /// <summary>A new user with the role in the committee, signed in to the API.</summary>
    public async Task<HttpClient> SignInAsync(Role role, int committeeId, int? agencyId = null) =>
        await TokenClientAsync(await CreateUserAsync(role, committeeId, agencyId));

    /// <summary>An administrator's API client, created once per app.</summary>
    public Task<HttpClient> AsAdminAsync() => _admin ??= CreateAdminAsync();

    private async Task<HttpClient> CreateAdminAsync() => await TokenClientAsync(await CreateUserAsync(Role.Administrator, null));

    private sealed class Host(TestDatabase database, IReadOnlyDictionary<string, string?> extra) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var settings = new Dictionary<string, string?>(database.Configuration)
            {
                // Program must not seed: each test class builds only the data it needs.
                ["Demo:Seed"] = "false",
                // Tests run the reminders with their own clock; the job would write into every test's database.
                ["Reminders:Enabled"] = "false",
                ["DataProtection:KeysFolder"] = database.KeysFolder,
            };
            foreach (var (key, value) in extra)
            {
                settings[key] = value;
            }
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
            builder.UseEnvironment("Testing");
            if (Environment.GetEnvironmentVariable("STEERCO_TEST_LOGS") is not { Length: > 0 })
            {
                builder.ConfigureServices(services => services.AddLogging(logging => logging.ClearProviders()));
            }
        }
    }
}

/// <summary>Services from one DI scope, and the actor to pass to them.</summary>
public sealed class AppScope(AsyncServiceScope scope, Actor actor) : IAsyncDisposable
{
    public Actor Actor { get; } = actor;

    public SteerCoDbContext Db => Get<SteerCoDbContext>();

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
