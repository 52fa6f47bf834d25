using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Rules;

namespace HarmonyPortal.Web.Features.Rules.Drafts;

/// <summary>
/// Turns the editor's forms into rule elements. A form's own errors (a field left empty, a date that is no date) are
/// found here with the field they belong to; the reader and the checker then judge the whole plan, and their errors
/// are placed on the form's fields by <see cref="FieldOf"/>.
/// </summary>
public static class DraftEdits
{
    public static (RuleSet Set, Dictionary<string, string> Errors) Basics(RuleSet set, BasicsInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Required(errors, "Name", input.Name, "请填写规划名称");
        Required(errors, "Source", input.Source, "请填写规划依据（如：实施方案及附件）");
        if (input.ToYear is not { } to || to < set.FromYear)
        {
            errors["ToYear"] = $"结束年度应不早于开始年度 {set.FromYear}";
        }

        var issuers = input.Issuers.Select(i => i.Trim()).Where(i => i.Length > 0).Concat(BasicsInput.Lines(input.OtherIssuers)).Distinct(StringComparer.Ordinal).ToList();
        return (set with
        {
            Name = input.Name?.Trim() ?? "",
            Source = input.Source?.Trim() ?? "",
            DocumentNumber = string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : input.DocumentNumber.Trim(),
            Issuers = issuers,
            ToYear = input.ToYear ?? set.ToYear,
            Inherits = new Inheritance(input.InheritCriteria, input.InheritQuotas, input.InheritDeadlines),
            Notes = BasicsInput.Lines(input.Notes),
        }, errors);
    }

