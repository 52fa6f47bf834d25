using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Editing;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// The rules page as a clerk reads it: every quota of every task under the name of the region or member unit that
/// holds it, the deadlines of each step by year and batch, the criteria in their own words as nested lists, and for a
/// viewer below the jurisdiction the quotas of the viewer's own region first.
/// </summary>
public sealed class RulesPageBuilder(HarmonyDbContext db, UserScope scope)
{
    private sealed record Place(int Id, string Code, string Name, string Path, int SortOrder, RegionLevel Level);

    public async Task<RulesPage> BuildAsync(RuleSetAdminService.Details details, CancellationToken ct)
    {
        var set = details.RuleSet;
        var quotas = set.Tasks.SelectMany(t => t.Quotas).ToList();
        var codes = quotas.Where(q => q.Region is not null).Select(q => q.Region!).Append(details.RegionCode).Distinct().ToList();
        var places = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code) || r.Id == scope.RegionId)
            .Select(r => new Place(r.Id, r.Code, r.Name, r.Path, r.SortOrder, r.Level)).ToListAsync(ct);
        var byCode = places.GroupBy(p => p.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var unitRegionIds = quotas.Where(q => q.MemberUnit is not null && q.Region is not null && byCode.ContainsKey(q.Region)).Select(q => byCode[q.Region!].Id).Distinct().ToList();
        var units = (await db.MemberUnits.AsNoTracking().Where(u => unitRegionIds.Contains(u.RegionId)).ToListAsync(ct)).ToLookup(u => u.RegionId);

        string RegionName(string code) => byCode.TryGetValue(code, out var p) ? p.Name : $"未知地区（{code}）";
        string Holder(Quota q)
        {
            var region = q.Region is null ? "" : RegionName(q.Region);
            if (q.MemberUnit is not { } unit)
            {
                return region;
            }

            var named = q.Region is not null && byCode.TryGetValue(q.Region, out var p) ? MemberUnits.Named(units[p.Id], unit) : null;
            return named?.Name is { Length: > 0 } full ? full : region + unit;
        }

        // Holders in the order of the region list: the jurisdiction first, its office before its units; unknown codes last.
        (int, int, string, int, string) Order(Quota q) =>
            q.Region is not null && byCode.TryGetValue(q.Region, out var p)
                ? (p.Code == details.RegionCode ? 0 : 1, p.SortOrder, p.Code, q.MemberUnit is null ? 0 : 1, q.MemberUnit ?? "")
                : (2, 0, q.Region ?? "", q.MemberUnit is null ? 0 : 1, q.MemberUnit ?? "");

        var jurisdictionLevel = byCode.TryGetValue(details.RegionCode, out var place) ? place.Level : RegionLevel.Province;
        var tasks = set.Tasks.Select(t => new TaskView(
            t,
            t.Quotas.Where(q => q.Level is not null).Select(q => new QuotaLine(LevelScope(q) + "：" + Requirement(q, t), q.Note)).ToList(),
            t.Quotas.Where(q => q.Level is null).GroupBy(Holder).OrderBy(g => Order(g.First()))
                .Select(g => new HolderQuotas(g.Key, g.Select(q => new QuotaLine(Requirement(q, t), q.Note)).ToList())).ToList(),
            Deadlines(t)) { Submission = RuleTexts.Submission(t, jurisdictionLevel) }).ToList();

        var own = byCode.Values.FirstOrDefault(p => p.Id == scope.RegionId) is { } viewer && viewer.Id != details.RegionId && places.Any(p => p.Id == details.RegionId && viewer.Path.StartsWith(p.Path, StringComparison.Ordinal))
            ? OwnQuotas(set, viewer, Holder)
            : null;
        var criteria = set.Criteria.Select(c => new CategoryCriteria(EligibilityCard.CategoryName(c.Key), View(c.Value, set))).ToList();
        return new RulesPage(tasks, own is null ? null : new OwnRegion(RegionName(byCode.Values.First(p => p.Id == scope.RegionId).Code), own), criteria);
    }

    /// <summary>Per task, the quotas binding the viewer's region; the holder is named where it is not the region itself (a level, a unit).</summary>
    private static List<OwnTask> OwnQuotas(RuleSet set, Place viewer, Func<Quota, string> holder)
    {
        var region = new Region { Id = viewer.Id, Code = viewer.Code, Level = viewer.Level };
        return set.Tasks
            .Select(t => new OwnTask(t.Id, t.Name, t.Quotas
                .Where(q => QuotaScopes.Binds(q, region) || QuotaScopes.BindsUnitOf(q, region))
                .Select(q => new OwnQuota(q.Level is not null ? LevelScope(q) : q.MemberUnit is not null ? holder(q) : null, Requirement(q, t), q.Note))
                .ToList()))
            .Where(t => t.Quotas.Count > 0)
            .ToList();
    }

    private static string LevelScope(Quota q) => RuleTexts.Scope(q) + (q.MemberUnit is { } unit ? "的" + unit : "");

    private static string Requirement(Quota q, RuleTask t) => RuleTexts.Period(q) + " " + RuleTexts.Requirement(q, t);

    private static List<DeadlineLine> Deadlines(RuleTask task) =>
        task.Deadlines
            .OrderBy(d => d.Step == DeadlineStep.Any ? 9 : (int)d.Step).ThenBy(d => d.Year ?? 0).ThenBy(d => d.Batch ?? 0).ThenBy(d => d.Date)
            .Select(d => new DeadlineLine(RuleTexts.StepName(d.Step), (d.Year is { } y ? $"{y} 年" : "各年度") + (d.Batch is { } b ? $"第 {b} 批" : ""), RuleTexts.Deadline(d)))
            .ToList();

    private static CriterionView View(CriterionNode node, RuleSet set) => node switch
    {
        CriterionGroup g => new CriterionView(g.Text, null, Years(g), null, g.Kind, g.Members.Select(m => View(m, set)).ToList()),
        Criterion c => new CriterionView(c.Text, c.Clause, Years(c), c.IsAutomatic, null, []) { TestText = c.Test is { } t ? CriteriaFacts.Describe(t, set) : null },
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static string? Years(CriterionNode node) => (node.FromYear, node.ToYear) switch
    {
        ({ } from, { } to) when from == to => $"{from} 年",
        ({ } from, { } to) => $"{from}–{to} 年",
        ({ } from, null) => $"{from} 年起",
        (null, { } to) => $"至 {to} 年",
        _ => null,
    };
}

