using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class I17Undo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeletedLedgerRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ledger = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RowId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Values = table.Column<string>(type: "TEXT", nullable: false),
                    DeletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DeletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeletedLedgerRows");
        }
    }
}
