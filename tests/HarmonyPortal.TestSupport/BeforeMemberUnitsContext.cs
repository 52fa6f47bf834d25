using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// The model as it was before member units (no MemberUnits table, no UnitId columns, nor the later region and tier columns): what migration tests write rows with
/// into a database migrated only part of the way. Users are not written through it (their old Party column is gone from the model).
/// </summary>
public sealed class BeforeMemberUnitsContext(DbContextOptions<HarmonyDbContext> options) : HarmonyDbContext(options)
{
    public static BeforeMemberUnitsContext Create(TestDatabase database) =>
        new(HarmonyDatabase.Options(database.Provider, database.ConnectionString));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var rowTypes = builder.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(LedgerRow).IsAssignableFrom(t)).ToList();
        builder.Ignore<MemberUnit>();
        foreach (var type in rowTypes)
        {
            builder.Entity(type).Ignore(nameof(LedgerRow.UnitId));
        }

        builder.Entity<AppUser>().Ignore(u => u.UnitId);
        builder.Entity<Nomination>().Ignore(n => n.UnitId);

        // Later columns (issue 17): region closures and merges, nomination tiers.
        var region = builder.Entity<Core.Regions.Region>();
        foreach (var key in region.Metadata.GetForeignKeys().Where(k => k.Properties.Any(p => p.Name == nameof(Core.Regions.Region.MergedIntoId))).ToList())
        {
            region.Metadata.RemoveForeignKey(key);
        }

        region.Ignore(r => r.MergedIntoId).Ignore(r => r.ClosedOn).Ignore(r => r.OpenedOn);
        builder.Entity<Nomination>().Ignore(n => n.Tier);
        builder.Ignore<Core.Regions.RegionMergeItem>();
    }
}
