using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using HarmonyPortal.Core.Rules;
using Xunit;

namespace HarmonyPortal.Core.Tests.Rules;

/// <summary>
/// Every property of the rule format (docs/rules/ruleset.schema.json) is read: set in a sample plan, it changes the rule
/// set <see cref="RuleSetReader"/> parses — or it is listed in <see cref="NotRead"/> with the reason, and setting it alone
/// then changes nothing or is refused. A property added to the schema with neither fails
/// <see cref="EverySchemaProperty_HasASampleOrAReason"/>. (What a changed element does for a user is tested per element
/// elsewhere: RuleElementTests, the checker's files, the editor's tests.)
/// </summary>
public sealed class SchemaElementTests
{
    /// <summary>A plan using every part of the format once.</summary>
    private const string Base = """
        {
          "jurisdiction": "140000", "name": "样例规划", "source": "样例文件", "documentNumber": "晋样〔2021〕1号", "issuers": ["山西省人力资源和社会保障厅"],
          "fromYear": 2021, "toYear": 2023,
          "inherits": { "criteria": true, "quotas": true, "deadlines": true },
          "tasks": [
            { "id": "gold", "name": "金牌协调员", "lead": "人社厅", "participants": ["总工会"], "kind": "honour", "clause": "一",
              "honour": { "category": "coordinator", "title": "金牌劳动关系协调员", "selectingLevel": "Province",
                          "tiers": [ { "id": "bronze", "name": "铜牌" }, { "id": "silver", "name": "银牌", "requiresTierBelow": false } ] },
              "quotas": [ { "level": "County", "per": "year", "min": 1, "unit": "名", "tier": "bronze" } ],
              "deadlines": [ { "year": 2021, "date": "2021-09-30", "what": "推荐报市", "step": "submit" } ] },
            { "id": "count", "name": "和谐企业", "lead": "人社厅", "kind": "ledgerCount", "measure": { "ledger": "harmonious-enterprises" },
              "quotas": [ { "region": "140900", "per": "plan", "min": 3, "unit": "户" },
                          { "region": "140900", "per": "years", "years": [2021, 2022], "min": 1, "unit": "户" } ],
              "deadlines": [ { "date": "2021-12-20", "what": "台账报送", "step": "ledger", "ledger": "harmonious-enterprises" } ] },
            { "id": "indicator", "name": "培训人数", "lead": "人社厅", "kind": "indicator", "indicator": { "label": "年培训人数", "unit": "人" } },
            { "id": "material", "name": "总结材料", "lead": "人社厅", "kind": "material", "material": "summary" },
            { "id": "display", "name": "宣传", "lead": "人社厅", "participants": ["总工会"], "kind": "displayOnly", "clause": "五", "displayReason": "无可计量的数字" },
            { "id": "model", "name": "培育达标企业典型", "lead": "人社厅", "kind": "honour", "honour": { "title": "培育达标企业典型", "ledger": "harmonious-enterprises" } },
            { "id": "share", "name": "指引比例", "lead": "人社厅", "kind": "ledgerShare",
              "measure": { "ledger": "wage-guidance", "field": "指引类别", "value": "技能人才薪酬分配指引" },
              "quotas": [ { "level": "City", "per": "year", "share": 0.8, "unit": "%" } ] }
          ],
          "criteria": {
            "coordinator": { "text": "同时满足", "all": [
              { "id": "c1", "text": "高中以上学历", "clause": "一", "kind": "automatic", "test": { "fact": "Education", "op": "atLeast", "value": "高中" } },
              { "id": "c2", "text": "持有证书", "clause": "二", "kind": "automatic", "test": { "fact": "HoldsCertificate", "op": "isTrue" } },
              { "id": "c3", "text": "遵纪守法", "clause": "三", "kind": "attested" } ] }
          },
          "notes": ["样例说明"],
          "coverageTargets": [ { "id": "cov", "name": "大中型企业配备", "units": "largeMediumEnterprises", "minCoordinators": 1, "deadline": "2023-12-31", "clause": "四" } ]
        }
        """;

    private const string Attested = """{ "id": "x1", "text": "另一条件", "clause": "九", "kind": "attested" }""";

