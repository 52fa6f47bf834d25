using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Rules15Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "Deadline",
                table: "LedgerReports",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "LedgerDeadlines",
                table: "LedgerReports",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Step",
                table: "DeadlineExtensions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            // Extensions granted before steps existed moved the date the region's own sheet was due by: a county's
            // submission to the city (Submit = 1), a city's report upward (Report = 2; City = 2). Provider-neutral SQL.
            migrationBuilder.Sql(
                "UPDATE \"DeadlineExtensions\" SET \"Step\" = CASE WHEN \"RegionId\" IN (SELECT \"Id\" FROM \"Regions\" WHERE \"Level\" = 2) THEN 2 ELSE 1 END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LedgerDeadlines",
                table: "LedgerReports");

            migrationBuilder.DropColumn(
                name: "Step",
                table: "DeadlineExtensions");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "Deadline",
                table: "LedgerReports",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
