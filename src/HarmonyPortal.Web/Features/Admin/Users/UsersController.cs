using HarmonyPortal.Web.Features.Shared;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Admin.Users;

[Authorize(Policy = AccessPolicies.SecurityDuty)]
[Route("admin/users")]
[BindingErrorsShownInForm]
public sealed class UsersController(UserAdminService service) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] UserFilter filter, CancellationToken ct)
    {
        var refused = UserFormValues.CheckFilter(ModelState);
        ModelState.Clear();
        if (!refused.Succeeded)
        {
            // An unknown role or an overlong query is named, never widened to "all users".
            refused.CopyTo(ModelState, prefix: "Filter");
            filter.Q = null;
            return View(await service.EmptyListAsync(filter, ct));
        }

        return View(await service.ListAsync(filter, ct));
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View(await service.FormAsync(new CreateUserInput(), null, ct));

    [HttpPost("create")]
    public async Task<IActionResult> Create(CreateUserInput input, CancellationToken ct)
    {
        var result = FormValues();
        if (result.Succeeded)
        {
            result = await service.CreateAsync(input, ct);
        }

        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            input.Password = null;
            return View(await service.FormAsync(input, null, ct));
        }

        TempData[Flash.Success] = $"已创建用户 {input.UserName}。初始密码仅用于首次登录，本人登录后须立即修改。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await service.FindAsync(id, ct);
        if (await service.RefuseViewAsync(user, ct) is { } refused)
        {
            return Refused(refused);
        }

        var input = new UserProfileInput { DisplayName = user.DisplayName, RegionId = user.RegionId, UnitId = user.UnitId, Role = user.Role, Email = user.Email };
        return View(await service.FormAsync(input, user, ct));
    }

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> Edit(string id, UserProfileInput input, CancellationToken ct)
    {
        var result = FormValues();
        var checkedByService = result.Succeeded;
        if (result.Succeeded)
        {
            result = await service.UpdateAsync(id, input, ct);
        }

        if (!result.Succeeded)
        {
            var user = await service.FindAsync(id, ct);
            var refused = checkedByService ? await service.RefuseViewAsync(user, ct, record: false) : await service.RefuseEditAsync(user, ct);
            if (refused is not null)
            {
                return Refused(checkedByService ? result : refused);
            }

            result.CopyTo(ModelState);
            return View(await service.FormAsync(input, user, ct));
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
            ? $"密码已重置，临时密码：{password}（只显示这一次，请当面或通过安全渠道告知本人；本人登录后须立即修改，临时密码随即失效）。"
            : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SetDisabled(string id, bool disabled, CancellationToken ct)
    {
        var result = await service.SetDisabledAsync(id, disabled, ct);
        return this.Answer(result, () => RedirectToAction(nameof(Index)), notice: disabled ? "账号已停用。" : "账号已启用。");
    }

    /// <summary>
    /// The selects' raw values, checked before MVC's defaults could stand in for them, with the validators' errors on the
    /// other fields (<see cref="ValidationFilter"/>); binding's own (English) errors are dropped.
    /// </summary>
    private ServiceResult FormValues()
    {
        var result = UserFormValues.Check(ModelState);
        ModelState.Clear();
        var named = result.Errors.Select(e => "Input." + e.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, message) in ValidationFilter.Failures(HttpContext).Where(f => !named.Contains(f.Key)))
        {
            result.Add(key.StartsWith("Input.", StringComparison.OrdinalIgnoreCase) ? key["Input.".Length..] : key, message);
        }

        return result;
    }

    private RedirectToActionResult Refused(ServiceResult refusal)
    {
        TempData[Flash.Error] = string.Join(" ", refusal.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index));
    }
}