    /// <summary>
    /// Each schema property (named by where the schema defines it: the root, or a <c>$defs</c> entry, then the property path)
    /// and how the sample sets it: a path in the sample and the new JSON value, or an edit.
    /// </summary>
    private static readonly Dictionary<string, Action<JsonObject>> Samples = new(StringComparer.Ordinal)
    {
        ["jurisdiction"] = Set("jurisdiction", "\"140900\""),
        ["name"] = Set("name", "\"另一规划\""),
        ["source"] = Set("source", "\"另一文件\""),
        ["documentNumber"] = Set("documentNumber", "\"晋样〔2021〕2号\""),
        ["issuers"] = Set("issuers", """["山西省总工会"]"""),
        ["fromYear"] = Set("fromYear", "2022"),
        ["toYear"] = Set("toYear", "2024"),
        ["inherits"] = Set("inherits", """{ "criteria": false, "quotas": false, "deadlines": false }"""),
        ["inherits.criteria"] = Set("inherits.criteria", "false"),
        ["inherits.quotas"] = Set("inherits.quotas", "false"),
        ["inherits.deadlines"] = Set("inherits.deadlines", "false"),
        ["tasks"] = plan => plan["tasks"]!.AsArray().RemoveAt(4),
        ["criteria"] = Set("criteria", "{}"),
        ["criteria.coordinator"] = Set("criteria.coordinator", Attested),
        ["criteria.socialOrganization"] = Set("criteria.socialOrganization", Attested),
        ["criteria.mediationOrganization"] = Set("criteria.mediationOrganization", Attested),
        ["notes"] = Set("notes", """["另一说明"]"""),
        ["coverageTargets"] = Set("coverageTargets", "[]"),

        ["coverageTarget.id"] = Set("coverageTargets[0].id", "\"cov-2\""),
        ["coverageTarget.name"] = Set("coverageTargets[0].name", "\"乡镇配备\""),
        ["coverageTarget.units"] = Set("coverageTargets[0].units", "\"townsAndParks\""),
        ["coverageTarget.minCoordinators"] = Set("coverageTargets[0].minCoordinators", "2"),
        ["coverageTarget.share"] = Set("coverageTargets[0].share", "0.5"),
        ["coverageTarget.deadline"] = Set("coverageTargets[0].deadline", "\"2023-06-30\""),
        ["coverageTarget.clause"] = Set("coverageTargets[0].clause", "\"四（二）\""),

        ["task.id"] = Set("tasks[4].id", "\"display-2\""),
        ["task.name"] = Set("tasks[4].name", "\"宣传推广\""),
        ["task.lead"] = Set("tasks[4].lead", "\"总工会\""),
        ["task.participants"] = Set("tasks[4].participants", """["工商联"]"""),
        ["task.kind"] = Set("tasks[1].kind", "\"coverage\""),
        ["task.clause"] = Set("tasks[4].clause", "\"六\""),
        ["task.honour"] = Set("tasks[5].honour", """{ "title": "另一典型", "ledger": "harmonious-enterprises" }"""),
        ["task.measure"] = Set("tasks[1].measure", """{ "ledger": "key-enterprises" }"""),
        ["task.indicator"] = Set("tasks[2].indicator", """{ "label": "反馈比例", "unit": "%" }"""),
        ["task.indicator.label"] = Set("tasks[2].indicator.label", "\"年培训人次\""),
        ["task.indicator.unit"] = Set("tasks[2].indicator.unit", "\"人次\""),
        ["task.material"] = Set("tasks[3].material", "\"experience\""),
        ["task.submittedBy"] = Set("tasks[3].submittedBy", "\"County\""),
        ["task.displayReason"] = Set("tasks[4].displayReason", "\"另一理由\""),
        ["task.quotas"] = Set("tasks[3].quotas", """[ { "level": "City", "per": "plan", "min": 1, "unit": "份" } ]"""),
        ["task.deadlines"] = Set("tasks[3].deadlines", """[ { "date": "2023-08-31", "what": "报省" } ]"""),

        ["honour.category"] = Set("tasks[0].honour.category", "\"socialOrganization\""),
        ["honour.title"] = Set("tasks[0].honour.title", "\"金牌协调员\""),
        ["honour.ledger"] = Set("tasks[5].honour.ledger", "\"coordinators\""),
        ["honour.selectingLevel"] = Set("tasks[0].honour.selectingLevel", "\"City\""),
        ["honour.tiers"] = Set("tasks[0].honour.tiers", """[ { "id": "bronze", "name": "铜牌" } ]"""),
        ["honour.tiers.id"] = Set("tasks[0].honour.tiers[1].id", "\"silver-2\""),
        ["honour.tiers.name"] = Set("tasks[0].honour.tiers[1].name", "\"白银\""),
        ["honour.tiers.requiresTierBelow"] = Set("tasks[0].honour.tiers[1].requiresTierBelow", "true"),

        ["measure.ledger"] = Set("tasks[1].measure.ledger", "\"key-enterprises\""),
        ["measure.field"] = plan => { Set("tasks[1].measure.field", "\"是否达标\"")(plan); Set("tasks[1].measure.value", "\"是\"")(plan); },
        ["measure.value"] = Set("tasks[6].measure.value", "\"民营企业薪酬分配示范\""),

        ["quota.level"] = Set("tasks[0].quotas[0].level", "\"City\""),
        ["quota.region"] = Set("tasks[1].quotas[0].region", "\"140100\""),
        ["quota.memberUnit"] = Set("tasks[1].quotas[0].memberUnit", "\"总工会\""),
        ["quota.per"] = Set("tasks[0].quotas[0].per", "\"plan\""),
        ["quota.years"] = Set("tasks[1].quotas[1].years", "[2022, 2023]"),
        ["quota.min"] = Set("tasks[0].quotas[0].min", "2"),
        ["quota.max"] = Set("tasks[0].quotas[0].max", "5"),
        ["quota.share"] = Set("tasks[6].quotas[0].share", "0.9"),
        ["quota.tier"] = Set("tasks[0].quotas[0].tier", "\"silver\""),
        ["quota.approx"] = Set("tasks[0].quotas[0].approx", "true"),
        ["quota.unit"] = Set("tasks[0].quotas[0].unit", "\"人\""),
        ["quota.note"] = Set("tasks[0].quotas[0].note", "\"配额说明\""),

        ["deadline.year"] = Set("tasks[0].deadlines[0].year", "2022"),
        ["deadline.batch"] = Set("tasks[0].deadlines[0].batch", "1"),
        ["deadline.date"] = Set("tasks[0].deadlines[0].date", "\"2021-10-31\""),
        ["deadline.what"] = Set("tasks[0].deadlines[0].what", "\"推荐报省\""),
        ["deadline.step"] = Set("tasks[0].deadlines[0].step", "\"report\""),
        ["deadline.ledger"] = Set("tasks[1].deadlines[0].ledger", "\"key-enterprises\""),

        ["node.all"] = plan => plan["criteria"]!["coordinator"]!["all"]!.AsArray().RemoveAt(2),
        ["node.any"] = plan =>
        {
            var group = plan["criteria"]!["coordinator"]!.AsObject();
            var members = group["all"]!;
            group.Remove("all");
            group["any"] = members.DeepClone();
        },
        ["node.text"] = Set("criteria.coordinator.text", "\"满足其一\""),
        ["node.fromYear"] = Set("criteria.coordinator.fromYear", "2022"),
        ["node.toYear"] = Set("criteria.coordinator.toYear", "2022"),

        ["criterion.id"] = Set("criteria.coordinator.all[0].id", "\"c1b\""),
        ["criterion.text"] = Set("criteria.coordinator.all[0].text", "\"大专以上学历\""),
        ["criterion.clause"] = Set("criteria.coordinator.all[0].clause", "\"一（一）\""),
        ["criterion.fromYear"] = Set("criteria.coordinator.all[0].fromYear", "2022"),
        ["criterion.toYear"] = Set("criteria.coordinator.all[0].toYear", "2022"),
        ["criterion.test"] = Set("criteria.coordinator.all[0].test", """{ "fact": "CurrentlyServing", "op": "isTrue" }"""),
        ["criterion.test.fact"] = Set("criteria.coordinator.all[1].test.fact", "\"CurrentlyServing\""),
        ["criterion.test.op"] = Set("criteria.coordinator.all[0].test.op", "\"atMost\""),
        ["criterion.test.value"] = Set("criteria.coordinator.all[0].test.value", "\"大专\""),
    };

