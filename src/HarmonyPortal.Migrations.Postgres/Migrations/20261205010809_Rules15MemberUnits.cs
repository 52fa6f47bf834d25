using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HarmonyPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Rules15MemberUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "WageGuidanceEnterprises",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "TownsAndParks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "SocialOrganizations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "PlanListEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Nominations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "NewEnterpriseServices",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Mediators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "MediationOrganizations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "LargeEnterprises",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "KeyEnterprises",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "HarmoniousEnterprises",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Coordinators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MemberUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    HostsOffice = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "FK_Coordinators_MemberUnits_UnitId",
                table: "Coordinators",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_HarmoniousEnterprises_MemberUnits_UnitId",
                table: "HarmoniousEnterprises",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_KeyEnterprises_MemberUnits_UnitId",
                table: "KeyEnterprises",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LargeEnterprises_MemberUnits_UnitId",
                table: "LargeEnterprises",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MediationOrganizations_MemberUnits_UnitId",
                table: "MediationOrganizations",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Mediators_MemberUnits_UnitId",
                table: "Mediators",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_NewEnterpriseServices_MemberUnits_UnitId",
                table: "NewEnterpriseServices",
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

            migrationBuilder.AddForeignKey(
                name: "FK_PlanListEntries_MemberUnits_UnitId",
                table: "PlanListEntries",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SocialOrganizations_MemberUnits_UnitId",
                table: "SocialOrganizations",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TownsAndParks_MemberUnits_UnitId",
                table: "TownsAndParks",
                column: "UnitId",
                principalTable: "MemberUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WageGuidanceEnterprises_MemberUnits_UnitId",
                table: "WageGuidanceEnterprises",
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
                name: "FK_Coordinators_MemberUnits_UnitId",
                table: "Coordinators");

            migrationBuilder.DropForeignKey(
                name: "FK_HarmoniousEnterprises_MemberUnits_UnitId",
                table: "HarmoniousEnterprises");

            migrationBuilder.DropForeignKey(
                name: "FK_KeyEnterprises_MemberUnits_UnitId",
                table: "KeyEnterprises");

            migrationBuilder.DropForeignKey(
                name: "FK_LargeEnterprises_MemberUnits_UnitId",
                table: "LargeEnterprises");

            migrationBuilder.DropForeignKey(
                name: "FK_MediationOrganizations_MemberUnits_UnitId",
                table: "MediationOrganizations");

            migrationBuilder.DropForeignKey(
                name: "FK_Mediators_MemberUnits_UnitId",
                table: "Mediators");

            migrationBuilder.DropForeignKey(
                name: "FK_NewEnterpriseServices_MemberUnits_UnitId",
                table: "NewEnterpriseServices");

            migrationBuilder.DropForeignKey(
                name: "FK_Nominations_MemberUnits_UnitId",
                table: "Nominations");

            migrationBuilder.DropForeignKey(
                name: "FK_PlanListEntries_MemberUnits_UnitId",
                table: "PlanListEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_SocialOrganizations_MemberUnits_UnitId",
                table: "SocialOrganizations");

            migrationBuilder.DropForeignKey(
                name: "FK_TownsAndParks_MemberUnits_UnitId",
                table: "TownsAndParks");

            migrationBuilder.DropForeignKey(
                name: "FK_WageGuidanceEnterprises_MemberUnits_UnitId",
                table: "WageGuidanceEnterprises");

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

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "WageGuidanceEnterprises");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "TownsAndParks");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "SocialOrganizations");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "PlanListEntries");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Nominations");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "NewEnterpriseServices");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Mediators");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "MediationOrganizations");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "LargeEnterprises");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "KeyEnterprises");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "HarmoniousEnterprises");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Coordinators");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<int>(
                name: "Party",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "OfficeParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    HostsOffice = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Party = table.Column<int>(type: "integer", nullable: false),
                    ShortName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
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
