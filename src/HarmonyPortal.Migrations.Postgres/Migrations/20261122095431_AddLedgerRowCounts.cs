using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Rows per ledger, region and year, kept by triggers on every ledger table (docs/adr/0010), backfilled from the rows.
    /// </summary>
    public partial class AddLedgerRowCounts : Migration
    {
        /// <summary>Every ledger table in this migration's model, with its definition's key (frozen here: keys and tables may change later).</summary>
        private static readonly (string Key, string Table)[] Ledgers =
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
        /// Statement-level functions over the transition tables, the ledger's key as the trigger's argument: one grouped
        /// upsert per statement, so a 100,000-row import or COPY updates each (region, year) counter once, in key order.
        /// </summary>
        private const string CountFunctions = """
            CREATE FUNCTION ledger_row_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
                SELECT TG_ARGV[0], "RegionId", "Year", count(*) FROM new_rows GROUP BY "RegionId", "Year" ORDER BY "RegionId", "Year"
                ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count";
                RETURN NULL;
            END $$;

            CREATE FUNCTION ledger_row_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
                SELECT TG_ARGV[0], "RegionId", "Year", -count(*) FROM old_rows GROUP BY "RegionId", "Year" ORDER BY "RegionId", "Year"
                ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count";
                RETURN NULL;
            END $$;

            CREATE FUNCTION ledger_row_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                WITH moved AS (
                    SELECT o."RegionId" AS old_region, o."Year" AS old_year, n."RegionId" AS new_region, n."Year" AS new_year
                    FROM old_rows o JOIN new_rows n ON n."Id" = o."Id"
                    WHERE o."RegionId" <> n."RegionId" OR o."Year" <> n."Year"),
                deltas AS (
                    SELECT new_region AS region_id, new_year AS row_year, 1 AS delta FROM moved
                    UNION ALL
                    SELECT old_region, old_year, -1 FROM moved)
                INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
                SELECT TG_ARGV[0], region_id, row_year, sum(delta) FROM deltas GROUP BY region_id, row_year HAVING sum(delta) <> 0 ORDER BY region_id, row_year
                ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "LedgerRowCounts"."Count" + excluded."Count";
                RETURN NULL;
            END $$;

            CREATE FUNCTION ledger_row_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                DELETE FROM "LedgerRowCounts" WHERE "Ledger" = TG_ARGV[0];
                RETURN NULL;
            END $$;
            """;

        /// <summary>Transition tables rule out a column list, so the update trigger fires on every UPDATE and counts only rows that moved.</summary>
        private static string CreateTriggers(string key, string table) => $"""
            CREATE TRIGGER "LedgerRowCounts_insert" AFTER INSERT ON "{table}"
                REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_inserted('{key}');
            CREATE TRIGGER "LedgerRowCounts_delete" AFTER DELETE ON "{table}"
                REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_deleted('{key}');
            CREATE TRIGGER "LedgerRowCounts_update" AFTER UPDATE ON "{table}"
                REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_updated('{key}');
            CREATE TRIGGER "LedgerRowCounts_truncate" AFTER TRUNCATE ON "{table}"
                FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_counts_truncated('{key}');
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerRowCounts",
                columns: table => new
                {
                    Ledger = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRowCounts", x => new { x.Year, x.RegionId, x.Ledger });
                });

            // Triggers before the backfill: CREATE TRIGGER locks each table against writes until this migration commits,
            // so no row lands between the count and the trigger that would have counted it.
            migrationBuilder.Sql(CountFunctions);
            foreach (var (key, table) in Ledgers)
            {
                migrationBuilder.Sql(CreateTriggers(key, table));
            }

            foreach (var (key, table) in Ledgers)
            {
                migrationBuilder.Sql($"""
                    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
                    SELECT '{key}', "RegionId", "Year", count(*) FROM "{table}" GROUP BY "RegionId", "Year";
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (_, table) in Ledgers)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER "LedgerRowCounts_insert" ON "{table}";
                    DROP TRIGGER "LedgerRowCounts_delete" ON "{table}";
                    DROP TRIGGER "LedgerRowCounts_update" ON "{table}";
                    DROP TRIGGER "LedgerRowCounts_truncate" ON "{table}";
                    """);
            }

            migrationBuilder.Sql("""
                DROP FUNCTION ledger_row_counts_inserted();
                DROP FUNCTION ledger_row_counts_deleted();
                DROP FUNCTION ledger_row_counts_updated();
                DROP FUNCTION ledger_row_counts_truncated();
                """);

            migrationBuilder.DropTable(
                name: "LedgerRowCounts");
        }
    }
}
