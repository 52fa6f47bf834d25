using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
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
        /// Row triggers (SQLite has no statement triggers): an upsert of +1 or -1 per row. A table rebuild by a later
        /// migration (SQLite's way of altering a column) drops a table's triggers; LedgerRowCountTests would notice.
        /// </summary>
        internal static string[] CreateTriggers(string key, string table) =>
            [
                $"""
                CREATE TRIGGER "{table}_LedgerRowCounts_insert" AFTER INSERT ON "{table}"
                BEGIN
                    {Add(key, "NEW", 1)}
                END;
                """,
                $"""
                CREATE TRIGGER "{table}_LedgerRowCounts_delete" AFTER DELETE ON "{table}"
                BEGIN
                    {Add(key, "OLD", -1)}
                END;
                """,
                $"""
                CREATE TRIGGER "{table}_LedgerRowCounts_update" AFTER UPDATE OF "RegionId", "Year" ON "{table}"
                WHEN OLD."RegionId" <> NEW."RegionId" OR OLD."Year" <> NEW."Year"
                BEGIN
                    {Add(key, "OLD", -1)}
                    {Add(key, "NEW", 1)}
                END;
                """,
            ];

        private static string Add(string key, string row, int delta) =>
            $"""INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count") VALUES ('{key}', {row}."RegionId", {row}."Year", {delta}) ON CONFLICT ("Year", "RegionId", "Ledger") DO UPDATE SET "Count" = "Count" + {delta};""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerRowCounts",
                columns: table => new
                {
                    Ledger = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRowCounts", x => new { x.Year, x.RegionId, x.Ledger });
                });

            // Triggers before the backfill, inside the migration's transaction (SQLite has one writer at a time anyway).
            foreach (var (key, table) in Ledgers)
            {
                foreach (var trigger in CreateTriggers(key, table))
                {
                    migrationBuilder.Sql(trigger);
                }
            }

            foreach (var (key, table) in Ledgers)
            {
                migrationBuilder.Sql($"""
                    INSERT INTO "LedgerRowCounts" ("Ledger", "RegionId", "Year", "Count")
                    SELECT '{key}', "RegionId", "Year", COUNT(*) FROM "{table}" GROUP BY "RegionId", "Year";
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (_, table) in Ledgers)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER "{table}_LedgerRowCounts_insert";
                    DROP TRIGGER "{table}_LedgerRowCounts_delete";
                    DROP TRIGGER "{table}_LedgerRowCounts_update";
                    """);
            }

            migrationBuilder.DropTable(
                name: "LedgerRowCounts");
        }
    }
}
