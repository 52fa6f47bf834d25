using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// 附件6 prints no credit code: SocialOrganizations.CreditCode becomes nullable. SQLite changes a column by rebuilding
    /// the table; EF would do that at the end of the migration and drop the table's LedgerRowCounts triggers (see
    /// Rules15MemberUnits), so the rebuild is written here, in the migration's transaction, with indexes and triggers.
    /// No table references SocialOrganizations, so dropping it with foreign keys on is safe. UnitId stays without a
    /// constraint, as Rules15MemberUnits left it (its Down drops the column).
    /// </summary>
    public partial class Form6 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, "NULL", "\"CreditCode\"");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, "NOT NULL", "COALESCE(\"CreditCode\", '')");

        private static void Rebuild(MigrationBuilder migrationBuilder, string creditCodeNull, string creditCodeValue)
        {
            const string columns = """
                "Id", "Address", "CertifiedCoordinatorCount", "ContactName", "ContactPhone", "CoordinatorCount", "CreatedAtUtc", "CreditCode",
                "EstablishedOn", "LastCreditPunishmentOn", "LastViolationOn", "LeaderName", "Name", "Nature", "RegionId", "Status", "TownName",
                "UnitId", "UpdatedAtUtc", "UpdatedBy", "Version", "ViolationNote", "Year"
                """;
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_SocialOrganizations" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_SocialOrganizations" PRIMARY KEY AUTOINCREMENT,
                    "Address" TEXT NOT NULL,
                    "CertifiedCoordinatorCount" INTEGER NOT NULL,
                    "ContactName" TEXT NOT NULL,
                    "ContactPhone" TEXT NOT NULL,
                    "CoordinatorCount" INTEGER NOT NULL,
                    "CreatedAtUtc" TEXT NOT NULL,
                    "CreditCode" TEXT {creditCodeNull},
                    "EstablishedOn" TEXT NOT NULL,
                    "LastCreditPunishmentOn" TEXT NULL,
                    "LastViolationOn" TEXT NULL,
                    "LeaderName" TEXT NOT NULL,
                    "Name" TEXT NOT NULL,
                    "Nature" TEXT NOT NULL,
                    "RegionId" INTEGER NOT NULL,
                    "Status" INTEGER NOT NULL,
                    "TownName" TEXT NULL,
                    "UnitId" INTEGER NULL,
                    "UpdatedAtUtc" TEXT NOT NULL,
                    "UpdatedBy" TEXT NULL,
                    "Version" INTEGER NOT NULL,
                    "ViolationNote" TEXT NULL,
                    "Year" INTEGER NOT NULL,
                    CONSTRAINT "FK_SocialOrganizations_Regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "Regions" ("Id") ON DELETE RESTRICT
                );
                """);
            migrationBuilder.Sql($"""
                INSERT INTO "ef_temp_SocialOrganizations" ({columns})
                SELECT {columns.Replace("\"CreditCode\"", creditCodeValue, System.StringComparison.Ordinal)} FROM "SocialOrganizations";
                """);
            migrationBuilder.Sql("""DROP TABLE "SocialOrganizations";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_SocialOrganizations" RENAME TO "SocialOrganizations";""");
            foreach (var index in new[]
            {
                """CREATE INDEX "IX_SocialOrganization_Unconfirmed" ON "SocialOrganizations" ("Year", "RegionId") WHERE "Status" = 2;""",
                """CREATE INDEX "IX_SocialOrganizations_RegionId_Year_Id" ON "SocialOrganizations" ("RegionId", "Year", "Id");""",
                """CREATE UNIQUE INDEX "IX_SocialOrganizations_RegionId_Year_Name" ON "SocialOrganizations" ("RegionId", "Year", "Name");""",
                """CREATE INDEX "IX_SocialOrganizations_RegionId_Year_Name_Id" ON "SocialOrganizations" ("RegionId", "Year", "Name", "Id");""",
                """CREATE INDEX "IX_SocialOrganizations_UnitId" ON "SocialOrganizations" ("UnitId");""",
                """CREATE UNIQUE INDEX "IX_SocialOrganizations_Year_CreditCode" ON "SocialOrganizations" ("Year", "CreditCode");""",
                """CREATE INDEX "IX_SocialOrganizations_Year_Id" ON "SocialOrganizations" ("Year", "Id");""",
            })
            {
                migrationBuilder.Sql(index);
            }

            foreach (var trigger in AddLedgerRowCounts.CreateTriggers("social-organizations", "SocialOrganizations"))
            {
                migrationBuilder.Sql(trigger);
            }
        }
    }
}
