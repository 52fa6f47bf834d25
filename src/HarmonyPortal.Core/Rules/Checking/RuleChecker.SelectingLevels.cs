using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules.Checking;

public static partial class RuleChecker
{
    private sealed partial class Run
    {
        /// <summary>
        /// A city's plan and a county-level plan below it that define the same honour (a gold category, or an office-defined
        /// honour by its task id) for overlapping years must agree on the level that selects and publishes it: the county's
        /// sheets follow the county's plan (the nearest up its chain), the city's own pages the city's, so a disagreement
        /// leaves the honour with two different "who selects" answers. A warning, at the honour's selecting level.
        /// </summary>
        public void SelectingLevelsAcrossPlans()
        {
            if (jurisdiction is not { Level: RegionLevel.City or RegionLevel.County })
            {
                return;
            }

            foreach (var other in context.OtherPlans)
            {
                if (other.Rules is not { } rules || !regions.TryGetValue(other.Jurisdiction, out var region) || !CityAndCountyBelow(region, out var otherIsAbove))
                {
                    continue;
                }

                var (from, to) = (Math.Max(set.FromYear, other.FromYear), Math.Min(set.ToYear, other.ToYear));
                if (from > to)
                {
                    continue;
                }

                for (var i = 0; i < set.Tasks.Count; i++)
                {
                    var task = set.Tasks[i];
                    if (task.Kind != TaskKind.Honour || task.Honour is not { } honour
                        || rules.HonourTask(honour.Category ?? OfficeHonour.Category, honour.Category is null ? task.Id : null)?.Honour is not { } theirs
                        || theirs.SelectingLevel == honour.SelectingLevel)
                    {
                        continue;
                    }

                    var years = from == to ? $"{from} 年" : $"{from}–{to} 年";
                    var county = otherIsAbove ? jurisdiction : region;
                    var (countyLevel, cityLevel) = otherIsAbove ? (honour.SelectingLevel, theirs.SelectingLevel) : (theirs.SelectingLevel, honour.SelectingLevel);
                    Warning($"$.tasks[{i}].honour.selectingLevel",
                        $"称号“{honour.Title}”由哪一级择优选树并发布，本规划（{honour.SelectingLevel.ToChinese()}）与{(otherIsAbove ? "上级" : "下级")}规划“{other.Label}”（{theirs.SelectingLevel.ToChinese()}）不一致（重叠年度 {years}）：" +
                        $"{Named(county)}的推荐按县级规划由{countyLevel.ToChinese()}择优发布，市级规划却定为{cityLevel.ToChinese()}，请统一两份规划");
                }
            }
        }

        /// <summary>Whether the other plan's region and this plan's jurisdiction are a city and a county-level region below it; which is above.</summary>
        private bool CityAndCountyBelow(KnownRegion other, out bool otherIsAbove)
        {
            otherIsAbove = other.Level == RegionLevel.City;
            return (jurisdiction!.Level, other.Level) switch
            {
                (RegionLevel.City, RegionLevel.County) => subtree.ContainsKey(other.Code),
                (RegionLevel.County, RegionLevel.City) => Ancestors(jurisdiction).Contains(other.Code),
                _ => false,
            };
        }

        private IEnumerable<string> Ancestors(KnownRegion region)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var code = region.ParentCode; code is not null && seen.Add(code); code = regions.GetValueOrDefault(code)?.ParentCode)
            {
                yield return code;
            }
        }
    }
}
