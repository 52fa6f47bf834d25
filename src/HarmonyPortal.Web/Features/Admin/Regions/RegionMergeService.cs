using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Admin.Regions;

/// <summary>
/// Merge a region into another (rows, sheets, nominations, users and towns move; the source closes) and split a new
/// region off one (chosen towns and users move to it). Both all-or-nothing, confirmed, audited and logged.
/// </summary>
public sealed class RegionMergeService(HarmonyDbContext db, RegionChangeService changes, TimeProvider clock, FluentValidation.IValidator<RegionInput> regionRules)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// Checks the merge and, when it is confirmed and nothing collides, carries it out. Otherwise returns the plan (what
    /// would move, what collides) for the confirmation page.
    /// </summary>
    public async Task<(ServiceResult Result, MergePlan? Plan)> MergeAsync(int id, RegionChangeInput input, CancellationToken ct)
    {
        var source = await changes.ChangeableAsync(id, ct);
        var result = RegionChangeService.Common(input);
        var target = input.OtherId is { } targetId ? await changes.ChangeableAsync(targetId, ct) : null;
        if (target is null)
        {
            result.Add(nameof(input.OtherId), "并入地区：请选择。");
        }
        else if (target.Id == source.Id || target.Level != source.Level)
        {
            result.Add(nameof(input.OtherId), $"并入地区：只能并入另一个{source.Level.ToChinese()}地区。");
        }
        else if (target.ClosedOn is not null || source.ClosedOn is not null)
        {
            result.Add(nameof(input.OtherId), $"并入地区：“{(source.ClosedOn is null ? target.Name : source.Name)}”已撤销。");
        }

        if (input.EffectiveOn is not { } on || on.Year < 2000 || on > Today.AddYears(1))
        {
            result.Add(nameof(input.EffectiveOn), "生效日期：必须填写，且不晚于一年之后。");
        }

        if (target is null || !result.Errors.All(e => e.Field is nameof(input.Confirm) or nameof(input.Reason)))
        {
            return (result, null);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await RegionMerge.PlanAsync(db, source, target, ct);
        if (!plan.CanMerge)
        {
            result.Add("", $"“{source.Name}”与“{target.Name}”有 {plan.Conflicts.Count} 处冲突，未做任何合并，请先处理：");
        }

        if (!result.Succeeded)
        {
            return (result, plan);
        }

        var moved = await RegionMerge.MergeAsync(db, source, target, input.EffectiveOn!.Value, ct);
        var change = changes.Log(source, RegionChangeKind.MergedInto, target.Id, input.EffectiveOn.Value, input.Reason!, $"并入“{target.Name}”：转入{plan.Summary}；已报送的报表保持原样。", AuditActions.RegionMerged);
        changes.Log(target, RegionChangeKind.Absorbed, source.Id, input.EffectiveOn.Value, input.Reason!, $"“{source.Name}”并入本地区：转入{plan.Summary}。", AuditActions.RegionMerged);
        await db.SaveChangesAsync(ct);
        moved.ForEach(item => item.ChangeId = change.Id);
        db.RegionMergeItems.AddRange(moved);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (result, plan);
    }

    /// <summary>Creates a region beside <paramref name="id"/> (same parent and level) and moves the chosen towns and users to it.</summary>
    public async Task<(ServiceResult Result, Region? Created)> SplitAsync(int id, RegionChangeInput input, CancellationToken ct)
    {
        var source = await changes.ChangeableAsync(id, ct);
        var result = RegionChangeService.Common(input);
        var parent = await db.Regions.SingleAsync(r => r.Id == source.ParentId, ct);
        var fields = new RegionInput { ParentId = parent.Id, Name = input.Name, Code = input.Code, IsLocalCode = input.IsLocalCode, Level = source.Level, SortOrder = source.SortOrder };
        foreach (var error in (await regionRules.ValidateAsync(fields, ct)).Errors)
        {
            result.Add(error.PropertyName, "新地区" + error.ErrorMessage);
        }

        var name = input.Name?.Trim();
        var code = input.Code?.Trim();
        if (code is not null && await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            result.Add(nameof(input.Code), $"新地区区划代码：{code} 已被其他地区使用。");
        }

        if (name is not null && await db.Regions.AnyAsync(r => r.ParentId == parent.Id && r.Name == name, ct))
        {
            result.Add(nameof(input.Name), $"新地区名称：“{parent.Name}”之下已有“{name}”。");
        }

        var towns = await db.Regions.Where(r => r.ParentId == source.Id && input.TownIds.Contains(r.Id)).ToListAsync(ct);
        var users = await db.Users.Where(u => u.RegionId == source.Id && input.UserIds.Contains(u.Id)).ToListAsync(ct);
        if (towns.Count != input.TownIds.Distinct().Count() || users.Count != input.UserIds.Distinct().Count())
        {
            result.Add("", $"所选乡镇（街道）或用户不属于“{source.Name}”，请重新选择。");
        }

        if (!result.Succeeded)
        {
            return (result, null);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var on = input.EffectiveOn ?? Today;
        var created = await RegionWriter.AddAsync(db, new Region { Name = name!, Code = code!, IsLocalCode = input.IsLocalCode, Level = source.Level, SortOrder = source.SortOrder, OpenedOn = on }, parent, ct);
        foreach (var town in towns)
        {
            await RegionSubtree.MoveAsync(db, town, created, ct);
        }

        await RegionMerge.MoveUsersAsync(db, users, created.Id, null, ct);
        var moved = $"乡镇（街道） {towns.Count} 个{(towns.Count > 0 ? "（" + string.Join("、", towns.Select(t => t.Name)) + "）" : "")}、用户 {users.Count} 个";
        changes.Log(source, RegionChangeKind.SplitOff, created.Id, on, input.Reason!, $"拆分设立“{created.Name}”（{created.Code}），转出{moved}。", AuditActions.RegionSplit);
        changes.Log(created, RegionChangeKind.SplitFrom, source.Id, on, input.Reason!, $"由“{source.Name}”拆分设立，转入{moved}。", AuditActions.RegionSplit);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (result, created);
    }
}
