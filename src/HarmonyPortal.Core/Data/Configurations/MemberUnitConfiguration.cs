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
        builder.Property(p => p.ContactName).HasMaxLength(50);
        builder.Property(p => p.ContactPhone).HasMaxLength(30);
        builder.Property(p => p.ContactEmail).HasMaxLength(256);
        builder.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
