using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HarmonyPortal.Migrations.Postgres.Migrations
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
