using System.Security.Cryptography;

namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>
/// The edits of a category's criteria in a draft plan: add a group or a criterion, edit, delete, move up or down,
/// clear. Each returns a new rule set or refuses with the field and the reason; the rule set given is never changed.
/// Criterion ids are generated once and kept through edits: reviewers' confirmations are stored by id.
/// </summary>
public static class CriteriaEdits
{
    /// <summary>
    /// Adds a node to the group at <paramref name="parentPath"/>, or to the top level when it is null or empty: the
    /// first node of a category becomes its criteria; a further one joins a top "all of" group (made when needed).
    /// </summary>
    public static CriteriaEditResult Add(RuleSet set, GoldCategory category, string? parentPath, CriteriaInput input)
    {
        var existing = set.Criteria.GetValueOrDefault(category);
        var ids = new HashSet<string>(set.Criteria.Values.SelectMany(CriteriaPaths.Criteria).Select(c => c.Id), StringComparer.Ordinal);
        var validation = new CriteriaValidation(set, category);
        CriterionNode? node;
        if (input.IsGroup)
        {
            if (input.First is null)
            {
                return CriteriaEditResult.Refused("First.Kind", "新分组至少要有一项条件：请一并填写第一项");
            }

            var first = validation.Criterion(input.First, NewId(category, ids), "First.");
            node = validation.Group(input, first is null ? [] : [first]);
        }
        else
        {
            node = validation.Criterion(input, NewId(category, ids));
        }

        if (validation.Errors.Count > 0)
        {
            return CriteriaEditResult.Refused(validation.Errors);
        }

        if (string.IsNullOrEmpty(parentPath))
        {
            return With(set, category, existing switch
            {
                null => node!,
                CriterionGroup { Kind: GroupKind.All, FromYear: null, ToYear: null } top => top with { Members = [.. top.Members, node!] },
                _ => new CriterionGroup(GroupKind.All, null, [existing, node!]),
            });
        }

        if (CriteriaPaths.Parse(parentPath) is not { } indexes || CriteriaPaths.Find(existing, parentPath) is not { } parent)
        {
            return NotFound();
        }

        if (parent is not CriterionGroup { Members.Count: < RuleSetReader.MaxArrayItems })
        {
            return CriteriaEditResult.Refused("Path", parent is CriterionGroup ? $"一个分组最多 {RuleSetReader.MaxArrayItems} 项" : "只能在分组中添加条件");
        }

        return With(set, category, CriteriaPaths.Replace(existing!, indexes, g => (CriterionGroup)g with { Members = [.. ((CriterionGroup)g).Members, node!] })!);
    }

    /// <summary>
    /// Changes the node at the path as typed: a group its kind, heading and years (its members stay); a criterion its
    /// wording, clause, test and years, keeping its id. A group does not become a criterion nor the reverse.
    /// </summary>
    public static CriteriaEditResult Edit(RuleSet set, GoldCategory category, string? path, CriteriaInput input)
    {
        var existing = set.Criteria.GetValueOrDefault(category);
        if (CriteriaPaths.Parse(path) is not { } indexes || CriteriaPaths.Find(existing, path) is not { } node)
        {
            return NotFound();
        }

        if (node is CriterionGroup != input.IsGroup)
        {
            return CriteriaEditResult.Refused("Kind", node is CriterionGroup
                ? "分组不能改为单项条件：请在分组中添加或删除条件"
                : "单项条件不能改为分组：请添加新的分组");
        }

        var validation = new CriteriaValidation(set, category);
        CriterionNode? changed = node switch
        {
            CriterionGroup g => validation.Group(input, g.Members),
            Criterion c => validation.Criterion(input, c.Id),
            _ => null,
        };
        return changed is null ? CriteriaEditResult.Refused(validation.Errors) : With(set, category, CriteriaPaths.Replace(existing!, indexes, _ => changed)!);
    }

    /// <summary>
    /// Removes the node at the path with what it holds; the top node's removal leaves the category without criteria.
    /// The only member of a group is not removed alone (a group is never empty): the group is.
    /// </summary>
    public static CriteriaEditResult Delete(RuleSet set, GoldCategory category, string? path)
    {
        var existing = set.Criteria.GetValueOrDefault(category);
        if (CriteriaPaths.Parse(path) is not { } indexes || CriteriaPaths.Find(existing, path) is null)
        {
            return NotFound();
        }

        if (indexes.Count == 0)
        {
            return Clear(set, category);
        }

        var parent = (CriterionGroup)CriteriaPaths.Find(existing, Parent(path!))!;
        if (parent.Members.Count == 1)
        {
            return CriteriaEditResult.Refused("Path", "这是该分组中唯一的一项：请删除整个分组，或先在分组中添加另一项");
        }

        return With(set, category, CriteriaPaths.Replace(existing!, indexes, _ => null)!);
    }

    /// <summary>Moves the node at the path one place up (<paramref name="offset"/> −1) or down (+1) among its group's members.</summary>
    public static CriteriaEditResult Move(RuleSet set, GoldCategory category, string? path, int offset)
    {
        var existing = set.Criteria.GetValueOrDefault(category);
        if (CriteriaPaths.Parse(path) is not { } indexes || CriteriaPaths.Find(existing, path) is null || offset is not (-1 or 1))
        {
            return NotFound();
        }

        if (indexes.Count == 0)
        {
            return CriteriaEditResult.Refused("Path", "最上层的条件不能移动");
        }

        var parent = (CriterionGroup)CriteriaPaths.Find(existing, Parent(path!))!;
        var from = indexes[^1];
        var to = from + offset;
        if (to < 0 || to >= parent.Members.Count)
        {
            return CriteriaEditResult.Refused("Path", offset < 0 ? "已是分组中的第一项，不能上移" : "已是分组中的最后一项，不能下移");
        }

        var members = parent.Members.ToList();
        (members[from], members[to]) = (members[to], members[from]);
        return With(set, category, CriteriaPaths.Replace(existing!, indexes.Take(indexes.Count - 1).ToList(), _ => parent with { Members = members })!);
    }

    /// <summary>Leaves the category without criteria of its own (the plan then inherits them or has none).</summary>
    public static CriteriaEditResult Clear(RuleSet set, GoldCategory category)
    {
        var criteria = set.Criteria.Where(c => c.Key != category).ToDictionary(c => c.Key, c => c.Value);
        return CriteriaEditResult.Ok(set with { Criteria = criteria });
    }

    /// <summary>
    /// A new id for a criterion: the category's letter and six random hex digits, unique in the plan. Random rather than
    /// counted so that an id deleted from an earlier version, whose confirmations are stored, is not given to a new criterion.
    /// </summary>
    internal static string NewId(GoldCategory category, ISet<string> taken)
    {
        var letter = category switch
        {
            GoldCategory.Coordinator => "c",
            GoldCategory.SocialOrganization => "s",
            _ => "m",
        };
        string id;
        do
        {
            id = $"{letter}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        }
        while (!taken.Add(id));

        return id;
    }

    private static string Parent(string path) => path[..path.LastIndexOf('.')];

    private static CriteriaEditResult With(RuleSet set, GoldCategory category, CriterionNode node)
    {
        var criteria = set.Criteria.ToDictionary(c => c.Key, c => c.Value);
        criteria[category] = node;
        return CriteriaEditResult.Ok(set with { Criteria = criteria });
    }

    private static CriteriaEditResult NotFound() =>
        CriteriaEditResult.Refused("Path", "找不到该条件，可能已被他人修改：请刷新页面后重试");
}
