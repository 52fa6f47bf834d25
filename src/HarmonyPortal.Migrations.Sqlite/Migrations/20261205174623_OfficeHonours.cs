using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OfficeHonours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NominationSheets_RegionId_Category_Year_Batch",
                table: "NominationSheets");

            migrationBuilder.DropIndex(
                name: "IX_Nominations_Category_Year_LedgerRowId",
                table: "Nominations");

            migrationBuilder.AddColumn<string>(
                name: "HonourTaskId",
                table: "NominationSheets",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HonourTaskId",
                table: "Nominations",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HonourTaskId",
                table: "DeadlineExtensions",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_NominationSheets_RegionId_Category_HonourTaskId_Year_Batch",
                table: "NominationSheets",
                columns: new[] { "RegionId", "Category", "HonourTaskId", "Year", "Batch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_Category_HonourTaskId_Year_LedgerRowId",
                table: "Nominations",
                columns: new[] { "Category", "HonourTaskId", "Year", "LedgerRowId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NominationSheets_RegionId_Category_HonourTaskId_Year_Batch",
                table: "NominationSheets");

            migrationBuilder.DropIndex(
                name: "IX_Nominations_Category_HonourTaskId_Year_LedgerRowId",
                table: "Nominations");

            migrationBuilder.DropColumn(
                name: "HonourTaskId",
                table: "NominationSheets");

            migrationBuilder.DropColumn(
                name: "HonourTaskId",
                table: "Nominations");

            migrationBuilder.DropColumn(
                name: "HonourTaskId",
                table: "DeadlineExtensions");

            migrationBuilder.CreateIndex(
                name: "IX_NominationSheets_RegionId_Category_Year_Batch",
                table: "NominationSheets",
                columns: new[] { "RegionId", "Category", "Year", "Batch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_Category_Year_LedgerRowId",
                table: "Nominations",
                columns: new[] { "Category", "Year", "LedgerRowId" },
                unique: true);
        }
    }
}
