using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Web.Features.Shared;

/// <summary>A region subtree built in memory from one flat, already scoped query.</summary>
public sealed class RegionNode
{
    public required int Id { get; init; }

    public required string Name { get; init; }

    public required string Code { get; init; }

    public required bool IsLocalCode { get; init; }

    public required RegionLevel Level { get; init; }

    public required int Depth { get; init; }

    /// <summary>The day the region closed (撤销 or 并入), if it has.</summary>
    public DateOnly? ClosedOn { get; init; }

    public List<RegionNode> Children { get; } = [];

    public sealed record Row(int Id, int? ParentId, string Name, string Code, bool IsLocalCode, RegionLevel Level, int SortOrder)
    {
        public DateOnly? ClosedOn { get; init; }
    }

    public IEnumerable<RegionNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);

    public static RegionNode BuildTree(IReadOnlyCollection<Row> rows, int rootId)
    {
        var byParent = rows.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        var root = rows.Single(r => r.Id == rootId);
        return Build(root, 0);

        RegionNode Build(Row row, int depth)
        {
            var node = new RegionNode
            {
                Id = row.Id,
                Name = row.Name,
                Code = row.Code,
                IsLocalCode = row.IsLocalCode,
                Level = row.Level,
                Depth = depth,
                ClosedOn = row.ClosedOn,
            };
            foreach (var child in byParent[row.Id].OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal))
            {
                node.Children.Add(Build(child, depth + 1));
            }

            return node;
        }
    }
}
