using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Web.Features.Nominations;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Infrastructure.Demo;

/// <summary>
/// The steps of the gold nomination flow, each taken by the demo login whose job it is, through
/// <see cref="NominationService"/> and <see cref="SheetWorkflowService"/> (rules, quotas, deadlines and scope checked as
/// for a click). Each step looks at the sheet first and does nothing when it was already taken, so a second run adds nothing.
/// </summary>
public sealed class DemoNominations(IServiceProvider root)
{
    private const string Narrative = "扎根基层劳动关系协调一线多年，牵头调处劳动争议、推动企业建立集体协商和职工诉求表达机制，所在单位劳动关系和谐稳定，职工满意度高。";

    /// <summary>Nominates the ledger row (unless it already is) and gives the clerk's evidence for every condition the reviewer must confirm.</summary>
    public Task<long> NominateAsync(string clerk, GoldCategory category, long ledgerRowId) =>
        DemoActor.AsAsync(root, clerk, async services =>
        {
            var db = services.GetRequiredService<HarmonyDbContext>();
            var existing = await db.Nominations.Where(n => n.Category == category && n.LedgerRowId == ledgerRowId).Select(n => (long?)n.Id).FirstOrDefaultAsync();
            if (existing is { } id)
            {
                return id;
            }

            var row = await GoldRules.Ledger(category).Rows(db).Include(r => r.Region).SingleAsync(r => r.Id == ledgerRowId);
            var rules = await services.GetRequiredService<GoldRuleLookup>().ForAsync(row.Region, category, row.Year, default);
            var tier = rules.Tiers.Count > 0 ? rules.Tiers[0].Id : null;
            var nominations = services.GetRequiredService<NominationService>();
            var (created, result) = await nominations.CreateAsync(category, ledgerRowId, rules.Batches(row.Year)[0], Narrative, default, tier);
            Ensure(result.Succeeded, $"nominate {row.Name}", result.Errors.Select(e => e.Message));
            var criteria = rules.Criteria(category, tier) is { } root ? NominationService.Leaves(root).Where(c => !c.IsAutomatic).ToList() : [];
            foreach (var criterion in criteria)
            {
                var attested = await nominations.AttestAsync(created, criterion.Id, $"{row.Region.Name}协调劳动关系三方办公室出具的证明（{row.Year}）", default);
                Ensure(attested.Succeeded, $"attest {criterion.Id}", attested.Errors.Select(e => e.Message));
            }

            return created;
        });

    /// <summary>The level that selects the category's honour for the county's year, as its rules say (山西, 河南: the province).</summary>
    public Task<Core.Regions.RegionLevel> SelectingLevelAsync(string clerk, GoldCategory category, int year) =>
        DemoActor.AsAsync(root, clerk, async services =>
        {
            var scope = services.GetRequiredService<Core.Scope.UserScope>();
            var region = await services.GetRequiredService<HarmonyDbContext>().Regions.SingleAsync(r => r.Id == scope.RegionId);
            return (await services.GetRequiredService<GoldRuleLookup>().ForAsync(region, category, year, default)).SelectingLevel;
        });

    public Task SubmitAsync(string clerk, long nominationId) =>
        Step(clerk, nominationId, county: true, [SheetStatus.Draft], (services, sheet) => Workflow(services).SubmitAsync(sheet.Id, sheet.Version, default));

    public Task ReturnAsync(string reviewer, long nominationId, string reason) =>
        Step(reviewer, nominationId, county: true, [SheetStatus.Submitted], (services, sheet) => Workflow(services).ReturnAsync(sheet.Id, sheet.Version, Given(reason), default));

