using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HarmonyPortal.Core.Rules;

/// <summary>
/// Writes a rule set as the JSON file <see cref="RuleSetReader"/> reads (docs/rules/ruleset.schema.json): what the
/// editor's forms save, what a download gives. Chinese stays readable; every task states its kind, so nothing is
/// left to <see cref="TaskKinds.Infer"/>.
/// </summary>
public static class RuleSetWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(RuleSet set)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", set.Jurisdiction);
            w.WriteString("name", set.Name);
            w.WriteString("source", set.Source);
            Optional(w, "documentNumber", set.DocumentNumber);
            Strings(w, "issuers", set.Issuers);
            w.WriteNumber("fromYear", set.FromYear);
            w.WriteNumber("toYear", set.ToYear);
            w.WriteStartObject("inherits");
            w.WriteBoolean("criteria", set.Inherits.Criteria);
            w.WriteBoolean("quotas", set.Inherits.Quotas);
            w.WriteBoolean("deadlines", set.Inherits.Deadlines);
            w.WriteEndObject();
            w.WriteStartArray("tasks");
            foreach (var task in set.Tasks)
            {
                Task(w, task);
            }

            w.WriteEndArray();
            w.WriteStartObject("criteria");
            foreach (var (category, node) in set.Criteria.OrderBy(c => c.Key))
            {
                w.WritePropertyName(CategoryKey(category));
                Node(w, node);
            }

            w.WriteEndObject();
            if (set.CoverageTargets.Count > 0)
            {
                w.WriteStartArray("coverageTargets");
                foreach (var target in set.CoverageTargets)
                {
                    Coverage(w, target);
                }

                w.WriteEndArray();
            }

            Strings(w, "notes", set.Notes, always: true);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string CategoryKey(GoldCategory category) => category switch
    {
        GoldCategory.Coordinator => "coordinator",
        GoldCategory.SocialOrganization => "socialOrganization",
        _ => "mediationOrganization",
    };

    private static void Task(Utf8JsonWriter w, RuleTask task)
    {
        w.WriteStartObject();
        w.WriteString("id", task.Id);
        w.WriteString("name", task.Name);
        w.WriteString("lead", task.Lead);
        Strings(w, "participants", task.Participants, always: true);
        w.WriteString("kind", KindKey(task.Kind));
        Optional(w, "clause", task.Clause);
        switch (task.Kind)
        {
            case TaskKind.Honour when task.Honour is { } h:
                w.WriteStartObject("honour");
                Optional(w, "category", h.Category is { } c ? CategoryKey(c) : null);
                w.WriteString("title", h.Title);
                w.WriteString("ledger", h.Ledger);
                w.WriteString("selectingLevel", h.SelectingLevel.ToString());
                if (h.Tiers.Count > 0)
                {
                    w.WriteStartArray("tiers");
                    foreach (var tier in h.Tiers)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", tier.Id);
                        w.WriteString("name", tier.Name);
                        w.WriteBoolean("requiresTierBelow", tier.RequiresTierBelow);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
                break;
            case TaskKind.LedgerCount or TaskKind.LedgerShare when task.Measure is { } m:
                w.WriteStartObject("measure");
                w.WriteString("ledger", m.Ledger);
                Optional(w, "field", m.Field);
                Optional(w, "value", m.Value);
                w.WriteEndObject();
                break;
            case TaskKind.Indicator when task.Indicator is { } i:
                w.WriteStartObject("indicator");
                w.WriteString("label", i.Label);
                w.WriteString("unit", i.Unit);
                w.WriteEndObject();
                Optional(w, "submittedBy", task.SubmittedBy?.ToString());
                break;
            case TaskKind.Material:
                Optional(w, "material", task.Material is { } k ? MaterialKey(k) : null);
                Optional(w, "submittedBy", task.SubmittedBy?.ToString());
                break;
            case TaskKind.DisplayOnly:
                Optional(w, "displayReason", task.DisplayReason);
                break;
        }

        w.WriteStartArray("quotas");
        foreach (var q in task.Quotas)
        {
            Quota(w, q);
        }

        w.WriteEndArray();
        w.WriteStartArray("deadlines");
        foreach (var d in task.Deadlines)
        {
            Deadline(w, d);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Quota(Utf8JsonWriter w, Quota q)
    {
        w.WriteStartObject();
        Optional(w, "level", q.Level);
        Optional(w, "region", q.Region);
        Optional(w, "memberUnit", q.MemberUnit);
        w.WriteString("per", q.Per switch { QuotaPeriod.Year => "year", QuotaPeriod.Period => "plan", _ => "years" });
        if (q.Years.Count > 0)
        {
            w.WriteStartArray("years");
            foreach (var year in q.Years)
            {
                w.WriteNumberValue(year);
            }

            w.WriteEndArray();
        }

        if (q.Min is { } min)
        {
            w.WriteNumber("min", min);
        }

        if (q.Max is { } max)
        {
            w.WriteNumber("max", max);
        }

        if (q.Share is { } share)
        {
            w.WriteNumber("share", share);
        }

        w.WriteString("unit", q.Unit);
        Optional(w, "note", q.Note);
        Optional(w, "tier", q.Tier);
        if (q.Approximate)
        {
            w.WriteBoolean("approx", true);
        }

        w.WriteEndObject();
    }

    private static void Deadline(Utf8JsonWriter w, Deadline d)
    {
        w.WriteStartObject();
        if (d.Year is { } year)
        {
            w.WriteNumber("year", year);
        }

        if (d.Batch is { } batch)
        {
            w.WriteNumber("batch", batch);
        }

        w.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("what", d.What);
        if (d.Step != DeadlineStep.Any)
        {
            w.WriteString("step", StepKey(d.Step));
        }

        Optional(w, "ledger", d.Ledger);
        w.WriteEndObject();
    }

    private static void Node(Utf8JsonWriter w, CriterionNode node)
    {
        w.WriteStartObject();
        switch (node)
        {
            case CriterionGroup g:
                w.WriteStartArray(g.Kind == GroupKind.All ? "all" : "any");
                foreach (var member in g.Members)
                {
                    Node(w, member);
                }

                w.WriteEndArray();
                Optional(w, "text", g.Text);
                break;
            case Criterion c:
                w.WriteString("id", c.Id);
                w.WriteString("text", c.Text);
                w.WriteString("clause", c.Clause);
                w.WriteString("kind", c.IsAutomatic ? "automatic" : "attested");
                if (c.Test is { } t)
                {
                    w.WriteStartObject("test");
                    w.WriteString("fact", t.Fact);
                    w.WriteString("op", Editing.CriteriaFacts.OperatorKey(t.Operator));
                    Optional(w, "value", t.Value);
                    w.WriteEndObject();
                }

                break;
        }

        if (node.FromYear is { } from)
        {
            w.WriteNumber("fromYear", from);
        }

        if (node.ToYear is { } to)
        {
            w.WriteNumber("toYear", to);
        }

        w.WriteEndObject();
    }

    private static void Coverage(Utf8JsonWriter w, CoverageTarget c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("name", c.Name);
        w.WriteString("units", c.Units switch
        {
            CoverageUnits.LargeMediumEnterprises => "largeMediumEnterprises",
            CoverageUnits.TownsAndParks => "townsAndParks",
            _ => "memberUnits",
        });
        w.WriteNumber("minCoordinators", c.MinCoordinators);
        w.WriteString("deadline", c.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("clause", c.Clause);
        if (c.Share != 1m)
        {
            w.WriteNumber("share", c.Share);
        }

        w.WriteEndObject();
    }

    public static string KindKey(TaskKind kind) => kind switch
    {
        TaskKind.Honour => "honour",
        TaskKind.LedgerCount => "ledgerCount",
        TaskKind.LedgerShare => "ledgerShare",
        TaskKind.Coverage => "coverage",
        TaskKind.Indicator => "indicator",
        TaskKind.Material => "material",
        _ => "displayOnly",
    };

    public static string MaterialKey(MaterialKind kind) => kind switch
    {
        MaterialKind.Summary => "summary",
        MaterialKind.TopicReport => "topicReport",
        MaterialKind.Experience => "experience",
        _ => "typicalCase",
    };

    public static string StepKey(DeadlineStep step) => step switch
    {
        DeadlineStep.Submit => "submit",
        DeadlineStep.Report => "report",
        DeadlineStep.Publish => "publish",
        DeadlineStep.Ledger => "ledger",
        _ => "any",
    };

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values, bool always = false)
    {
        if (values.Count == 0 && !always)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
