using HarmonyPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class EmailOutboxConfiguration : IEntityTypeConfiguration<EmailOutbox>
{
    public void Configure(EntityTypeBuilder<EmailOutbox> builder)
    {
        builder.ToTable("EmailOutbox");
        builder.Property(e => e.To).HasMaxLength(EmailOutbox.ToMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(EmailOutbox.SubjectMaxLength);
        builder.Property(e => e.ClaimedBy).HasMaxLength(EmailOutbox.ClaimedByMaxLength);
        builder.Property(e => e.LastError).HasMaxLength(EmailOutbox.LastErrorMaxLength);
        builder.HasOne(e => e.Region).WithMany().HasForeignKey(e => e.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Notification).WithMany().HasForeignKey(e => e.NotificationId).OnDelete(DeleteBehavior.SetNull);

        // The sender looks for unsent, unfailed rows that are due; the admin page lists the unsent ones.
        builder.HasIndex(e => new { e.SentAtUtc, e.FailedAtUtc, e.NextAttemptAtUtc });
    }
}
