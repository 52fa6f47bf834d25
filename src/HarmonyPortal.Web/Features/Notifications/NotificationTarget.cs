using HarmonyPortal.Core.Users;

namespace HarmonyPortal.Web.Features.Notifications;

/// <summary>
/// Who a notification is for: the users of one region (that region only, not its subtree) who hold
/// one of the given roles, or users named by id. Disabled users are never reached.
/// </summary>
public sealed class NotificationTarget
{
    private NotificationTarget(int? regionId, IReadOnlyList<UserRole> roles, IReadOnlyList<string> userIds)
    {
        RegionId = regionId;
        Roles = roles;
        UserIds = userIds;
    }

    public int? RegionId { get; }

    public IReadOnlyList<UserRole> Roles { get; }

    public IReadOnlyList<string> UserIds { get; }

    /// <summary>The users of <paramref name="regionId"/> holding any of <paramref name="roles"/>.</summary>
    public static NotificationTarget Region(int regionId, params UserRole[] roles)
    {
        if (roles.Length == 0)
        {
            throw new ArgumentException("Name at least one role to reach in the region.", nameof(roles));
        }

        return new NotificationTarget(regionId, roles.Distinct().ToArray(), []);
    }

    /// <summary>The clerks (填报员) of a region, e.g. a county that has not submitted.</summary>
    public static NotificationTarget ClerksOf(int regionId) => Region(regionId, UserRole.Clerk);

    /// <summary>The reviewers (审核员) of a region, e.g. the city a county's sheet was forwarded to.</summary>
    public static NotificationTarget ReviewersOf(int regionId) => Region(regionId, UserRole.Reviewer);

    public static NotificationTarget Users(params string[] userIds) =>
        new(null, [], userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToArray());

    public override string ToString() =>
        RegionId is { } id ? $"region {id} ({string.Join(", ", Roles)})" : $"{UserIds.Count} user(s)";
}
