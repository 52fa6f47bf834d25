using System.Text.Json;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using Microsoft.EntityFrameworkCore;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>What each level sees: its own sheet, the sheets of the regions below, one sheet, one nominee.</summary>
public sealed class NominationQueryService(HarmonyDbContext db, UserScope scope, SheetChecks checks, GoldRuleLookup rules, HonourHistoryLookup history,
    Offices.UnitContacts.UnitContactService contacts, TimeProvider clock, HonoursSelectedHere selectedHere)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<NominationOverview> OverviewAsync(GoldCategory category, int? year, int? batch, CancellationToken ct, string? honour = null)
    {
        var own = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == scope.RegionId, ct);
        var y = Core.Input.PortalYears.Checked(year, Today);
        NominationLimits.CheckYearAndBatch(y, batch ?? 0, Today);
        honour ??= "";
        category = OfficeHonour.CategoryOf(category, honour);
        var goldRules = await rules.ForAsync(own, category, y, ct, honour);
        var batches = goldRules.Batches(y);
        var officeHonours = goldRules.Chain.SelectMany(c => OfficeHonour.Of(c.Set)).Select(t => (t.Id, t.Honour!.Title)).ToList();
        officeHonours.AddRange(await selectedHere.OfficeHonoursAsync(own, y, ct));
        var title = goldRules.Task is null ? null : goldRules.Title;
        if (own.Level == RegionLevel.Province)
        {
            // A province that confers nothing itself still reads the batches its cities select in (赣州's 第 1–3 批), and
            // the honours its cities define (岳阳's 培育达标典型), whose published lists it sees.
            foreach (var city in await db.Regions.AsNoTracking().Where(r => r.ParentId == own.Id && r.Level == RegionLevel.City).ToListAsync(ct))
            {
                var cityRules = await rules.ForAsync(city, category, y, ct, honour);
                var union = batches.Union(cityRules.Batches(y)).ToList();
                batches = union.Any(x => x > 0) ? union.Where(x => x > 0).Order().ToList() : [0];
                officeHonours.AddRange(cityRules.Chain.SelectMany(c => OfficeHonour.Of(c.Set)).Select(t => (t.Id, t.Honour!.Title)));
                officeHonours.AddRange(await selectedHere.OfficeHonoursAsync(city, y, ct));
                title ??= cityRules.Task is null ? null : cityRules.Title;
            }
        }

        var key = new SheetKey(category, y, batch is { } b && batches.Contains(b) ? b : batches[0])
        {
            Honour = honour,
            HonourTitle = OfficeHonour.Is(honour) ? title ?? honour : null,
        };
        // A batch of another year (the year was switched with the batch still selected) shows the year's first batch, and says so.
        var batchNote = batch is { } asked && asked != key.Batch && asked != 0
            ? $"{y} 年度没有{GoldRules.BatchName(asked)}，显示{(key.Batch == 0 ? "本年度" : GoldRules.BatchName(key.Batch))}。"
            : null;

        SheetLine? ownLine = own.Level is RegionLevel.County or RegionLevel.City ? (await LinesAsync([own], key, ct))[0] : null;
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentId == own.Id && (r.Level == RegionLevel.County || r.Level == RegionLevel.City))
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(ct);
        var lines = await LinesAsync(children, key, ct);

        var canNominate = scope.Role == UserRole.Clerk && ownLine is not null && ownLine.Status.IsEditable();
        canNominate &= !OfficeHonour.Is(honour) || goldRules.Task is not null;
        var candidates = canNominate ? await CandidatesAsync(key, goldRules.LedgerDefinition, ct) : [];
        var level = goldRules.SelectingLevel;
        var pendingSelections = own.Level == RegionLevel.Province
            ? await db.Nominations.CountAsync(n => db.NominationSheets.InSubtreeOf(own.Path).Any(s => s.Id == n.CitySheetId) && n.CitySheet!.Status == SheetStatus.Forwarded
                && n.Category == key.Category && n.HonourTaskId == key.Honour && n.Year == key.Year && n.Batch == key.Batch && n.CityDecision == Decision.Yes && n.ProvinceDecision == Decision.Pending, ct)
            : own.Level == level && ownLine?.Sheet is { } selecting
            ? await (level == RegionLevel.County
                ? db.Nominations.Where(n => n.SheetId == selecting.Id)
                : db.Nominations.Where(n => n.CitySheetId == selecting.Id && (n.CityDecision == Decision.Yes || n.SheetId == selecting.Id))).CountAsync(n => n.ProvinceDecision == Decision.Pending, ct)
            : 0;
        var note = goldRules.TaskSet switch
        {
            null => $"{y} 年度没有规划规定{key.Name}的选树任务：不检查配额，也没有截止日期。请管理员在“选树规则”中录入该年度所属的规划。",
            { } set when !set.Governs(y) => $"{y} 年不在《{set.Name}》的规划期（{set.PeriodText}）内：沿用其年度配额，本年度没有截止日期。请管理员在“选树规则”中录入新一期规划。",
            _ => goldRules.TaskFromNote,
        };
        note = batchNote is null ? note : note is null ? batchNote : batchNote + note;
        var publishDeadline = own.Level == goldRules.SelectingLevel
            ? SheetEvaluator.Deadline(goldRules.DeadlineOf(key.Category, DeadlineStep.Publish, key.Batch), DeadlineStep.Publish, Today) ?? new SheetFinding(true, SheetEvaluator.NoDeadline)
            : null;
        return new NominationOverview(key, batches, Core.Input.PortalYears.Choices(Today), own, ownLine, lines, canNominate,
            scope.Role == UserRole.Reviewer && own.Level == RegionLevel.City,
            scope.Role == UserRole.Reviewer && (own.Level == RegionLevel.Province || own.Level == level && ownLine?.Sheet is not null),
            lines.Count(l => l.Status == SheetStatus.Forwarded), pendingSelections, candidates, note,
            await db.NominationSheets.InSubtreeOrAbove(own.Path).AnyAsync(s => s.Status == SheetStatus.Published && s.Category == key.Category && s.HonourTaskId == key.Honour && s.Year == key.Year && s.Batch == key.Batch, ct),
            level)
        {
            PublishDeadline = publishDeadline,
            Tiers = goldRules.Tiers,
            OfficeHonours = officeHonours.DistinctBy(h => h.Id).ToList(),
            Contacts = await contacts.ForRegionsAsync(lines.Where(l => l.Overdue).Select(l => l.Region.Id).ToList(), ct),
        };
    }

    /// <summary>The key a page posted, titled from the plans (for a province also its cities') when it names an office-defined honour.</summary>
    public async Task<SheetKey> KeyAsync(SheetKeyInput input, CancellationToken ct) =>
        OfficeHonour.Is(input.Honour) && await OfficeRulesAsync(input.ToSheetKey(), ct) is { } found ? input.ToSheetKey() with { HonourTitle = found.Title } : input.ToSheetKey();

    /// <summary>The rules of the key's office-defined honour from the first of the user's region (or, for a province, its cities) whose plans define it; null when none does.</summary>
    public async Task<GoldRules?> OfficeRulesAsync(SheetKey key, CancellationToken ct)
    {
        var own = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == scope.RegionId, ct);
        var regions = own.Level == RegionLevel.Province
            ? [own, .. await db.Regions.AsNoTracking().Where(r => r.ParentId == own.Id && r.Level == RegionLevel.City).ToListAsync(ct)]
            : new List<Region> { own };
        foreach (var region in regions)
        {
            if (await rules.ForAsync(region, key.Category, key.Year, ct, key.Honour) is { Task: not null } found)
            {
                return found;
            }
        }

        return null;
    }

    public async Task<SheetPage> SheetAsync(long id, CancellationToken ct)
    {
        var sheet = await db.NominationSheets.AsNoTracking().Include(s => s.Region).InScope(scope).SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new OutOfScopeException();
        var isCity = SheetWorkflow.IsCitySheet(sheet.Region);
        var nominees = await db.Nominations.AsNoTracking().Include(n => n.Region).Include(n => n.Attestations)
            .Where(n => n.SheetId == sheet.Id || (isCity && n.CitySheetId == sheet.Id))
            .OrderBy(n => n.Region.SortOrder).ThenBy(n => n.Id).ToListAsync(ct);
        var report = await checks.CheckAsync(sheet, sheet.Region, nominees, Today, ct);
        var current = await CurrentSnapshotsAsync(report.Rules.LedgerDefinition, nominees, ct);
        var lines = report.Nominees.Select(v => new NomineeLine(v.Nomination, v, Changes(v.Nomination, current).Count > 0)).ToList();
        var timeline = await db.SheetTransitions.AsNoTracking().Where(t => t.SheetId == sheet.Id).OrderBy(t => t.Id).ToListAsync(ct);
        var allowed = SheetWorkflow.Transitions.Keys.Where(a => SheetWorkflow.Refusal(a, sheet, sheet.Region, scope, report.Rules.SelectingLevel) is null).ToHashSet();
        var canEdit = scope.CanWriteRecordsOf(sheet.RegionId) && SheetWorkflow.EditRefusal(sheet) is null;
        return new SheetPage(sheet, SheetKey.Of(sheet.Category, sheet.HonourTaskId, sheet.Year, sheet.Batch, report.Rules), lines, report, timeline, allowed, canEdit,
            SheetWorkflow.ExtensionRefusal(sheet.Region, scope) is null)
        {
            ChangesSinceReturn = await ChangesSinceReturn.OfAsync(db, sheet, timeline, nominees, ct, report.Rules.LedgerDefinition),
        };
    }

    public async Task<NomineePage> NomineeAsync(long id, CancellationToken ct)
    {
        var nomination = await db.Nominations.AsNoTracking().Include(n => n.Region).Include(n => n.Sheet).ThenInclude(s => s.Region)
            .Include(n => n.CitySheet!).ThenInclude(s => s.Region).Include(n => n.Attestations)
            .InScope(scope).SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw new OutOfScopeException();
        var goldRules = await rules.ForAsync(nomination, ct);
        var definition = goldRules.LedgerDefinition;
        var row = await definition.Rows(db).AsNoTracking().Include(r => r.Region).SingleOrDefaultAsync(r => r.Id == nomination.LedgerRowId, ct);
        var criteria = goldRules.Criteria(nomination.Category, nomination.Tier);
        var held = row is null ? HonourHistory.None : await history.ForAsync(goldRules, [row], ct);
        var verdict = row is null || criteria is null ? null : RuleEvaluator.Evaluate(criteria, row, NominationAttestation.Reviews(nomination.Attestations), Today, held);
        var current = row is null ? [] : new Dictionary<long, Dictionary<string, string>> { [row.Id] = LedgerSnapshot.Of(definition, row) };
        var evaluations = await db.NominationEvaluations.AsNoTracking().Where(e => e.NominationId == id).OrderByDescending(e => e.Id).ToListAsync(ct);
        var evidence = await db.NominationEvidence.AsNoTracking().Where(e => e.NominationId == id).OrderBy(e => e.Id)
            .Select(e => new NominationEvidence { Id = e.Id, FileName = e.FileName, ContentType = e.ContentType, Size = e.Size, Sha256 = e.Sha256, UploadedBy = e.UploadedBy, UploadedAtUtc = e.UploadedAtUtc })
            .ToListAsync(ct);
        var sheetIds = new[] { nomination.SheetId, nomination.CitySheetId ?? 0 };
        var timeline = await db.SheetTransitions.AsNoTracking()
            .Where(t => t.NominationId == id || (t.NominationId == null && sheetIds.Contains(t.SheetId)))
            .OrderBy(t => t.AtUtc).ThenBy(t => t.Id).ToListAsync(ct);
        var attestable = criteria is null ? [] : NominationService.Leaves(criteria).Where(c => !c.IsAutomatic).ToList();
        var canEdit = scope.CanWriteRecordsOf(nomination.RegionId) && SheetWorkflow.EditRefusal(nomination.Sheet) is null;
        var canDecide = SheetWorkflow.Refusal(WorkflowAction.Decide, nomination.Sheet, nomination.Sheet.Region, scope) is null;
        var level = goldRules.SelectingLevel;
        var selecting = level == RegionLevel.County ? nomination.Sheet : nomination.CitySheet;
        var canSelect = selecting is not null
            && (level == RegionLevel.County || nomination.CityDecision == Decision.Yes || level == RegionLevel.City && nomination.CitySheetId == nomination.SheetId)
            && SheetWorkflow.Refusal(WorkflowAction.Select, selecting, selecting.Region, scope, level) is null;
        return new NomineePage(nomination, SheetKey.Of(nomination.Category, nomination.HonourTaskId, nomination.Year, nomination.Batch, goldRules), row, Changes(nomination, current), verdict, goldRules,
            attestable, evaluations, evidence, timeline, canEdit, canDecide, canSelect)
        {
            CanReviewAttestations = attestable.Count > 0 && SheetWorkflowService.AttestationReviewRefusal(nomination, scope) is null
                && (SheetWorkflow.IsCountySheet(nomination.Sheet.Region) ? nomination.CityDecision : nomination.ProvinceDecision) != Decision.Yes,
        };
    }

    /// <summary>
    /// An evidence file the user may read (its nominee is in the user's subtree): its name, type and size, without its
    /// bytes; <see cref="EvidenceContentStream.OpenAsync"/> streams those.
    /// </summary>
    public async Task<NominationEvidence> EvidenceAsync(long nominationId, long evidenceId, CancellationToken ct) =>
        await db.NominationEvidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.NominationId == nominationId && db.Nominations.InScope(scope).Any(n => n.Id == nominationId))
            .Select(e => new NominationEvidence { Id = e.Id, NominationId = e.NominationId, FileName = e.FileName, ContentType = e.ContentType, Size = e.Size, Sha256 = e.Sha256, UploadedBy = e.UploadedBy, UploadedAtUtc = e.UploadedAtUtc })
            .SingleOrDefaultAsync(ct) ?? throw new OutOfScopeException();

    /// <summary>The fields whose value differs now from the value frozen at approval.</summary>
    public static IReadOnlyList<(string Field, string Frozen, string Now)> Changes(Nomination nomination, IReadOnlyDictionary<long, Dictionary<string, string>> current)
    {
        if (nomination.FrozenJson is null || !current.TryGetValue(nomination.LedgerRowId, out var now))
        {
            return [];
        }

        var frozen = JsonSerializer.Deserialize<Dictionary<string, string>>(nomination.FrozenJson) ?? [];
        return frozen.Keys.Union(now.Keys)
            .Select(k => (Field: k, Frozen: frozen.GetValueOrDefault(k) ?? "", Now: now.GetValueOrDefault(k) ?? ""))
            .Where(c => c.Frozen != c.Now).ToList();
    }

    private async Task<Dictionary<long, Dictionary<string, string>>> CurrentSnapshotsAsync(Core.Ledgers.Definitions.ILedgerDefinition definition, IReadOnlyList<Nomination> nominees, CancellationToken ct)
    {
        var ids = nominees.Where(n => n.FrozenJson is not null).Select(n => n.LedgerRowId).ToList();
        var rows = ids.Count == 0 ? [] : await definition.Rows(db).AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => LedgerSnapshot.Of(definition, r));
    }

    private async Task<List<SheetLine>> LinesAsync(IReadOnlyList<Region> regions, SheetKey key, CancellationToken ct)
    {
        var ids = regions.Select(r => r.Id).ToList();
        var sheets = await db.NominationSheets.AsNoTracking()
            .Where(s => ids.Contains(s.RegionId) && s.Category == key.Category && s.HonourTaskId == key.Honour && s.Year == key.Year && s.Batch == key.Batch).ToDictionaryAsync(s => s.RegionId, ct);
        var sheetIds = sheets.Values.Select(s => s.Id).ToList();
        var counts = await db.Nominations.AsNoTracking().Where(n => sheetIds.Contains(n.SheetId) || (n.CitySheetId != null && sheetIds.Contains(n.CitySheetId.Value)))
            .Select(n => new { n.SheetId, n.CitySheetId, n.CityDecision }).ToListAsync(ct);
        var submitExtensions = await db.DeadlineExtensions.LatestByRegionAsync(ids, key.Category, key.Year, key.Batch, DeadlineStep.Submit, ct, key.Honour);
        var reportExtensions = await db.DeadlineExtensions.LatestByRegionAsync(ids, key.Category, key.Year, key.Batch, DeadlineStep.Report, ct, key.Honour);
        var lines = new List<SheetLine>();
        foreach (var region in regions)
        {
            var sheet = sheets.GetValueOrDefault(region.Id);
            var mine = sheet is null ? [] : counts.Where(c => region.Level == RegionLevel.City ? c.CitySheetId == sheet.Id || c.SheetId == sheet.Id : c.SheetId == sheet.Id).ToList();
            // A county is due by its submission to the city, a city by its report upward; each with its own extension.
            var step = SheetEvaluator.StepOf(region.Level);
            var regionRules = await rules.ForAsync(region, key.Category, key.Year, ct, key.Honour);
            var stepDeadline = regionRules.DeadlineOf(key.Category, step, key.Batch);
            DateOnly? extended = (step == DeadlineStep.Report ? reportExtensions : submitExtensions).TryGetValue(region.Id, out var d) ? d : null;
            var deadline = SheetEvaluator.Deadline(stepDeadline, step, Today, extended) ?? new SheetFinding(true, SheetEvaluator.NoDeadline);
            var date = extended ?? stepDeadline?.Date;
            lines.Add(new SheetLine(region, sheet, mine.Count, mine.Count(c => c.CityDecision == Decision.Yes), deadline, date is { } due ? due.DayNumber - Today.DayNumber : null,
                regionRules.SelectingLevel));
        }

        return lines;
    }

    private async Task<IReadOnlyList<(long, string)>> CandidatesAsync(SheetKey key, Core.Ledgers.Definitions.ILedgerDefinition ledger, CancellationToken ct)
    {
        var nominated = db.Nominations.Where(n => n.Category == key.Category && n.HonourTaskId == key.Honour && n.Year == key.Year).Select(n => n.LedgerRowId);
        var rows = await ledger.Rows(db).AsNoTracking()
            .Where(r => r.RegionId == scope.RegionId && r.Year == key.Year && !nominated.Contains(r.Id))
            .OrderBy(r => r.Name).Take(500).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }
}
