using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Rules;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// The office-defined honours (ADR 0026) that plans of regions below name a city's or county's level to select and publish:
/// 唐山市 has no plan, and 唐山高新区's plan has the city confer its "培育达标典型". The nominations page lists them beside
/// the honours of the region's own plans, for the region itself and, at a province, for each of its cities.
/// </summary>
public sealed class HonoursSelectedHere(RuleSetCatalog catalog)
{
    public async Task<IReadOnlyList<(string Id, string Title)>> OfficeHonoursAsync(Region region, int year, CancellationToken ct) =>
        region.Level is not (RegionLevel.City or RegionLevel.County) ? [] :
        (await catalog.BelowAsync(region, year, ct)).SelectMany(b => OfficeHonour.Of(b.RuleSet))
            .Where(t => t.Honour!.SelectingLevel == region.Level).Select(t => (t.Id, t.Honour!.Title)).ToList();
}
