using HarmonyPortal.Core.Exports;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.UserId).HasMaxLength(450);
        builder.Property(j => j.FileName).HasMaxLength(ExportJob.FileNameMaxLength);
        builder.Property(j => j.Error).HasMaxLength(ExportJob.ErrorMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Region>().WithMany().HasForeignKey(j => j.RegionId).OnDelete(DeleteBehavior.Restrict);

        // The page lists a user's jobs, newest first; the runner looks for queued jobs.
        builder.HasIndex(j => new { j.UserId, j.CreatedAtUtc });
        builder.HasIndex(j => j.Status);
    }
}
