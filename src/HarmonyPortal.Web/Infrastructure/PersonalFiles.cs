using HarmonyPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Files that hold personal data in clear (year-end workbooks, annotated import-error workbooks) live for
/// <c>Harmony:PersonalFileRetentionHours</c> (24 by default) after they were made, then <see cref="PersonalFileSweeper"/>
/// deletes them; a download after that answers 410 with the reason in Chinese. Each such file is named after a
/// version-7 GUID taken from the portal's clock, so its age is read from its name, not from the file system.
/// </summary>
public sealed class PersonalFileRetention(TimeSpan lifetime, TimeSpan sweepInterval)
{
    public const string HoursSetting = "Harmony:PersonalFileRetentionHours";
    public const string SweepMinutesSetting = "Harmony:PersonalFileSweepMinutes";

    public TimeSpan Lifetime { get; } = lifetime;

    public TimeSpan SweepInterval { get; } = sweepInterval;

    public int Hours => (int)Math.Ceiling(Lifetime.TotalHours);

    public static PersonalFileRetention Read(IConfiguration config)
    {
        var hours = config.GetValue(HoursSetting, 24.0);
        var minutes = config.GetValue(SweepMinutesSetting, 10.0);
        if (hours is <= 0 or > 24 * 366 || double.IsNaN(hours))
        {
            throw new InvalidOperationException($"{HoursSetting} must be more than 0 and at most 8784 (a year).");
        }

        if (minutes is < 1 or > 24 * 60 || double.IsNaN(minutes))
        {
            throw new InvalidOperationException($"{SweepMinutesSetting} must be between 1 and 1440.");
        }

        return new PersonalFileRetention(TimeSpan.FromHours(hours), TimeSpan.FromMinutes(minutes));
    }

    /// <summary>A new file id that carries its creation time (a version-7 GUID on the portal's clock).</summary>
    public static Guid NewId(TimeProvider clock) => Guid.CreateVersion7(clock.GetUtcNow());

    /// <summary>The creation time a version-7 id carries; null for any other id (older files, forged tokens).</summary>
    public static DateTimeOffset? CreatedAt(Guid id)
    {
        if (id.Version != 7)
        {
            return null;
        }

        var milliseconds = long.Parse(id.ToString("N")[..12], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    /// <summary>True when a file made at <paramref name="createdAt"/> has outlived the retention.</summary>
    public bool HasExpired(DateTimeOffset createdAt, TimeProvider clock) => clock.GetUtcNow() - createdAt >= Lifetime;

    /// <summary>True when the id carries a creation time and that time is past the retention.</summary>
    public bool HasExpired(Guid id, TimeProvider clock) => CreatedAt(id) is { } created && HasExpired(created, clock);

    public string ExpiredMessage(string what, string again) =>
        $"{what}含有个人信息，只保留 {Hours} 小时；该文件已过期并已删除，请{again}。";
}

/// <summary>A personal-data file asked for after its retention: answered 410 with the message.</summary>
public sealed class PersonalFileExpiredException(string message) : Exception(message);

/// <summary>Turns <see cref="PersonalFileExpiredException"/> into the Chinese error page with status 410.</summary>
public sealed class PersonalFileExpiredFilter(IModelMetadataProvider metadata) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not PersonalFileExpiredException expired)
        {
            return;
        }

        context.Result = new ViewResult
        {
            ViewName = "/Features/Shared/Error.cshtml",
            StatusCode = StatusCodes.Status410Gone,
            ViewData = new ViewDataDictionary<ErrorViewModel>(metadata, context.ModelState)
            {
                Model = new ErrorViewModel(StatusCodes.Status410Gone, "文件已过期", expired.Message),
            },
        };
        context.ExceptionHandled = true;
    }
}

public static class PersonalFilesSetup
{
    /// <summary>Retention, the sweep job and the 410 page for expired files.</summary>
    public static WebApplicationBuilder AddPersonalFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(PersonalFileRetention.Read(builder.Configuration));
        builder.Services.AddSingleton<PersonalFileSweeper>();
        builder.Services.AddScoped<Features.Ledgers.ImportErrorFiles>();
        Jobs.JobSetup.AddPortalJob<PersonalFileSweepJob>(builder.Services);
        builder.Services.Configure<MvcOptions>(mvc => mvc.Filters.Add<PersonalFileExpiredFilter>());
        return builder;
    }
}
