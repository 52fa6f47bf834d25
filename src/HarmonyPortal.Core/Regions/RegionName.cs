namespace HarmonyPortal.Core.Regions;

/// <summary>
/// A name a region carried before it was renamed, with the years it was in use (GB/T 2260 changes every year):
/// pages of those years show it. The current name is <see cref="Region.Name"/>.
/// </summary>
public class RegionName
{
    public int Id { get; set; }

    public int RegionId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The first year of the name; null when it was the region's name from the start.</summary>
    public int? FromYear { get; set; }

    /// <summary>The last year of the name (the year before the rename took effect).</summary>
    public int ToYear { get; set; }

    public bool CoversYear(int year) => (FromYear is null || FromYear <= year) && ToYear >= year;
}
