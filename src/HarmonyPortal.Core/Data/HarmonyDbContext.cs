using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Notifications;
using HarmonyPortal.Core.Offices;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.Data;

/// <summary>The portal's data layer, used directly by the feature services (docs/adr/0001).</summary>
public class HarmonyDbContext(DbContextOptions<HarmonyDbContext> options) : IdentityUserContext<AppUser>(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<RegionName> RegionNames => Set<RegionName>();

    public DbSet<RegionChange> RegionChanges => Set<RegionChange>();

    public DbSet<RegionMergeItem> RegionMergeItems => Set<RegionMergeItem>();

    public DbSet<MemberUnit> MemberUnits => Set<MemberUnit>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();

    public DbSet<Coordinator> Coordinators => Set<Coordinator>();

    public DbSet<MediationOrganization> MediationOrganizations => Set<MediationOrganization>();

    public DbSet<Mediator> Mediators => Set<Mediator>();

    public DbSet<SocialOrganization> SocialOrganizations => Set<SocialOrganization>();

    public DbSet<HarmoniousEnterprise> HarmoniousEnterprises => Set<HarmoniousEnterprise>();

    public DbSet<WageGuidanceEnterprise> WageGuidanceEnterprises => Set<WageGuidanceEnterprise>();

    public DbSet<NewEnterpriseService> NewEnterpriseServices => Set<NewEnterpriseService>();

    public DbSet<KeyEnterprise> KeyEnterprises => Set<KeyEnterprise>();

    public DbSet<PlanListEntry> PlanListEntries => Set<PlanListEntry>();

    public DbSet<LargeEnterprise> LargeEnterprises => Set<LargeEnterprise>();

    public DbSet<TownOrPark> TownsAndParks => Set<TownOrPark>();

    /// <summary>Deleted ledger rows kept for restoring (回收站) until the retention ends.</summary>
    public DbSet<DeletedLedgerRow> DeletedLedgerRows => Set<DeletedLedgerRow>();

    /// <summary>Rows per ledger, region and year, kept by database triggers; read only.</summary>
    public DbSet<LedgerRowCount> LedgerRowCounts => Set<LedgerRowCount>();

    public DbSet<Rules.RuleSetVersion> RuleSetVersions => Set<Rules.RuleSetVersion>();

    public DbSet<Rules.RuleSetDraft> RuleSetDrafts => Set<Rules.RuleSetDraft>();

    public DbSet<Nominations.NominationSheet> NominationSheets => Set<Nominations.NominationSheet>();

    public DbSet<Nominations.Nomination> Nominations => Set<Nominations.Nomination>();

    public DbSet<Nominations.NominationAttestation> NominationAttestations => Set<Nominations.NominationAttestation>();

    public DbSet<Nominations.NominationEvidence> NominationEvidence => Set<Nominations.NominationEvidence>();

    public DbSet<Nominations.NominationEvaluation> NominationEvaluations => Set<Nominations.NominationEvaluation>();

    public DbSet<Nominations.SheetTransition> SheetTransitions => Set<Nominations.SheetTransition>();

    public DbSet<Nominations.DeadlineExtension> DeadlineExtensions => Set<Nominations.DeadlineExtension>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Emails waiting to be sent, sent or given up (issue 19): written by the same save as their notification.</summary>
    public DbSet<EmailOutbox> EmailOutbox => Set<EmailOutbox>();

    public DbSet<Reporting.LedgerReport> LedgerReports => Set<Reporting.LedgerReport>();

    public DbSet<Exports.ExportJob> ExportJobs => Set<Exports.ExportJob>();

    public DbSet<Jobs.BackgroundJob> BackgroundJobs => Set<Jobs.BackgroundJob>();

    public DbSet<Indicators.IndicatorReport> IndicatorReports => Set<Indicators.IndicatorReport>();

    public DbSet<Indicators.IndicatorEvidence> IndicatorEvidence => Set<Indicators.IndicatorEvidence>();

    public DbSet<Materials.MaterialSubmission> MaterialSubmissions => Set<Materials.MaterialSubmission>();

    public DbSet<Materials.MaterialFile> MaterialFiles => Set<Materials.MaterialFile>();

    public DbSet<Materials.MaterialEvent> MaterialEvents => Set<Materials.MaterialEvent>();

    public DbSet<Materials.TaskDeadlineExtension> TaskDeadlineExtensions => Set<Materials.TaskDeadlineExtension>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HarmonyDbContext).Assembly);
        if (Database.IsSqlServer())
        {
            SqlServerModel.Apply(builder);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        RefuseCounterWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        RefuseCounterWrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit trail is append-only: no unit of work may change or remove an entry once written.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only; changing or deleting one is refused.");
        }
    }

    /// <summary>Ledger row counts belong to the database's triggers; a count written by the portal would drift from the rows.</summary>
    private void RefuseCounterWrites()
    {
        if (ChangeTracker.Entries<LedgerRowCount>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Ledger row counts are kept by database triggers; the portal never writes them.");
        }
    }
}
