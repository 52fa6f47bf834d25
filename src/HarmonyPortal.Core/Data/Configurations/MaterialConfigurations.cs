using HarmonyPortal.Core.Materials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class MaterialSubmissionConfiguration : IEntityTypeConfiguration<MaterialSubmission>
{
    public void Configure(EntityTypeBuilder<MaterialSubmission> builder)
    {
        builder.Property(m => m.TaskId).HasMaxLength(100);
        builder.Property(m => m.TaskName).HasMaxLength(200);
        builder.Property(m => m.Title).HasMaxLength(MaterialSubmission.TitleMaxLength);
        builder.Property(m => m.Summary).HasMaxLength(MaterialSubmission.SummaryMaxLength);
        builder.Property(m => m.CreatedById).HasMaxLength(450);
        builder.Property(m => m.CreatedBy).HasMaxLength(256);
        builder.Property(m => m.SubmittedBy).HasMaxLength(256);
        builder.Property(m => m.ReviewedBy).HasMaxLength(256);
        builder.Property(m => m.PublishedBy).HasMaxLength(256);
        builder.Property(m => m.ReturnReason).HasMaxLength(MaterialSubmission.ReasonMaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();

        // A deleted draft sits in the recycle bin: only the recycle bin itself reads it (IgnoreQueryFilters).
        builder.HasQueryFilter(m => m.Status != ReviewStatus.Deleted);
        builder.HasIndex(m => new { m.RegionId, m.Year, m.JurisdictionRegionId, m.TaskId });
        builder.HasIndex(m => new { m.JurisdictionRegionId, m.Year, m.TaskId });
        builder.HasOne(m => m.Region).WithMany().HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Regions.Region>().WithMany().HasForeignKey(m => m.JurisdictionRegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Rules.RuleSetVersion>().WithMany().HasForeignKey(m => m.RuleSetVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Files).WithOne().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaterialFileConfiguration : IEntityTypeConfiguration<MaterialFile>
{
    public void Configure(EntityTypeBuilder<MaterialFile> builder)
    {
        builder.Property(f => f.FileName).HasMaxLength(200);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64);
    }
}

internal sealed class MaterialEventConfiguration : IEntityTypeConfiguration<MaterialEvent>
{
    public void Configure(EntityTypeBuilder<MaterialEvent> builder)
    {
        builder.Property(e => e.ById).HasMaxLength(450);
        builder.Property(e => e.By).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(MaterialSubmission.ReasonMaxLength);
    }
}

internal sealed class TaskDeadlineExtensionConfiguration : IEntityTypeConfiguration<TaskDeadlineExtension>
{
    public void Configure(EntityTypeBuilder<TaskDeadlineExtension> builder)
    {
        builder.Property(e => e.TaskId).HasMaxLength(100);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.GrantedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.RegionId, e.JurisdictionRegionId, e.TaskId, e.Year });
        builder.HasOne<Regions.Region>().WithMany().HasForeignKey(e => e.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Regions.Region>().WithMany().HasForeignKey(e => e.JurisdictionRegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
