using HarmonyPortal.Core.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

/// <summary>
/// Maintained by triggers (Sql/ledger_counters_v2.sql of each migrations assembly, ADR 0029 and 0042), not by EF.
/// The key leads with year and region because that is how it is read (a year of a subtree's regions). No foreign key
/// to Regions: a zero count must not keep a region from being removed, and a trigger should not lock the region row.
/// </summary>
internal sealed class LedgerRowCountConfiguration : IEntityTypeConfiguration<LedgerRowCount>
{
    public void Configure(EntityTypeBuilder<LedgerRowCount> builder)
    {
        builder.HasKey(c => new { c.Year, c.RegionId, c.Ledger });
        builder.Property(c => c.Ledger).HasMaxLength(40);
    }
}
