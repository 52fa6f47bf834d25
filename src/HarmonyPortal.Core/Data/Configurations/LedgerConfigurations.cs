using HarmonyPortal.Core.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HarmonyPortal.Core.Data.Configurations;

/// <summary>What every ledger table has: region, year, version token, and the indexes lists page by.</summary>
internal abstract class LedgerRowConfiguration<TRow> : IEntityTypeConfiguration<TRow>
    where TRow : LedgerRow
{
    public virtual void Configure(EntityTypeBuilder<TRow> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);

        // Keyset paging: newest first within a region and year, or by name.
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Id });
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Name, r.Id });
        builder.HasIndex(r => new { r.Year, r.Id });

        // Carried-forward rows still to confirm (待复核, Status 2) are subtracted from the counters; few, so a partial index finds them.
        builder.HasIndex(r => new { r.Year, r.RegionId }, $"IX_{typeof(TRow).Name}_Unconfirmed").HasFilter("\"Status\" = 2");
    }
}

internal abstract class PersonRowConfiguration<TRow> : LedgerRowConfiguration<TRow>
    where TRow : PersonRow
{
    public override void Configure(EntityTypeBuilder<TRow> builder)
    {
        base.Configure(builder);
        builder.Ignore(r => r.IdNumber);
        builder.Ignore(r => r.IdNumberHashAliases);
        builder.Property(r => r.Ethnicity).HasMaxLength(10);
        builder.Property(r => r.IdNumberCipher).HasMaxLength(512);
        builder.Property(r => r.IdNumberHash).HasMaxLength(64);
        builder.Property(r => r.IdNumberMasked).HasMaxLength(18);
        builder.Property(r => r.WorkUnit).HasMaxLength(100);
        builder.Property(r => r.Position).HasMaxLength(50);
        builder.Property(r => r.Phone).HasMaxLength(20);

        // One person per ledger and year, across all regions.
        builder.HasIndex(r => new { r.Year, r.IdNumberHash }).IsUnique();
    }
}

internal sealed class CoordinatorConfiguration : PersonRowConfiguration<Coordinator>
{
    public override void Configure(EntityTypeBuilder<Coordinator> builder)
    {
        base.Configure(builder);
        builder.Property(r => r.CertificateNumber).HasMaxLength(40);
        builder.Property(r => r.TownName).HasMaxLength(50);
        builder.Property(r => r.WorkUnitCreditCode).HasMaxLength(18);
    }
}

internal sealed class MediatorConfiguration : PersonRowConfiguration<Mediator>
{
    public override void Configure(EntityTypeBuilder<Mediator> builder)
    {
        base.Configure(builder);
        builder.Ignore(r => r.OrganizationName);
        builder.HasOne(r => r.MediationOrganization).WithMany().HasForeignKey(r => r.MediationOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal abstract class OrganizationRowConfiguration<TRow> : LedgerRowConfiguration<TRow>
    where TRow : OrganizationRow
{
    public override void Configure(EntityTypeBuilder<TRow> builder)
    {
        base.Configure(builder);
        builder.Property(r => r.TownName).HasMaxLength(50);
        builder.Property(r => r.Address).HasMaxLength(100);
        builder.Property(r => r.LeaderName).HasMaxLength(20);
        builder.Property(r => r.ContactName).HasMaxLength(20);
        builder.Property(r => r.ContactPhone).HasMaxLength(20);
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Name }).IsUnique();
    }
}

internal sealed class MediationOrganizationConfiguration : OrganizationRowConfiguration<MediationOrganization>
{
    public override void Configure(EntityTypeBuilder<MediationOrganization> builder)
    {
        base.Configure(builder);
        builder.Ignore(r => r.SuccessRate);
    }
}

internal sealed class SocialOrganizationConfiguration : OrganizationRowConfiguration<SocialOrganization>
{
    public override void Configure(EntityTypeBuilder<SocialOrganization> builder)
    {
        base.Configure(builder);
        builder.Property(r => r.Nature).HasMaxLength(30);
        builder.Property(r => r.CreditCode).HasMaxLength(18);
        builder.Property(r => r.ViolationNote).HasMaxLength(500);
        // Unique where given: PostgreSQL and SQLite let a unique index hold several NULLs (organisations known by name,
        // whose name is unique in the region by the organisation rows' index).
        builder.HasIndex(r => new { r.Year, r.CreditCode }).IsUnique();
    }
}

internal abstract class EnterpriseRowConfiguration<TRow> : LedgerRowConfiguration<TRow>
    where TRow : EnterpriseRow
{
    public override void Configure(EntityTypeBuilder<TRow> builder)
    {
        base.Configure(builder);
        builder.Property(r => r.Address).HasMaxLength(100);
        builder.Property(r => r.ContactName).HasMaxLength(20);
        builder.Property(r => r.ContactPhone).HasMaxLength(20);
        builder.Property(r => r.ServiceUnit).HasMaxLength(100);
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Name }).IsUnique();
    }
}

