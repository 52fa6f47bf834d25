using System.Text.Json;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Regions;

namespace HarmonyPortal.Core.Rules;

/// <summary>The parts of a rule file that give tasks their meaning: kinds, honours, measures, steps, years.</summary>
public static partial class RuleSetReader
{
    private sealed partial class Cursor
    {
        public Inheritance Inherits(JsonElement root, string path)
        {
            if (!root.TryGetProperty("inherits", out var e) || e.ValueKind == JsonValueKind.Null)
            {
                return Inheritance.Everything;
            }

            var p = $"{path}.inherits";
            return !IsObject(e, p) ? Inheritance.Everything
                : new Inheritance(Bool(e, "criteria", p) ?? true, Bool(e, "quotas", p) ?? true, Bool(e, "deadlines", p) ?? true);
        }

        public void CheckTaskIds(RuleSet ruleSet)
        {
            foreach (var duplicate in ruleSet.Tasks.Select((t, i) => (t.Id, i)).GroupBy(t => t.Id).Where(g => g.Key.Length > 0 && g.Count() > 1))
            {
                Fail<int>($"$.tasks[{duplicate.Last().i}].id", $"“{duplicate.Key}”与前面的任务重复");
            }

            foreach (var category in Enum.GetValues<GoldCategory>())
            {
                var honours = ruleSet.Tasks.Select((t, i) => (t, i)).Where(x => x.t.Honour?.Category == category).ToList();
                if (honours.Count > 1)
                {
                    Fail<int>($"$.tasks[{honours[1].i}].honour.category", $"“{category.ToString()}”类别已由任务“{honours[0].t.Id}”授予，一个规划每个金牌类别只能有一项授予任务");
                }
            }
        }

        public RuleTask WithKind(RuleTask task, JsonElement e, string path)
        {
            var kindText = String(e, "kind", path, required: false, maxLength: 20);
            if (kindText is null)
            {
                return TaskKinds.Infer(task);
            }

            TaskKind? kind = kindText switch
            {
                "honour" => TaskKind.Honour,
                "ledgerCount" => TaskKind.LedgerCount,
                "ledgerShare" => TaskKind.LedgerShare,
                "coverage" => TaskKind.Coverage,
                "indicator" => TaskKind.Indicator,
                "material" => TaskKind.Material,
                "displayOnly" => TaskKind.DisplayOnly,
                _ => Fail<TaskKind?>($"{path}.kind", $"“{kindText}”应为 honour、ledgerCount、ledgerShare、coverage、indicator、material 或 displayOnly"),
            };
            if (kind is null)
            {
                return task;
            }

            task = task with { Kind = kind.Value, Clause = String(e, "clause", path, required: false) };
            switch (kind.Value)
            {
                case TaskKind.Honour:
                    return task with { Honour = Required(e, "honour", path, HonourOf) };
                case TaskKind.LedgerCount or TaskKind.LedgerShare:
                    var measure = Required(e, "measure", path, MeasureOf);
                    if (kind == TaskKind.LedgerShare && measure is { Filtered: false })
                    {
                        Fail<int>($"{path}.measure.field", "比例类任务须指明哪些行算作达到（如 是否达标 = 是）");
                    }

                    if (kind == TaskKind.LedgerShare && task.Quotas.Any(q => q.Share is null))
                    {
                        Fail<int>($"{path}.quotas", "比例类任务的每项配额都须填写 share（比例）");
                    }

                    return task with { Measure = measure };
                case TaskKind.Indicator:
                    return task with
                    {
                        Indicator = Required(e, "indicator", path, (x, p) => new Indicator(String(x, "label", p) ?? "", String(x, "unit", p) ?? "")),
                        SubmittedBy = SubmitterLevel(e, path),
                    };
                case TaskKind.Material:
                    return task with
                    {
                        SubmittedBy = SubmitterLevel(e, path),
                        Material = String(e, "material", path) switch
                        {
                            "summary" => MaterialKind.Summary,
                            "topicReport" => MaterialKind.TopicReport,
                            "experience" => MaterialKind.Experience,
                            "typicalCase" => MaterialKind.TypicalCase,
                            null => null,
                            var other => Fail<MaterialKind?>($"{path}.material", $"“{other}”应为 summary（总结材料）、topicReport（专题情况报告）、experience（经验做法）或 typicalCase（典型案例）"),
                        },
                    };
                case TaskKind.DisplayOnly:
                    return task with { DisplayReason = String(e, "displayReason", path) };
                default:
                    return task;
            }
        }

        private RegionLevel? SubmitterLevel(JsonElement e, string path) => String(e, "submittedBy", path, required: false, maxLength: 20) switch
        {
            "Province" or "province" => RegionLevel.Province,
            "City" or "city" => RegionLevel.City,
            "County" or "county" => RegionLevel.County,
            null => null,
            var other => Fail<RegionLevel?>($"{path}.submittedBy", $"“{other}”应为 Province（省级）、City（市级）或 County（县级）"),
        };

        private T? Required<T>(JsonElement e, string name, string path, Func<JsonElement, string, T> read)
            where T : class
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return Fail<T?>($"{path}.{name}", "必须填写");
            }

