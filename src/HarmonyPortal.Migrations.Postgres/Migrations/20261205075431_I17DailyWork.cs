using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HarmonyPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I17DailyWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Regions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Regions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "Nominations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeletedLedgerRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Ledger = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RowId = table.Column<long>(type: "bigint", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Values = table.Column<string>(type: "text", nullable: false),
                    DeletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeletedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DeletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeletedLedgerRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeletedLedgerRows_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegionChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OtherRegionId = table.Column<int>(type: "integer", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegionChanges_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegionNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: true),
                    ToYear = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegionNames_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WageGuidanceEnterprise_Unconfirmed",
                table: "WageGuidanceEnterprises",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_TownOrPark_Unconfirmed",
                table: "TownsAndParks",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganization_Unconfirmed",
                table: "SocialOrganizations",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_MergedIntoId",
                table: "Regions",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanListEntry_Unconfirmed",
                table: "PlanListEntries",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_NewEnterpriseService_Unconfirmed",
                table: "NewEnterpriseServices",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_Mediator_Unconfirmed",
                table: "Mediators",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_MediationOrganization_Unconfirmed",
                table: "MediationOrganizations",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprise_Unconfirmed",
                table: "LargeEnterprises",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_KeyEnterprise_Unconfirmed",
                table: "KeyEnterprises",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_HarmoniousEnterprise_Unconfirmed",
                table: "HarmoniousEnterprises",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_Coordinator_Unconfirmed",
                table: "Coordinators",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_DeletedLedgerRows_DeletedAtUtc",
                table: "DeletedLedgerRows",
                column: "DeletedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DeletedLedgerRows_Ledger_RegionId_Year",
                table: "DeletedLedgerRows",
                columns: new[] { "Ledger", "RegionId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_DeletedLedgerRows_Ledger_RowId",
                table: "DeletedLedgerRows",
                columns: new[] { "Ledger", "RowId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeletedLedgerRows_RegionId",
                table: "DeletedLedgerRows",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionChanges_RegionId_Id",
                table: "RegionChanges",
                columns: new[] { "RegionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RegionNames_RegionId_ToYear",
                table: "RegionNames",
                columns: new[] { "RegionId", "ToYear" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Regions_Regions_MergedIntoId",
                table: "Regions",
                column: "MergedIntoId",
                principalTable: "Regions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Regions_Regions_MergedIntoId",
                table: "Regions");

            migrationBuilder.DropTable(
                name: "DeletedLedgerRows");

            migrationBuilder.DropTable(
                name: "RegionChanges");

            migrationBuilder.DropTable(
                name: "RegionNames");

            migrationBuilder.DropIndex(
                name: "IX_WageGuidanceEnterprise_Unconfirmed",
                table: "WageGuidanceEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_TownOrPark_Unconfirmed",
                table: "TownsAndParks");

            migrationBuilder.DropIndex(
                name: "IX_SocialOrganization_Unconfirmed",
                table: "SocialOrganizations");

            migrationBuilder.DropIndex(
                name: "IX_Regions_MergedIntoId",
                table: "Regions");

            migrationBuilder.DropIndex(
                name: "IX_PlanListEntry_Unconfirmed",
                table: "PlanListEntries");

            migrationBuilder.DropIndex(
                name: "IX_NewEnterpriseService_Unconfirmed",
                table: "NewEnterpriseServices");

            migrationBuilder.DropIndex(
                name: "IX_Mediator_Unconfirmed",
                table: "Mediators");

            migrationBuilder.DropIndex(
                name: "IX_MediationOrganization_Unconfirmed",
                table: "MediationOrganizations");

            migrationBuilder.DropIndex(
                name: "IX_LargeEnterprise_Unconfirmed",
                table: "LargeEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_KeyEnterprise_Unconfirmed",
                table: "KeyEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_HarmoniousEnterprise_Unconfirmed",
                table: "HarmoniousEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_Coordinator_Unconfirmed",
                table: "Coordinators");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "Nominations");
        }
    }
}
