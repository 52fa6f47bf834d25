namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>Every ledger the portal keeps, in the order the notices list them.</summary>
public static class LedgerCatalog
{
    public static IReadOnlyList<ILedgerDefinition> All { get; } =
    [
        new CoordinatorLedger(),
        new MediationOrganizationLedger(),
        new MediatorLedger(),
        new SocialOrganizationLedger(),
        new HarmoniousEnterpriseLedger(),
        new WageGuidanceLedger(),
        new NewEnterpriseServiceLedger(),
        new KeyEnterpriseLedger(),
        new PlanListLedger(),
        new LargeEnterpriseLedger(),
        new TownLedger(),
    ];

    public static ILedgerDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}
