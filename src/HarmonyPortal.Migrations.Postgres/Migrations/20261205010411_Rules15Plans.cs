using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Rules15Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FromYear",
                table: "RuleSetVersions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PlanVersion",
                table: "RuleSetVersions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ToYear",
                table: "RuleSetVersions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_RuleSetVersions_RegionId_FromYear_ToYear",
                table: "RuleSetVersions",
                columns: new[] { "RegionId", "FromYear", "ToYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RuleSetVersions_RegionId_FromYear_ToYear",
                table: "RuleSetVersions");

            migrationBuilder.DropColumn(
                name: "FromYear",
                table: "RuleSetVersions");

            migrationBuilder.DropColumn(
                name: "PlanVersion",
                table: "RuleSetVersions");

            migrationBuilder.DropColumn(
                name: "ToYear",
                table: "RuleSetVersions");
        }
    }
}
