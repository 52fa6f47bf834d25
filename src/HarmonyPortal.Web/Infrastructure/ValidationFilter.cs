using FluentValidation;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Registers every FluentValidation validator of the portal once (ADR 0015): the web assembly's input validators
/// and any the core assembly declares, resolved by <see cref="ValidationFilter"/> for each bound action argument.
/// </summary>
public static class ValidationSetup
{
    public static IServiceCollection AddPortalValidation(this IServiceCollection services)
    {
        return services.AddValidatorsFromAssemblies([typeof(ValidationSetup).Assembly, typeof(Core.Input.PortalYears).Assembly], includeInternalTypes: true);
    }
}

/// <summary>
/// Runs the registered <see cref="IValidator{T}"/> of every bound action argument, asynchronously, before the action:
/// its failures go into ModelState under the field's form name, so a form shows them in its error summary and the
/// action only asks <c>ModelState.IsValid</c>. An argument whose type is <see cref="RefusedWhenInvalidAttribute"/>
/// (values a page carries, not typed by the user) is answered 400 in Chinese, like an unreadable value.
/// </summary>
public sealed class ValidationFilter : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var refusals = new List<string>();
        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            if (!context.ActionArguments.TryGetValue(parameter.Name, out var argument) || argument is null
                || context.HttpContext.RequestServices.GetService(typeof(IValidator<>).MakeGenericType(argument.GetType())) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            if (result.IsValid)
            {
                continue;
            }

            if (argument.GetType().IsDefined(typeof(RefusedWhenInvalidAttribute), inherit: false))
            {
                refusals.AddRange(result.Errors.Select(e => e.ErrorMessage));
                continue;
            }

            var prefix = Prefix(context.ModelState, parameter);
            foreach (var failure in result.Errors)
            {
                var key = ModelNames.CreatePropertyModelName(prefix, failure.PropertyName);
                context.ModelState.AddModelError(key, failure.ErrorMessage);
                Failures(context.HttpContext).Add((key, failure.ErrorMessage));
            }
        }

        if (refusals.Count > 0)
        {
            context.Result = InputErrorFilter.Refusal(string.Join("；", refusals));
            return;
        }

        await next();
    }

    /// <summary>
    /// The validators' failures of this request (form name, message), also in ModelState: a form that replaces MVC's own
    /// binding errors with its own (<see cref="BindingErrorsShownInFormAttribute"/>) keeps these.
    /// </summary>
    public static List<(string Key, string Message)> Failures(HttpContext http)
    {
        if (http.Items[typeof(ValidationFilter)] is not List<(string, string)> failures)
        {
            http.Items[typeof(ValidationFilter)] = failures = [];
        }

        return failures;
    }

    /// <summary>The prefix the form's fields carry ("Input" for <c>Input.Name</c>), or none when the model was bound from bare names.</summary>
    private static string Prefix(ModelStateDictionary state, ParameterDescriptor parameter)
    {
        var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
        var bound = state.Keys.FirstOrDefault(k => k.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase));
        return bound is null ? (parameter.BindingInfo?.BinderModelName ?? "") : bound[..name.Length];
    }
}

/// <summary>
/// Marks an input model of values the page itself carries (a query string, hidden fields: year, batch, category):
/// when its validator refuses them, <see cref="ValidationFilter"/> answers 400 with the Chinese reasons and the action never runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RefusedWhenInvalidAttribute : Attribute;
