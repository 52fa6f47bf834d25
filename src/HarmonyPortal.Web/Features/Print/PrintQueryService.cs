using System.Text.Json;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Nominations;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Features.Nominations;
using HarmonyPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Print;

/// <summary>
/// The printed documents' data, read through the nomination pages' own scoped queries (404 outside the
/// subtree). ID numbers are shown in full only to users of the row's own region, as on the ledger's
/// details page; everyone else gets them masked, with phones, as in <see cref="LedgerSnapshot"/>.
/// </summary>
public sealed class PrintQueryService(HarmonyDbContext db, UserScope scope, NominationQueryService nominations, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<RecommendationForm> RecommendationAsync(long id, CancellationToken ct)
    {
        var page = await nominations.NomineeAsync(id, ct);
        var n = page.Nomination;
        var definition = page.Rules.LedgerDefinition;
        var reveal = page.Row is not null && Reveal(page.Row);
        var fields = page.Row is { } row ? Values(definition, row, reveal).Select((v, i) => (definition.Fields[i].Header, v)).ToList()
            : n.FrozenJson is { } frozen ? (JsonSerializer.Deserialize<Dictionary<string, string>>(frozen) ?? []).Select(kv => (kv.Key, kv.Value)).ToList()
            : [];
        var criteria = page.Attestable.Select(c => n.Attestations.FirstOrDefault(a => a.CriterionId == c.Id) is { } a
            ? new AttestedCriterion(c.Text, c.Clause, a.Evidence, a.AttestedBy) { State = ReviewState(a) }
            : new AttestedCriterion(c.Text, c.Clause, null, null)).ToList();
        var evaluation = page.Evaluations.Count > 0 ? page.Evaluations[0] : null;
        var details = evaluation is null ? [] : SheetChecks.ReadVerdict(evaluation.VerdictJson)?.Leaves().Select(l => l.Explanation).ToList() ?? [];
        return Stamp(new RecommendationForm(n, page.Key, fields, page.Row is null, criteria, evaluation, details, page.Rules.VerdictSet?.Name)
        {
            FullIdNumbers = reveal && definition.HasIdNumber ? 1 : 0,
            CriteriaSourceNote = page.Rules.CriteriaSourceNote,
            NoCriteria = page.Rules.Criteria(n.Category) is null,
            SelectingLevel = page.Rules.SelectingLevel,
            TierName = n.Tier is { } tier ? TierProgression.TierName(page.Rules.Task?.Honour, tier) : null,
        });
    }

    private static string ReviewState(NominationAttestation a) => a.State switch
    {
        AttestationState.Confirmed => $"已确认（{a.ReviewedBy}，{a.ReviewedAtUtc?.ToLocalTime():yyyy-MM-dd}）",
        AttestationState.Rejected => $"未予确认：{a.ReviewReason}（{a.ReviewedBy}，{a.ReviewedAtUtc?.ToLocalTime():yyyy-MM-dd}）",
        _ => AttestationReview.StateName(a.State),
    };

    public async Task<SheetTable> SheetTableAsync(long id, CancellationToken ct)
    {
        var page = await nominations.SheetAsync(id, ct);
        var (headers, lines, full) = await LinesAsync(page.Report.Rules.LedgerDefinition, page.Nominees.Select(l => l.Nomination).ToList(), ct);
        return Stamp(new SheetTable(page.Sheet, page.Key, headers, lines) { FullIdNumbers = full, SelectingLevel = page.Report.Rules.SelectingLevel });
    }

    /// <summary>The nominees selected in the user's subtree whose list is published (by the province, a city or a county), in region order.</summary>
    public async Task<PublishedList> PublishedAsync(GoldCategory category, int year, int batch, CancellationToken ct, string? honour = null)
    {
        honour ??= "";
        var key = new SheetKey(OfficeHonour.CategoryOf(category, honour), year, batch) { Honour = honour };
        var office = OfficeHonour.Is(honour) ? await nominations.OfficeRulesAsync(key, ct) ?? throw new OutOfScopeException() : null;
        key = office is null ? key : key with { HonourTitle = office.Title };
        var selected = await db.Nominations.AsNoTracking().Include(n => n.Region)
            .Where(Nomination.OnPublishedList)
            .InScope(scope).Where(n => n.Category == key.Category && n.HonourTaskId == honour && n.Year == year && n.Batch == batch)
            .ToListAsync(ct);
        var tree = await db.LoadSubtreeAsync(scope, ct);
        var order = tree.SelfAndDescendants().Select((r, i) => (r.Id, i)).ToDictionary(r => r.Id, r => r.i);
        var sorted = selected.OrderBy(n => order.GetValueOrDefault(n.RegionId, int.MaxValue)).ThenBy(n => n.Id).ToList();
        var (headers, lines, full) = await LinesAsync(office?.LedgerDefinition ?? GoldRules.Ledger(category), sorted, ct);
        return Stamp(new PublishedList(scope.RegionName, key, headers, lines) { FullIdNumbers = full });
    }

    private async Task<(IReadOnlyList<string>, IReadOnlyList<PrintLine>, int)> LinesAsync(ILedgerDefinition definition, IReadOnlyList<Nomination> nominees, CancellationToken ct)
    {
        var columns = ListColumns(definition);
        var ids = nominees.Select(n => n.LedgerRowId).ToList();
        var rows = new Dictionary<long, LedgerRow>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var row in await definition.Rows(db).AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct))
            {
                rows[row.Id] = row;
            }
        }

        var labels = await RegionLabelsAsync(nominees.Select(n => n.Region), ct);
        var full = 0;
        var lines = nominees.Select((n, i) =>
        {
            IReadOnlyList<string> values = columns.Select(_ => "").ToList();
            if (rows.TryGetValue(n.LedgerRowId, out var row))
            {
                var reveal = Reveal(row);
                full += reveal && definition.HasIdNumber ? 1 : 0;
                var all = Values(definition, row, reveal);
                values = columns.Select(c => all[c]).ToList();
            }

            return new PrintLine(i + 1, n.Name, labels[n.RegionId], values, n.CityDecision, n.ProvinceDecision);
        }).ToList();
        return (columns.Select(c => definition.Fields[c].Header).ToList(), lines, full);
    }

    /// <summary>
    /// Each region as printed lists name it: the city with the county ("岳阳市 岳阳县"), i.e. the names on its path
    /// below the province; a province or city is its own name.
    /// </summary>
    private async Task<Dictionary<int, string>> RegionLabelsAsync(IEnumerable<Core.Regions.Region> regions, CancellationToken ct)
    {
        var distinct = regions.DistinctBy(r => r.Id).ToList();
        var ids = distinct.SelectMany(r => Core.Regions.Region.IdsOnPath(r.Path)).Distinct().ToList();
        var names = new Dictionary<int, (string Name, Core.Regions.RegionLevel Level)>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var r in await db.Regions.AsNoTracking().Where(r => chunk.Contains(r.Id)).Select(r => new { r.Id, r.Name, r.Level }).ToListAsync(ct))
            {
                names[r.Id] = (r.Name, r.Level);
            }
        }

        return distinct.ToDictionary(r => r.Id, r =>
        {
            var path = Core.Regions.Region.IdsOnPath(r.Path).Where(names.ContainsKey).Select(id => names[id])
                .Where(x => x.Level > Core.Regions.RegionLevel.Province).Select(x => x.Name).ToList();
            return path.Count == 0 ? r.Name : string.Join(" ", path);
        });
    }

    /// <summary>The ledger's list columns other than the name, by their index in the definition.</summary>
    private static List<int> ListColumns(ILedgerDefinition definition) =>
        definition.Fields.Select((f, i) => (f, i)).Where(x => x.f.InList && x.f.Key != nameof(LedgerRow.Name)).Select(x => x.i).ToList();

    /// <summary>Only users of the row's own region see its full ID number (decrypted here for them alone).</summary>
    private bool Reveal(LedgerRow row)
    {
        if (row.RegionId != scope.RegionId)
        {
            return false;
        }

        if (row is PersonRow person)
        {
            protector.Unseal(person);
        }

        return true;
    }

    private static List<string> Values(ILedgerDefinition definition, LedgerRow row, bool reveal) =>
        definition.Fields.Select(f =>
        {
            if (f.Kind == FieldKind.IdNumber && row is PersonRow person)
            {
                return reveal && person.IdNumber is { } plain ? plain : person.IdNumberMasked;
            }

            var text = FieldValues.Format(f, f.Get(row));
            return LedgerSnapshot.ForViewer(f, text, reveal);
        }).ToList();

    private T Stamp<T>(T document)
        where T : PrintDocument => document with { PrintedBy = scope.UserName, PrintedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime) };
}