    /// <summary>
    /// Schema properties the reader does not carry into the rule set, each with the reason and a sample that sets it alone
    /// (which must change nothing or be refused).
    /// </summary>
    private static readonly Dictionary<string, (string Reason, Action<JsonObject> Sample)> NotRead = new(StringComparer.Ordinal)
    {
        ["criterion.kind"] = ("Redundant with test: a criterion with a test is automatic, one without is attested. The reader only checks that kind agrees and refuses a file where it does not.",
            Set("criteria.coordinator.all[2].kind", "\"automatic\"")),
    };

    public static TheoryData<string> ReadProperties => [.. Samples.Keys];

    public static TheoryData<string> NotReadProperties => [.. NotRead.Keys];

    [Fact]
    public void EverySchemaProperty_HasASampleOrAReason()
    {
        var properties = SchemaProperties();

        Assert.True(properties.Count > 80, $"only {properties.Count} properties found in the schema");
        Assert.Empty(properties.Except(Samples.Keys).Except(NotRead.Keys)); // a new property needs a sample here, or a reason
        Assert.Empty(Samples.Keys.Concat(NotRead.Keys).Except(properties)); // a sample for a property the schema no longer has
        Assert.Empty(Samples.Keys.Intersect(NotRead.Keys));
    }

    [Fact]
    public void TheSample_ReadsWithoutErrors()
    {
        var (set, errors) = RuleSetReader.Read(Base);

        Assert.Empty(errors);
        Assert.Equal(7, set!.Tasks.Count);
        Assert.Equal(Core.Regions.RegionLevel.Province, set.Tasks[5].Honour!.SelectingLevel); // the schema's default when selectingLevel is left out
    }

