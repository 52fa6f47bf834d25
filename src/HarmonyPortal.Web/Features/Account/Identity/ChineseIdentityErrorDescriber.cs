using Microsoft.AspNetCore.Identity;

namespace HarmonyPortal.Web.Features.Account.Identity;

/// <summary>Identity's messages in Simplified Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败，请稍后重试。");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "该用户已被他人修改，请刷新后重试。");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "密码不正确。");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"用户名“{userName}”无效：只能包含字母、数字和 . _ -。");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。");

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), $"密码长度不能少于 {length} 位。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"密码至少须包含 {uniqueChars} 个不同字符。");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该用户未启用锁定。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
