using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>) kept per model. A compiled query skips EF's work per execution
/// (extracting the parameters, looking the query up in its cache), but its executor is built for the first context's
/// model and provider, and one process may hold SQLite and PostgreSQL portals side by side (the tests). Used for the
/// few lookups every page makes (issue 21).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<IModel, TQuery> byModel = new();

    public TQuery For(DbContext db) => byModel.GetOrAdd(db.Model, _ => compile());
}
