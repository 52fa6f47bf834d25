using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    /// <remarks>
    /// SQLite: the ledger tables get their UnitId column without a foreign-key constraint (and lose it with ALTER TABLE DROP
    /// COLUMN): adding or dropping a constraint makes EF rebuild the table, which drops its LedgerRowCounts triggers.
    /// </remarks>
    public partial class Rules15MemberUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "WageGuidanceEnterprises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "TownsAndParks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "SocialOrganizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "PlanListEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Nominations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "NewEnterpriseServices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Mediators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "MediationOrganizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "LargeEnterprises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "KeyEnterprises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "HarmoniousEnterprises",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Coordinators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MemberUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    HostsOffice = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberUnits_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WageGuidanceEnterprises_UnitId",
                table: "WageGuidanceEnterprises",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TownsAndParks_UnitId",
                table: "TownsAndParks",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_UnitId",
                table: "SocialOrganizations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanListEntries_UnitId",
                table: "PlanListEntries",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_UnitId",
                table: "Nominations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_NewEnterpriseServices_UnitId",
                table: "NewEnterpriseServices",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_UnitId",
                table: "Mediators",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationOrganizations_UnitId",
                table: "MediationOrganizations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprises_UnitId",
                table: "LargeEnterprises",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyEnterprises_UnitId",
                table: "KeyEnterprises",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_HarmoniousEnterprises_UnitId",
                table: "HarmoniousEnterprises",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Coordinators_UnitId",
                table: "Coordinators",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_UnitId",
                table: "AspNetUsers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberUnits_RegionId_ShortName",
                table: "MemberUnits",
                columns: new[] { "RegionId", "ShortName" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_MemberUnits_UnitId",
                table: "AspNetUsers",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);








            migrationBuilder.AddForeignKey(
                name: "FK_Nominations_MemberUnits_UnitId",
                table: "Nominations",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);





            // Data: parties become units, users and rows get theirs (provider-neutral SQL, see MemberUnitMigration).
            foreach (var sql in HarmonyPortal.Core.Offices.MemberUnitMigration.Statements())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "OfficeParties");


            migrationBuilder.DropColumn(
                name: "Party",
                table: "AspNetUsers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in HarmonyPortal.Core.Offices.MemberUnitMigration.DownStatements())
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_MemberUnits_UnitId",
                table: "AspNetUsers");








            migrationBuilder.DropForeignKey(
                name: "FK_Nominations_MemberUnits_UnitId",
                table: "Nominations");





            migrationBuilder.DropTable(
                name: "MemberUnits");

            migrationBuilder.DropIndex(
                name: "IX_WageGuidanceEnterprises_UnitId",
                table: "WageGuidanceEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_TownsAndParks_UnitId",
                table: "TownsAndParks");

            migrationBuilder.DropIndex(
                name: "IX_SocialOrganizations_UnitId",
                table: "SocialOrganizations");

            migrationBuilder.DropIndex(
                name: "IX_PlanListEntries_UnitId",
                table: "PlanListEntries");

            migrationBuilder.DropIndex(
                name: "IX_Nominations_UnitId",
                table: "Nominations");

            migrationBuilder.DropIndex(
                name: "IX_NewEnterpriseServices_UnitId",
                table: "NewEnterpriseServices");

            migrationBuilder.DropIndex(
                name: "IX_Mediators_UnitId",
                table: "Mediators");

            migrationBuilder.DropIndex(
                name: "IX_MediationOrganizations_UnitId",
                table: "MediationOrganizations");

            migrationBuilder.DropIndex(
                name: "IX_LargeEnterprises_UnitId",
                table: "LargeEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_KeyEnterprises_UnitId",
                table: "KeyEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_HarmoniousEnterprises_UnitId",
                table: "HarmoniousEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_Coordinators_UnitId",
                table: "Coordinators");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_UnitId",
                table: "AspNetUsers");
            migrationBuilder.Sql("ALTER TABLE \"WageGuidanceEnterprises\" DROP COLUMN \"UnitId\"");

            migrationBuilder.Sql("ALTER TABLE \"TownsAndParks\" DROP COLUMN \"UnitId\"");

            migrationBuilder.Sql("ALTER TABLE \"SocialOrganizations\" DROP COLUMN \"UnitId\"");

            migrationBuilder.Sql("ALTER TABLE \"PlanListEntries\" DROP COLUMN \"UnitId\"");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Nominations");

            migrationBuilder.Sql("ALTER TABLE \"NewEnterpriseServices\" DROP COLUMN \"UnitId\"");

            migrationBuilder.Sql("ALTER TABLE \"Mediators\" DROP COLUMN \"UnitId\"");

            migrationBuilder.Sql("ALTER TABLE \"MediationOrganizations\" DROP COLUMN \"UnitId\"");

            migrationBuilder.Sql("ALTER TABLE \"LargeEnterprises\" DROP COLUMN \"UnitId\"");

            migrationBuilder.Sql("ALTER TABLE \"KeyEnterprises\" DROP COLUMN \"UnitId\"");

            migrationBuilder.Sql("ALTER TABLE \"HarmoniousEnterprises\" DROP COLUMN \"UnitId\"");

            migrationBuilder.Sql("ALTER TABLE \"Coordinators\" DROP COLUMN \"UnitId\"");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<int>(
                name: "Party",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "OfficeParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    HostsOffice = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Party = table.Column<int>(type: "INTEGER", nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficeParties_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfficeParties_RegionId_Party",
                table: "OfficeParties",
                columns: new[] { "RegionId", "Party" },
                unique: true);
        }
    }
}
