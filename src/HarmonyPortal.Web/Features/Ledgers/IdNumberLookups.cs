using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Features.Audit;
using HarmonyPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// The one gate for every lookup by a full ID number (list search, duplicate check on the form, import), so that a
/// user who sees a number only masked (<c>430602********1230</c>: a row of another region of the subtree) cannot confirm
/// guesses of the hidden birth date faster than the limits here allow (bound and arithmetic: docs/probe2/pii.md).
/// </summary>
/// <remarks>
/// A guess is a number whose mask equals the mask of a row of the ledger and year that the user sees only masked. Each
/// user may try <see cref="GuessesPerMask"/> different numbers per mask in <see cref="GuessWindow"/>; further ones are
/// refused before the duplicate check runs, so the refusal is the same whether the guess is right or wrong. Every lookup
/// is audited as <c>access.search</c> without the number: its mask and the number appear only as short keyed tags.
/// A duplicate outside the user's subtree names no region; the office above both regions is told, the hit audited.
/// Entries are kept until <see cref="FlushAsync"/>, which the caller runs outside any unit of work it rolls back.
/// </remarks>
public sealed class IdNumberLookups(
    HarmonyDbContext db, UserScope scope, PersonalDataProtector protector, AuditLog audit, NotificationService notifications, TimeProvider clock)
{
    /// <summary>List searches by a full ID number per user and hour.</summary>
    public const int SearchesPerHour = 20;

    /// <summary>Different numbers per mask a user may have checked against rows it sees only masked, per <see cref="GuessWindow"/>.</summary>
    public const int GuessesPerMask = 3;

    public static readonly TimeSpan GuessWindow = TimeSpan.FromDays(365);

    /// <summary>An import with more rows registered outside the user's subtree than this is refused as probing.</summary>
    public const int ImportHitsElsewhere = 5;

    private const string SearchTag = "search ";
    private const string GuessTag = "guess ";

    private readonly List<(string Action, AuditOutcome Outcome, string Type, string Details)> audits = [];
    private readonly List<(NotificationTarget Target, string Title, string Body, string Link, string Dedup)> notes = [];

    public sealed record Guess(int Key, string Masked, string Hash);

    /// <summary>A Chinese refusal when the user has used up its searches by ID number this hour; else null.</summary>
    public async Task<string?> SearchRefusalAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1);
        var count = await Mine(since).CountAsync(e => e.Details!.StartsWith(SearchTag), ct);
        return count < SearchesPerHour ? null : $"按身份证号码查找过于频繁：每人每小时最多 {SearchesPerHour} 次，请稍后再试，或按姓名查找。";
    }

    /// <summary>Records one list search by ID number (never the number) and saves it at once.</summary>
    public async Task RecordSearchAsync(ILedgerDefinition definition, bool refused, int found, CancellationToken ct) =>
        await audit.RecordAsync(AuditActions.AccessSearch, refused ? AuditOutcome.Denied : AuditOutcome.Success, LedgerWriteService.AuditType(definition),
            null, $"{SearchTag}by=id-number; rows=own-region; found={found}", regionId: scope.RegionId, ct: ct);

    /// <summary>The masks of the ledger's rows of the year that the user sees only masked (its subtree, its own region excepted).</summary>
    public async Task<HashSet<string>> MaskedOnlyAsync(ILedgerDefinition definition, int year, string? mask, CancellationToken ct)
    {
        var rows = definition.Rows(db).InScope(scope).Where(r => r.Year == year && r.RegionId != scope.RegionId);
        if (mask is not null)
        {
            rows = rows.Where(r => EF.Property<string>(r, nameof(PersonRow.IdNumberMasked)) == mask);
        }

        return (await rows.Select(r => EF.Property<string>(r, nameof(PersonRow.IdNumberMasked))).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Judges guesses (numbers whose mask the user sees on another row) in order: a number already tried in the window
    /// passes again, a new one passes while fewer than <see cref="GuessesPerMask"/> were tried, otherwise it is refused.
    /// Returns the refused keys with the Chinese reason; every guess is kept for the audit.
    /// </summary>
    public async Task<Dictionary<int, string>> JudgeAsync(ILedgerDefinition definition, IReadOnlyList<Guess> guesses, string via, CancellationToken ct)
    {
        var refused = new Dictionary<int, string>();
        if (guesses.Count == 0)
        {
            return refused;
        }

        var since = clock.GetUtcNow().UtcDateTime - GuessWindow;
        var tried = (await Mine(since).Where(e => e.Outcome == AuditOutcome.Success && e.Details!.StartsWith(GuessTag)).Select(e => e.Details!).ToListAsync(ct))
            .Select(ParseGuess).OfType<(string Mask, string Number)>()
            .GroupBy(g => g.Mask)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Number).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var guess in guesses)
        {
            var (mask, number) = (Tag("mask|" + guess.Masked), Tag("number|" + guess.Hash));
            var numbers = tried.TryGetValue(mask, out var known) ? known : tried[mask] = new HashSet<string>(StringComparer.Ordinal);
            var allowed = numbers.Contains(number) || numbers.Count < GuessesPerMask;
            if (allowed)
            {
                numbers.Add(number);
            }
            else
            {
                refused[guess.Key] = $"身份证号码：该号码脱敏后与您辖区内其他地区已登记人员的号码相同，而您一年内已核对过 {GuessesPerMask} 个这样的不同号码；"
                    + "为防止推测他人身份证号码，本次不予核对。确需登记的，请联系上级主管部门。";
            }

            audits.Add((AuditActions.AccessSearch, allowed ? AuditOutcome.Success : AuditOutcome.Denied, LedgerWriteService.AuditType(definition),
                $"{GuessTag}mask={mask} number={number} via={via}"));
        }

        return refused;
    }

    /// <summary>
    /// A duplicate found in a region outside the user's subtree: the Chinese message names no region; the hit is audited and
    /// the reviewers and admins of the lowest region above both are told (no ID number, no name) so that they resolve it.
    /// </summary>
    public string Elsewhere(ILedgerDefinition definition, int year, string header, string noun, string theirName, string theirPath, string hash, string via)
    {
        var theirs = PathIds(theirPath);
        audits.Add((AuditActions.LedgerDuplicateElsewhere, AuditOutcome.Denied, LedgerWriteService.AuditType(definition),
            $"year={year}; region={theirs[^1]}; via={via}"));
        var common = PathIds(scope.RegionPath).Zip(theirs).TakeWhile(p => p.First == p.Second).Select(p => p.First).ToList();
        var offices = common.Count > 0 ? [common[^1]] : new[] { PathIds(scope.RegionPath)[0], theirs[0] }.Distinct().ToList();
        foreach (var office in offices)
        {
            notes.Add((NotificationTarget.Region(office, UserRole.Reviewer, UserRole.Admin), "台账重复登记待核实",
                $"{year} 年度“{definition.Title}”：{scope.RegionName}登记的一条记录，{theirName}已登记过同一{noun}。同一年度只能登记一次，请协调两地核实。",
                $"/ledgers/{definition.Key}?year={year}&regionId={theirs[^1]}",
                $"duplicate:{definition.Key}:{year}:{scope.RegionId}:{theirs[^1]}:{Tag("number|" + hash)}"));
        }

        return $"{header}：{year} 年度本台账中该{noun}已在其他地区登记（不在您的管辖范围内），同一年度不能重复登记；已通知上级主管部门核实。";
    }

    /// <summary>Records an import refused as probing (nothing about which rows hit).</summary>
    public void ImportRefused(ILedgerDefinition definition, int year, int hits) =>
        audits.Add((AuditActions.LedgerImportProbing, AuditOutcome.Denied, LedgerWriteService.AuditType(definition), $"year={year}; hits-elsewhere={hits}"));

    /// <summary>Saves the pending audit entries and notifications. Call it with nothing else pending in the DbContext.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (audits.Count == 0 && notes.Count == 0)
        {
            return;
        }

        foreach (var (action, outcome, type, details) in audits)
        {
            audit.Add(action, outcome, type, details: details, regionId: scope.RegionId);
        }

        foreach (var (target, title, body, link, dedup) in notes)
        {
            await notifications.AddAsync(target, title, body, link, dedup, ct);
        }

        audits.Clear();
        notes.Clear();
        await db.SaveChangesAsync(ct);
    }

    private IQueryable<AuditEntry> Mine(DateTime since) =>
        db.AuditEntries.AsNoTracking().Where(e => e.AtUtc >= since && e.UserId == scope.UserId && e.Action == AuditActions.AccessSearch);

    /// <summary>A short keyed tag: equal inputs give equal tags, and nothing can be read back without the portal's key.</summary>
    private string Tag(string value) => protector.Hash("lookup-tag|" + value)[..12];

    private static (string, string)? ParseGuess(string details)
    {
        var parts = details.Split(' ');
        var mask = parts.FirstOrDefault(p => p.StartsWith("mask=", StringComparison.Ordinal));
        var number = parts.FirstOrDefault(p => p.StartsWith("number=", StringComparison.Ordinal));
        return mask is null || number is null ? null : (mask[5..], number[7..]);
    }

    private static List<int> PathIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
