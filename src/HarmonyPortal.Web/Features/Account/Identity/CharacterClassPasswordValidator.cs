using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace HarmonyPortal.Web.Features.Account.Identity;

/// <summary>At least 8 characters drawn from at least three of: lower case, upper case, digits, symbols.</summary>
public sealed class CharacterClassPasswordValidator : IPasswordValidator<AppUser>
{
    public const int RequiredClasses = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var classes = new[]
        {
            password.Any(char.IsAsciiLetterLower),
            password.Any(char.IsAsciiLetterUpper),
            password.Any(char.IsAsciiDigit),
            password.Any(c => !char.IsAsciiLetterOrDigit(c)),
        }.Count(present => present);

        return Task.FromResult(classes >= RequiredClasses
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordCharacterClasses",
                Description = "密码须包含小写字母、大写字母、数字、符号中的至少三类。",
            }));
    }
}