    /// <summary>The task the form describes; a new task gets the next free id, an edited one keeps its id, quotas and deadlines.</summary>
    public static (RuleTask Task, Dictionary<string, string> Errors) Task(RuleTask? existing, TaskInput input, IReadOnlyList<RuleTask> tasks)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Required(errors, "Name", input.Name, "请填写任务名称");
        Required(errors, "Lead", input.Lead, "请选择牵头单位");
        var id = existing?.Id ?? NextId(tasks);
        var task = new RuleTask(id, input.Name?.Trim() ?? "", input.Lead?.Trim() ?? "",
            input.Participants.Select(p => p.Trim()).Where(p => p.Length > 0 && p != input.Lead?.Trim()).Distinct(StringComparer.Ordinal).ToList(),
            existing?.Quotas ?? [], existing?.Deadlines ?? [])
        {
            Kind = input.Kind,
            Clause = string.IsNullOrWhiteSpace(input.Clause) ? null : input.Clause.Trim(),
        };
        switch (input.Kind)
        {
            case TaskKind.Honour:
                var ledger = input.HonourCategory is { } category ? TaskKinds.LedgerOf(category) : input.HonourLedger;
                Required(errors, "HonourLedger", ledger, "请选择授予对象所在的台账");
                var title = string.IsNullOrWhiteSpace(input.HonourTitle) && input.HonourCategory is { } c ? TaskKinds.TitleOf(c) : input.HonourTitle?.Trim();
                Required(errors, "HonourTitle", title, "请填写授予的称号");
                var tierNames = (input.Tiers ?? "").Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var tiers = tierNames.Select((n, i) => new HonourTier(existing?.Honour?.Tiers.FirstOrDefault(t => t.Name == n)?.Id ?? $"tier{i + 1}", n, input.TiersProgressive && i > 0)).ToList();
                if (tiers.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count() != tiers.Count || tierNames.Distinct(StringComparer.Ordinal).Count() != tierNames.Length)
                {
                    errors["Tiers"] = "层级名称不能重复";
                }

                if (input.HonourCategory is { } gold && tasks.FirstOrDefault(t => t.Id != id && t.Honour?.Category == gold) is { } other)
                {
                    errors["HonourCategory"] = $"“{TaskKinds.TitleOf(gold)}”已由任务“{other.Name}”授予，一个规划每个金牌类别只能有一项授予任务";
                }

                return (task with { Honour = new Honour(input.HonourCategory, title ?? "", ledger ?? "", input.SelectingLevel, tiers) }, errors);
            case TaskKind.LedgerCount or TaskKind.LedgerShare:
                Required(errors, "MeasureLedger", input.MeasureLedger, "请选择计数的台账");
                var field = string.IsNullOrWhiteSpace(input.MeasureField) ? null : input.MeasureField.Trim();
                var value = string.IsNullOrWhiteSpace(input.MeasureValue) ? null : input.MeasureValue.Trim();
                if (field is not null && value is null)
                {
                    errors["MeasureValue"] = "选了字段就要填写取值（如：是）";
                }
                else if (field is null && value is not null)
                {
                    errors["MeasureField"] = "填写了取值就要选择字段";
                }
                else if (field is null && input.Kind == TaskKind.LedgerShare)
                {
                    errors["MeasureField"] = "比例类任务须指明哪些行算作达到（如：是否达标 = 是）";
                }

                return (task with { Measure = new LedgerMeasure(input.MeasureLedger?.Trim() ?? "", field, value) }, errors);
            case TaskKind.Indicator:
                Required(errors, "IndicatorLabel", input.IndicatorLabel, "请填写报告的指标（如：年培训人数）");
                Required(errors, "IndicatorUnit", input.IndicatorUnit, "请填写单位（如：人、%）");
                return (task with { Indicator = new Indicator(input.IndicatorLabel?.Trim() ?? "", input.IndicatorUnit?.Trim() ?? ""), SubmittedBy = input.SubmittedBy }, errors);
            case TaskKind.Material:
                if (input.Material is null)
                {
                    errors["Material"] = "请选择材料类型";
                }

                return (task with { Material = input.Material, SubmittedBy = input.SubmittedBy }, errors);
            case TaskKind.DisplayOnly:
                Required(errors, "DisplayReason", input.DisplayReason, "请说明为什么只展示不计量");
                return (task with { DisplayReason = input.DisplayReason?.Trim() }, errors);
            default:
                return (task, errors);
        }
    }

    public static (Deadline? Deadline, Dictionary<string, string> Errors) Deadline(RuleSet set, DeadlineInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.TaskIndex < 0 || input.TaskIndex >= set.Tasks.Count)
        {
            errors["TaskIndex"] = "请选择任务";
        }

        var date = input.ParsedDate();
        if (date is null)
        {
            errors["Date"] = string.IsNullOrWhiteSpace(input.Date) ? "请填写截止日期" : $"“{input.Date}”不是日期，应写作 2024-11-15";
        }

        if (input.Step == DeadlineStep.Ledger && (string.IsNullOrWhiteSpace(input.Ledger) || LedgerCatalog.Find(input.Ledger) is null))
        {
            errors["Ledger"] = "台账报送期限须选择台账";
        }

        var what = string.IsNullOrWhiteSpace(input.What) ? RuleTexts.StepName(input.Step) : input.What.Trim();
        return errors.Count > 0 ? (null, errors) : (new Deadline(input.Year, input.Batch, date!.Value, what)
        {
            Step = input.Step,
            Ledger = input.Step == DeadlineStep.Ledger ? input.Ledger : null,
        }, errors);
    }

    /// <summary>
    /// The form field a reader or checker error belongs to: "$.tasks[2].measure.field" is the task form's MeasureField,
    /// "$.tasks[2].deadlines[0].date" the deadline form's Date, "$.name" the basics form's Name; anything else is shown
    /// above the form (key "").
    /// </summary>
    public static string FieldOf(string path)
    {
        var tail = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "");
        tail = tail.StartsWith("$.tasks.deadlines.", StringComparison.Ordinal) ? tail["$.tasks.deadlines.".Length..]
            : tail.StartsWith("$.tasks.", StringComparison.Ordinal) ? tail["$.tasks.".Length..]
            : tail.StartsWith("$.", StringComparison.Ordinal) ? tail[2..] : "";
        var name = string.Concat(tail.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
        return name switch
        {
            "FromYear" => "ToYear",
            "HonourTiersRequiresTierBelow" or "HonourTiersName" or "HonourTiersId" or "HonourTiers" => "Tiers",
            "HonourSelectingLevel" => "SelectingLevel",
            "Issuers" or "Participants" or "Name" or "Source" or "DocumentNumber" or "ToYear" or "Notes" or "Lead" or "Clause" or "HonourTitle" or "HonourLedger"
                or "HonourCategory" or "MeasureLedger" or "MeasureField" or "MeasureValue" or "IndicatorLabel" or "IndicatorUnit" or "Material" or "SubmittedBy" or "DisplayReason"
                or "Date" or "Year" or "Batch" or "Step" or "What" or "Ledger" => name,
            _ => "",
        };
    }

    private static string NextId(IReadOnlyList<RuleTask> tasks)
    {
        var n = tasks.Count + 1;
        while (tasks.Any(t => t.Id == $"task-{n}"))
        {
            n++;
        }

        return $"task-{n}";
    }

    private static void Required(Dictionary<string, string> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.TryAdd(field, message);
        }
    }
}
