namespace HarmonyPortal.Core.Offices;

/// <summary>
/// The data step of the member-unit migration (Rules15MemberUnits), the same SQL on SQLite and PostgreSQL (quoted
/// identifiers, TRUE/FALSE, <c>||</c>, correlated subqueries). It runs after the MemberUnits table and the UnitId columns
/// exist and before OfficeParties and AspNetUsers.Party are dropped:
/// <list type="number">
/// <item>every OfficeParty becomes a unit of its kind, with the default short name (人社厅 at a province);</item>
/// <item>every region still without units gets the default four (towns, regions added after seeding);</item>
/// <item>every user gets the unit of its region whose kind is its old party;</item>
/// <item>every ledger row gets the unit of the user who created it (its ledger.created audit entry), else of the user who
/// last saved it (UpdatedBy), if that user belongs to the row's region; else the region's host unit;</item>
/// <item>every nomination gets the unit of its creator (CreatedBy) if of the same region, else the region's host unit.</item>
/// </list>
/// </summary>
public static class MemberUnitMigration
{
    /// <summary>Ledger tables and the keys their audit entries carry ("ledger:{key}").</summary>
    public static IReadOnlyList<(string Table, string Key)> LedgerTables { get; } =
    [
        ("Coordinators", "coordinators"),
        ("MediationOrganizations", "mediation-organizations"),
        ("Mediators", "mediators"),
        ("SocialOrganizations", "social-organizations"),
        ("HarmoniousEnterprises", "harmonious-enterprises"),
        ("WageGuidanceEnterprises", "wage-guidance"),
        ("NewEnterpriseServices", "new-enterprise-services"),
        ("KeyEnterprises", "key-enterprises"),
        ("PlanListEntries", "plan-lists"),
        ("LargeEnterprises", "large-enterprises"),
        ("TownsAndParks", "towns"),
    ];

    private const string Province = "1";

    public static IEnumerable<string> Statements()
    {
        yield return $"""
            INSERT INTO "MemberUnits" ("RegionId", "Kind", "Name", "ShortName", "SortOrder", "HostsOffice", "IsActive")
            SELECT o."RegionId", o."Party",
                   CASE WHEN o."Party" = 1 AND r."Level" = {Province} THEN r."Name" || '人力资源和社会保障厅' ELSE o."Name" END,
                   {ShortNameCase("o.\"Party\"")},
                   o."Party" * 10, o."HostsOffice", TRUE
            FROM "OfficeParties" o JOIN "Regions" r ON r."Id" = o."RegionId"
            """;

        yield return $"""
            INSERT INTO "MemberUnits" ("RegionId", "Kind", "Name", "ShortName", "SortOrder", "HostsOffice", "IsActive")
            SELECT r."Id", k."Kind",
                   r."Name" || CASE k."Kind"
                       WHEN 1 THEN CASE WHEN r."Level" = {Province} THEN '人力资源和社会保障厅' ELSE '人力资源和社会保障局' END
                       WHEN 2 THEN '总工会' WHEN 3 THEN '企业联合会（企业家协会）' ELSE '工商业联合会' END,
                   {ShortNameCase("k.\"Kind\"")},
                   k."Kind" * 10, CASE WHEN k."Kind" = 1 THEN TRUE ELSE FALSE END, TRUE
            FROM "Regions" r
            CROSS JOIN (SELECT 1 AS "Kind" UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k
            WHERE NOT EXISTS (SELECT 1 FROM "MemberUnits" m WHERE m."RegionId" = r."Id")
            """;

        yield return """
            UPDATE "AspNetUsers" SET "UnitId" = (
                SELECT MIN(m."Id") FROM "MemberUnits" m
                WHERE m."RegionId" = "AspNetUsers"."RegionId" AND m."Kind" = "AspNetUsers"."Party")
            """;

        foreach (var (table, key) in LedgerTables)
        {
            yield return $"""
                UPDATE "{table}" SET "UnitId" = COALESCE(
                    (SELECT MIN(u."UnitId") FROM "AuditEntries" a JOIN "AspNetUsers" u ON u."UserName" = a."UserName"
                     WHERE a."Action" = 'ledger.created' AND a."ObjectType" = 'ledger:{key}'
                       AND a."ObjectId" = CAST("{table}"."Id" AS TEXT) AND u."RegionId" = "{table}"."RegionId"),
                    (SELECT MIN(u."UnitId") FROM "AspNetUsers" u
                     WHERE u."UserName" = "{table}"."UpdatedBy" AND u."RegionId" = "{table}"."RegionId"),
                    {HostOf(table)})
                """;
        }

        yield return $"""
            UPDATE "Nominations" SET "UnitId" = COALESCE(
                (SELECT MIN(u."UnitId") FROM "AspNetUsers" u
                 WHERE u."UserName" = "Nominations"."CreatedBy" AND u."RegionId" = "Nominations"."RegionId"),
                {HostOf("Nominations")})
            """;
    }

    /// <summary>
    /// The first step down: the UnitId columns emptied, so that the MemberUnits table can be dropped before SQLite rebuilds the
    /// tables that referred to it. Parties are not restored (users get party 0); going down loses the units.
    /// </summary>
    public static IEnumerable<string> DownStatements() =>
        LedgerTables.Select(t => t.Table).Append("Nominations").Append("AspNetUsers").Select(table => $"UPDATE \"{table}\" SET \"UnitId\" = NULL");

    private static string HostOf(string table) =>
        $"""(SELECT MIN(m."Id") FROM "MemberUnits" m WHERE m."RegionId" = "{table}"."RegionId" AND m."HostsOffice" = TRUE)""";

    private static string ShortNameCase(string kind) =>
        $"""CASE {kind} WHEN 1 THEN CASE WHEN r."Level" = {Province} THEN '人社厅' ELSE '人社局' END WHEN 2 THEN '总工会' WHEN 3 THEN '企联/企协' ELSE '工商联' END""";
}
