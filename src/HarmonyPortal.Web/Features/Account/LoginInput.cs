using System.ComponentModel.DataAnnotations;

namespace HarmonyPortal.Web.Features.Account;

public sealed class LoginInput
{
    [Display(Name = "用户名")]
    public string? UserName { get; set; }

    [Display(Name = "密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
