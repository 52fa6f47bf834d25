using System.Text.Json;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Ledgers;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using PublishList = System.Collections.Generic.IReadOnlyList<(string Region, string Name)>;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// The named transitions of a sheet (Submit, Return, Approve, Forward, Select, Publish, Reopen) and the
/// per-nominee decisions: each checks who may act (<see cref="SheetWorkflow"/>), the sheet's version, and
/// the rules; records the step on the timeline and in the audit log; and saves it all in one unit of work.
/// </summary>
public sealed partial class SheetWorkflowService(
    HarmonyDbContext db, UserScope scope, SheetChecks checks, NominationService nominations, AuditLog audit, TimeProvider clock, NominationNotifier notifier, GoldRuleLookup rules)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<ServiceResult> SubmitAsync(long sheetId, int version, CancellationToken ct)
    {
        var sheet = await LoadAsync(sheetId, ct);
        if (Check(WorkflowAction.Submit, sheet, version, await LevelAsync(sheet.Region, sheet, ct)) is { } refused)
        {
            return refused;
        }

        var nominees = await NomineesOfAsync(sheet, ct);
        if (nominees.Count == 0)
        {
            return ServiceResult.Refused("推荐表中还没有推荐对象，不能提交");
        }

        var report = await checks.CheckAsync(sheet, sheet.Region, nominees, Today, ct);
        if (report.Blocking() is { Count: > 0 } reasons)
        {
            return ServiceResult.Refused(reasons);
        }

        foreach (var item in report.Nominees)
        {
            item.Nomination.CityDecision = Decision.Pending;
            item.Nomination.CityReason = null;
            if (item.Verdict is { } verdict && report.Rules.VerdictVersion is { } ruleVersion)
            {
                db.NominationEvaluations.Add(new NominationEvaluation
                {
                    NominationId = item.Nomination.Id,
                    RuleSetVersionId = ruleVersion.Id,
                    RuleSetVersion = ruleVersion.Version,
                    EvaluatedOn = Today,
                    EvaluatedAtUtc = clock.GetUtcNow().UtcDateTime,
                    Outcome = verdict.Outcome,
                    Attested = string.Join(",", item.Nomination.Attestations.Select(a => a.CriterionId).Order()),
                    VerdictJson = SheetChecks.VerdictJson(verdict),
                });
            }
        }

        sheet.SubmittedByUserId = scope.UserId;
        sheet.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        sheet.ReturnReason = null;
        Move(sheet, WorkflowAction.Submit, null, $"{nominees.Count} 名推荐对象");
        await notifier.SubmittedAsync(sheet, ct);
        return await SaveAsync(sheet, ct);
    }

    public async Task<ServiceResult> ReturnAsync(long sheetId, int version, StepReason reason, CancellationToken ct)
    {
        var sheet = await LoadAsync(sheetId, ct);
        if ((Check(WorkflowAction.Return, sheet, version) ?? Invalid(reason)) is { } refused)
        {
            return refused;
        }

        sheet.ReturnReason = reason.Why;
        Move(sheet, WorkflowAction.Return, sheet.ReturnReason);
        await notifier.ReturnedAsync(sheet, sheet.ReturnReason, ct);
        return await SaveAsync(sheet, ct);
    }

    /// <summary>The city's 通过 / 不通过 on one nominee of a submitted county sheet; 不通过 needs a reason.</summary>
    public async Task<ServiceResult> DecideAsync(long nominationId, bool approve, StepReason reason, CancellationToken ct)
    {
        var nomination = await db.Nominations.Include(n => n.Sheet).ThenInclude(s => s.Region)
            .InScope(scope).SingleOrDefaultAsync(n => n.Id == nominationId, ct) ?? throw new OutOfScopeException();
        var sheet = nomination.Sheet;
        if ((Check(WorkflowAction.Decide, sheet, sheet.Version) ?? Invalid(reason)
            ?? (approve ? await CriteriaRefusalAsync(nomination, ct) : null)) is { } refused)
        {
            return refused;
        }

        nomination.CityDecision = approve ? Decision.Yes : Decision.No;
        nomination.CityReason = reason.Why.Length == 0 ? null : reason.Why;
        nomination.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        Step(sheet, WorkflowAction.Decide, sheet.Status, $"{nomination.Name}：{nomination.CityDecision.CityText()}" + (nomination.CityReason is null ? "" : "，" + nomination.CityReason), nomination.Id);
        return await SaveAsync(sheet, ct);
    }

    /// <summary>Approves a submitted county sheet whose nominees are all decided; freezes and consolidates the approved ones.</summary>
    public async Task<ServiceResult> ApproveAsync(long sheetId, int version, CancellationToken ct, bool approveUndecided = false)
    {
        var sheet = await LoadAsync(sheetId, ct);
        if (Check(WorkflowAction.Approve, sheet, version) is { } refused)
        {
            return refused;
        }

        var citySheet = await nominations.SheetForAsync(sheet.Region.ParentId!.Value, sheet.Category, sheet.Year, sheet.Batch, ct, sheet.HonourTaskId);
        var nominees = await NomineesOfAsync(sheet, ct);
        var decidedBefore = nominees.Where(n => n.CityDecision == Decision.Yes).Select(n => n.Id).ToHashSet();
        if (approveUndecided)
        {
            nominees.Where(n => n.CityDecision == Decision.Pending).ToList().ForEach(n => n.CityDecision = Decision.Yes);
        }

        if (nominees.Count(n => n.CityDecision == Decision.Pending) is > 0 and var pending)
        {
            return ServiceResult.Refused($"还有 {pending} 名推荐对象未逐人审核（通过或不通过），不能审核通过推荐表");
        }

        foreach (var approvedNominee in nominees.Where(n => n.CityDecision == Decision.Yes))
        {
            if (await CriteriaRefusalAsync(approvedNominee, ct, record: !decidedBefore.Contains(approvedNominee.Id)) is { } unconfirmed)
            {
                return unconfirmed;
            }
        }

        if (!citySheet.Status.IsEditable())
        {
            return ServiceResult.Refused($"市级推荐表已{citySheet.Status.ToChinese()}，不能再并入新的推荐对象；请先由省级重新打开市级推荐表");
        }

        await FreezeAsync((await rules.ForAsync(sheet.Region, sheet, ct)).LedgerDefinition, nominees.Where(n => n.CityDecision == Decision.Yes).ToList(), ct);
        foreach (var nominee in nominees)
        {
            nominee.CitySheet = nominee.CityDecision == Decision.Yes ? citySheet : null;
        }

        var approved = nominees.Count(n => n.CityDecision == Decision.Yes);
        Move(sheet, WorkflowAction.Approve, null, $"通过 {approved} 名，不通过 {nominees.Count - approved} 名");
        await notifier.ApprovedAsync(sheet, approved, ct);
        return await SaveAsync(sheet, ct);
    }

    /// <summary>Approves many counties' submitted sheets at once, each on its own, approving the undecided nominees.</summary>
    public async Task<IReadOnlyList<(string Region, ServiceResult Result)>> BulkApproveAsync(IReadOnlyList<(long Id, int Version)> sheets, CancellationToken ct)
    {
        var results = new List<(string, ServiceResult)>();
        foreach (var (id, version) in sheets)
        {
            db.ChangeTracker.Clear();
            var result = await ApproveAsync(id, version, ct, approveUndecided: true);
            var region = await db.NominationSheets.Where(s => s.Id == id).Select(s => s.Region.Name).SingleAsync(ct);
            results.Add((region, result));
        }

        return results;
    }

    /// <summary>Forwards the city sheet (the approved county nominees and the city's own) to the province, within the city quota and deadline.</summary>
    public async Task<ServiceResult> ForwardAsync(long sheetId, int version, CancellationToken ct)
    {
        var sheet = await LoadAsync(sheetId, ct);
        if (Check(WorkflowAction.Forward, sheet, version, await LevelAsync(sheet.Region, sheet, ct)) is { } refused)
        {
            return refused;
        }

        var nominees = await db.Nominations.Include(n => n.Attestations).Where(n => n.CitySheetId == sheet.Id && n.CityDecision != Decision.No).ToListAsync(ct);
        if (nominees.Count == 0)
        {
            return ServiceResult.Refused("市级推荐表中还没有推荐对象（县级推荐表审核通过后并入），不能上报");
        }

        var report = await checks.CheckAsync(sheet, sheet.Region, nominees, Today, ct);
        var own = report.Nominees.Where(n => n.Nomination.SheetId == sheet.Id).ToList();
        var reasons = report.Blocking();
        if (reasons.Count > 0)
        {
            return ServiceResult.Refused(reasons);
        }

        // Forwarding is the city office's approval of its own nominees.
        own.ForEach(n => n.Nomination.CityDecision = Decision.Yes);
        await FreezeAsync(report.Rules.LedgerDefinition, own.Select(n => n.Nomination).ToList(), ct);
        nominees.ForEach(n => n.ProvinceDecision = Decision.Pending);
        sheet.SubmittedByUserId = scope.UserId;
        sheet.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        sheet.ReturnReason = null;
        Move(sheet, WorkflowAction.Forward, null, $"{nominees.Count} 名推荐对象；" + string.Join("；", report.Quotas.Select(q => q.Explanation)));
        await notifier.ForwardedAsync(sheet, nominees.Count, ct);
        return await SaveAsync(sheet, ct);
    }

    /// <summary>
    /// 择优 by the level that confers the honour (the honour's selecting level): selects or passes over one nominee, and
    /// passing over needs a reason. The province selects from a forwarded city sheet; a city from its own open sheet (the
    /// counties' approved nominees and its own); a county from its own open sheet.
    /// </summary>
    public async Task<ServiceResult> SelectAsync(long nominationId, bool select, StepReason reason, CancellationToken ct)
    {
        var nomination = await db.Nominations.Include(n => n.Sheet).ThenInclude(s => s.Region).Include(n => n.CitySheet!).ThenInclude(s => s.Region)
            .InScope(scope).SingleOrDefaultAsync(n => n.Id == nominationId, ct) ?? throw new OutOfScopeException();
        var level = await LevelAsync(nomination.Sheet.Region, nomination.Sheet, ct);
        if (SheetWorkflow.SelectorRefusal(level, scope) is { } notSelector)
        {
            return ServiceResult.Forbid(notSelector);
        }

        var sheet = level == RegionLevel.County ? nomination.Sheet : nomination.CitySheet;
        var cityOwn = level == RegionLevel.City && nomination.CitySheetId == nomination.SheetId;
        if (sheet is null || (level != RegionLevel.County && nomination.CityDecision != Decision.Yes && !cityOwn))
        {
            return ServiceResult.Refused(level == RegionLevel.Province ? "该推荐对象尚未经市级审核通过并上报，不能择优" : "该推荐对象尚未经市级审核通过，不能择优");
        }

        if ((Check(WorkflowAction.Select, sheet, sheet.Version, level) ?? Invalid(reason)
            ?? (select && nomination.SheetId == sheet.Id ? await CriteriaRefusalAsync(nomination, ct) : null)) is { } refused)
        {
            return refused;
        }

        nomination.ProvinceDecision = select ? Decision.Yes : Decision.No;
        nomination.ProvinceReason = reason.Why.Length == 0 ? null : reason.Why;
        nomination.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        Step(sheet, WorkflowAction.Select, sheet.Status, $"{nomination.Name}：{nomination.ProvinceDecision.ProvinceText()}" + (nomination.ProvinceReason is null ? "" : "，" + nomination.ProvinceReason), nomination.Id);
        return await SaveAsync(sheet, ct);
    }

    /// <summary>
    /// Publishes the list of a category, year and batch at the user's level: a province publishes its forwarded city
    /// sheets (each fully decided); a city or county that confers the honour publishes its own sheet, which reports the
    /// list to the level above (the notices: "择优选树…推荐上报省", "报省协调劳动关系三方办公室汇总").
    /// </summary>
    /// <remarks>Unless <paramref name="confirmed"/>, every check runs and nothing is saved: the result's Value lists who would be published.</remarks>
    public async Task<ServiceResult<PublishList>> PublishAsync(
        GoldCategory category, int year, int batch, bool confirmed, CancellationToken ct, string? honour = null)
    {
        var own = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == scope.RegionId, ct);
        honour ??= "";
        category = OfficeHonour.CategoryOf(category, honour);
        var result = own.Level == RegionLevel.Province
            ? await PublishForwardedAsync(own, category, honour, year, batch, confirmed, ct)
            : await PublishOwnAsync(own, category, honour, year, batch, confirmed, ct);
        return result.As<PublishList>();
    }

    private async Task<ServiceResult> PublishForwardedAsync(Region province, GoldCategory category, string honour, int year, int batch, bool confirmed, CancellationToken ct)
    {
        var sheets = await db.NominationSheets.Include(s => s.Region)
            .InScope(scope).Where(s => s.Region.Level == RegionLevel.City && s.Category == category && s.HonourTaskId == honour && s.Year == year && s.Batch == batch && s.Status == SheetStatus.Forwarded)
            .ToListAsync(ct);
        if (sheets.Count == 0)
        {
            var cities = await db.Regions.AsNoTracking().Where(r => r.ParentId == province.Id && r.Level == RegionLevel.City).ToListAsync(ct);
            var provinceSelects = false;
            var title = (await rules.ForAsync(province, category, year, ct, honour)).Title;
            foreach (var city in cities)
            {
                var cityRules = await rules.ForAsync(city, category, year, ct, honour);
                provinceSelects |= cityRules.SelectingLevel == RegionLevel.Province;
                title = cityRules.Task is null ? title : cityRules.Title;
            }

            return cities.Count > 0 && !provinceSelects
                ? ServiceResult.Forbid($"{year} 年度{title}由各市择优选树、发布名单后报省；省级只能查看已发布的名单")
                : ServiceResult.Refused("还没有市级上报的推荐表，不能发布名单");
        }

        foreach (var sheet in sheets)
        {
            if (Check(WorkflowAction.Publish, sheet, sheet.Version, await LevelAsync(sheet.Region, sheet, ct)) is { } refused)
            {
                return refused;
            }
        }

        var ids = sheets.Select(s => s.Id).ToList();
        var nominees = await db.Nominations.Include(n => n.Sheet).ThenInclude(s => s.Region)
            .Where(n => n.CitySheetId != null && ids.Contains(n.CitySheetId.Value) && n.CityDecision == Decision.Yes).ToListAsync(ct);
        if (Undecided(nominees) is { } undecided)
        {
            return undecided;
        }

        var selected = nominees.Count(n => n.ProvinceDecision == Decision.Yes);
        if (selected == 0)
        {
            return ServiceResult.Refused("没有入选的推荐对象，不能发布空名单");
        }

        if (!confirmed)
        {
            return await PreviewAsync(nominees.Where(n => n.ProvinceDecision == Decision.Yes), ct);
        }

        foreach (var sheet in sheets)
        {
            Move(sheet, WorkflowAction.Publish, null, $"{scope.RegionName}发布 {year} 年度{GoldRules.BatchName(batch)}{(await rules.ForAsync(sheet.Region, sheet, ct)).Title}名单，入选 {selected} 名");
            await notifier.PublishedAsync(sheet, nominees.Count(n => n.CitySheetId == sheet.Id && n.ProvinceDecision == Decision.Yes), ct);
        }

        // The counties whose nominees are on the list hear of it too.
        foreach (var county in PublishCounties(nominees))
        {
            await notifier.PublishedAsync(county, nominees.Count(n => n.SheetId == county.Id && n.ProvinceDecision == Decision.Yes), ct);
        }

        return await SaveAsync(sheets[0], ct);
    }

    /// <summary>A city or county that confers the honour publishes its own sheet and so reports the list upward.</summary>
    private async Task<ServiceResult> PublishOwnAsync(Region own, GoldCategory category, string honour, int year, int batch, bool confirmed, CancellationToken ct)
    {
        var ownRules = await rules.ForAsync(own, category, year, ct, honour);
        var level = ownRules.SelectingLevel;
        if (SheetWorkflow.SelectorRefusal(level, scope) is { } notSelector)
        {
            return ServiceResult.Forbid(notSelector);
        }

        var sheet = await db.NominationSheets.Include(s => s.Region)
            .SingleOrDefaultAsync(s => s.RegionId == own.Id && s.Category == category && s.HonourTaskId == honour && s.Year == year && s.Batch == batch, ct);
        if (sheet is null)
        {
            return ServiceResult.Refused("本地区推荐表中还没有推荐对象，不能发布名单");
        }

        if (Check(WorkflowAction.Publish, sheet, sheet.Version, level) is { } refused)
        {
            return refused;
        }

        var query = db.Nominations.Include(n => n.Sheet).ThenInclude(s => s.Region).Include(n => n.Attestations);
        var nominees = level == RegionLevel.County
            ? await query.Where(n => n.SheetId == sheet.Id).ToListAsync(ct)
            : await query.Where(n => n.CitySheetId == sheet.Id && (n.CityDecision == Decision.Yes || n.SheetId == sheet.Id)).ToListAsync(ct);
        if (nominees.Count == 0)
        {
            return ServiceResult.Refused("本地区推荐表中还没有推荐对象（县级推荐表审核通过后并入），不能发布名单");
        }

        if (Undecided(nominees) is { } undecided)
        {
            return undecided;
        }

        var chosen = nominees.Where(n => n.ProvinceDecision == Decision.Yes).OrderBy(n => n.Id).ToList();
        if (chosen.Count == 0)
        {
            return ServiceResult.Refused("没有入选的推荐对象，不能发布空名单");
        }

        var report = await checks.CheckAsync(sheet, sheet.Region, chosen, Today, ct);
        if (report.Blocking() is { Count: > 0 } reasons)
        {
            return ServiceResult.Refused(reasons);
        }

        if (!confirmed)
        {
            return await PreviewAsync(chosen, ct);
        }

        // Publishing is the office's approval of its own nominees, as forwarding is where the province selects.
        var ownNominees = nominees.Where(n => n.SheetId == sheet.Id).ToList();
        ownNominees.ForEach(n => n.CityDecision = level == RegionLevel.City ? Decision.Yes : n.CityDecision);
        await FreezeAsync(ownRules.LedgerDefinition, nominees.Where(n => n.FrozenJson is null).ToList(), ct);
        var above = await db.Regions.AsNoTracking().Where(r => r.Id == own.ParentId).Select(r => r.Name).SingleOrDefaultAsync(ct);
        sheet.SubmittedByUserId = scope.UserId;
        sheet.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        sheet.ReturnReason = null;
        Move(sheet, WorkflowAction.Publish, null,
            $"{scope.RegionName}发布 {year} 年度{GoldRules.BatchName(batch)}{ownRules.Title}名单，入选 {chosen.Count} 名" + (above is null ? "" : $"，并报{above}"));
        await notifier.ReportedAsync(sheet, chosen.Count, ct);
        foreach (var county in PublishCounties(nominees))
        {
            await notifier.PublishedAsync(county, nominees.Count(n => n.SheetId == county.Id && n.ProvinceDecision == Decision.Yes), ct);
        }

        return await SaveAsync(sheet, ct);
    }

    private static ServiceResult? Undecided(IReadOnlyList<Nomination> nominees) =>
        nominees.Where(n => n.ProvinceDecision == Decision.Pending).ToList() is { Count: > 0 } pending
            ? ServiceResult.Refused($"还有 {pending.Count} 名推荐对象未择优（{string.Join("、", pending.Take(10).Select(n => n.Name))}{(pending.Count > 10 ? " 等" : "")}），不能发布")
            : null;

    /// <summary>The approved county sheets whose nominees were on the published list are published with it.</summary>
    private List<NominationSheet> PublishCounties(IReadOnlyList<Nomination> nominees)
    {
        var counties = nominees.Select(n => n.Sheet).Where(s => s.Status == SheetStatus.Approved).Distinct().ToList();
        foreach (var county in counties)
        {
            var chosen = nominees.Count(n => n.SheetId == county.Id && n.ProvinceDecision == Decision.Yes);
            Move(county, WorkflowAction.Publish, null, $"{scope.RegionName}发布名单，本地区入选 {chosen} 名");
        }

        return counties;
    }

    /// <summary>Reopens an approved county sheet or a forwarded city sheet for correction, with a reason (the level above only).</summary>
    public async Task<ServiceResult> ReopenAsync(long sheetId, int version, StepReason reason, CancellationToken ct)
    {
        var sheet = await LoadAsync(sheetId, ct);
        if ((Check(WorkflowAction.Reopen, sheet, version) ?? Invalid(reason)) is { } refused)
        {
            return refused;
        }

        var why = reason.Why;
        if (SheetWorkflow.IsCountySheet(sheet.Region))
        {
            var nominees = await NomineesOfAsync(sheet, ct);
            var citySheet = await db.NominationSheets.Include(s => s.Region).SingleOrDefaultAsync(s => s.RegionId == sheet.Region.ParentId && s.Category == sheet.Category && s.HonourTaskId == sheet.HonourTaskId && s.Year == sheet.Year && s.Batch == sheet.Batch, ct);
            if (citySheet is { Status: SheetStatus.Forwarded })
            {
                if (scope.RegionLevel != RegionLevel.Province)
                {
                    return ServiceResult.Refused("市级推荐表已上报省级，须由省级审核员重新打开");
                }

                await ReopenCityAsync(citySheet, nominees.Count > 0 ? $"因重新打开{sheet.Region.Name}推荐表：{why}" : why, ct);
            }
            else if (citySheet is { Status: SheetStatus.Published })
            {
                return ServiceResult.Refused("名单已发布，不能重新打开");
            }

            foreach (var nominee in nominees)
            {
                nominee.CitySheetId = null;
                nominee.CitySheet = null;
                nominee.ProvinceDecision = Decision.Pending;
            }
        }
        else
        {
            await ReopenCityAsync(sheet, why, ct);
            return await SaveAsync(sheet, ct);
        }

        sheet.ReturnReason = why;
        Move(sheet, WorkflowAction.Reopen, why);
        await notifier.ReturnedAsync(sheet, why, ct);
        return await SaveAsync(sheet, ct);
    }

    private async Task ReopenCityAsync(NominationSheet citySheet, string why, CancellationToken ct)
    {
        citySheet.ReturnReason = why;
        Move(citySheet, WorkflowAction.Reopen, why);
        await notifier.ReturnedAsync(citySheet, why, ct);
    }

    /// <summary>The level that selects and publishes the sheet's honour, from the plan governing the sheet's year for its region.</summary>
    private async Task<RegionLevel> LevelAsync(Region region, NominationSheet sheet, CancellationToken ct) =>
        (await rules.ForAsync(region, sheet, ct)).SelectingLevel;

    private async Task<NominationSheet> LoadAsync(long id, CancellationToken ct) =>
        await db.NominationSheets.Include(s => s.Region).InScope(scope).SingleOrDefaultAsync(s => s.Id == id, ct)
        ?? throw new OutOfScopeException();

    private Task<List<Nomination>> NomineesOfAsync(NominationSheet sheet, CancellationToken ct) =>
        db.Nominations.Include(n => n.Attestations).Where(n => n.SheetId == sheet.Id).OrderBy(n => n.Id).ToListAsync(ct);

    /// <summary>
    /// Forbidden actors get 403 (Select and Publish say why: the honour may be selected at another level); a stale
    /// version is a conflict; a wrong status is a refusal with the reason.
    /// </summary>
    private ServiceResult? Check(WorkflowAction action, NominationSheet sheet, int version, RegionLevel selectingLevel = RegionLevel.Province)
    {
        var refusal = SheetWorkflow.Refusal(action, sheet, sheet.Region, scope, selectingLevel);
        if (refusal is { Forbidden: true })
        {
            return action is WorkflowAction.Select or WorkflowAction.Publish or WorkflowAction.Withdraw ? ServiceResult.Forbid(refusal.Message) : throw new WriteForbiddenException();
        }

        if (sheet.Version != version)
        {
            return Conflict(sheet);
        }

        return refusal is null ? null : ServiceResult.Refused(refusal.Message);
    }

    private static ServiceResult Conflict(NominationSheet current) => ServiceResult.Conflicted(
        $"该推荐表已被他人处理，当前状态为“{current.Status.ToChinese()}”。请刷新页面，查看最新情况后再操作");

    /// <summary>The typed reason's refusal by its validator (<see cref="StepReasonValidator{T}"/>), shown after the sheet's own checks.</summary>
    private static ServiceResult? Invalid(StepReason reason) => reason.Refusal is null ? null : ServiceResult.Refused(reason.Refusal);

    /// <summary>Keeps the ledger data each approved nominee had at approval, masked, to show later changes.</summary>
    private async Task FreezeAsync(Core.Ledgers.Definitions.ILedgerDefinition definition, IReadOnlyList<Nomination> approved, CancellationToken ct)
    {
        var ids = approved.Select(n => n.LedgerRowId).ToList();
        var rows = await definition.Rows(db).AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var nominee in approved.Where(n => rows.ContainsKey(n.LedgerRowId)))
        {
            nominee.FrozenJson = JsonSerializer.Serialize(LedgerSnapshot.Of(definition, rows[nominee.LedgerRowId]), FrozenJsonOptions);
            nominee.FrozenAtUtc = clock.GetUtcNow().UtcDateTime;
        }
    }

    private void Move(NominationSheet sheet, WorkflowAction action, string? reason, string? details = null)
    {
        var from = sheet.Status;
        sheet.Status = SheetWorkflow.Transitions[action].To;
        Step(sheet, action, from, reason ?? details);
    }

    private void Step(NominationSheet sheet, WorkflowAction action, SheetStatus from, string? text, long? nominationId = null)
    {
        db.SheetTransitions.Add(new SheetTransition
        {
            SheetId = sheet.Id,
            NominationId = nominationId,
            Action = action,
            FromStatus = from,
            ToStatus = sheet.Status,
            ActorId = scope.UserId,
            ActorName = scope.UserName,
            ActorRegion = scope.RegionName,
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Reason = text is { Length: > NominationLimits.ReasonMaxLength } ? text[..(NominationLimits.ReasonMaxLength - 1)] + "…" : text,
        });
        audit.Add(AuditActions.Sheet(action), AuditOutcome.Success, "sheet", sheet.Id.ToString(), $"{from}→{sheet.Status}" + (text is null ? "" : "：" + text), regionId: sheet.RegionId);
        sheet.Version++;
        sheet.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    private async Task<ServiceResult> SaveAsync(NominationSheet sheet, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return ServiceResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.NominationSheets.AsNoTracking().SingleAsync(s => s.Id == sheet.Id, ct);
            return Conflict(current);
        }
    }

    private static readonly JsonSerializerOptions FrozenJsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
