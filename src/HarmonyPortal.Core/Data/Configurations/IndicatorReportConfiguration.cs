using HarmonyPortal.Core.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class IndicatorReportConfiguration : IEntityTypeConfiguration<IndicatorReport>
{
    public void Configure(EntityTypeBuilder<IndicatorReport> builder)
    {
        builder.Property(r => r.TaskId).HasMaxLength(100);
        builder.Property(r => r.Label).HasMaxLength(200);
        builder.Property(r => r.Unit).HasMaxLength(20);
        builder.Property(r => r.Value).HasPrecision(14, 4);
        builder.Property(r => r.Note).HasMaxLength(IndicatorReport.NoteMaxLength);
        builder.Property(r => r.ReportedById).HasMaxLength(450);
        builder.Property(r => r.ReportedBy).HasMaxLength(256);
        builder.Property(r => r.ReviewedBy).HasMaxLength(256);
        builder.Property(r => r.ReviewReason).HasMaxLength(Materials.MaterialSubmission.ReasonMaxLength);
        builder.HasIndex(r => new { r.RegionId, r.Year, r.JurisdictionRegionId, r.TaskId });
        builder.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Regions.Region>().WithMany().HasForeignKey(r => r.JurisdictionRegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Rules.RuleSetVersion>().WithMany().HasForeignKey(r => r.RuleSetVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorEvidenceConfiguration : IEntityTypeConfiguration<IndicatorEvidence>
{
    public void Configure(EntityTypeBuilder<IndicatorEvidence> builder)
    {
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
    }
}
