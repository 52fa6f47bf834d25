using System.Net;
using HarmonyPortal.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// The real portal in-process on its own throwaway database (one per test class), in the
/// Development environment so the demo accounts exist, with a clock the test can move.
/// </summary>
public class PortalFactory(DatabaseProvider provider, string environment = "Development")
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>
    /// Polling file watchers: every in-process portal watches its configuration and content files, and with inotify each
    /// watcher is an instance of a per-user limit (128 on Debian) that a full run with its portals alive at once exceeds.
    /// </summary>
    static PortalFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    private TestDatabase database = null!;
    private readonly string dataDirectory = Path.Combine(TestPaths.Scratch("portal"), Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The recurring jobs that ran once at start-up before the job table (ADR 0018) and now run whenever the test's
    /// clock passes their interval: off in tests, which run them directly, so that they never race a test's own run.
    /// </summary>
    public const string QuietJobs = "deadline-reminders,material-reminders,recycle-bin-purge,personal-file-sweep,audit-retention";

    /// <summary>
    /// The PBKDF2 cost of this portal's password hashes: low, because most tests sign in to test something else.
    /// Portals of the tests about passwords themselves keep the product's cost (<see cref="ProductPasswordCostPortal"/>).
    /// </summary>
    public const int TestPasswordHashIterations = 1_000;

    /// <summary>The configured PBKDF2 cost, or null for the product's default (210,000).</summary>
    protected virtual int? PasswordHashIterations => environment == "Development" ? TestPasswordHashIterations : null;

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public DatabaseProvider Provider => provider;

    public string ConnectionString => database.ConnectionString;

    public string DataDirectory => dataDirectory;

    public HarmonyDbContext CreateDbContext() => database.CreateContext();

    public async Task<int> RegionIdAsync(string code)
    {
        await using var db = CreateDbContext();
        return await db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    /// <summary>The id of the member unit <paramref name="shortName"/> of the region with this code (the region's defaults made if it has none).</summary>
    public async Task<int> UnitIdAsync(string regionCode, string shortName)
    {
        await using var db = CreateDbContext();
        var units = await Core.Offices.MemberUnits.EnsureAsync(db, await RegionIdAsync(regionCode), default);
        return units.Single(u => u.ShortName == shortName).Id;
    }

    /// <summary>The id of the host unit (牵头单位) of the region with this code.</summary>
    public async Task<int> HostUnitIdAsync(string regionCode)
    {
        await using var db = CreateDbContext();
        return (await Core.Offices.MemberUnits.HostAsync(db, await RegionIdAsync(regionCode), default)).Id;
    }

    /// <summary>
    /// Whether this portal's database is a copy of the <see cref="SeededTemplate"/> of its provider, environment and
    /// password cost (the default), or of the migrated template only, so that its own start-up seeds it.
    /// </summary>
    protected virtual bool StartsFromSeededTemplate => true;

    public virtual async Task InitializeAsync()
    {
        database = await CreateDatabaseAsync();
        _ = Services; // start the host: migrate and seed now, not inside the first test
    }

    /// <summary>This portal's database: a copy of a template (see <see cref="StartsFromSeededTemplate"/>).</summary>
    protected virtual async Task<TestDatabase> CreateDatabaseAsync() => StartsFromSeededTemplate
        ? await TestDatabase.CreateTemplateCopyAsync(
            provider, await SeededTemplate.ForAsync(provider, environment, PasswordHashIterations))
        : await TestDatabase.CreateMigratedAsync(provider);

    Task IAsyncLifetime.DisposeAsync() => DisposeFixtureAsync();

    /// <summary>Stops the host and drops the database; subclasses release their own resources first.</summary>
    protected virtual async Task DisposeFixtureAsync()
    {
        await DisposeAsync();
        await database.DisposeAsync();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Harmony", database.ConnectionString);
        builder.UseSetting("Harmony:DataDirectory", dataDirectory);
        builder.UseSetting("Demo:SampleLedgers", "false"); // tests count ledger rows exactly: no sample rows
        builder.UseSetting("Jobs:Disabled", QuietJobs);
        if (PasswordHashIterations is { } iterations)
        {
            builder.UseSetting("Security:PasswordHashIterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<IStartupFilter, ClientAddressStartupFilter>();
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = Clock);
            services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = Clock);
        });
    }

    /// <summary>A client already signed in as <paramref name="userName"/> (demo password by default).</summary>
    public async Task<PortalClient> SignedInClientAsync(string userName, string password = PortalClient.DemoPassword)
    {
        var client = CreatePortalClient();
        await client.LoginOrFailAsync(userName, password);
        return client;
    }

    public PortalClient CreatePortalClient(string baseAddress = "http://localhost") =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) }));

    /// <summary>
    /// A client whose requests come from <paramref name="address"/>: a test that spends an address's sign-in failure
    /// budget uses its own address, so the other tests of the fixture still sign in from the shared one.
    /// </summary>
    public PortalClient ClientFrom(string address)
    {
        var client = CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add(ClientAddressStartupFilter.AddressHeader, address);
        return client;
    }
}

/// <summary>
/// The test server leaves the client address empty; a real connection always has one. A test client may name its
/// own address in <see cref="AddressHeader"/> (see <see cref="PortalFactory.ClientFrom"/>).
/// </summary>
internal sealed class ClientAddressStartupFilter : IStartupFilter
{
    public const string AddressHeader = "X-Test-Client-Address";
    public static readonly IPAddress Address = IPAddress.Parse("203.0.113.8");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers[AddressHeader] is [{ } named]
                ? IPAddress.Parse(named)
                : context.Connection.RemoteIpAddress ?? Address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class SqlitePortal() : PortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresPortal() : PortalFactory(DatabaseProvider.Postgres);

/// <summary>A portal that hashes passwords at the product's cost, for the tests that check the cost itself.</summary>
public abstract class ProductPasswordCostPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override int? PasswordHashIterations => null;
}

public sealed class SqliteProductPasswordCostPortal() : ProductPasswordCostPortal(DatabaseProvider.Sqlite);

public sealed class PostgresProductPasswordCostPortal() : ProductPasswordCostPortal(DatabaseProvider.Postgres);
