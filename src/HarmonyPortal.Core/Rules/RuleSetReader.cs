using System.Globalization;
using System.Text.Json;

namespace HarmonyPortal.Core.Rules;

/// <summary>An error in a rule file: where (a JSON path such as $.tasks[2].quotas[0].min) and why, in Chinese.</summary>
public sealed record RuleFileError(string Path, string Message)
{
    public override string ToString() => $"{Path}：{Message}";
}

/// <summary>
/// Reads a rule set from its JSON file (docs/rules/ruleset.schema.json), reporting every error with its
/// path instead of stopping at the first, so an office can fix a file in one pass.
/// </summary>
public static class RuleSetReader
{
    public static (RuleSet? RuleSet, IReadOnlyList<RuleFileError> Errors) Read(string json)
    {
        var errors = new List<RuleFileError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [new RuleFileError($"$ (第 {e.LineNumber + 1} 行)", "不是有效的 JSON：" + e.Message)]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new RuleFileError("$", "应为对象")]);
            }

            var r = new Cursor(errors);
            var ruleSet = new RuleSet(
                r.String(root, "jurisdiction", "$") ?? "",
                r.String(root, "name", "$") ?? "",
                r.String(root, "source", "$") ?? "",
                r.Int(root, "fromYear", "$", 2000, 2100) ?? 0,
                r.Int(root, "toYear", "$", 2000, 2100) ?? 0,
                r.Array(root, "tasks", "$", (e, p) => r.Task(e, p)),
                r.Criteria(root, "$"),
                r.Array(root, "notes", "$", (e, p) => e.ValueKind == JsonValueKind.String ? e.GetString()! : r.Fail<string>(p, "应为文字"), required: false))
            {
                CoverageTargets = r.Array(root, "coverageTargets", "$", r.CoverageTarget, required: false),
            };
            foreach (var duplicate in ruleSet.CoverageTargets.Select((t, i) => (t.Id, i)).GroupBy(t => t.Id).Where(g => g.Key.Length > 0 && g.Count() > 1))
            {
                errors.Add(new RuleFileError($"$.coverageTargets[{duplicate.Last().i}].id", $"“{duplicate.Key}”与前面的覆盖目标重复"));
            }

            if (ruleSet.FromYear > ruleSet.ToYear && ruleSet.ToYear != 0)
            {
                errors.Add(new RuleFileError("$.toYear", $"结束年度 {ruleSet.ToYear} 早于开始年度 {ruleSet.FromYear}"));
            }

            return errors.Count == 0 ? (ruleSet, errors) : (null, errors);
        }
    }

    private sealed class Cursor(List<RuleFileError> errors)
    {
        public T Fail<T>(string path, string message)
        {
            errors.Add(new RuleFileError(path, message));
            return default!;
        }

        public string? String(JsonElement obj, string name, string path, bool required = true)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return required ? Fail<string?>($"{path}.{name}", "必须填写") : null;
            }

            return value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
                ? value.GetString()!.Trim()
                : Fail<string?>($"{path}.{name}", "应为非空文字");
        }

        public int? Int(JsonElement obj, string name, string path, int min, int max, bool required = true)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return required ? Fail<int?>($"{path}.{name}", "必须填写") : null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
                ? number
                : Fail<int?>($"{path}.{name}", $"应为 {min} 到 {max} 之间的整数");
        }

        public IReadOnlyList<T> Array<T>(JsonElement obj, string name, string path, Func<JsonElement, string, T> item, bool required = true)
        {
            if (!obj.TryGetProperty(name, out var value))
            {
                return required ? Fail<IReadOnlyList<T>>($"{path}.{name}", "必须填写") ?? [] : [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                return Fail<IReadOnlyList<T>>($"{path}.{name}", "应为数组") ?? [];
            }

            return value.EnumerateArray().Select((e, i) => item(e, $"{path}.{name}[{i}]")).ToList();
        }

        public RuleTask Task(JsonElement e, string path) => new(
            String(e, "id", path) ?? "",
            String(e, "name", path) ?? "",
            String(e, "lead", path) ?? "",
            Array(e, "participants", path, (p, pp) => p.ValueKind == JsonValueKind.String ? p.GetString()! : Fail<string>(pp, "应为文字"), required: false),
            Array(e, "quotas", path, Quota, required: false),
            Array(e, "deadlines", path, Deadline, required: false));

        private Quota Quota(JsonElement e, string path)
        {
            var level = String(e, "level", path, required: false);
            var region = String(e, "region", path, required: false);
            if ((level is null) == (region is null))
            {
                Fail<int>(path, "level（层级）与 region（地区或单位）须且只能填一个");
            }

            var per = String(e, "per", path) switch
            {
                "year" => QuotaPeriod.Year,
                "period" => QuotaPeriod.Period,
                null => QuotaPeriod.Year,
                var other => Fail<QuotaPeriod>($"{path}.per", $"“{other}”应为 year 或 period"),
            };
            var min = Int(e, "min", path, 0, 100_000, required: false);
            var max = Int(e, "max", path, 0, 100_000, required: false);
            decimal? share = e.TryGetProperty("share", out var s) ? (s.ValueKind == JsonValueKind.Number && s.GetDecimal() is > 0 and <= 1 ? s.GetDecimal() : Fail<decimal?>($"{path}.share", "应为 0 到 1 之间的比例，如 0.8")) : null;
            if (min is null && max is null && share is null)
            {
                Fail<int>(path, "min、max、share 至少填一个");
            }

            if (min > max)
            {
                Fail<int>($"{path}.max", $"上限 {max} 小于下限 {min}");
            }

            return new Quota(level, region, per, min, max, String(e, "unit", path) ?? "", share, String(e, "note", path, required: false));
        }

        private Deadline Deadline(JsonElement e, string path) =>
            new(Int(e, "year", path, 2000, 2100, required: false), Int(e, "batch", path, 1, 20, required: false), Date(e, "date", path), String(e, "what", path) ?? "");

        private DateOnly Date(JsonElement e, string name, string path)
        {
            var text = String(e, name, path);
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : text is null ? default : Fail<DateOnly>($"{path}.{name}", $"“{text}”应为 yyyy-MM-dd 格式的日期");
        }

        public CoverageTarget CoverageTarget(JsonElement e, string path)
        {
            var units = String(e, "units", path) switch
            {
                "largeMediumEnterprises" => CoverageUnits.LargeMediumEnterprises,
                "townsAndParks" => CoverageUnits.TownsAndParks,
                null => default,
                var other => Fail<CoverageUnits>($"{path}.units", $"“{other}”应为 largeMediumEnterprises（大中型企业）或 townsAndParks（乡镇街道、园区）"),
            };
            return new CoverageTarget(
                String(e, "id", path) ?? "",
                String(e, "name", path) ?? "",
                units,
                Int(e, "minCoordinators", path, 1, 100) ?? 0,
                Date(e, "deadline", path),
                String(e, "clause", path) ?? "");
        }

        public Dictionary<GoldCategory, CriterionNode> Criteria(JsonElement root, string path)
        {
            var result = new Dictionary<GoldCategory, CriterionNode>();
            if (!root.TryGetProperty("criteria", out var criteria) || criteria.ValueKind != JsonValueKind.Object)
            {
                return Fail<Dictionary<GoldCategory, CriterionNode>>($"{path}.criteria", "应为对象：coordinator / socialOrganization / mediationOrganization") ?? result;
            }

            foreach (var category in criteria.EnumerateObject())
            {
                var p = $"{path}.criteria.{category.Name}";
                if (!Enum.TryParse<GoldCategory>(category.Name, ignoreCase: true, out var key))
                {
                    Fail<int>(p, "类别应为 coordinator、socialOrganization 或 mediationOrganization");
                    continue;
                }

                result[key] = Node(category.Value, p);
            }

            return result;
        }

        private CriterionNode Node(JsonElement e, string path)
        {
            foreach (var (name, kind) in new[] { ("all", GroupKind.All), ("any", GroupKind.Any) })
            {
                if (e.TryGetProperty(name, out _))
                {
                    var members = Array(e, name, path, Node);
                    return members.Count > 0 ? new CriterionGroup(kind, String(e, "text", path, required: false), members) : Fail<CriterionNode>($"{path}.{name}", "至少要有一项");
                }
            }

            var test = e.TryGetProperty("test", out var t) ? Test(t, $"{path}.test") : null;
            var kindText = String(e, "kind", path);
            if (kindText is not null and not "automatic" and not "attested")
            {
                Fail<int>($"{path}.kind", $"“{kindText}”应为 automatic（系统判断）或 attested（审核确认）");
            }
            else if ((kindText == "automatic") != (test is not null))
            {
                Fail<int>(path, kindText == "automatic" ? "automatic 条件必须有 test" : "attested 条件不能有 test");
            }

            return new Criterion(String(e, "id", path) ?? "", String(e, "text", path) ?? "", String(e, "clause", path) ?? "", test);
        }

        private CriterionTest? Test(JsonElement e, string path)
        {
            var fact = String(e, "fact", path);
            if (fact is not null && !LedgerFacts.Known.Contains(fact))
            {
                Fail<int>($"{path}.fact", $"未知的台账指标“{fact}”，可用：{string.Join("、", LedgerFacts.Known)}");
            }

            var op = String(e, "op", path) switch
            {
                "atLeast" => TestOperator.AtLeast,
                "atMost" => TestOperator.AtMost,
                "isTrue" => TestOperator.IsTrue,
                "noneWithinYears" => TestOperator.NoneWithinYears,
                var other => Fail<TestOperator?>($"{path}.op", $"“{other}”应为 atLeast、atMost、isTrue 或 noneWithinYears"),
            };
            var value = e.TryGetProperty("value", out var v) ? (v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.GetString()) : null;
            if (op is not null and not TestOperator.IsTrue && value is null)
            {
                Fail<int>($"{path}.value", "必须填写");
            }

            return fact is null || op is null ? null : new CriterionTest(fact, op.Value, value);
        }
    }
}
