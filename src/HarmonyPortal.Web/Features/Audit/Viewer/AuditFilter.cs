using System.Globalization;
using HarmonyPortal.Core.Audit;

namespace HarmonyPortal.Web.Features.Audit.Viewer;

/// <summary>The viewer's filter, from the query string: dates are local (the portal's time zone), both ends included.</summary>
public sealed record AuditFilter
{
    public const int MaxTextLength = 64;

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Part of a user name.</summary>
    public string? User { get; init; }

    /// <summary>A region of the reader's subtree: entries of that region and the regions below it.</summary>
    public int? RegionId { get; init; }

    /// <summary>An action's name or its beginning, e.g. <c>login.</c> for every sign-in event.</summary>
    public string? Action { get; init; }

    public AuditOutcome? Outcome { get; init; }

    /// <summary>An object's id, its type, or both as <c>type:id</c>.</summary>
    public string? Target { get; init; }

    public int Page { get; init; } = 1;

    /// <summary>The filter in words, for the reader's own audit entry.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Add($"{name}={text}");
            }
        }

        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("user", User);
        Add("region", RegionId);
        Add("action", Action);
        Add("outcome", Outcome);
        Add("object", Target);
        return parts.Count == 0 ? "全部" : string.Join(" ", parts);
    }

    /// <summary>The query string of this filter (without the page), for the pager and the export link.</summary>
    public string Query() => string.Join("&", new (string, string?)[]
    {
        ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("user", User), ("regionId", RegionId?.ToString(CultureInfo.InvariantCulture)), ("action", Action), ("outcome", Outcome?.ToString()), ("target", Target),
    }.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    /// <summary>Errors in Chinese, naming the field.</summary>
    public IReadOnlyList<(string Field, string Message)> Check()
    {
        var errors = new List<(string, string)>();
        if (From is { } from && To is { } to && to < from)
        {
            errors.Add((nameof(To), "结束日期：不能早于开始日期。"));
        }

        foreach (var (field, label, value) in new[] { (nameof(User), "用户", User), (nameof(Action), "操作", Action), (nameof(Target), "对象", Target) })
        {
            if (value is { Length: > MaxTextLength })
            {
                errors.Add((field, $"{label}：不能超过 {MaxTextLength} 个字符。"));
            }
        }

        return errors;
    }

    public static string OutcomeText(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "成功",
        AuditOutcome.Failure => "失败",
        AuditOutcome.Denied => "拒绝",
        _ => outcome.ToString(),
    };
}
