using FluentValidation;
using HarmonyPortal.Core.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>Base of every ledger definition: the typed parts (query root, cross-field validator) behind <see cref="ILedgerDefinition"/>.</summary>
public abstract partial class LedgerDefinition<TRow> : ILedgerDefinition
    where TRow : LedgerRow, new()
{
    public abstract string Key { get; }

    public abstract string Title { get; }

    public abstract string Source { get; }

    public abstract IReadOnlyList<ILedgerField> Fields { get; }

    public virtual ILedgerField? KindField => null;

    public bool HasIdNumber => typeof(PersonRow).IsAssignableFrom(typeof(TRow));

    /// <summary>Cross-field rules with messages naming the field; null when the ledger has none.</summary>
    protected virtual IValidator<TRow>? CreateValidator(DateOnly today) => null;

    public LedgerRow NewRow() => new TRow();

    public IQueryable<LedgerRow> Rows(HarmonyDbContext db) => db.Set<TRow>();

    /// <summary>Other rows of the same year with the row's identity (<see cref="Identity"/>), in its region when identity is regional.</summary>
    public IQueryable<LedgerRow> SameIdentity(HarmonyDbContext db, LedgerRow row)
    {
        var key = IdentityOf(row);
        if (LedgerIdentity.IsNameKey(key))
        {
            return SameNameQuery(db, row);
        }

        var identity = Identity;
        var aliases = IdentityAliasesOf(row);
        var value = new System.Runtime.CompilerServices.StrongBox<string>(key);
        var candidates = new System.Runtime.CompilerServices.StrongBox<List<string>>([key, .. aliases]);
        var matches = Expression.Lambda<Func<TRow, bool>>(
            aliases.Count == 0
                ? Expression.Equal(identity.Body, Expression.Field(Expression.Constant(value), nameof(value.Value)))
                : Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
                    Expression.Field(Expression.Constant(candidates), nameof(candidates.Value)), identity.Body),
            identity.Parameters[0]);
        var rows = db.Set<TRow>().Where(r => r.Year == row.Year && r.Id != row.Id).Where(matches);
        return IdentityIsRegional ? rows.Where(r => r.RegionId == row.RegionId) : rows;
    }

    public IQueryable<LedgerRow>? SameName(HarmonyDbContext db, LedgerRow row) => NameKeyOf(row) is null ? null : SameNameQuery(db, row);

    private IQueryable<TRow> SameNameQuery(HarmonyDbContext db, LedgerRow row)
    {
        var (year, id, regionId, name) = (row.Year, row.Id, row.RegionId, row.Name);
        return db.Set<TRow>().Where(r => r.Year == year && r.Id != id && r.RegionId == regionId && r.Name == name);
    }

    public IReadOnlyList<FieldError> Validate(LedgerRow row, DateOnly today)
    {
        // Validators are built once a day and reused: an import validates up to 100,000 rows.
        var cached = validatorOfTheDay;
        if (cached?.Day != today)
        {
            cached = validatorOfTheDay = new CachedValidator(today, CreateValidator(today));
        }

        var validator = cached.Validator;
        if (validator is null)
        {
            return [];
        }

        return validator.Validate((TRow)row).Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
    }

    /// <summary>
    /// One page of the list, projected to the list columns, untracked, paged by key: newest first on the index
    /// (RegionId, Year, Id), by name on (RegionId, Year, Name, Id), by another column as (column, Id) (see
    /// LedgerDefinition.Sort.cs). <paramref name="rows"/> is already scoped.
    /// </summary>
    public async Task<List<LedgerListItem>> ListAsync(IQueryable<LedgerRow> rows, LedgerListQuery query, IReadOnlyList<string>? idNumberHashes, CancellationToken ct)
    {
        var q = query;
        var page = Filter(rows, q, idNumberHashes).Cast<TRow>().AsNoTracking();
        if (LedgerSort.Parse(q.Sort) is ({ } column, var descending))
        {
            page = Sorted(page, column, descending, q.After ?? q.AfterName, q.AfterId);
        }
        else
        {
            if (q.AfterId is { } afterId)
            {
                page = page.Where(r => r.Id < afterId);
            }

            page = page.OrderByDescending(r => r.Id);
        }

        return await page.Take(LedgerListQuery.PageSize + 1).Select(ListProjection).ToListAsync(ct);
    }

    /// <summary>The list's filters (year, region, status, kind, name, ID number or another search column), without order or paging; used by lists and exports.</summary>
    public IQueryable<LedgerRow> Filter(IQueryable<LedgerRow> rows, LedgerListQuery query, IReadOnlyList<string>? idNumberHashes)
    {
        var q = query;
        var filtered = rows.Cast<TRow>().Where(r => r.Year == q.Year);
        if (q.RegionId is { } regionId)
        {
            filtered = filtered.Where(r => r.RegionId == regionId);
        }

        if (q.Status is { } status)
        {
            filtered = filtered.Where(r => r.Status == status);
        }

        if (q.Kind is { } kind && KindFilter(kind) is { } kindFilter)
        {
            filtered = filtered.Where(kindFilter);
        }

        if (idNumberHashes is not null && IdNumberFilter(idNumberHashes) is { } byIdNumber)
        {
            filtered = filtered.Where(byIdNumber);
        }
        else if (!string.IsNullOrWhiteSpace(q.Q) && q.SearchesByName)
        {
            var text = q.Q.Trim();
            filtered = filtered.Where(r => r.Name.Contains(text));
        }
        else if (!string.IsNullOrWhiteSpace(q.Q))
        {
            filtered = LedgerSearch.Where(filtered, this, q.By!, q.Q.Trim(), q.PhoneSearchRegionId);
        }

        return filtered;
    }

    /// <summary>Rows whose ID number has one of these keyed hashes; null for ledgers without ID numbers.</summary>
    protected virtual Expression<Func<TRow, bool>>? IdNumberFilter(IReadOnlyList<string> hashes) => null;

    /// <summary>Fills unmapped fields (a mediator's organisation name) before a row is shown in a form.</summary>
    public virtual Task LoadReferencesAsync(HarmonyDbContext db, LedgerRow row, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Filter by the kind field's value; null when the ledger has no kind field.</summary>
    protected virtual Expression<Func<TRow, bool>>? KindFilter(int kind)
    {
        if (KindField is null)
        {
            return null;
        }

        var r = Expression.Parameter(typeof(TRow), "r");
        var member = Expression.Property(r, KindField.Key);
        var value = Expression.Constant(Enum.ToObject(KindField.EnumType!, kind), member.Type);
        return Expression.Lambda<Func<TRow, bool>>(Expression.Equal(member, value), r);
    }

    /// <summary>The column a list shows for a field: the masked copy for an ID number, by default the property itself.</summary>
    protected virtual Expression ListValue(System.Linq.Expressions.ParameterExpression row, ILedgerField field) =>
        field.Kind == FieldKind.IdNumber
            ? Expression.Property(row, nameof(PersonRow.IdNumberMasked))
            : Expression.Property(row, field.Key);

    private Expression<Func<TRow, LedgerListItem>> ListProjection => listProjection ??= BuildListProjection();

    private Expression<Func<TRow, LedgerListItem>>? listProjection;

    private Expression<Func<TRow, LedgerListItem>> BuildListProjection()
    {
        var r = Expression.Parameter(typeof(TRow), "r");
        var values = Expression.NewArrayInit(
            typeof(object),
            Fields.Where(f => f.InList).Select(f => Expression.Convert(ListValue(r, f), typeof(object))));
        var region = Expression.Property(Expression.Property(r, nameof(LedgerRow.Region)), nameof(Regions.Region.Name));
        var constructor = typeof(LedgerListItem).GetConstructors().Single();
        var body = Expression.New(
            constructor,
            Expression.Property(r, nameof(LedgerRow.Id)),
            Expression.Property(r, nameof(LedgerRow.RegionId)),
            region,
            Expression.Property(r, nameof(LedgerRow.Status)),
            Expression.Property(r, nameof(LedgerRow.Name)),
            values,
            Expression.Property(Expression.Property(r, nameof(LedgerRow.Unit)), nameof(Offices.MemberUnit.ShortName)));
        return Expression.Lambda<Func<TRow, LedgerListItem>>(body, r);
    }

    private sealed record CachedValidator(DateOnly Day, IValidator<TRow>? Validator);

    private CachedValidator? validatorOfTheDay;

    /// <summary>The identity column; name identities are unique per region, others across all regions.</summary>
    protected virtual Expression<Func<TRow, string>> Identity => r => r.Name;

    protected virtual bool IdentityIsRegional => true;

    /// <summary>
    /// Whether the identity may be blank (附件6 prints no credit code): such a row is known by its name within the region
    /// and year instead, and every row's name is unique there besides (<see cref="NameKeyOf"/>).
    /// </summary>
    protected virtual bool NameStandsInForBlankIdentity => false;

    public ILedgerField IdentityField => identityField ??= Fields.FirstOrDefault(f => f.Kind is FieldKind.IdNumber or FieldKind.CreditCode) ?? Fields.First(f => f.Key == nameof(LedgerRow.Name));

    private ILedgerField? identityField;

    public string IdentityOf(LedgerRow row)
    {
        var identity = (identityOf ??= Identity.Compile())((TRow)row);
        return NameStandsInForBlankIdentity && string.IsNullOrEmpty(identity) ? LedgerIdentity.NameKey(row.Name) : identity;
    }

    public string? NameKeyOf(LedgerRow row)
    {
        if (!NameStandsInForBlankIdentity)
        {
            return null;
        }

        var key = IdentityOf(row);
        return LedgerIdentity.IsNameKey(key) ? null : LedgerIdentity.NameKey(row.Name);
    }

    private Func<TRow, string>? identityOf;

    public IReadOnlyList<string> IdentityAliasesOf(LedgerRow row) => IdentityAliases((TRow)row);

    /// <summary>The row's identity under the other personal-data algorithms (ADR 0022); none by default.</summary>
    protected virtual IReadOnlyList<string> IdentityAliases(TRow row) => [];

    public async Task<Dictionary<string, ExistingRow>> ExistingAsync(
        HarmonyDbContext db, int year, int regionId, IReadOnlyCollection<string> identities, CancellationToken ct)
    {
        var names = identities.Where(LedgerIdentity.IsNameKey).ToList();
        var found = names.Count == 0 ? [] : await ExistingByNameAsync(db, year, regionId, names, ct);
        if (names.Count < identities.Count)
        {
            found.AddRange(await ExistingByIdentityAsync(db, year, regionId, names.Count == 0 ? identities : identities.Except(names).ToList(), ct));
        }

        return found.DistinctBy(f => f.Identity).ToDictionary(f => f.Identity, f => new ExistingRow(f.Id, f.RegionId, f.Version, f.RegionName, f.RegionPath));
    }

    /// <summary>Rows of the region and year known by their name (<see cref="LedgerIdentity.NameKey"/>), whatever their identity.</summary>
    private async Task<List<IdentityAt>> ExistingByNameAsync(HarmonyDbContext db, int year, int regionId, List<string> keys, CancellationToken ct)
    {
        var asked = new IdentitiesAsked(keys.Select(LedgerIdentity.NameOf).ToList());
        var found = await db.Set<TRow>().AsNoTracking().Where(r => r.Year == year && r.RegionId == regionId && Enumerable.Contains(EF.Parameter(asked.Values), r.Name))
            .Select(r => new { r.Name, r.Id, r.RegionId, r.Version, RegionName = r.Region.Name, r.Region.Path })
            .ToListAsync(ct);
        return found.Select(f => new IdentityAt(LedgerIdentity.NameKey(f.Name), f.Id, f.RegionId, f.Version, f.RegionName, f.Path)).ToList();
    }

    private async Task<List<IdentityAt>> ExistingByIdentityAsync(
        HarmonyDbContext db, int year, int regionId, IReadOnlyCollection<string> identities, CancellationToken ct)
    {
        var rows = db.Set<TRow>().AsNoTracking().Where(r => r.Year == year);
        if (IdentityIsRegional)
        {
            rows = rows.Where(r => r.RegionId == regionId);
        }

        var identity = Identity;
        var r = identity.Parameters[0];
        // The list as one parameter (EF.Parameter: a JSON array on SQLite, an array on PostgreSQL), so the query is
        // compiled once: an import asks a thousand identities at a time, a hundred times, and as inlined constants or a
        // thousand named parameters (which SQLite's driver binds by a linear name lookup) each asking cost 15–40 ms.
        var asked = new IdentitiesAsked(identities);
        var values = Expression.Call(typeof(EF), nameof(EF.Parameter), [typeof(string[])],
            Expression.Field(Expression.Constant(asked), nameof(IdentitiesAsked.Values)));
        var contains = Expression.Lambda<Func<TRow, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], values, identity.Body), r);
        return await rows.Where(contains)
            .Select(Expression.Lambda<Func<TRow, IdentityAt>>(
                Expression.New(
                    typeof(IdentityAt).GetConstructors().Single(),
                    identity.Body,
                    Expression.Property(r, nameof(LedgerRow.Id)),
                    Expression.Property(r, nameof(LedgerRow.RegionId)),
                    Expression.Property(r, nameof(LedgerRow.Version)),
                    Expression.Property(Expression.Property(r, nameof(LedgerRow.Region)), nameof(Regions.Region.Name)),
                    Expression.Property(Expression.Property(r, nameof(LedgerRow.Region)), nameof(Regions.Region.Path))),
                r))
            .ToListAsync(ct);
    }

    private sealed record IdentityAt(string Identity, long Id, int RegionId, int Version, string RegionName, string RegionPath);

    private sealed class IdentitiesAsked(IReadOnlyCollection<string> values)
    {
        public readonly string[] Values = [.. values];
    }

    public virtual Task<IReadOnlyList<FieldError>> ResolveAsync(HarmonyDbContext db, LedgerRow row, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<FieldError>>([]);

    public virtual bool ChecksReadTheDatabase => false;

    public virtual Task<string?> CannotDeleteAsync(HarmonyDbContext db, LedgerRow row, CancellationToken ct) =>
        Task.FromResult<string?>(null);

    /// <summary>Declares a column; <paramref name="required"/> defaults as <see cref="LedgerField{TRow, TValue}"/> says.</summary>
    protected static LedgerField<TRow, TValue> Field<TValue>(
        Expression<Func<TRow, TValue>> selector,
        string header,
        FieldKind kind = FieldKind.Text,
        bool? required = null,
        int max = 100,
        double width = 14,
        bool inList = false,
        string? hint = null,
        bool added = false,
        FieldCondition? requiredWhen = null) =>
        new(selector, header, kind, required) { MaxLength = max, Width = width, InList = inList, Hint = hint, Added = added, RequiredWhen = requiredWhen };
}
