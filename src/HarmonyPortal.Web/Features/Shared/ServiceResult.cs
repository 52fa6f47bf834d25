using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HarmonyPortal.Web.Features.Shared;

/// <summary>Why a write was refused: what was typed or asked (422), a newer version saved first (409), or an
/// action the user may never take here, said with its reason (403).</summary>
public enum RefusalKind
{
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>
/// The outcome of a feature service's write, the one result type of every write (ADR 0031): done (with what the page
/// says, if anything), or refused with the field errors to show (in Chinese; field "" for the form as a whole) and
/// the kind of refusal. Controllers turn it into a redirect, the form again or a status in one place:
/// <see cref="WriteAnswers"/>.
/// </summary>
public class ServiceResult
{
    private readonly List<(string Field, string Message)> errors = [];

    public bool Succeeded => errors.Count == 0;

    /// <summary>The kind of refusal; <see cref="RefusalKind.Invalid"/> (and meaningless) when done.</summary>
    public RefusalKind Kind { get; init; }

    /// <summary>Refused because someone else saved first (a stale version): answered 409.</summary>
    public bool Conflict => !Succeeded && Kind == RefusalKind.Conflict;

    /// <summary>Refused as an action the user may never take here: answered 403, with the reason shown.</summary>
    public bool Forbidden => !Succeeded && Kind == RefusalKind.Forbidden;

    /// <summary>Every reason of a refusal, in order (the messages of <see cref="Errors"/>).</summary>
    public IReadOnlyList<string> Reasons => [.. errors.Select(e => e.Message)];

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

    /// <summary>Refused for the form as a whole with every one of <paramref name="reasons"/>.</summary>
    public static ServiceResult Refused(IEnumerable<string> reasons, RefusalKind kind = RefusalKind.Invalid)
    {
        var result = new ServiceResult { Kind = kind };
        foreach (var reason in reasons)
        {
            result.Add("", reason);
        }

        return result;
    }

    /// <summary>Refused for the form as a whole with <paramref name="reason"/>.</summary>
    public static ServiceResult Refused(string reason) => Fail("", reason);

    /// <summary>An action the user may never take here, with the reason in Chinese (answered 403 and shown).</summary>
    public static ServiceResult Forbid(string reason) => Refused([reason], RefusalKind.Forbidden);

    /// <summary>Lost to someone faster: a newer version was saved first (answered 409).</summary>
    public static ServiceResult Conflicted(string reason) => Refused([reason], RefusalKind.Conflict);

    /// <summary>Lost to someone faster, with what the controller shows of it (both versions of a row).</summary>
    public static ServiceResult<T> Conflicted<T>(string reason, T value)
    {
        var result = new ServiceResult<T> { Value = value, Kind = RefusalKind.Conflict };
        result.Add("", reason);
        return result;
    }

    /// <summary>This result as one carrying a <typeparamref name="T"/>: itself if it does, else a copy
    /// without one.</summary>
    public ServiceResult<T> As<T>() => this as ServiceResult<T> ?? With<T>(default);

    /// <summary>A copy of this result (notice, errors, kind) that carries <paramref name="value"/>.</summary>
    public ServiceResult<T> With<T>(T? value)
    {
        var copy = new ServiceResult<T> { Notice = Notice, Kind = Kind, Value = value };
        copy.errors.AddRange(errors);
        return copy;
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
