using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HarmonyPortal.Web.Features.Admin.Users;

/// <summary>
/// The selects of the user forms take only the names they offer. MVC would turn a missing or unparsable value into
/// the enum's default, and "Clerk,Reviewer" or "3" into Admin; those are refused here instead.
/// </summary>
public static class UserFormValues
{
    private static readonly HashSet<string> Roles = UserRoleNames.All.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);

    public static ServiceResult Check(ModelStateDictionary form, string prefix = "Input")
    {
        var result = new ServiceResult();
        Select(form, prefix, nameof(UserProfileInput.Role), "角色", Roles, required: true, result);
        if (form.TryGetValue(prefix + "." + nameof(UserProfileInput.UnitId), out var unit)
            && !string.IsNullOrEmpty(unit.AttemptedValue) && !int.TryParse(unit.AttemptedValue, out _))
        {
            result.Add(nameof(UserProfileInput.UnitId), "所属单位：取值无效。");
        }

        if (form.TryGetValue(prefix + "." + nameof(UserProfileInput.RegionId), out var region)
            && !string.IsNullOrEmpty(region.AttemptedValue) && !int.TryParse(region.AttemptedValue, out _))
        {
            result.Add(nameof(UserProfileInput.RegionId), "所属地区：取值无效。");
        }

        return result;
    }

    /// <summary>The list's role filter: empty means all roles, anything else must be a role's name.</summary>
    public static ServiceResult CheckFilter(ModelStateDictionary query)
    {
        var result = new ServiceResult();
        Select(query, "", nameof(UserFilter.Role), "角色", Roles, required: false, result);
        if (query.TryGetValue(nameof(UserFilter.Q), out var q) && q.AttemptedValue is { Length: > UserFilter.MaxQueryLength })
        {
            result.Add(nameof(UserFilter.Q), $"用户名或姓名：不能超过 {UserFilter.MaxQueryLength} 个字符。");
        }

        return result;
    }

    private static void Select(ModelStateDictionary form, string prefix, string field, string label, HashSet<string> names, bool required, ServiceResult result)
    {
        var key = prefix.Length == 0 ? field : prefix + "." + field;
        var value = form.TryGetValue(key, out var entry) ? entry.AttemptedValue : null;
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                result.Add(field, $"{label}：必须选择。");
            }
        }
        else if (!names.Contains(value))
        {
            result.Add(field, $"{label}：取值无效。");
        }
    }
}