    [Theory]
    [MemberData(nameof(ReadProperties))]
    public void SettingAProperty_ChangesTheParsedRuleSet(string property)
    {
        var plan = JsonNode.Parse(Base)!.AsObject();
        Samples[property](plan);

        var (changed, errors) = RuleSetReader.Read(plan.ToJsonString());

        Assert.True(errors.Count == 0, string.Join("; ", errors));
        Assert.NotEqual(Dump(RuleSetReader.Read(Base).RuleSet), Dump(changed));
    }

    [Theory]
    [MemberData(nameof(NotReadProperties))]
    public void APropertyListedAsNotRead_ChangesNothing_OrIsRefused(string property)
    {
        var plan = JsonNode.Parse(Base)!.AsObject();
        NotRead[property].Sample(plan);

        var (changed, errors) = RuleSetReader.Read(plan.ToJsonString());

        Assert.False(string.IsNullOrWhiteSpace(NotRead[property].Reason));
        Assert.True(errors.Count > 0 || Dump(changed) == Dump(RuleSetReader.Read(Base).RuleSet), "the reader carries it after all: give it a sample instead");
    }

    /// <summary>Every property the schema defines: at the root and in each <c>$defs</c> entry, with nested objects, array items and alternatives.</summary>
    private static SortedSet<string> SchemaProperties()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "ruleset.schema.json")));
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Walk(schema.RootElement, "", found);
        foreach (var definition in schema.RootElement.GetProperty("$defs").EnumerateObject())
        {
            Walk(definition.Value, definition.Name + ".", found);
        }

        return found;
    }

    private static void Walk(JsonElement schema, string prefix, SortedSet<string> found)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                found.Add(prefix + property.Name);
                Walk(property.Value, prefix + property.Name + ".", found);
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            Walk(items, prefix, found);
        }

        foreach (var alternatives in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(alternatives, out var list))
            {
                foreach (var alternative in list.EnumerateArray())
                {
                    Walk(alternative, prefix, found);
                }
            }
        }
    }

    /// <summary>Sets the value at a path such as <c>tasks[0].quotas[0].min</c>, adding the last property when it is missing.</summary>
    private static Action<JsonObject> Set(string path, string json) => plan =>
    {
        JsonNode node = plan;
        var steps = path.Split('.');
        foreach (var step in steps[..^1])
        {
            node = Step(node, step);
        }

        var last = steps[^1];
        var value = JsonNode.Parse(json);
        if (last.Contains('['))
        {
            var name = last[..last.IndexOf('[')];
            var index = int.Parse(last[(last.IndexOf('[') + 1)..^1], CultureInfo.InvariantCulture);
            node[name]![index] = value;
        }
        else
        {
            node[last] = value;
        }
    };

    private static JsonNode Step(JsonNode node, string step)
    {
        var bracket = step.IndexOf('[');
        if (bracket < 0)
        {
            return node[step] ?? throw new InvalidOperationException($"the sample has no “{step}”");
        }

        return node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture)]!;
    }

    /// <summary>The parsed rule set as text: every public property of every record, list and dictionary, recursively.</summary>
    private static string Dump(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        Enum or DateOnly or bool => value.ToString()!,
        IFormattable f when value.GetType().IsPrimitive || value is decimal => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary d => "{" + string.Join(",", d.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal).Select(k => Dump(k) + ":" + Dump(d[k]))) + "}",
        IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Dump)) + "]",
        _ => value.GetType().Name + "{" + string.Join(",", value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + Dump(p.GetValue(value)))) + "}",
    };
}
