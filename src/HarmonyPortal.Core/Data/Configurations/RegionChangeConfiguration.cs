using HarmonyPortal.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class RegionChangeConfiguration : IEntityTypeConfiguration<RegionChange>
{
    public void Configure(EntityTypeBuilder<RegionChange> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(RegionChange.ReasonMaxLength);
        builder.Property(c => c.Details).HasMaxLength(2000);
        builder.HasIndex(c => new { c.RegionId, c.Id });
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegionNameConfiguration : IEntityTypeConfiguration<RegionName>
{
    public void Configure(EntityTypeBuilder<RegionName> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(50);
        builder.HasIndex(n => new { n.RegionId, n.ToYear }).IsUnique();
        builder.HasOne<Region>().WithMany().HasForeignKey(n => n.RegionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegionMergeItemConfiguration : IEntityTypeConfiguration<RegionMergeItem>
{
    public void Configure(EntityTypeBuilder<RegionMergeItem> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Ledger).HasMaxLength(50);
        builder.Property(i => i.ItemId).HasMaxLength(450);
        builder.HasIndex(i => new { i.ChangeId, i.Kind });
        builder.HasOne<RegionChange>().WithMany().HasForeignKey(i => i.ChangeId).OnDelete(DeleteBehavior.Cascade);
    }
}
