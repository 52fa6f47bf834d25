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
public static partial class RuleSetReader
{
    /// <summary>The longest rule file read (characters); the upload is capped at 1 MB as well.</summary>
    public const int MaxDocumentLength = 512 * 1024;

    /// <summary>Nesting of the JSON document, criteria groups included.</summary>
    public const int MaxDepth = 32;

    /// <summary>Items of any one array (tasks, quotas, criteria of a group …).</summary>
    public const int MaxArrayItems = 500;

    /// <summary>The rule set's name: the column <c>RuleSetVersions.Name</c> holds 200 characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Ids (a criterion's id is stored with each attestation, 100 characters) and the jurisdiction code.</summary>
    public const int MaxIdLength = 100;

    /// <summary>Any other text: names of tasks, criteria, clauses, notes, units.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>A criterion's required value (a count, a rate, a number of years).</summary>
    public const decimal MaxTestValue = 1_000_000m;

    /// <summary>Errors reported at most; the rest are counted.</summary>
    public const int MaxErrors = 200;

    public static (RuleSet? RuleSet, IReadOnlyList<RuleFileError> Errors) Read(string json)
    {
        var errors = new List<RuleFileError>();
        if (json.Length > MaxDocumentLength)
        {
            return (null, [new RuleFileError("$", $"规则文件过大：{json.Length} 个字符，上限 {MaxDocumentLength} 个")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            return (null, [new RuleFileError($"$ (第 {line} 行)", e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
                ? $"不是有效的规则文件：嵌套超过 {MaxDepth} 层"
                : JsonSyntaxHint.Explain(json, e))]);
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
                r.String(root, "jurisdiction", "$", maxLength: MaxIdLength) ?? "",
                r.String(root, "name", "$", maxLength: MaxNameLength) ?? "",
                r.String(root, "source", "$") ?? "",
                r.Int(root, "fromYear", "$", Input.PortalYears.Earliest, Input.PortalYears.RuleSetLatest) ?? 0,
                r.Int(root, "toYear", "$", Input.PortalYears.Earliest, Input.PortalYears.RuleSetLatest) ?? 0,
                r.Array(root, "tasks", "$", (e, p) => r.Task(e, p)),
                r.Criteria(root, "$"),
                r.Array(root, "notes", "$", r.Text, required: false))
            {
                CoverageTargets = r.Array(root, "coverageTargets", "$", r.CoverageTarget, required: false),
                DocumentNumber = r.String(root, "documentNumber", "$", required: false, maxLength: MaxIdLength),
                Issuers = r.Array(root, "issuers", "$", r.Text, required: false),
                Inherits = r.Inherits(root, "$"),
            };
            r.CheckTaskIds(ruleSet);
            foreach (var duplicate in ruleSet.CoverageTargets.Select((t, i) => (t.Id, i)).GroupBy(t => t.Id).Where(g => g.Key.Length > 0 && g.Count() > 1))
            {
                errors.Add(new RuleFileError($"$.coverageTargets[{duplicate.Last().i}].id", $"“{duplicate.Key}”与前面的覆盖目标重复"));
            }

            if (ruleSet.FromYear > ruleSet.ToYear && ruleSet.ToYear != 0)
            {
                errors.Add(new RuleFileError("$.toYear", $"结束年度 {ruleSet.ToYear} 早于开始年度 {ruleSet.FromYear}"));
            }

            if (errors.Count > MaxErrors)
            {
                var more = errors.Count - MaxErrors;
                errors.RemoveRange(MaxErrors, more);
                errors.Add(new RuleFileError("$", $"另有 {more} 处错误未列出"));
            }

            return errors.Count == 0 ? (ruleSet, errors) : (null, errors);
        }
    }

    private sealed partial class Cursor(List<RuleFileError> errors)
    {
        public T Fail<T>(string path, string message)
        {
            errors.Add(new RuleFileError(path, message));
            return default!;
        }

        /// <summary>Whether <paramref name="e"/> is an object; otherwise the error at its path.</summary>
        public bool IsObject(JsonElement e, string path) =>
            e.ValueKind == JsonValueKind.Object || Fail<bool>(path, $"应为对象，实际是{KindName(e)}");

        public string? String(JsonElement obj, string name, string path, bool required = true, int maxLength = MaxTextLength)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return required ? Fail<string?>($"{path}.{name}", "必须填写") : null;
            }

            return TextOf(value, $"{path}.{name}", maxLength);
        }

