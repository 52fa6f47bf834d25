using HarmonyPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Nominations;

/// <summary>
/// A later deadline of one step granted to one region by the level above, with the reason: a county's submission to
/// the city (<see cref="DeadlineStep.Submit"/>) or a city's report upward (<see cref="DeadlineStep.Report"/>). An
/// extension of one step does not move the other.
/// </summary>
public class DeadlineExtension
{
    public long Id { get; set; }

    public int RegionId { get; set; }

    public GoldCategory Category { get; set; }

    /// <summary>The office-defined honour task extended, or "" for a gold category.</summary>
    public string HonourTaskId { get; set; } = "";

    public int Year { get; set; }

    public int Batch { get; set; }

    /// <summary>The step extended: Submit for a county, Report for a city.</summary>
    public DeadlineStep Step { get; set; } = DeadlineStep.Submit;

    public DateOnly NewDate { get; set; }

    public string Reason { get; set; } = "";

    public string GrantedBy { get; set; } = "";

    public DateTime GrantedAtUtc { get; set; }
}

public static class DeadlineExtensionQueries
{
    /// <summary>The date of the step in force for each of the regions that was granted one: the latest extension wins.</summary>
    public static Task<Dictionary<int, DateOnly>> LatestByRegionAsync(
        this IQueryable<DeadlineExtension> extensions, IReadOnlyCollection<int> regionIds, GoldCategory category, int year, int batch, DeadlineStep step, CancellationToken ct, string honour = "") =>
        extensions.AsNoTracking()
            .Where(e => regionIds.Contains(e.RegionId) && e.Category == category && e.HonourTaskId == honour && e.Year == year && e.Batch == batch && e.Step == step)
            .GroupBy(e => e.RegionId)
            .Select(g => new { RegionId = g.Key, Date = g.OrderByDescending(e => e.Id).Select(e => e.NewDate).First() })
            .ToDictionaryAsync(e => e.RegionId, e => e.Date, ct);
}