    /// <summary>The city's review of a county sheet: each attested condition confirmed, each nominee passed, the sheet approved.</summary>
    public Task ApproveAsync(string reviewer, params long[] nominationIds) =>
        Step(reviewer, nominationIds[0], county: true, [SheetStatus.Submitted], async (services, sheet) =>
        {
            var workflow = services.GetRequiredService<SheetWorkflowService>();
            var db = services.GetRequiredService<HarmonyDbContext>();
            foreach (var id in nominationIds)
            {
                var pending = await db.NominationAttestations.Where(a => a.NominationId == id && a.State == AttestationState.Pending).Select(a => a.CriterionId).ToListAsync();
                foreach (var criterion in pending)
                {
                    Ensure(await workflow.ReviewAttestationAsync(id, criterion, confirm: true, Given(""), default), $"confirm {criterion}");
                }

                Ensure(await workflow.DecideAsync(id, approve: true, Given("事迹突出，材料齐全，同意推荐"), default), "decide");
            }

            var version = await db.NominationSheets.Where(s => s.Id == sheet.Id).Select(s => s.Version).SingleAsync();
            return await workflow.ApproveAsync(sheet.Id, version, default);
        });

    public Task ForwardAsync(string reviewer, long nominationId) =>
        Step(reviewer, nominationId, county: false, [SheetStatus.Draft, SheetStatus.Returned], (services, sheet) => Workflow(services).ForwardAsync(sheet.Id, sheet.Version, default));

    /// <summary>择优 by the level that confers the honour: the nominee selected or passed over with a reason (once).</summary>
    public Task SelectAsync(string reviewer, long nominationId, bool select = true) =>
        DemoActor.AsAsync(root, reviewer, async services =>
        {
            var db = services.GetRequiredService<HarmonyDbContext>();
            if (await db.Nominations.AnyAsync(n => n.Id == nominationId && n.ProvinceDecision != Decision.Pending))
            {
                return;
            }

            Ensure(await services.GetRequiredService<SheetWorkflowService>().SelectAsync(nominationId, select, Given(select ? "综合评审排名靠前，予以选树" : "名额有限，列为下一年度后备人选"), default), $"select {nominationId}");
        });

    /// <summary>
    /// Publishes the list of the nominee's category, year and batch at the reviewer's level, unless its sheet is published
    /// already; false when the reviewer's level may not publish it.
    /// </summary>
    public Task<bool> PublishAsync(string reviewer, long nominationId) =>
        DemoActor.AsAsync(root, reviewer, async services =>
        {
            var db = services.GetRequiredService<HarmonyDbContext>();
            var nomination = await db.Nominations.AsNoTracking().Include(n => n.CitySheet).SingleAsync(n => n.Id == nominationId);
            if (nomination.CitySheet?.Status == SheetStatus.Published)
            {
                return true;
            }

            var result = await services.GetRequiredService<SheetWorkflowService>().PublishAsync(nomination.Category, nomination.Year, nomination.Batch, confirmed: true, default);
            if (result.Forbidden)
            {
                return false;
            }

            Ensure(result, $"publish {nominationId}");
            return true;
        });

    private Task Step(string user, long nominationId, bool county, SheetStatus[] from, Func<IServiceProvider, NominationSheet, Task<ServiceResult>> act) =>
        DemoActor.AsAsync(root, user, async services =>
        {
            var db = services.GetRequiredService<HarmonyDbContext>();
            var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == nominationId);
            var sheetId = county ? nomination.SheetId : nomination.CitySheetId!.Value;
            var sheet = await db.NominationSheets.AsNoTracking().SingleAsync(s => s.Id == sheetId);
            if (from.Contains(sheet.Status))
            {
                Ensure(await act(services, sheet), $"{user} on sheet {sheet.Id} ({sheet.Status})");
            }
        });

    private static SheetWorkflowService Workflow(IServiceProvider services) => services.GetRequiredService<SheetWorkflowService>();

    private static void Ensure(ServiceResult result, string what) => Ensure(result.Succeeded, what, result.Reasons);

    private static void Ensure(bool succeeded, string what, IEnumerable<string> reasons)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException($"Demo nomination step refused: {what}: {string.Join("; ", reasons)}");
        }
    }

    /// <summary>A reason the demo writes itself: short and present, so no validator needs to see it.</summary>
    private static Features.Shared.StepReason Given(string reason) => new(reason, null);
}
