using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using HarmonyPortal.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HarmonyPortal.Web.Features.Shared;

/// <summary>
/// A user's region subtree as a filter offers it, kept between requests (issue 21: the ledger list read and built the
/// whole subtree on every page view, about a third of the page's cost). Regions change only through a unit of work
/// (RegionWriter and the region changes), so the interceptors below drop every entry when one saves a region, and again
/// when its transaction ends, committed or rolled back (an entry read meanwhile may hold the uncommitted change); an
/// entry is also never older than <see cref="Lifetime"/>, which bounds what another portal instance sharing the
/// database can show after a region change made there. Bulk SQL that changes regions outside a unit of work is seen
/// only after that lifetime. Row counts are not kept here.
/// </summary>
public sealed class RegionSubtreeCache
{
    /// <summary>How long another instance's region change may stay unseen in this instance's filters.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(int RootId, string RootPath, int Year), Entry> entries = new();
    // Contexts that saved a region in a transaction not yet ended. Contexts are pooled (ADR 0043): a mark left by a
    // transaction disposed without a commit or rollback only drops the cache once more on that context's next lease.
    private readonly ConditionalWeakTable<DbContext, object> savedRegions = [];
    private long generation;

    public RegionSubtreeCache()
    {
        Interceptors = [new SaveInterceptor(this), new TransactionEndInterceptor(this)];
    }

    /// <summary>Added to the DbContext's options: they notice a saved region change.</summary>
    public IReadOnlyList<IInterceptor> Interceptors { get; }

    /// <summary>
    /// The subtree a filter offers for a year (regions open on its last day) and every region id of the scope.
    /// </summary>
    public sealed record Entry(RegionNode Tree, IReadOnlyList<int> AllIds, long Generation, long LoadedAt);

    public Entry? Find(int rootId, string rootPath, int year)
    {
        if (entries.TryGetValue((rootId, rootPath, year), out var entry)
            && entry.Generation == Interlocked.Read(ref generation)
            && Environment.TickCount64 - entry.LoadedAt < Lifetime.TotalMilliseconds)
        {
            return entry;
        }

        return null;
    }

    /// <summary>
    /// The generation to pass to <see cref="Keep"/>: read before the regions are, so a change saved meanwhile wins.
    /// </summary>
    public long Generation => Interlocked.Read(ref generation);

    public Entry Keep(int rootId, string rootPath, int year, RegionNode tree, IReadOnlyList<int> allIds, long readAt)
    {
        var entry = new Entry(tree, allIds, readAt, Environment.TickCount64);
        entries[(rootId, rootPath, year)] = entry;
        return entry;
    }

    private void Forget()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    private void Saving(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<Region>()
                .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            savedRegions.AddOrUpdate(context, this);
            Forget();
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && savedRegions.TryGetValue(context, out _))
        {
            Forget();
            if (context.Database.CurrentTransaction is null)
            {
                savedRegions.Remove(context);
            }
        }
    }

    /// <summary>
    /// A transaction that saved a region ended: committed, or rolled back after entries read meanwhile held its change.
    /// </summary>
    private void TransactionEnded(DbContext? context)
    {
        if (context is not null && savedRegions.Remove(context))
        {
            Forget();
        }
    }

    private sealed class SaveInterceptor(RegionSubtreeCache cache) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(
            DbContextEventData eventData, InterceptionResult<int> result)
        {
            cache.Saving(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            cache.Saving(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            cache.Saved(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(
            SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            cache.Saved(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => cache.Saved(eventData.Context);

        public override Task SaveChangesFailedAsync(
            DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            cache.Saved(eventData.Context);
            return Task.CompletedTask;
        }
    }

    private sealed class TransactionEndInterceptor(RegionSubtreeCache cache) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            cache.TransactionEnded(eventData.Context);

        public override Task TransactionCommittedAsync(
            DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            cache.TransactionEnded(eventData.Context);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
            cache.TransactionEnded(eventData.Context);

        public override Task TransactionRolledBackAsync(
            DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            cache.TransactionEnded(eventData.Context);
            return Task.CompletedTask;
        }
    }
}
