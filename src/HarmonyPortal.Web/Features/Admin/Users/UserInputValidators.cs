using FluentValidation;

namespace HarmonyPortal.Web.Features.Admin.Users;

public sealed class UserProfileInputValidator : AbstractValidator<UserProfileInput>
{
    public UserProfileInputValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("姓名：必须填写。")
            .MaximumLength(50).WithMessage("姓名：不能超过 50 个字符。");
        RuleFor(x => x.RegionId).GreaterThan(0).WithMessage("所属地区：必须选择。");
        RuleFor(x => x.Role).IsInEnum().WithMessage("角色：取值无效。");
        RuleFor(x => x.Email).MaximumLength(100).WithMessage("电子邮箱：不能超过 100 个字符。")
            .Must(e => Notifications.Email.EmailAddress.IsValid(e!.Trim())).WithMessage("电子邮箱：格式不正确，例如 zhang@example.cn。")
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
    }
}

public sealed class CreateUserInputValidator : AbstractValidator<CreateUserInput>
{
    public CreateUserInputValidator()
    {
        Include(new UserProfileInputValidator());
        RuleFor(x => x.UserName).NotEmpty().WithMessage("用户名：必须填写。")
            .Length(3, 32).WithMessage("用户名：长度须为 3 到 32 个字符。")
            .Matches("^[A-Za-z0-9._-]+$").WithMessage("用户名：只能包含英文字母、数字和 . _ -。");
        RuleFor(x => x.Password).NotEmpty().WithMessage("初始密码：必须填写。")
            .MaximumLength(Account.ChangePasswordInputValidator.MaxPasswordLength)
            .WithMessage($"初始密码：不能超过 {Account.ChangePasswordInputValidator.MaxPasswordLength} 个字符。");
    }
}
