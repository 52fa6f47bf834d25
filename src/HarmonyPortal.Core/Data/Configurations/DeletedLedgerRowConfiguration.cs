using HarmonyPortal.Core.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class DeletedLedgerRowConfiguration : IEntityTypeConfiguration<DeletedLedgerRow>
{
    public void Configure(EntityTypeBuilder<DeletedLedgerRow> builder)
    {
        builder.Property(r => r.Ledger).HasMaxLength(64);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.DeletedByUserId).HasMaxLength(450);
        builder.Property(r => r.DeletedBy).HasMaxLength(256);
        builder.Property(r => r.Reason).HasMaxLength(DeletedLedgerRow.ReasonMaxLength);
        builder.HasIndex(r => new { r.Ledger, r.RowId }).IsUnique();
        builder.HasIndex(r => new { r.Ledger, r.RegionId, r.Year });
        builder.HasIndex(r => r.DeletedAtUtc);
        builder.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
