using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using SteerCo.Cli;
using SteerCo.Tests.Support;

namespace SteerCo.Tests.Browser;

/// <summary>
/// The real app on Kestrel (a loopback port below the ephemeral range) with the demo seeded into
/// a fresh database of this run's engine, and a headless Chromium to drive it. One per browser test class.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    /// <summary>
    /// Browser test classes run one after another (beside the other tests): each starts a
    /// Chromium and a server, and on two cores several at once starved one another past any timeout.
    /// </summary>
    public const string Collection = "Browser";

    public const string AdminPassword = "Admin-Pass-2025";
    public const string DemoPassword = "Demo-Pass-2025";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "steerco-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await TestDatabase.CreateAsync();
        // As an operator would: the web app migrates an embedded SQLite file itself, never PostgreSQL.
        var migrate = await SteerCoCli.RunAsync(["db", "migrate"], TextWriter.Null, TextWriter.Null, _database.Configuration);
        migrate.ShouldBe(0);
        var port = FreeLoopbackPort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Database:Provider", _database.Provider);
            web.UseSetting("ConnectionStrings:Default", _database.ConnectionString);
            web.UseSetting("Database:ThreadSafetyChecks", "true");
            web.UseSetting("DataProtection:KeysFolder", Path.Combine(_folder, "keys"));
            web.UseSetting("Files:Folder", Path.Combine(_folder, "files"));
            web.UseSetting("Demo:Seed", "true");
            web.UseSetting("Reminders:Enabled", "false");
            web.UseSetting("STEERCO_ADMIN_PASSWORD", AdminPassword);
            web.UseSetting("STEERCO_DEMO_PASSWORD", DemoPassword);
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _factory.StartServer();

        // Expectations poll for 5 s by default: too short when two cores also run the server and other tests.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("STEERCO_BROWSER") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies), optionally the size of a phone.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1280, Height = 900 },
            IsMobile = phone,
            Locale = "en-US",
        });
        // Generous: on two cores the browser shares the CPU with the server and other test classes.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(string userName, string? password = null, bool phone = false)
    {
        var page = await NewPageAsync(phone);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password ?? (userName == "admin" ? AdminPassword : DemoPassword));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        // Signed in once a page shows the user's name in the header. Not WaitForURL: when the
        // redirects had already finished, it sometimes waited for a load event that had passed.
        await Assertions.Expect(page.Locator("header a.whoami")).ToHaveTextAsync(userName, new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>
    /// Saves a picture of the page when STEERCO_SCREENSHOTS names a folder, for a person to look
    /// at the pages (the tests assert behaviour; this is for the eyes).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("STEERCO_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A free port between 20000 and 32000: test servers stay out of the ephemeral range.</summary>
    private static int FreeLoopbackPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(20000, 32000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
        throw new InvalidOperationException("No free loopback port below 32000.");
    }
}