            return IsObject(value, $"{path}.{name}") ? read(value, $"{path}.{name}") : null;
        }

        private Honour HonourOf(JsonElement e, string path)
        {
            GoldCategory? category = String(e, "category", path, required: false, maxLength: 40) switch
            {
                null => null,
                var text when Enum.TryParse<GoldCategory>(text, ignoreCase: true, out var c) => c,
                var other => Fail<GoldCategory?>($"{path}.category", $"“{other}”应为 coordinator、socialOrganization 或 mediationOrganization"),
            };
            var ledger = LedgerKey(e, "ledger", path, required: category is null) ?? (category is { } known ? TaskKinds.LedgerOf(known) : "");
            if (category is { } cat && ledger != TaskKinds.LedgerOf(cat))
            {
                Fail<int>($"{path}.ledger", $"该金牌类别的台账应为“{TaskKinds.LedgerOf(cat)}”");
            }

            var level = String(e, "selectingLevel", path, required: false, maxLength: 20) switch
            {
                "Province" or "province" => RegionLevel.Province,
                "City" or "city" => RegionLevel.City,
                "County" or "county" => RegionLevel.County,
                null => RegionLevel.Province,
                var other => Fail<RegionLevel>($"{path}.selectingLevel", $"“{other}”应为 Province（省级）、City（市级）或 County（县级）"),
            };
            var tiers = Array(e, "tiers", path, (t, p) => !IsObject(t, p) ? null! :
                new HonourTier(String(t, "id", p, maxLength: MaxIdLength) ?? "", String(t, "name", p) ?? "", Bool(t, "requiresTierBelow", p) ?? false), required: false);
            if (tiers.Count > 0 && tiers[0].RequiresTierBelow)
            {
                Fail<int>($"{path}.tiers[0].requiresTierBelow", "最低一级没有更低的层级可要求");
            }

            return new Honour(category, String(e, "title", path) ?? "", ledger, level, tiers);
        }

        private LedgerMeasure MeasureOf(JsonElement e, string path)
        {
            var ledger = LedgerKey(e, "ledger", path, required: true);
            var field = String(e, "field", path, required: false, maxLength: MaxIdLength);
            var value = String(e, "value", path, required: false, maxLength: MaxIdLength);
            if ((field is null) != (value is null))
            {
                Fail<int>(path, "field（字段）与 value（取值）须同时填写或同时不填");
            }

            if (field is not null && ledger is not null && LedgerCatalog.Find(ledger) is { } definition)
            {
                var found = definition.Fields.FirstOrDefault(f => f.Key == field || f.Header == field);
                if (found is null)
                {
                    return Fail<LedgerMeasure>($"{path}.field", $"台账“{definition.Title}”没有字段“{field}”，可用：{string.Join("、", definition.Fields.Select(f => f.Header))}");
                }

                field = found.Key;
                if (value is not null && !MeasureValues.Accepts(found, value))
                {
                    Fail<int>($"{path}.value", $"“{value}”不是字段“{found.Header}”的取值，可用：{string.Join("、", MeasureValues.Choices(found))}");
                }
            }

            return new LedgerMeasure(ledger ?? "", field, value);
        }

        public DeadlineStep Step(JsonElement e, string path) => String(e, "step", path, required: false, maxLength: 20) switch
        {
            null => DeadlineStep.Any,
            "submit" => DeadlineStep.Submit,
            "report" => DeadlineStep.Report,
            "publish" => DeadlineStep.Publish,
            "ledger" => DeadlineStep.Ledger,
            var other => Fail<DeadlineStep>($"{path}.step", $"“{other}”应为 submit（县报市）、report（市报省）、publish（选树发布）或 ledger（台账报送）"),
        };

        public string? LedgerKey(JsonElement e, string name, string path, bool required)
        {
            var key = String(e, name, path, required, MaxIdLength);
            return key is null || LedgerCatalog.Find(key) is not null ? key
                : Fail<string?>($"{path}.{name}", $"未知的台账“{key}”，可用：{string.Join("、", LedgerCatalog.All.Select(d => d.Key))}");
        }

        public bool? Bool(JsonElement e, string name, string path)
        {
            if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : Fail<bool?>($"{path}.{name}", "应为 true 或 false");
        }

        public decimal? Fraction(JsonElement e, string name, string path) => e.TryGetProperty(name, out var s) && s.ValueKind != JsonValueKind.Null
            ? s.ValueKind == JsonValueKind.Number && s.TryGetDecimal(out var fraction) && fraction is > 0 and <= 1 ? fraction : Fail<decimal?>($"{path}.{name}", "应为 0 到 1 之间的比例，如 0.8")
            : null;

        public T WithYears<T>(T node, JsonElement e, string path)
            where T : CriterionNode
        {
            var from = Int(e, "fromYear", path, Input.PortalYears.Earliest, Input.PortalYears.RuleSetLatest, required: false);
            var to = Int(e, "toYear", path, Input.PortalYears.Earliest, Input.PortalYears.RuleSetLatest, required: false);
            if (from > to)
            {
                Fail<int>($"{path}.toYear", $"结束年度 {to} 早于开始年度 {from}");
            }

            return from is null && to is null ? node : node with { FromYear = from, ToYear = to };
        }
    }
}
