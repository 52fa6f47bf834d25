using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I17Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