        /// <summary>An item of a list of texts (notes, participants).</summary>
        public string Text(JsonElement e, string path) => TextOf(e, path, MaxTextLength)!;

        private string? TextOf(JsonElement value, string path, int maxLength)
        {
            if (value.ValueKind != JsonValueKind.String || value.GetString()!.Trim().Length == 0)
            {
                return Fail<string?>(path, $"应为非空文字，实际是{KindName(value)}");
            }

            var text = value.GetString()!.Trim();
            return text.Length > maxLength ? Fail<string?>(path, $"不能超过 {maxLength} 个字，实际 {text.Length} 个") : text;
        }

        private static string KindName(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "对象",
            JsonValueKind.Array => "数组",
            JsonValueKind.String => e.GetString()!.Trim().Length == 0 ? "空文字" : "文字",
            JsonValueKind.Number => "数字",
            JsonValueKind.True or JsonValueKind.False => "真假值",
            _ => "空值（null）",
        };

        public int? Int(JsonElement obj, string name, string path, int min, int max, bool required = true)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return required ? Fail<int?>($"{path}.{name}", "必须填写") : null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max
                ? number
                : Fail<int?>($"{path}.{name}", $"应为 {min} 到 {max} 之间的整数，实际是{(value.ValueKind == JsonValueKind.Number ? Shown(value.GetRawText()) : KindName(value))}");
        }

        private static string Shown(string text) => text.Length > 30 ? text[..30] + "…" : text;

        public IReadOnlyList<T> Array<T>(JsonElement obj, string name, string path, Func<JsonElement, string, T> item, bool required = true)
        {
            if (!obj.TryGetProperty(name, out var value))
            {
                return required ? Fail<IReadOnlyList<T>>($"{path}.{name}", "必须填写") ?? [] : [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                return Fail<IReadOnlyList<T>>($"{path}.{name}", $"应为数组，实际是{KindName(value)}") ?? [];
            }

            if (value.GetArrayLength() > MaxArrayItems)
            {
                return Fail<IReadOnlyList<T>>($"{path}.{name}", $"最多 {MaxArrayItems} 项，实际 {value.GetArrayLength()} 项") ?? [];
            }

            // An item that failed (null) leaves its errors behind and is not kept.
            return value.EnumerateArray().Select((e, i) => item(e, $"{path}.{name}[{i}]")).Where(x => x is not null).ToList();
        }

        public RuleTask Task(JsonElement e, string path) => !IsObject(e, path) ? null! : WithKind(new RuleTask(
            String(e, "id", path, maxLength: MaxIdLength) ?? "",
            String(e, "name", path) ?? "",
            String(e, "lead", path) ?? "",
            Array(e, "participants", path, Text, required: false),
            Array(e, "quotas", path, Quota, required: false),
            Array(e, "deadlines", path, Deadline, required: false)), e, path);

        private Quota Quota(JsonElement e, string path)
        {
            if (!IsObject(e, path))
            {
                return null!;
            }

            var level = String(e, "level", path, required: false);
            if (level is not null && !System.Enum.GetNames<Regions.RegionLevel>().Contains(level, StringComparer.Ordinal))
            {
                Fail<int>($"{path}.level", $"“{Shown(level)}”应为 {string.Join("、", System.Enum.GetNames<Regions.RegionLevel>())} 之一");
            }

            var region = String(e, "region", path, required: false);
            if ((level is null) == (region is null))
            {
                Fail<int>(path, "level（层级）与 region（地区或单位）须且只能填一个");
            }

            var per = String(e, "per", path) switch
            {
                "year" => QuotaPeriod.Year,
                "period" or "plan" => QuotaPeriod.Period,
                "years" => QuotaPeriod.Years,
                null => QuotaPeriod.Year,
                var other => Fail<QuotaPeriod>($"{path}.per", $"“{other}”应为 year（每年）、plan（整个规划期）或 years（指定年度）"),
            };
            var min = Int(e, "min", path, 0, 100_000, required: false);
            var max = Int(e, "max", path, 0, 100_000, required: false);
            var share = Fraction(e, "share", path);
            if (min is null && max is null && share is null)
            {
                Fail<int>(path, "min、max、share 至少填一个");
            }

            if (min > max)
            {
                Fail<int>($"{path}.max", $"上限 {max} 小于下限 {min}");
            }

            var memberUnit = String(e, "memberUnit", path, required: false, maxLength: 50);
            if (region is not null && region.IndexOf('/') is var slash and > 0)
            {
                // Files before member units existed wrote "430600/总工会".
                memberUnit ??= region[(slash + 1)..];
                region = region[..slash];
            }

            if (memberUnit is not null && region is null)
            {
                Fail<int>($"{path}.memberUnit", "成员单位须与 region（地区）一起填写");
            }

            var years = Array(e, "years", path, (y, p) => y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var n) && n is >= Input.PortalYears.Earliest and <= Input.PortalYears.RuleSetLatest
                ? n : Fail<int>(p, $"应为 {Input.PortalYears.Earliest} 到 {Input.PortalYears.RuleSetLatest} 之间的年度"), required: false);
            if ((per == QuotaPeriod.Years) != (years.Count > 0))
            {
                Fail<int>($"{path}.years", per == QuotaPeriod.Years ? "per 为 years 时须列出年度" : "只有 per 为 years 时才能列出年度");
            }

            return new Quota(level, region, per, min, max, String(e, "unit", path) ?? "", share, String(e, "note", path, required: false))
            {
                MemberUnit = memberUnit,
                Years = years,
                Tier = String(e, "tier", path, required: false, maxLength: MaxIdLength),
                Approximate = Bool(e, "approx", path) ?? false,
            };
        }

        private Deadline Deadline(JsonElement e, string path) => !IsObject(e, path) ? null! :
            new Deadline(Int(e, "year", path, Input.PortalYears.Earliest, Input.PortalYears.RuleSetLatest, required: false),
                Int(e, "batch", path, 1, Nominations.NominationLimits.MaxBatch, required: false), Date(e, "date", path), String(e, "what", path) ?? "")
            {
                Step = Step(e, path),
                Ledger = LedgerKey(e, "ledger", path, required: false),
            };

        private DateOnly Date(JsonElement e, string name, string path)
        {
            var text = String(e, name, path, maxLength: 10);
            if (text is null)
            {
                return default;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return Fail<DateOnly>($"{path}.{name}", $"“{text}”应为 yyyy-MM-dd 格式的日期");
            }

            return d.Year is >= Input.PortalYears.Earliest and <= Input.PortalYears.RuleSetLatest
                ? d
                : Fail<DateOnly>($"{path}.{name}", $"“{text}”不在 {Input.PortalYears.Earliest} 至 {Input.PortalYears.RuleSetLatest} 年之间");
        }

        public CoverageTarget CoverageTarget(JsonElement e, string path)
        {
            if (!IsObject(e, path))
            {
                return null!;
            }

            var units = String(e, "units", path) switch
            {
                "largeMediumEnterprises" => CoverageUnits.LargeMediumEnterprises,
                "townsAndParks" => CoverageUnits.TownsAndParks,
                "memberUnits" => CoverageUnits.MemberUnits,
                null => default,
                var other => Fail<CoverageUnits>($"{path}.units", $"“{other}”应为 largeMediumEnterprises（大中型企业）、townsAndParks（乡镇街道、园区）或 memberUnits（成员单位）"),
            };
            return new CoverageTarget(
                String(e, "id", path, maxLength: MaxIdLength) ?? "",
                String(e, "name", path) ?? "",
                units,
                Int(e, "minCoordinators", path, 1, 100) ?? 0,
                Date(e, "deadline", path),
                String(e, "clause", path) ?? "")
            {
                Share = Fraction(e, "share", path) ?? 1m,
            };
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
            if (!IsObject(e, path))
            {
                return null!;
            }

            foreach (var (name, kind) in new[] { ("all", GroupKind.All), ("any", GroupKind.Any) })
            {
                if (e.TryGetProperty(name, out _))
                {
                    var members = Array(e, name, path, Node);
                    return members.Count > 0 ? WithYears(new CriterionGroup(kind, String(e, "text", path, required: false), members), e, path) : Fail<CriterionNode>($"{path}.{name}", "至少要有一项");
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

            return WithYears(new Criterion(String(e, "id", path, maxLength: MaxIdLength) ?? "", String(e, "text", path) ?? "", String(e, "clause", path) ?? "", test), e, path);
        }

        private CriterionTest? Test(JsonElement e, string path)
        {
            if (!IsObject(e, path))
            {
                return null;
            }

            var fact = String(e, "fact", path, maxLength: MaxIdLength);
            if (fact is not null && OfficeHonourFacts.Is(fact))
            {
                Fail<int>($"{path}.fact", $"“{fact}”：选树条件只能引用三类金牌称号；自定义称号的逐年层级递进由其层级的 requiresTierBelow 设定");
            }
            else if (fact is not null && HonourFacts.IsHonour(fact) && HonourFacts.Parse(fact) is null)
            {
                Fail<int>($"{path}.fact", $"未知的称号“{fact}”：应为 honour:coordinator、honour:socialOrganization 或 honour:mediationOrganization，可加“:层级编号”");
            }
            else if (fact is not null && !HonourFacts.IsHonour(fact) && !LedgerFacts.Known.Contains(fact))
            {
                Fail<int>($"{path}.fact", $"未知的台账指标“{fact}”，可用：{string.Join("、", LedgerFacts.Known)}，或称号 honour:…");
            }

            var op = String(e, "op", path) switch
            {
                "atLeast" => TestOperator.AtLeast,
                "atMost" => TestOperator.AtMost,
                "isTrue" => TestOperator.IsTrue,
                "noneWithinYears" => TestOperator.NoneWithinYears,
                "isFalse" => TestOperator.IsFalse,
                "held" => TestOperator.Held,
                "notHeld" => TestOperator.NotHeld,
                null => null,
                var other => Fail<TestOperator?>($"{path}.op", $"“{other}”应为 atLeast、atMost、isTrue、isFalse、noneWithinYears、held 或 notHeld"),
            };
            if (fact is not null && op is not null && HonourFacts.IsHonour(fact) != (op is TestOperator.Held or TestOperator.NotHeld))
            {
                Fail<int>($"{path}.op", HonourFacts.IsHonour(fact) ? "称号只能按 held（此前年度已获）或 notHeld（此前年度未获）判断" : "held、notHeld 只用于称号（honour:…）");
            }

            var value = !e.TryGetProperty("value", out var v) || v.ValueKind == JsonValueKind.Null ? null
                : v.ValueKind == JsonValueKind.Number ? v.GetRawText()
                : v.ValueKind == JsonValueKind.String ? TextOf(v, $"{path}.value", MaxIdLength)
                : Fail<string?>($"{path}.value", $"应为数字或文字，实际是{KindName(v)}");
            if (op is not null and not (TestOperator.IsTrue or TestOperator.IsFalse or TestOperator.Held or TestOperator.NotHeld) && value is null)
            {
                Fail<int>($"{path}.value", "必须填写");
            }
            else if (value is not null && fact is not null && op is not null && ValueError(fact, op.Value, value) is { } error)
            {
                Fail<int>($"{path}.value", error);
            }

            return fact is null || op is null ? null : new CriterionTest(fact, op.Value, value);
        }

        /// <summary>The evaluator reads the value as a whole number of years or on the fact's scale: anything else is refused here, not when a nominee is checked.</summary>
        private static string? ValueError(string fact, TestOperator op, string value) => op switch
        {
            TestOperator.NoneWithinYears or TestOperator.Held or TestOperator.NotHeld => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years is >= 1 and <= 100
                ? null
                : $"“{Shown(value)}”应为 1 到 100 之间的整数（年）",
            TestOperator.AtLeast or TestOperator.AtMost => LedgerFacts.Required(fact, value) is { } number && Math.Abs(number) <= MaxTestValue
                ? null
                : $"“{Shown(value)}”不是指标“{fact}”可比较的值（数字不超过 {MaxTestValue:0}，或学历、技能等级的名称）",
            _ => null,
        };
    }
}
