using HarmonyPortal.Core.Notifications;
using HarmonyPortal.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.DedupKey).HasMaxLength(Notification.DedupKeyMaxLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);

        // The badge counts unread rows per user; the list pages a user's rows.
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });

        // NULL keys are distinct on SQLite and PostgreSQL, so only keyed notifications are unique per user.
        builder.HasIndex(n => new { n.UserId, n.DedupKey }).IsUnique();
    }
}
