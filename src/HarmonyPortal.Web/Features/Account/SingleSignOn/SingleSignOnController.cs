using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Account.SingleSignOn;

/// <summary>
/// Sign-in through the province's identity platform: <c>GET /account/sso</c> sends the browser to the provider, the
/// handler takes its answer at <see cref="SsoOptions.CallbackPath"/>, and <c>GET /account/sso/complete</c> signs the
/// mapped portal user in. With <c>Sso:Enabled</c> off every route here answers 404.
/// </summary>
[Route("account/sso")]
public sealed class SingleSignOnController(SsoOptions options) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public IActionResult Start(string? returnUrl)
    {
        if (!options.Enabled)
        {
            return NotFound();
        }

        var complete = SsoSignIn.CompletePath + (Url.IsLocalUrl(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : "");
        return Challenge(new AuthenticationProperties { RedirectUri = complete }, SsoOptions.Scheme);
    }

    [AllowAnonymous]
    [HttpGet("complete")]
    public async Task<IActionResult> Complete(string? returnUrl, [FromServices] SsoSignIn signIn)
    {
        if (!options.Enabled)
        {
            return NotFound();
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var outcome = await signIn.SignInAsync(external);
        if (outcome.Refusal is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return View("/Features/Account/Login.cshtml", new LoginInput { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        }

        // This request is still part of the redirect chain the provider started, so a browser withholds the SameSite=Strict
        // session cookie from a redirect now; the page's own navigation onward is same-site and carries it.
        return View("Continue", new SsoContinue(Url.IsLocalUrl(returnUrl) ? returnUrl : "/", "登录成功，正在进入平台…", "进入平台"));
    }
}

/// <summary>A page that sends the browser on to <paramref name="Url"/> by itself (meta refresh, no script) or by its link.</summary>
public sealed record SsoContinue(string Url, string Message, string LinkText);
