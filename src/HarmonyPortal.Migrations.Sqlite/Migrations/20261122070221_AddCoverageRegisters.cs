using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddCoverageRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TownName",
                table: "Coordinators",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkUnitCreditCode",
                table: "Coordinators",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LargeEnterprises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    TownName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EmployeeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LargeEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LargeEnterprises_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TownsAndParks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TownsAndParks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TownsAndParks_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprises_RegionId_Year_Id",
                table: "LargeEnterprises",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprises_RegionId_Year_Name_Id",
                table: "LargeEnterprises",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprises_Year_CreditCode",
                table: "LargeEnterprises",
                columns: new[] { "Year", "CreditCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprises_Year_Id",
                table: "LargeEnterprises",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TownsAndParks_RegionId_Year_Id",
                table: "TownsAndParks",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TownsAndParks_RegionId_Year_Name",
                table: "TownsAndParks",
                columns: new[] { "RegionId", "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TownsAndParks_RegionId_Year_Name_Id",
                table: "TownsAndParks",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TownsAndParks_Year_Id",
                table: "TownsAndParks",
                columns: new[] { "Year", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LargeEnterprises");

            migrationBuilder.DropTable(
                name: "TownsAndParks");

            migrationBuilder.DropColumn(
                name: "TownName",
                table: "Coordinators");

            migrationBuilder.DropColumn(
                name: "WorkUnitCreditCode",
                table: "Coordinators");
        }
    }
}
