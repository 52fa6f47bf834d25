using HarmonyPortal.Core.Offices;
using HarmonyPortal.Web.Features.Shared;

namespace HarmonyPortal.Web.Features.Admin.Units;

/// <summary>What an admin sets on a member unit: names and place in the list. Host and retirement have their own actions.</summary>
public sealed class UnitInput
{
    public string? ShortName { get; set; }

    public string? Name { get; set; }

    /// <summary>Text, so that "abc" is named in the form rather than refused by model binding.</summary>
    public string? SortOrder { get; set; }

    public const int MaxSortOrder = 9999;

    /// <summary>Every problem of the input, each naming its field in Chinese; the parsed sort order when there is none.</summary>
    public (ServiceResult Result, int SortOrder) Check()
    {
        var result = new ServiceResult();
        var shortName = ShortName?.Trim() ?? "";
        var name = Name?.Trim() ?? "";
        if (shortName.Length == 0)
        {
            result.Add(nameof(ShortName), "简称：必须填写。");
        }
        else if (shortName.Length > MemberUnit.ShortNameMaxLength)
        {
            result.Add(nameof(ShortName), $"简称：不能超过 {MemberUnit.ShortNameMaxLength} 个字符。");
        }

        if (name.Length == 0)
        {
            result.Add(nameof(Name), "全称：必须填写。");
        }
        else if (name.Length > MemberUnit.NameMaxLength)
        {
            result.Add(nameof(Name), $"全称：不能超过 {MemberUnit.NameMaxLength} 个字符。");
        }

        var order = 0;
        if (!string.IsNullOrWhiteSpace(SortOrder) && (!int.TryParse(SortOrder.Trim(), out order) || order < 0 || order > MaxSortOrder))
        {
            result.Add(nameof(SortOrder), $"排序：须为 0 到 {MaxSortOrder} 之间的整数。");
        }

        return (result, order);
    }
}
