using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HarmonyPortal.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReportedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    DaysLate = table.Column<int>(type: "integer", nullable: false),
                    RowCounts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReturnedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReturnedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
