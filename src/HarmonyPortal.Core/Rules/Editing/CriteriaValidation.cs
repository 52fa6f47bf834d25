using System.Globalization;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>
/// Turns a typed node into a criterion or group, or says what is wrong with each field: a fact the category's ledger
/// lacks, a comparison the fact does not support, a threshold off the fact's scale, years outside the plan, no wording.
/// </summary>
internal sealed class CriteriaValidation(RuleSet set, GoldCategory category)
{
    private readonly List<CriteriaEditError> errors = [];

    public IReadOnlyList<CriteriaEditError> Errors => errors;

    /// <summary>A criterion with the given id, or null when a field is wrong (the errors say which).</summary>
    public Criterion? Criterion(CriteriaInput input, string id, string prefix = "")
    {
        if (input.IsGroup)
        {
            errors.Add(new($"{prefix}Kind", "请选择“系统判断的条件”或“需审核确认的条件”"));
            return null;
        }

        var text = Required(input.Text, $"{prefix}Text", "请填写条件的原文（通知中的表述）");
        var clause = Required(input.Clause, $"{prefix}Clause", "请填写条款出处，如“第二条第（一）项”");
        var test = input.Kind == CriteriaInputKind.Automatic ? Test(input, prefix) : null;
        var (from, to) = Years(input, prefix);
        return errors.Count > 0 ? null : new Criterion(id, text!, clause!, test) { FromYear = from, ToYear = to };
    }

    /// <summary>A group holding the given members, or null when a field is wrong.</summary>
    public CriterionGroup? Group(CriteriaInput input, IReadOnlyList<CriterionNode> members, string prefix = "")
    {
        var text = Optional(input.Text, $"{prefix}Text");
        var (from, to) = Years(input, prefix);
        var kind = input.Kind == CriteriaInputKind.AllOf ? GroupKind.All : GroupKind.Any;
        return errors.Count > 0 ? null : new CriterionGroup(kind, text, members) { FromYear = from, ToYear = to };
    }

    private CriterionTest? Test(CriteriaInput input, string prefix)
    {
        if (string.IsNullOrWhiteSpace(input.Fact))
        {
            errors.Add(new($"{prefix}Fact", "请选择系统判断所依据的台账字段"));
            return null;
        }

        var fact = CriteriaFacts.For(set, category).FirstOrDefault(f => f.Key == input.Fact);
        if (fact is null)
        {
            errors.Add(new($"{prefix}Fact", LedgerFacts.Known.Contains(input.Fact)
                ? $"“{CriteriaFacts.Label(input.Fact)}”不是{CriteriaFacts.CategoryShortName(category)}台账的字段"
                : HonourFacts.Parse(input.Fact) is { } honour
                ? honour.Category != category
                    ? $"只能引用{CriteriaFacts.CategoryShortName(category)}本身的称号（同一人或组织的以往记录）"
                    : $"本规划的“{HonourFacts.Label(HonourFacts.Key(category, null), set)}”没有层级“{honour.Tier}”，请从列表中选择"
                : "请从列表中选择台账字段"));
            return null;
        }

        var comparison = CriteriaFacts.ParseOperator(input.Operator) is { } op ? fact.Comparison(op) : null;
        if (comparison is null)
        {
            errors.Add(new($"{prefix}Operator", $"“{fact.Label}”只能按以下方式判断：{string.Join("、", fact.Comparisons.Select(c => c.Label))}"));
            return null;
        }

        var value = Value(fact, comparison, input.Value?.Trim(), $"{prefix}Value");
        return value is null && comparison.ValueKind is not (CriteriaValueKind.None or CriteriaValueKind.OptionalYears) ? null : new CriterionTest(fact.Key, comparison.Operator, value);
    }

    private string? Value(CriteriaFact fact, CriteriaComparison comparison, string? value, string field)
    {
        if (comparison.ValueKind == CriteriaValueKind.None || (comparison.ValueKind == CriteriaValueKind.OptionalYears && string.IsNullOrEmpty(value)))
        {
            return null;
        }

        if (string.IsNullOrEmpty(value))
        {
            return Fail(field, comparison.ValueKind == CriteriaValueKind.Level ? $"请选择{fact.Label}" : $"请填写{Unit(fact, comparison)}");
        }

        switch (comparison.ValueKind)
        {
            case CriteriaValueKind.Level:
                var enumType = fact.Key == "Education" ? typeof(Education) : typeof(SkillLevel);
                return Labels.TryParse(enumType, value, out var level) && Labels.Text(enumType, level) is { } name && fact.Levels.Contains(name)
                    ? name
                    : Fail(field, $"“{value}”不是{fact.Label}的选项，可选：{string.Join("、", fact.Levels)}");
            case CriteriaValueKind.Percent:
                var percent = value.TrimEnd('%', '％').Trim();
                return decimal.TryParse(percent, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate is > 0 and <= 100
                    ? rate.ToString("0.##", CultureInfo.InvariantCulture)
                    : Fail(field, $"“{value}”不是有效的{fact.Label}：应为 0 到 100 之间的数（百分比），如 65");
            case CriteriaValueKind.Count:
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= RuleSetReader.MaxTestValue
                    ? count.ToString(CultureInfo.InvariantCulture)
                    : Fail(field, $"“{value}”不是有效的{fact.Label}：应为不小于 1 的整数");
            default:
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years is >= 1 and <= 100
                    ? years.ToString(CultureInfo.InvariantCulture)
                    : Fail(field, $"“{value}”不是有效的年数：应为 1 到 100 之间的整数");
        }
    }

    private static string Unit(CriteriaFact fact, CriteriaComparison comparison) => comparison.ValueKind switch
    {
        CriteriaValueKind.Percent => $"{fact.Label}（%）",
        CriteriaValueKind.Count => $"{fact.Label}（人）",
        _ => "年数",
    };

    private (int? From, int? To) Years(CriteriaInput input, string prefix)
    {
        var from = Year(input.FromYear, $"{prefix}FromYear", "起始");
        var to = Year(input.ToYear, $"{prefix}ToYear", "截止");
        if (from is { } f && to is { } t && f > t)
        {
            errors.Add(new($"{prefix}ToYear", $"截止年份 {t} 早于起始年份 {f}"));
        }

        return (from, to);
    }

    private int? Year(string? text, string field, string which)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim().TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            errors.Add(new(field, $"{which}年份“{text.Trim()}”应为四位数字，如 {set.FromYear}"));
            return null;
        }

        if (!set.Governs(year))
        {
            errors.Add(new(field, $"{which}年份 {year} 不在规划期 {set.PeriodText}内"));
            return null;
        }

        return year;
    }

    private string? Required(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, message));
            return null;
        }

        return Optional(text, field);
    }

    private string? Optional(string? text, string field)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is { Length: > RuleSetReader.MaxTextLength })
        {
            errors.Add(new(field, $"不能超过 {RuleSetReader.MaxTextLength} 个字，实际 {trimmed.Length} 个"));
            return null;
        }

        return trimmed;
    }

    private string? Fail(string field, string message)
    {
        errors.Add(new(field, message));
        return null;
    }
}
