using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>The import's questions to the ledger: rows already registered this year (to update, or to report), and the preview's choices.</summary>
public sealed partial class LedgerImportService
{
    /// <summary>
    /// Rows already in the ledger this year, among the identities asked: one query per thousand. A row registered outside the
    /// user's subtree is only noted here (<see cref="elsewhere"/>); <see cref="JudgeLookupsAsync"/> reports it.
    /// </summary>
    private async Task AddRegisteredAsync(ILedgerDefinition definition, int year, List<(string Identity, int RowNumber)> asked,
        List<ImportProblem> registered, CancellationToken ct)
    {
        foreach (var chunk in asked.Chunk(1000))
        {
            var rowOf = chunk.ToDictionary(a => a.Identity, a => a.RowNumber);
            foreach (var (identity, existing) in await definition.ExistingAsync(db, year, scope.RegionId, rowOf.Keys, ct))
            {
                var (regionName, regionPath) = (existing.RegionName, existing.RegionPath);
                if (request.Mode == ImportMode.AddOrUpdate && existing.RegionId == scope.RegionId)
                {
                    matched[identity] = existing; // updated or unchanged: only rows of the clerk's own region
                    continue;
                }

                if (!scope.CanRead(regionPath))
                {
                    elsewhere.Add((rowOf[identity], identity, regionName, regionPath));
                    registered.Add(new ImportProblem(rowOf[identity], "", ""));
                    continue;
                }

                var error = writer.DuplicateError(definition, year, regionName, regionPath, identity, "import");
                registered.Add(new ImportProblem(rowOf[identity], Header(definition, error.Key), error.Message));
            }
        }
    }

    /// <summary>Rows of this import registered outside the user's subtree (row, identity, region), reported at the end.</summary>
    private readonly List<(int RowNumber, string Identity, string RegionName, string RegionPath)> elsewhere = [];

    /// <summary>
    /// The duplicate answers the user may see: guesses over the limit are refused without saying whether they hit; rows
    /// registered outside the subtree say only "elsewhere" (each audited, the office above told), and more of them than
    /// <see cref="IdNumberLookups.ImportHitsElsewhere"/> refuse the whole file as probing, naming no row.
    /// </summary>
    private async Task<List<ImportProblem>> JudgeLookupsAsync(ILedgerDefinition definition, int year, List<IdNumberLookups.Guess> guesses,
        List<ImportProblem> registered, CancellationToken ct)
    {
        var refused = await writer.Lookups.JudgeAsync(definition, guesses, "import", ct);
        var header = LedgerWriteService.IdentityField(definition).Header;
        var answers = registered.Where(p => p.Message.Length > 0 && !refused.ContainsKey(p.RowNumber)).ToList();
        answers.AddRange(refused.Select(r => new ImportProblem(r.Key, header, r.Value)));
        var hits = elsewhere.Where(e => !refused.ContainsKey(e.RowNumber)).ToList();
        if (hits.Count > IdNumberLookups.ImportHitsElsewhere)
        {
            writer.Lookups.ImportRefused(definition, year, hits.Count);
            answers.Add(new ImportProblem(0, "", $"文件中有 {hits.Count} 行已在您管辖范围以外的地区登记，超过 {IdNumberLookups.ImportHitsElsewhere} 行，"
                + "疑似批量探查他人信息，本次导入已被拒绝并记录。确需导入的，请联系上级主管部门核实。"));
            return answers;
        }

        foreach (var (rowNumber, identity, regionName, regionPath) in hits)
        {
            var error = writer.DuplicateError(definition, year, regionName, regionPath, identity, "import");
            answers.Add(new ImportProblem(rowNumber, Header(definition, error.Key), error.Message));
        }

        return answers;
    }

    /// <summary>
    /// What the preview offers for each added column the file lacks: the form's options (类别, 是否在任 …), the region's
    /// mediation organisations of the year for 所属调解组织, or null for free text.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>?>> ChoicesAsync(ILedgerDefinition definition, int year, IReadOnlyList<ILedgerField> absent, CancellationToken ct)
    {
        var choices = new Dictionary<string, IReadOnlyList<string>?>();
        foreach (var field in absent)
        {
            choices[field.Key] = field.Key == nameof(Mediator.OrganizationName)
                ? await db.Set<MediationOrganization>().AsNoTracking().Where(o => o.RegionId == scope.RegionId && o.Year == year).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct)
                : FieldValues.Options(field);
        }

        return choices;
    }
}
