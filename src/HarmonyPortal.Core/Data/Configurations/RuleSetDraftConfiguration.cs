using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class RuleSetDraftConfiguration : IEntityTypeConfiguration<RuleSetDraft>
{
    public void Configure(EntityTypeBuilder<RuleSetDraft> builder)
    {
        builder.Property(d => d.Origin).HasMaxLength(200);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(d => new { d.RegionId, d.FromYear }).IsUnique();
        builder.HasOne(d => d.Region).WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
