using HarmonyPortal.Core.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class MemberUnitConfiguration : IEntityTypeConfiguration<MemberUnit>
{
    public void Configure(EntityTypeBuilder<MemberUnit> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(MemberUnit.NameMaxLength);
        builder.Property(p => p.ShortName).HasMaxLength(MemberUnit.ShortNameMaxLength);
        builder.HasIndex(p => new { p.RegionId, p.ShortName }).IsUnique();
        builder.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
