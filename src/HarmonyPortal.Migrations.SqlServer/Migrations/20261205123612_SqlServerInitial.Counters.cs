using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The ledger row counters (docs/adr/0010) in T-SQL: one AFTER INSERT, UPDATE, DELETE trigger per ledger table,
    /// named as <c>SqlServerModel.CounterTriggerName</c> declares it to EF, in the table's schema (EF's default: the user's). SQL Server triggers fire once per statement
    /// with the <c>inserted</c> and <c>deleted</c> tables, so an import's multi-row INSERT updates each (region, year)
    /// counter once, like PostgreSQL's statement triggers. Hand-written; never regenerated.
    /// </summary>
    public partial class SqlServerInitial
    {
        /// <summary>Every ledger table in this migration's model, with its definition's key (frozen here: keys and tables may change later).</summary>
        internal static readonly (string Key, string Table)[] Ledgers =
            [
                ("coordinators", "Coordinators"),
                ("mediation-organizations", "MediationOrganizations"),
                ("mediators", "Mediators"),
                ("social-organizations", "SocialOrganizations"),
                ("harmonious-enterprises", "HarmoniousEnterprises"),
                ("wage-guidance", "WageGuidanceEnterprises"),
                ("new-enterprise-services", "NewEnterpriseServices"),
                ("key-enterprises", "KeyEnterprises"),
                ("plan-lists", "PlanListEntries"),
                ("large-enterprises", "LargeEnterprises"),
                ("towns", "TownsAndParks"),
            ];

        /// <summary>
        /// Rows in <c>inserted</c> count +1 and rows in <c>deleted</c> −1 for their (region, year); an UPDATE that keeps
        /// a row's region and year nets to zero and is skipped. The counters are updated, then the missing ones inserted,
        /// under UPDLOCK and HOLDLOCK (key-range locks), so two writers of a new (ledger, region, year)
        /// queue instead of colliding; no MERGE. TRUNCATE fires no trigger on SQL Server: clear a ledger with DELETE.
        /// </summary>
        internal static string CreateCounterTrigger(string key, string table) => $"""
            CREATE TRIGGER [{table}_LedgerRowCounts] ON [{table}]
            AFTER INSERT, UPDATE, DELETE
            AS
            BEGIN
                SET NOCOUNT ON;
                DECLARE @deltas TABLE ([Year] int NOT NULL, [RegionId] int NOT NULL, [Delta] int NOT NULL, PRIMARY KEY ([Year], [RegionId]));
                INSERT INTO @deltas ([Year], [RegionId], [Delta])
                SELECT [Year], [RegionId], SUM([Delta])
                FROM (SELECT [Year], [RegionId], 1 AS [Delta] FROM inserted
                      UNION ALL
                      SELECT [Year], [RegionId], -1 FROM deleted) AS [rows]
                GROUP BY [Year], [RegionId]
                HAVING SUM([Delta]) <> 0;
                IF @@ROWCOUNT = 0 RETURN;

                UPDATE [c] SET [Count] = [c].[Count] + [d].[Delta]
                FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                JOIN @deltas AS [d] ON [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'{key}';

                INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
                SELECT N'{key}', [d].[RegionId], [d].[Year], [d].[Delta]
                FROM @deltas AS [d]
                WHERE NOT EXISTS (SELECT 1 FROM [LedgerRowCounts] AS [c] WITH (UPDLOCK, HOLDLOCK)
                                  WHERE [c].[Year] = [d].[Year] AND [c].[RegionId] = [d].[RegionId] AND [c].[Ledger] = N'{key}');
            END
            """;

        /// <summary>Triggers first, then the backfill (nothing on a new database, but the same order as the other providers).</summary>
        private static void AddLedgerRowCounters(MigrationBuilder migrationBuilder)
        {
            // CREATE TRIGGER must begin its batch; EF's scripts put a migration's statements in one batch (the idempotent
            // one inside IF … BEGIN … END), so each trigger is created by EXEC of its text.
            foreach (var (key, table) in Ledgers)
            {
                migrationBuilder.Sql("EXEC(N'" + CreateCounterTrigger(key, table).Replace("'", "''", StringComparison.Ordinal) + "');");
            }

            foreach (var (key, table) in Ledgers)
            {
                migrationBuilder.Sql($"""
                    INSERT INTO [LedgerRowCounts] ([Ledger], [RegionId], [Year], [Count])
                    SELECT N'{key}', [RegionId], [Year], COUNT(*) FROM [{table}] GROUP BY [RegionId], [Year];
                    """);
            }
        }
    }
}
