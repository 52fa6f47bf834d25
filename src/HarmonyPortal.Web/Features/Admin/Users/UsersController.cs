using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Admin.Users;

[Authorize(Policy = SecuritySetup.AdminPolicy)]
[Route("admin/users")]
public sealed class UsersController(UserAdminService service) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] UserFilter filter, CancellationToken ct) =>
        View(await service.ListAsync(filter, ct));

    [HttpGet("create")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View(new UserFormViewModel<CreateUserInput>(new CreateUserInput(), await service.RegionOptionsAsync(ct)));

    [HttpPost("create")]
    public async Task<IActionResult> Create(CreateUserInput input, CancellationToken ct)
    {
        var result = await service.CreateAsync(input, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            input.Password = null;
            return View(new UserFormViewModel<CreateUserInput>(input, await service.RegionOptionsAsync(ct)));
        }

        TempData[Flash.Success] = $"已创建用户 {input.UserName}。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await service.FindAsync(id, ct);
        var input = new UserProfileInput { DisplayName = user.DisplayName, RegionId = user.RegionId, Party = user.Party, Role = user.Role, Email = user.Email };
        return View(new UserFormViewModel<UserProfileInput>(input, await service.RegionOptionsAsync(ct), user.Id, user.UserName));
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, UserProfileInput input, CancellationToken ct)
    {
        var result = await service.UpdateAsync(id, input, ct);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            var user = await service.FindAsync(id, ct);
            return View(new UserFormViewModel<UserProfileInput>(input, await service.RegionOptionsAsync(ct), user.Id, user.UserName));
        }

        TempData[Flash.Success] = "已保存。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id, CancellationToken ct) => SetDisabled(id, true, ct);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id, CancellationToken ct) => SetDisabled(id, false, ct);

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken ct)
    {
        var (result, password) = await service.ResetPasswordAsync(id, ct);
        TempData[result.Succeeded ? Flash.Success : Flash.Error] = result.Succeeded
            ? $"密码已重置，新密码：{password}（只显示这一次，请当面或通过安全渠道告知本人）。"
            : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SetDisabled(string id, bool disabled, CancellationToken ct)
    {
        var result = await service.SetDisabledAsync(id, disabled, ct);
        TempData[result.Succeeded ? Flash.Success : Flash.Error] = result.Succeeded
            ? (disabled ? "账号已停用。" : "账号已启用。")
            : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index));
    }
}
