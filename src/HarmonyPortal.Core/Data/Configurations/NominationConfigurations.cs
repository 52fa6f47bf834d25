using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class NominationSheetConfiguration : IEntityTypeConfiguration<NominationSheet>
{
    public void Configure(EntityTypeBuilder<NominationSheet> builder)
    {
        builder.HasIndex(s => new { s.RegionId, s.Category, s.HonourTaskId, s.Year, s.Batch }).IsUnique();
        builder.Property(s => s.HonourTaskId).HasMaxLength(OfficeHonour.MaxIdLength);
        builder.HasIndex(s => new { s.Category, s.Year, s.Status });
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.SubmittedByUserId).HasMaxLength(450);
        builder.Property(s => s.ReturnReason).HasMaxLength(500);
        builder.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.HasIndex(n => new { n.Category, n.HonourTaskId, n.Year, n.LedgerRowId }).IsUnique();
        builder.Property(n => n.HonourTaskId).HasMaxLength(OfficeHonour.MaxIdLength);
        builder.HasIndex(n => n.SheetId);
        builder.HasIndex(n => n.CitySheetId);
        builder.Property(n => n.Name).HasMaxLength(200);
        builder.Property(n => n.Narrative).HasMaxLength(NominationLimits.NarrativeMaxLength);
        builder.Property(n => n.CityReason).HasMaxLength(500);
        builder.Property(n => n.ProvinceReason).HasMaxLength(500);
        builder.Property(n => n.CreatedBy).HasMaxLength(256);
        builder.Property(n => n.Tier).HasMaxLength(100);
        builder.HasOne(n => n.Region).WithMany().HasForeignKey(n => n.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offices.MemberUnit>().WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Sheet).WithMany(s => s.Nominations).HasForeignKey(n => n.SheetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.CitySheet).WithMany().HasForeignKey(n => n.CitySheetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Attestations).WithOne().HasForeignKey(a => a.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(n => n.Evidence).WithOne().HasForeignKey(e => e.NominationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NominationAttestationConfiguration : IEntityTypeConfiguration<NominationAttestation>
{
    public void Configure(EntityTypeBuilder<NominationAttestation> builder)
    {
        builder.HasIndex(a => new { a.NominationId, a.CriterionId }).IsUnique();
        builder.Property(a => a.CriterionId).HasMaxLength(100);
        builder.Property(a => a.Evidence).HasMaxLength(500);
        builder.Property(a => a.AttestedBy).HasMaxLength(256);
        builder.Property(a => a.ReviewedBy).HasMaxLength(256);
        builder.Property(a => a.ReviewReason).HasMaxLength(500);
    }
}

internal sealed class NominationEvidenceConfiguration : IEntityTypeConfiguration<NominationEvidence>
{
    public void Configure(EntityTypeBuilder<NominationEvidence> builder)
    {
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.UploadedBy).HasMaxLength(256);
    }
}

internal sealed class NominationEvaluationConfiguration : IEntityTypeConfiguration<NominationEvaluation>
{
    public void Configure(EntityTypeBuilder<NominationEvaluation> builder)
    {
        builder.HasIndex(e => e.NominationId);
        builder.Property(e => e.Attested).HasMaxLength(1000);
        builder.HasOne<Nomination>().WithMany().HasForeignKey(e => e.NominationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Rules.RuleSetVersion>().WithMany().HasForeignKey(e => e.RuleSetVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SheetTransitionConfiguration : IEntityTypeConfiguration<SheetTransition>
{
    public void Configure(EntityTypeBuilder<SheetTransition> builder)
    {
        builder.HasIndex(t => t.SheetId);
        builder.HasIndex(t => t.NominationId);
        builder.Property(t => t.ActorId).HasMaxLength(450);
        builder.Property(t => t.ActorName).HasMaxLength(256);
        builder.Property(t => t.ActorRegion).HasMaxLength(100);
        builder.Property(t => t.Reason).HasMaxLength(500);
        builder.HasOne<NominationSheet>().WithMany().HasForeignKey(t => t.SheetId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> builder)
    {
        builder.HasIndex(e => new { e.RegionId, e.Category, e.Year, e.Batch });
        builder.Property(e => e.HonourTaskId).HasMaxLength(OfficeHonour.MaxIdLength);
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.GrantedBy).HasMaxLength(256);
        builder.HasOne<Regions.Region>().WithMany().HasForeignKey(e => e.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
