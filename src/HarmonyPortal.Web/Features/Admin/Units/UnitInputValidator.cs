using FluentValidation;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Web.Features.Notifications.Email;

namespace HarmonyPortal.Web.Features.Admin.Units;

/// <summary>
/// The shape of a member unit's form (ADR 0015): names required and within their columns, the sort order an integer
/// in range, the contact's phone and email well formed. A short name already used in the region is checked by
/// <see cref="UnitAdminService"/>.
/// </summary>
public sealed class UnitInputValidator : AbstractValidator<UnitInput>
{
    public UnitInputValidator()
    {
        RuleFor(x => x.ShortName).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("简称：必须填写。")
            .Must(v => v!.Trim().Length <= MemberUnit.ShortNameMaxLength).WithMessage($"简称：不能超过 {MemberUnit.ShortNameMaxLength} 个字符。");
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("全称：必须填写。")
            .Must(v => v!.Trim().Length <= MemberUnit.NameMaxLength).WithMessage($"全称：不能超过 {MemberUnit.NameMaxLength} 个字符。");
        RuleFor(x => x.SortOrder)
            .Must(v => string.IsNullOrWhiteSpace(v) || (int.TryParse(v.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var order)
                && order is >= 0 and <= UnitInput.MaxSortOrder))
            .WithMessage($"排序：须为 0 到 {UnitInput.MaxSortOrder} 之间的整数。");
        RuleFor(x => x.ContactName)
            .Must(v => CellText.Normalize(v) is not { Length: > UnitInput.ContactNameMaxLength })
            .WithMessage($"联系人：不能超过 {UnitInput.ContactNameMaxLength} 个字符。");
        RuleFor(x => x.ContactPhone).Custom((value, context) =>
        {
            if (CellText.Normalize(value) is { } phone && !PhoneNumber.TryParse(phone, out _, out var error))
            {
                context.AddFailure($"联系电话：{error}。");
            }
        });
        RuleFor(x => x.ContactEmail).Custom((value, context) =>
        {
            var email = CellText.Normalize(value);
            if (email is { Length: > UnitInput.ContactEmailMaxLength })
            {
                context.AddFailure($"电子邮箱：不能超过 {UnitInput.ContactEmailMaxLength} 个字符。");
            }
            else if (email is not null && (!EmailAddress.IsValid(email) || email.Contains(' ', StringComparison.Ordinal)))
            {
                context.AddFailure($"电子邮箱：“{email}”不是有效的邮箱地址（如 gzrsj8196036@163.com）。");
            }
        });
    }
}
