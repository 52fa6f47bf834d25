using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HarmonyPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class I17Regions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Regions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Regions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RegionChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OtherRegionId = table.Column<int>(type: "integer", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegionChanges_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegionNames",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: true),
                    ToYear = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionNames", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegionNames_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_MergedIntoId",
                table: "Regions",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionChanges_RegionId_Id",
                table: "RegionChanges",
                columns: new[] { "RegionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RegionNames_RegionId_ToYear",
                table: "RegionNames",
                columns: new[] { "RegionId", "ToYear" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Regions_Regions_MergedIntoId",
                table: "Regions",
                column: "MergedIntoId",
                principalTable: "Regions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Regions_Regions_MergedIntoId",
                table: "Regions");

            migrationBuilder.DropTable(
                name: "RegionChanges");

            migrationBuilder.DropTable(
                name: "RegionNames");

            migrationBuilder.DropIndex(
                name: "IX_Regions_MergedIntoId",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Regions");
        }
    }
}
