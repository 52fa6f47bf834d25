using Microsoft.AspNetCore.Mvc;

namespace HarmonyPortal.Web.Features.Shared;

/// <summary>
/// The one place a controller turns a write's <see cref="ServiceResult"/> into its answer (ADR 0031): done → the
/// notice as a success flash and <paramref name="done"/> (a redirect); refused with a form to show again → the errors
/// into ModelState (under the form's prefix) and <c>form</c>, so what was typed stays; refused without one → the
/// reasons as an error flash and the same redirect. A page that shows a refusal itself answers with
/// <see cref="RefusalStatus"/> (409 for a conflict, 403 for a forbidden action, else 422).
/// </summary>
public static class WriteAnswers
{
    /// <param name="notice">What the page says when done, if the service says nothing itself (<see cref="ServiceResult.Notice"/>).</param>
    public static IActionResult Answer(this Controller controller, ServiceResult result, Func<IActionResult> done, Func<IActionResult>? form = null,
        string prefix = "Input", string? notice = null)
    {
        if (result.Succeeded)
        {
            if ((result.Notice ?? notice) is { Length: > 0 } said)
            {
                controller.TempData[Flash.Success] = said;
            }

            return done();
        }

        if (form is not null)
        {
            result.CopyTo(controller.ModelState, prefix);
            return form();
        }

        controller.TempData[Flash.Error] = result.Message;
        return done();
    }

    /// <summary>The status of a refusal shown on a page: 409 when someone saved first, 403 for an action the user may
    /// never take here, else 422.</summary>
    public static int RefusalStatus(ServiceResult result) => result.Kind switch
    {
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
