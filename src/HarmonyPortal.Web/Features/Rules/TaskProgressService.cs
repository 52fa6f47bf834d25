using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// One quota's progress for one region, one member unit, or the sum over the regions below ("各市合计"): what is
/// required over which years, what was achieved, how that stands, and the deadline that matters.
/// </summary>
public sealed record TaskProgress(string RegionName, string TaskName, int Required, int Achieved, string Unit, SheetFinding? Deadline, string RuleSetName, bool PeriodEnded,
    int? Nominated = null, int RegionId = 0)
{
    /// <summary>每年 / 规划期内 / 2022、2023 年合计.</summary>
    public string Period { get; init; } = "";

    /// <summary>The requirement as the plan words it: ≥ 10 名, 10 名左右, 比例 ≥ 80%.</summary>
    public string Requirement { get; init; } = "";

    public QuotaStatus Status { get; init; }

    public string Explanation { get; init; } = "";

    /// <summary>True for a line adding up the quota over the regions below (the province sees its cities' sum).</summary>
    public bool IsSum { get; init; }

    public int Remaining => Math.Max(0, Required - Achieved);

    public int Percent => Required == 0 ? (Status == QuotaStatus.Met ? 100 : 0) : Math.Min(100, Achieved * 100 / Required);

    public bool Done => Status == QuotaStatus.Met;
}

/// <summary>
/// The year's progress of every quota binding the user's region (or a region in the user's subtree) and the regions
/// directly below it, from every plan governing the year up the chain; a quota set for every region of the level below
/// is also added up over them, so a province sees the sum of its cities beside its own quotas.
/// </summary>
public sealed class TaskProgressService(HarmonyDbContext db, UserScope scope, TaskQuotas quotas, TimeProvider clock)
{
    public Task<IReadOnlyList<TaskProgress>> ThisYearAsync(CancellationToken ct) =>
        ForAsync(scope.RegionId, DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year, ct);

    public async Task<IReadOnlyList<TaskProgress>> ForAsync(int regionId, int year, CancellationToken ct)
    {
        var own = await db.Regions.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == regionId, ct) ?? throw new OutOfScopeException();
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentId == own.Id && r.Level != RegionLevel.Town).OrderBy(r => r.SortOrder).ToListAsync(ct);
        await RegionNames.ApplyYearAsync(db, [own, .. children], year, ct); // an earlier year's lines carry that year's names
        return await ForAsync(own, children, year, ct);
    }

    /// <summary>
    /// The progress of a region in the user's scope and of every region directly below it (towns skipped, closed ones
    /// kept, in sort order), all already read with the year's names (the dashboard).
    /// </summary>
    public async Task<IReadOnlyList<TaskProgress>> ForAsync(
        Region own, IReadOnlyList<Region> children, int year, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var achieved = await quotas.AchievedAsync(children.Prepend(own), year, ct);
        var lines = new List<TaskProgress>();

        // The sum over the regions below of each count quota binding them (by level or by name), task by task.
        foreach (var sum in achieved.Where(a => a.Region.Id != own.Id && a.MemberUnit is null && a.Quota.Share is null && a.Quota.Min is not null && a.Judgement.Status != QuotaStatus.Unknown)
                     .GroupBy(a => (a.Task.Name, a.Quota.Per, a.Quota.Unit, a.Quota.Tier, Years: string.Join(",", a.Years))))
        {
            var first = sum.First();
            var required = sum.Sum(a => a.Required);
            var done = sum.Sum(a => a.Achieved);
            var status = sum.All(a => a.Judgement.Status == QuotaStatus.Met) ? QuotaStatus.Met
                : sum.Any(a => a.Judgement.Status == QuotaStatus.Shortfall) ? QuotaStatus.Shortfall : QuotaStatus.InProgress;
            var met = sum.Count(a => a.Judgement.Status == QuotaStatus.Met);
            lines.Add(Line(first, today, year) with
            {
                RegionName = $"{own.Name}（{sum.Count()} 个{first.Region.Level.ToChinese()}地区合计）", RegionId = own.Id, Required = required, Achieved = done,
                Nominated = first.Nominated is null ? null : sum.Sum(a => a.Nominated ?? 0), Status = status, IsSum = true,
                Requirement = $"合计 {required} {first.Quota.Unit}",
                Explanation = $"合计 {done} / {required} {first.Quota.Unit}{(done >= required ? "" : $"，还差 {required - done} {first.Quota.Unit}")}；{met} / {sum.Count()} 个地区已完成",
            });
        }

        lines.AddRange(achieved.Select(a => Line(a, today, year)));
        return lines;
    }

    private static TaskProgress Line(QuotaAchievement a, DateOnly today, int year)
    {
        var deadline = a.Plan.Governs(year) ? SheetEvaluator.Deadline(a.Task, SheetEvaluator.StepOf(a.Region.Level), year, null, today) : null;
        var basis = $"{a.Plan.Name}（{a.Plan.PeriodText}{(a.Inherited ? "，上级规划" : "")}）";
        return new TaskProgress(a.Holder, a.Task.Name, a.Quota.Share is null ? a.Required : 100, a.Quota.Share is null ? a.Achieved : a.Total is > 0 ? a.Achieved * 100 / a.Total.Value : 0,
            a.Quota.Share is null ? a.Quota.Unit : "%", deadline, basis, !a.Plan.Governs(year), a.Nominated, a.Region.Id)
        {
            Period = RuleTexts.Period(a.Quota),
            Requirement = RuleTexts.Requirement(a.Quota, a.Task),
            Status = a.Judgement.Status,
            Explanation = a.Task.Kind is TaskKind.Honour or TaskKind.LedgerCount && a.Quota.Share is null && a.Quota.Min is { } min && a.Judgement.Status != QuotaStatus.Unknown
                ? $"{a.Achieved} / {min} {a.Quota.Unit}{(a.Quota.Approximate ? "左右" : "")}{(a.Achieved >= min ? "，已完成" : $"，还差 {min - a.Achieved} {a.Quota.Unit}")}{(a.Judgement.Status == QuotaStatus.Over ? "；" + a.Judgement.Explanation : "")}"
                : a.Judgement.Explanation,
        };
    }
}
