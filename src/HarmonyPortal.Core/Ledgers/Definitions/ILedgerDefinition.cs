using HarmonyPortal.Core.Data;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>A ledger (台账) described as data: its official form's title and columns, and its cross-field rules.</summary>
public interface ILedgerDefinition
{
    /// <summary>URL key, e.g. "coordinators".</summary>
    string Key { get; }

    /// <summary>The official form's title, e.g. 劳动关系协调员情况表.</summary>
    string Title { get; }

    /// <summary>Where the form comes from, e.g. 附件3.</summary>
    string Source { get; }

    /// <summary>Fields in the official column order.</summary>
    IReadOnlyList<ILedgerField> Fields { get; }

    /// <summary>The enumeration field a list can be filtered by (类别, 性质), if any.</summary>
    ILedgerField? KindField { get; }

    /// <summary>True when rows hold an ID number (encrypted at rest, masked in lists).</summary>
    bool HasIdNumber { get; }

    LedgerRow NewRow();

    /// <summary>The list's filters without order or paging, for exports.</summary>
    /// <remarks><paramref name="idNumberHashes"/>: the number's keyed hashes under every algorithm (ADR 0022); a row matches any.</remarks>
    IQueryable<LedgerRow> Filter(IQueryable<LedgerRow> rows, LedgerListQuery query, IReadOnlyList<string>? idNumberHashes);

    /// <summary>One page of the list; <paramref name="rows"/> must already be scoped to the user's subtree.</summary>
    Task<List<LedgerListItem>> ListAsync(IQueryable<LedgerRow> rows, LedgerListQuery query, IReadOnlyList<string>? idNumberHashes, CancellationToken ct);

    IQueryable<LedgerRow> Rows(HarmonyDbContext db);

    /// <summary>The columns the list can be sorted by (<see cref="LedgerSort"/>): region, the list fields, unit and status.</summary>
    IReadOnlyList<LedgerSortColumn> SortColumns { get; }

    /// <summary>The sort column's value of <paramref name="item"/> as the next page's <see cref="LedgerListQuery.After"/>; null when sorted by newest.</summary>
    string? AfterKey(LedgerListItem item, LedgerListQuery query);

    /// <summary>Rows of the same identity in the same year (same ID number, credit code or name), for the duplicate check.</summary>
    IQueryable<LedgerRow> SameIdentity(HarmonyDbContext db, LedgerRow row);

    /// <summary>
    /// What makes a row the same as another in a year: the ID number's hash, the credit code, or the name; a
    /// <see cref="LedgerIdentity.NameKey"/> when the identity may be blank and is.
    /// </summary>
    string IdentityOf(LedgerRow row);

    /// <summary>The row's identity under the other personal-data algorithms (ID-number hashes, ADR 0022); empty for other identities.</summary>
    IReadOnlyList<string> IdentityAliasesOf(LedgerRow row);

    /// <summary>The column named when a row's identity is already registered (身份证号码, 统一社会信用代码, else the name).</summary>
    ILedgerField IdentityField { get; }

    /// <summary>
    /// The name key of a row known by another identity whose name must still be unique in its region and year (a social
    /// organisation with a credit code); null for every other row.
    /// </summary>
    string? NameKeyOf(LedgerRow row);

    /// <summary>Other rows of the same year and region with the row's name, when <see cref="NameKeyOf"/> is not null; else null.</summary>
    IQueryable<LedgerRow>? SameName(HarmonyDbContext db, LedgerRow row);

    /// <summary>
    /// Which of <paramref name="identities"/> already have a row in <paramref name="year"/> (in the region
    /// for name identities and name keys, anywhere for people and credit codes), with where that row is: one query per kind.
    /// </summary>
    Task<Dictionary<string, ExistingRow>> ExistingAsync(
        HarmonyDbContext db, int year, int regionId, IReadOnlyCollection<string> identities, CancellationToken ct);

    /// <summary>Rules across fields (settled ≤ received, the layoff block …), run after every field parsed.</summary>
    IReadOnlyList<FieldError> Validate(LedgerRow row, DateOnly today);

    /// <summary>Fills unmapped fields (a mediator's organisation name) before a row is shown in a form.</summary>
    Task LoadReferencesAsync(HarmonyDbContext db, LedgerRow row, CancellationToken ct);

    /// <summary>Resolves references by name (a mediator's organisation) before saving.</summary>
    Task<IReadOnlyList<FieldError>> ResolveAsync(HarmonyDbContext db, LedgerRow row, CancellationToken ct);

    /// <summary>Whether <see cref="ResolveAsync"/> reads the database, so that an import cannot check rows while it saves others.</summary>
    bool ChecksReadTheDatabase { get; }

    /// <summary>Rows that must not lose their parent: returns a reason to refuse deletion, or null.</summary>
    Task<string?> CannotDeleteAsync(HarmonyDbContext db, LedgerRow row, CancellationToken ct);
}

/// <summary>A row already in the ledger with an identity an import asked about: which row, its version, and where it is.</summary>
public sealed record ExistingRow(long Id, int RegionId, int Version, string RegionName, string RegionPath);
