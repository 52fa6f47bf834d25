using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Ledgers.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>A checked row's identity as the import asks the ledger about it, with its name key when it has one (<see cref="ILedgerDefinition.NameKeyOf"/>).</summary>
/// <remarks>Aliases: the identity under the other personal-data algorithms, so rows not yet re-hashed after a switch are met (ADR 0022).</remarks>
public sealed record AskedRow(string Identity, int RowNumber, string? NameKey, IReadOnlyList<string> Aliases);

/// <summary>The import's questions to the ledger: rows already registered this year (to update, or to report), and the preview's choices.</summary>
public sealed partial class LedgerImportService
{
    /// <summary>
    /// Rows already in the ledger this year, among the identities asked: one query per thousand. A row is matched by its
    /// identity, else by its name key (a social organisation with a credit code the ledger does not know yet, by its name
    /// in the region). A row registered outside the user's subtree is only noted here (<see cref="elsewhere"/>);
    /// <see cref="JudgeLookupsAsync"/> reports it.
    /// </summary>
    private async Task AddRegisteredAsync(ILedgerDefinition definition, int year, List<AskedRow> asked,
        List<ImportProblem> registered, CancellationToken ct)
    {
        foreach (var chunk in asked.Chunk(1000))
        {
            var keys = chunk.Select(a => a.Identity).Concat(chunk.Select(a => a.NameKey).OfType<string>()).Concat(chunk.SelectMany(a => a.Aliases)).Distinct().ToList();
            var found = await definition.ExistingAsync(db, year, scope.RegionId, keys, ct);
            foreach (var (identity, rowNumber, nameKey, aliases) in chunk)
            {
                var byName = nameKey is null ? null : found.GetValueOrDefault(nameKey);
                var byIdentity = found.GetValueOrDefault(identity) ?? aliases.Select(found.GetValueOrDefault).FirstOrDefault(e => e is not null);
                var (via, existing) = byIdentity is not null ? (identity, byIdentity) : (nameKey!, byName);
                if (existing is null)
                {
                    continue;
                }

                var (regionName, regionPath) = (existing.RegionName, existing.RegionPath);
                if (request.Mode == ImportMode.AddOrUpdate && existing.RegionId == scope.RegionId)
                {
                    if (MatchRefusal(definition, year, rowNumber, existing, byName, nameKey) is { } refusal)
                    {
                        registered.Add(refusal);
                        continue;
                    }

                    matched[identity] = existing; // updated or unchanged: only rows of the clerk's own region
                    matchedRows[existing.Id] = rowNumber;
                    continue;
                }

                if (!scope.CanRead(regionPath))
                {
                    elsewhere.Add((rowNumber, via, regionName, regionPath));
                    registered.Add(new ImportProblem(rowNumber, "", ""));
                    continue;
                }

                var error = writer.DuplicateError(definition, year, regionName, regionPath, via, "import");
                registered.Add(new ImportProblem(rowNumber, Header(definition, error.Key), error.Message));
            }
        }
    }

    /// <summary>
    /// Why a file row cannot update the row it matched: its name is another row's of the region (a renamed organisation
    /// onto an existing name), or another file row already matched the same row (one by credit code, one by name).
    /// </summary>
    private ImportProblem? MatchRefusal(ILedgerDefinition definition, int year, int rowNumber, ExistingRow existing, ExistingRow? byName, string? nameKey)
    {
        if (byName is not null && byName.Id != existing.Id)
        {
            var header = LedgerWriteService.IdentityField(definition, nameKey!).Header;
            return new ImportProblem(rowNumber, header, $"{header}：本地区 {year} 年度已有另一条名为“{LedgerIdentity.NameOf(nameKey!)}”的记录，同一年度不能重复登记");
        }

        if (matchedRows.TryGetValue(existing.Id, out var first) && first != rowNumber)
        {
            var header = definition.IdentityField.Header;
            return new ImportProblem(rowNumber, header, $"{header}：与第 {first} 行对应本台账中的同一条记录（一行按统一社会信用代码、一行按名称），请合并为一行");
        }

        return null;
    }

    /// <summary>Existing rows matched by a file row in this import: row id → the file's row number.</summary>
    private readonly Dictionary<long, int> matchedRows = [];

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
