using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Shared;

/// <summary>Chinese error pages for status codes; never shows a stack trace outside Development.</summary>
[AllowAnonymous]
[Route("error")]
public sealed class ErrorController : Controller
{
    [Route("{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Show(int code)
    {
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code;
        }

        var (title, text) = code switch
        {
            403 => ("无权访问", "您的角色或所属地区无权执行此操作。"),
            404 => ("未找到", "您要访问的页面或记录不存在，或不在您所属地区的范围内。"),
            400 => ("请求无效", "请求无法处理，请返回上一页重试。"),
            413 => ("文件过大", "上传的文件超过了大小限制。"),
            _ when code >= 500 => ("系统错误", "服务器处理请求时出错，请稍后再试；如果问题持续，请联系管理员。"),
            _ => ("出错了", "请求未能完成。"),
        };
        return View("Error", new ErrorViewModel(code, title, text));
    }
}

public sealed record ErrorViewModel(int StatusCode, string Title, string Text);
