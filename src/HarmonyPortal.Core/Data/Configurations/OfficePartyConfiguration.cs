using HarmonyPortal.Core.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class OfficePartyConfiguration : IEntityTypeConfiguration<OfficeParty>
{
    public void Configure(EntityTypeBuilder<OfficeParty> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.ShortName).HasMaxLength(30);
        builder.HasIndex(p => new { p.RegionId, p.Party }).IsUnique();
        builder.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
