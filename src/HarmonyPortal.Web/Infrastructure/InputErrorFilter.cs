using System.ComponentModel.DataAnnotations;
using System.Reflection;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Input;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Numbers, dates, ids and enumerations received must be what they claim: a value model binding could not read
/// ("abc" for a year, 99 for a category, 1e99 for an id) would otherwise reach the action as 0 or the first member,
/// silently. Such a request, and any <see cref="InvalidInputException"/> an action raises (a year or batch out of range),
/// is answered 400 with a Chinese sentence naming the field; nothing it began is saved.
/// </summary>
public sealed class InputErrorFilter : IAsyncActionFilter
{
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = "年度", ["batch"] = "批次", ["category"] = "类别", ["regionId"] = "地区", ["version"] = "版本",
        ["id"] = "编号", ["ledgerRowId"] = "台账记录", ["evidenceId"] = "附件", ["status"] = "状态", ["kind"] = "类别",
        ["afterId"] = "翻页位置", ["before"] = "翻页位置", ["newDate"] = "新的截止日期", ["approve"] = "审核结论",
        ["select"] = "入选结论", ["reveal"] = "显示完整号码", ["parentId"] = "上级地区",
    };

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (!context.Filters.OfType<BindingErrorsShownInFormAttribute>().Any() && BindingError(context) is { } message)
        {
            context.Result = Refusal(message);
            return;
        }

        var executed = await next();
        if (executed.Exception is InvalidInputException invalid && !executed.ExceptionHandled)
        {
            executed.HttpContext.RequestServices.GetRequiredService<HarmonyDbContext>().ChangeTracker.Clear();
            executed.Result = Refusal(invalid.Message);
            executed.ExceptionHandled = true;
        }
    }

    public static ViewResult Refusal(string message) => new()
    {
        ViewName = "/Features/Shared/Error.cshtml",
        StatusCode = StatusCodes.Status400BadRequest,
        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary())
        {
            Model = new ErrorViewModel(StatusCodes.Status400BadRequest, "请求无效", message),
        },
    };

    /// <summary>The first value of a number, date, id, flag or enumeration parameter (or such a property of an input model) that could not be read.</summary>
    private static string? BindingError(ActionExecutingContext context)
    {
        if (context.ModelState.IsValid)
        {
            return null;
        }

        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            var prefix = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
            if (IsScalar(parameter.ParameterType))
            {
                if (Failed(context.ModelState, prefix) is { } attempted)
                {
                    return Message(FieldNames.GetValueOrDefault(parameter.Name, parameter.Name), attempted);
                }

                continue;
            }

            if (parameter.ParameterType == typeof(string) || !parameter.ParameterType.IsClass)
            {
                continue;
            }

            foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && IsScalar(p.PropertyType)))
            {
                var attempted = Failed(context.ModelState, $"{prefix}.{property.Name}") ?? Failed(context.ModelState, property.Name);
                if (attempted is not null)
                {
                    var name = property.GetCustomAttribute<DisplayAttribute>()?.Name ?? FieldNames.GetValueOrDefault(property.Name, property.Name);
                    return Message(name, attempted);
                }
            }
        }

        return null;
    }

    private static string Message(string field, string attempted) =>
        $"{field}：“{(attempted.Length > 40 ? attempted[..40] + "…" : attempted)}”不是有效的取值";

    private static string? Failed(ModelStateDictionary state, string key) =>
        state.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase) && e.Value?.ValidationState == ModelValidationState.Invalid)
            .Select(e => e.Value?.AttemptedValue ?? "").FirstOrDefault();

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum || t.IsPrimitive || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(Guid) || t == typeof(TimeOnly);
    }
}

/// <summary>
/// Marks a controller whose forms check their own selects and show every unreadable value beside its field (as the admin
/// user forms do), so <see cref="InputErrorFilter"/> leaves its binding errors to it instead of answering 400.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class BindingErrorsShownInFormAttribute : Attribute, IFilterMetadata;
