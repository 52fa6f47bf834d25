using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Materials;

/// <summary>
/// A later date for one region's material or indicator of a plan task in a year, granted by the level above with the
/// reason. The latest grant wins; the plan's own deadline is unchanged for everyone else.
/// </summary>
public class TaskDeadlineExtension
{
    public long Id { get; set; }

    public int RegionId { get; set; }

    public int JurisdictionRegionId { get; set; }

    public string TaskId { get; set; } = "";

    public int Year { get; set; }

    public DateOnly NewDate { get; set; }

    public string Reason { get; set; } = "";

    public string GrantedBy { get; set; } = "";

    public DateTime GrantedAtUtc { get; set; }
}

public static class TaskDeadlineExtensionQueries
{
    /// <summary>The extended date per region of one task and year: the latest grant wins.</summary>
    public static Task<Dictionary<int, DateOnly>> LatestByRegionAsync(this IQueryable<TaskDeadlineExtension> extensions,
        IReadOnlyCollection<int> regionIds, int jurisdictionRegionId, string taskId, int year, CancellationToken ct) =>
        extensions.AsNoTracking()
            .Where(e => regionIds.Contains(e.RegionId) && e.JurisdictionRegionId == jurisdictionRegionId && e.TaskId == taskId && e.Year == year)
            .GroupBy(e => e.RegionId)
            .Select(g => new { RegionId = g.Key, Date = g.OrderByDescending(e => e.Id).Select(e => e.NewDate).First() })
            .ToDictionaryAsync(e => e.RegionId, e => e.Date, ct);
}
