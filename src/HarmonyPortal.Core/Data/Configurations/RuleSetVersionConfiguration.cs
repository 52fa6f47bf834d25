using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.Comment).HasMaxLength(500);
        builder.HasIndex(v => new { v.RegionId, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.RegionId, v.FromYear, v.ToYear });
        builder.HasOne(v => v.Region).WithMany().HasForeignKey(v => v.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