internal sealed class HarmoniousEnterpriseConfiguration : EnterpriseRowConfiguration<HarmoniousEnterprise>;

internal sealed class WageGuidanceEnterpriseConfiguration : EnterpriseRowConfiguration<WageGuidanceEnterprise>;

internal sealed class NewEnterpriseServiceConfiguration : EnterpriseRowConfiguration<NewEnterpriseService>;

internal sealed class KeyEnterpriseConfiguration : LedgerRowConfiguration<KeyEnterprise>
{
    public override void Configure(EntityTypeBuilder<KeyEnterprise> builder)
    {
        base.Configure(builder);
        builder.Property(r => r.Locality).HasMaxLength(50);
        builder.Property(r => r.Address).HasMaxLength(100);
        builder.Property(r => r.Industry).HasMaxLength(50);
        builder.Property(r => r.ContactName).HasMaxLength(20);
        builder.Property(r => r.ContactPhone).HasMaxLength(20);
        builder.Property(r => r.JobRetentionPolicies).HasMaxLength(500);
        builder.Property(r => r.LayoffPositions).HasMaxLength(200);
        builder.Property(r => r.CompensationStandard).HasMaxLength(200);
        builder.Property(r => r.PaymentCapacityAssessment).HasMaxLength(500);
        builder.Property(r => r.FollowUpNotes).HasMaxLength(1000);
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Name }).IsUnique();
    }
}

internal sealed class PlanListEntryConfiguration : LedgerRowConfiguration<PlanListEntry>
{
    public override void Configure(EntityTypeBuilder<PlanListEntry> builder)
    {
        base.Configure(builder);
        builder.Property(r => r.Address).HasMaxLength(100);
        builder.Property(r => r.ContactName).HasMaxLength(20);
        builder.Property(r => r.ContactPhone).HasMaxLength(20);
        builder.Property(r => r.Notes).HasMaxLength(1000);
        builder.Property(r => r.AmountRecovered).HasPrecision(14, 2);
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Kind, r.Name }).IsUnique();
    }
}

internal sealed class LargeEnterpriseConfiguration : LedgerRowConfiguration<LargeEnterprise>
{
    public override void Configure(EntityTypeBuilder<LargeEnterprise> builder)
    {
        base.Configure(builder);
        builder.Property(r => r.CreditCode).HasMaxLength(18);
        builder.Property(r => r.TownName).HasMaxLength(50);
        builder.Property(r => r.Industry).HasMaxLength(50);
        builder.Property(r => r.ContactName).HasMaxLength(20);
        builder.Property(r => r.ContactPhone).HasMaxLength(20);
        builder.HasIndex(r => new { r.Year, r.CreditCode }).IsUnique();
    }
}

internal sealed class TownOrParkConfiguration : LedgerRowConfiguration<TownOrPark>
{
    public override void Configure(EntityTypeBuilder<TownOrPark> builder)
    {
        base.Configure(builder);
        builder.Property(r => r.ContactName).HasMaxLength(20);
        builder.Property(r => r.ContactPhone).HasMaxLength(20);
        builder.HasIndex(r => new { r.RegionId, r.Year, r.Name }).IsUnique();
    }
}
