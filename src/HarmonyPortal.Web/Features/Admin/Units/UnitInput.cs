using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Web.Features.Notifications.Email;
using HarmonyPortal.Web.Features.Shared;

namespace HarmonyPortal.Web.Features.Admin.Units;

/// <summary>
/// What an admin sets on a member unit: names, place in the list and the unit's contact for the office's business
/// (联系人, 联系电话, 电子邮箱; all three optional). Host and retirement have their own actions.
/// </summary>
public sealed class UnitInput
{
    public string? ShortName { get; set; }

    public string? Name { get; set; }

    /// <summary>Text, so that "abc" is named in the form rather than refused by model binding.</summary>
    public string? SortOrder { get; set; }

    public string? ContactName { get; set; }

    /// <summary>A mobile or a landline with its area code (0797-8996036), full-width digits accepted.</summary>
    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public const int MaxSortOrder = 9999;

    public const int ContactNameMaxLength = 50;

    public const int ContactEmailMaxLength = 256;

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

        CheckContact(result);
        return (result, order);
    }

    /// <summary>The contact as it is stored once <see cref="Check"/> passed: trimmed, the phone in its one form, empty as null.</summary>
    public (string? Name, string? Phone, string? Email) Contact()
    {
        var phone = CellText.Normalize(ContactPhone) is { } typed && PhoneNumber.TryParse(typed, out var normalized, out _) ? normalized : null;
        return (CellText.Normalize(ContactName), phone, CellText.Normalize(ContactEmail));
    }

    private void CheckContact(ServiceResult result)
    {
        if (CellText.Normalize(ContactName) is { Length: > ContactNameMaxLength })
        {
            result.Add(nameof(ContactName), $"联系人：不能超过 {ContactNameMaxLength} 个字符。");
        }

        if (CellText.Normalize(ContactPhone) is { } phone && !PhoneNumber.TryParse(phone, out _, out var error))
        {
            result.Add(nameof(ContactPhone), $"联系电话：{error}。");
        }

        var email = CellText.Normalize(ContactEmail);
        if (email is { Length: > ContactEmailMaxLength })
        {
            result.Add(nameof(ContactEmail), $"电子邮箱：不能超过 {ContactEmailMaxLength} 个字符。");
        }
        else if (email is not null && (!EmailAddress.IsValid(email) || email.Contains(' ', StringComparison.Ordinal)))
        {
            result.Add(nameof(ContactEmail), $"电子邮箱：“{email}”不是有效的邮箱地址（如 gzrsj8196036@163.com）。");
        }
    }
}
