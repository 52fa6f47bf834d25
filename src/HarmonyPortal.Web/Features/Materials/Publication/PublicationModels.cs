using HarmonyPortal.Core.Regions;
using HarmonyPortal.Web.Features.Print;

namespace HarmonyPortal.Web.Features.Materials.Publication;

public sealed record PublishedFile(long Id, string Name);

/// <summary>One published 经验做法 or 典型案例: who sent it, what it is, when and by whom it was published, its files.</summary>
public sealed record PublishedMaterialLine(int Number, long Id, string Region, string Kind, string Task, string Title, string Summary,
    string PublishedAt, string PublishedBy, IReadOnlyList<PublishedFile> Files);

/// <summary>An accepted 经验做法 or 典型案例 not yet published, offered to the publishing level's reviewers.</summary>
public sealed record PublicationCandidate(long Id, int Version, string Region, string Kind, string Task, string Title, string SubmittedAt, string Timeliness);

/// <summary>The published list of a region for a year, printed like the other published lists ("山西省 2023 年度…").</summary>
public sealed record PublishedMaterials(int RegionId, string RegionName, int Year, IReadOnlyList<PublishedMaterialLine> Lines)
    : PrintDocument($"{RegionName} {Year} 年度典型案例和经验做法", $"{RegionName}-{Year}年度典型案例和经验做法.pdf", $"/materials/published.pdf?year={Year}&regionId={RegionId}", true);

/// <summary>The page: the list, the regions whose lists the user may read, and what the user may still publish.</summary>
public sealed record PublishedMaterialsPage(Region Publisher, PublishedMaterials List, IReadOnlyList<Region> Publishers, IReadOnlyList<PublicationCandidate> Candidates,
    bool CanPublish, IReadOnlyList<int> Years);
