using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HarmonyPortal.Web.Features.Shared;

/// <summary>The outcome of a feature service's write: nothing, or the field errors to show (in Chinese).</summary>
public sealed class ServiceResult
{
    private readonly List<(string Field, string Message)> errors = [];

    public bool Succeeded => errors.Count == 0;

    public IReadOnlyList<(string Field, string Message)> Errors => errors;

    public static ServiceResult Ok { get; } = new();

    public static ServiceResult Fail(string field, string message) => new ServiceResult().Add(field, message);

    public ServiceResult Add(string field, string message)
    {
        errors.Add((field, message));
        return this;
    }

    /// <summary>The errors <see cref="Infrastructure.ValidationFilter"/> put into ModelState, for actions that answer with a page of their own.</summary>
    public static ServiceResult From(ModelStateDictionary modelState)
    {
        var result = new ServiceResult();
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                result.Add(key, error.ErrorMessage);
            }
        }

        return result;
    }

    /// <summary>Copies the errors into ModelState; <paramref name="prefix"/> matches the form's field names.</summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(field.Length == 0 ? "" : prefix + "." + field, message);
        }
    }
}
