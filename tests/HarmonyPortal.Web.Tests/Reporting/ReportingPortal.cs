using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HarmonyPortal.Web.Tests.Reporting;

/// <summary>
/// The portal with its manual clock as the application's TimeProvider too (the shared factory gives it to
/// the cookie only), so a test can report before and after a deadline. Sign in after moving the clock:
/// a move of more than the idle timeout ends earlier sessions.
/// </summary>
public abstract class ReportingPortal(DatabaseProvider provider) : PortalFactory(provider)
{
    /// <summary>Moves the clock (forward or back) to 06:00 UTC of <paramref name="day"/>.</summary>
    public void SetToday(DateOnly day) =>
        Clock.Advance(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero) - Clock.GetUtcNow());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteReportingPortal() : ReportingPortal(DatabaseProvider.Sqlite);

public sealed class PostgresReportingPortal() : ReportingPortal(DatabaseProvider.Postgres);
