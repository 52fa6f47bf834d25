using FluentValidation;

namespace HarmonyPortal.Web.Features.Account;

public sealed class ChangePasswordInput
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    /// <summary>Longer input is refused before it reaches the password hash.</summary>
    public const int MaxPasswordLength = 128;

    public ChangePasswordInputValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("当前密码：必须填写。")
            .MaximumLength(MaxPasswordLength).WithMessage($"当前密码：不能超过 {MaxPasswordLength} 个字符。");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("新密码：必须填写。")
            .MaximumLength(MaxPasswordLength).WithMessage($"新密码：不能超过 {MaxPasswordLength} 个字符。");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("确认新密码：与新密码不一致。")
            .When(x => !string.IsNullOrEmpty(x.NewPassword));
    }
}
