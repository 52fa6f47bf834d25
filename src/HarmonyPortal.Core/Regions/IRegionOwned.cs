namespace HarmonyPortal.Core.Regions;

/// <summary>
/// A row that belongs to one region (ledger rows, users, sheets, plans …): what the one scope filter
/// (<see cref="Scope.ScopedQueries"/>) reads the region's materialized path through. Maps nothing: every implementer
/// already has its <c>Region</c> navigation; a <see cref="Region"/> owns itself.
/// </summary>
public interface IRegionOwned
{
    Region Region { get; }
}
