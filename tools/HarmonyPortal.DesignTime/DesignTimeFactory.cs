using HarmonyPortal.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace HarmonyPortal.DesignTime;

/// <summary>
/// Lets `dotnet ef` build the model for one provider: pass `-- --provider Sqlite|Postgres|SqlServer`.
/// The connection strings are placeholders; `migrations add` never connects.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HarmonyDbContext>
{
    public HarmonyDbContext CreateDbContext(string[] args)
    {
        var index = Array.IndexOf(args, "--provider");
        var provider = HarmonyDatabase.ParseProvider(index >= 0 && index + 1 < args.Length ? args[index + 1] : null);
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=design-time.db",
            DatabaseProvider.SqlServer => "Server=localhost;Database=harmony_design;Integrated Security=true;TrustServerCertificate=true",
            _ => "Host=localhost;Database=harmony_design;Username=postgres",
        };
        return new HarmonyDbContext(HarmonyDatabase.Options(provider, connectionString));
    }
}
