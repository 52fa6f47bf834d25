using HarmonyPortal.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Name).HasMaxLength(BackgroundJob.NameMaxLength);
        builder.Property(j => j.Kind).HasMaxLength(BackgroundJob.KindMaxLength);
        builder.Property(j => j.Argument).HasMaxLength(BackgroundJob.NameMaxLength);
        builder.Property(j => j.LeaseOwner).HasMaxLength(BackgroundJob.OwnerMaxLength);
        builder.Property(j => j.LastError).HasMaxLength(BackgroundJob.ErrorMaxLength);

        // A job is queued once (a second instance adding the same recurring job loses on this index).
        builder.HasIndex(j => j.Name).IsUnique();

        // Instances look for due work: waiting jobs by their time, running ones by their lease.
        builder.HasIndex(j => new { j.Status, j.NextRunAtUtc });
    }
}
