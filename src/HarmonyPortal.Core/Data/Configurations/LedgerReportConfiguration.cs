using HarmonyPortal.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class LedgerReportConfiguration : IEntityTypeConfiguration<LedgerReport>
{
    public void Configure(EntityTypeBuilder<LedgerReport> builder)
    {
        builder.Property(r => r.ReportedByUserId).HasMaxLength(450);
        builder.Property(r => r.ReportedByName).HasMaxLength(256);
        builder.Property(r => r.RowCounts).HasMaxLength(1000);
        builder.Property(r => r.LedgerDeadlines).HasMaxLength(1000);
        builder.Property(r => r.ReturnedByUserId).HasMaxLength(450);
        builder.Property(r => r.ReturnedByName).HasMaxLength(256);
        builder.Property(r => r.ReturnReason).HasMaxLength(LedgerReport.ReturnReasonMaxLength);
        builder.Ignore(r => r.IsLive);

        // One live report per region and year; returned ones stay as history. Both providers quote identifiers with ".
        builder.HasIndex(r => new { r.RegionId, r.Year }).IsUnique().HasFilter("\"ReturnedAtUtc\" IS NULL").HasDatabaseName("IX_LedgerReports_Live");
        builder.HasIndex(r => new { r.Year, r.RegionId });
        builder.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