/// <summary>What the rules page shows beyond the plan itself.</summary>
public sealed record RulesPage(IReadOnlyList<TaskView> Tasks, OwnRegion? Own, IReadOnlyList<CategoryCriteria> Criteria);

/// <summary>A task with its quotas: those for every region of a level, then those of named regions and units by holder.</summary>
public sealed record TaskView(RuleTask Task, IReadOnlyList<QuotaLine> LevelQuotas, IReadOnlyList<HolderQuotas> Holders, IReadOnlyList<DeadlineLine> Deadlines)
{
    /// <summary>Who submits a material or indicator and who reviews it ("由各市报送，省级审核"); null for other kinds.</summary>
    public string? Submission { get; init; }
}

public sealed record HolderQuotas(string Holder, IReadOnlyList<QuotaLine> Quotas);

/// <summary>"规划期内 ≥ 3 户" and the notice's own note.</summary>
public sealed record QuotaLine(string Text, string? Note);

/// <summary>A deadline: its step (县级报市 …), the year and batch it serves, and the date with what is due.</summary>
public sealed record DeadlineLine(string Step, string When, string Text);

/// <summary>The quotas binding the viewer's own region (by its level, its code or one of its member units).</summary>
public sealed record OwnRegion(string RegionName, IReadOnlyList<OwnTask> Tasks);

public sealed record OwnTask(string TaskId, string Task, IReadOnlyList<OwnQuota> Quotas);

/// <summary>A quota of the viewer's region; <see cref="Holder"/> names a level (每个县（市、区）) or a unit, null for the region's office.</summary>
public sealed record OwnQuota(string? Holder, string Text, string? Note);

public sealed record CategoryCriteria(string Category, CriterionView Root);

/// <summary>A criterion (automatic or attested) or a group (all of / any one of) with its members.</summary>
public sealed record CriterionView(string? Text, string? Clause, string? Years, bool? Automatic, GroupKind? Group, IReadOnlyList<CriterionView> Members)
{
    /// <summary>What the portal checks for an automatic criterion, in words ("学历不低于大专", "此前年度已获“…”称号").</summary>
    public string? TestText { get; init; }
}
