using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LedgerReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LedgerReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReportedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    DaysLate = table.Column<int>(type: "INTEGER", nullable: false),
                    RowCounts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReturnedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReturnedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerReports_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerReports_Live",
                table: "LedgerReports",
                columns: new[] { "RegionId", "Year" },
                unique: true,
                filter: "\"ReturnedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerReports_Year_RegionId",
                table: "LedgerReports",
                columns: new[] { "Year", "RegionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerReports");
        }
    }
}
