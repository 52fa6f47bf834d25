using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Scope;

namespace HarmonyPortal.Core.Users;

/// <summary>
/// Whose account an admin may manage. Inside its subtree an admin manages clerks and reviewers of every level and
/// admins of the levels below its own; an admin of its own level (a second city admin of the same city) only
/// the level above manages, so that one compromised admin cannot take over, lock out or silence its peers.
/// The same holds for the account an action would produce: no admin makes a peer admin (by creating, promoting
/// or moving a user). Province admins have no level above: their peers come from the bootstrap configuration.
/// </summary>
public static class AccountAuthority
{
    public static bool MayManage(UserScope actor, UserRole role, RegionLevel level) =>
        actor.Holds(AdminDuty.Security) && (!role.IsAdministrator() || level > actor.RegionLevel);

    public const string PeerAdminRefusal = "不能管理与自己同级或更高级别的管理员账号，请由上级管理员操作。";

    public const string MakePeerAdminRefusal = "角色：不能设置与自己同级或更高级别的管理员，请由上级管理员操作。";
}
