namespace HarmonyPortal.Web.Features.Shared;

/// <summary>TempData keys for the one-line message shown after a redirect.</summary>
public static class Flash
{
    public const string Success = "flash.success";
    public const string Error = "flash.error";
}
