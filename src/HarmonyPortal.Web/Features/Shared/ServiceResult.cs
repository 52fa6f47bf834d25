using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HarmonyPortal.Web.Features.Shared;

/// <summary>
/// The outcome of a feature service's write, the one result type of every write (ADR 0031): done (with what the page
/// says, if anything), or refused with the field errors to show (in Chinese; field "" for the form as a whole).
/// Controllers turn it into a redirect or the form again in one place: <see cref="WriteAnswers"/>.
/// </summary>
public class ServiceResult
{
    private readonly List<(string Field, string Message)> errors = [];

    public bool Succeeded => errors.Count == 0;

    /// <summary>What the page says after a write that succeeded (a flash), or null when it says nothing.</summary>
    public string? Notice { get; init; }

    /// <summary>The one line the page shows: the notice when done, else the refusals joined.</summary>
    public string Message => Succeeded ? Notice ?? "" : string.Join("；", errors.Select(e => e.Message));

    /// <summary>Done, and the page says <paramref name="notice"/>.</summary>
    public static ServiceResult Done(string notice) => new() { Notice = notice };

    /// <summary>Done, the page says <paramref name="notice"/>, and the controller goes on with <paramref name="value"/>.</summary>
    public static ServiceResult<T> Done<T>(string notice, T value) => new() { Notice = notice, Value = value };

    /// <summary>Refused for the form as a whole with <paramref name="message"/>; the controller goes on with <paramref name="value"/>.</summary>
    public static ServiceResult<T> Refused<T>(string message, T value)
    {
        var result = new ServiceResult<T> { Value = value };
        result.Add("", message);
        return result;
    }

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

/// <summary>A <see cref="ServiceResult"/> that also tells the controller where to go next (a region, an id).</summary>
public sealed class ServiceResult<T> : ServiceResult
{
    public T? Value { get; init; }
}
