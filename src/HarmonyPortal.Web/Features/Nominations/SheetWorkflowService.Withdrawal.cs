using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using PublishList = System.Collections.Generic.IReadOnlyList<(string Region, string Name)>;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>The confirmation of a publication (who will be on the list) and its withdrawal by the selecting level.</summary>
public sealed partial class SheetWorkflowService
{
    /// <summary>A publication checked but not made: the nominees it would list, by region, in the order of the list.</summary>
    private async Task<ServiceResult> PreviewAsync(IEnumerable<Nomination> chosen, CancellationToken ct)
    {
        var list = chosen.OrderBy(n => n.Id).ToList();
        var regionIds = list.Select(n => n.Sheet.RegionId).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        db.ChangeTracker.Clear();
        return new ServiceResult<PublishList>
        {
            Value = [.. list.Select(n => (names.GetValueOrDefault(n.Sheet.RegionId, ""), n.Name))],
        };
    }

    /// <summary>
    /// Takes back the published list of a category, year and batch at the user's level, with a reason: a province's
    /// city sheets go back to 已上报 (to select and publish again), a city's or county's own sheet to 未提交, and the
    /// county sheets published with the list to 已通过. The counties on the list and the level above are told why.
    /// </summary>
    public async Task<ServiceResult> WithdrawAsync(GoldCategory category, int year, int batch, StepReason reason, CancellationToken ct, string? honour = null)
    {
        honour ??= "";
        category = OfficeHonour.CategoryOf(category, honour);
        if (Invalid(reason) is { } missing)
        {
            return missing;
        }

        var why = reason.Why;
        var own = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == scope.RegionId, ct);
        var sheets = await db.NominationSheets.Include(s => s.Region)
            .Where(s => s.Category == category && s.HonourTaskId == honour && s.Year == year && s.Batch == batch && s.Status == SheetStatus.Published)
            .Where(s => own.Level == RegionLevel.Province ? s.Region.ParentId == own.Id && s.Region.Level == RegionLevel.City : s.RegionId == own.Id)
            .ToListAsync(ct);
        if (own.Level == RegionLevel.Province)
        {
            // A city that confers the honour itself published its own list; the province withdraws only what it published.
            var provinceSheets = new List<NominationSheet>();
            foreach (var sheet in sheets)
            {
                if (await LevelAsync(sheet.Region, sheet, ct) == RegionLevel.Province)
                {
                    provinceSheets.Add(sheet);
                }
            }

            sheets = provinceSheets;
        }

        if (sheets.Count == 0)
        {
            var level = (await rules.ForAsync(own, category, year, ct, honour)).SelectingLevel;
            return SheetWorkflow.SelectorRefusal(level, scope) is { } notSelector && own.Level != RegionLevel.Province
                ? ServiceResult.Forbid(notSelector)
                : ServiceResult.Refused("本地区没有已发布的该名单，无需撤回");
        }

        foreach (var sheet in sheets)
        {
            if (Check(WorkflowAction.Withdraw, sheet, sheet.Version, await LevelAsync(sheet.Region, sheet, ct)) is { } refused)
            {
                return refused;
            }
        }

        var ids = sheets.Select(s => s.Id).ToList();
        var countyIds = await db.Nominations.Where(n => n.CitySheetId != null && ids.Contains(n.CitySheetId.Value) && !ids.Contains(n.SheetId))
            .Select(n => n.SheetId).Distinct().ToListAsync(ct);
        var counties = await db.NominationSheets.Include(s => s.Region).Where(s => countyIds.Contains(s.Id) && s.Status == SheetStatus.Published).ToListAsync(ct);
        foreach (var sheet in sheets)
        {
            Withdraw(sheet, own.Level == RegionLevel.Province ? SheetStatus.Forwarded : SheetStatus.Draft, why);
            await notifier.WithdrawnAsync(sheet, why, ct);
            if (own.Level != RegionLevel.Province)
            {
                await notifier.WithdrawnAboveAsync(sheet, why, ct);
            }
        }

        foreach (var county in counties)
        {
            Withdraw(county, SheetStatus.Approved, why);
            await notifier.WithdrawnAsync(county, why, ct);
        }

        return await SaveAsync(sheets[0], ct);
    }

    private void Withdraw(NominationSheet sheet, SheetStatus to, string why)
    {
        var from = sheet.Status;
        sheet.Status = to;
        Step(sheet, WorkflowAction.Withdraw, from, $"{scope.RegionName}撤回已发布的名单：{why}");
    }
}
