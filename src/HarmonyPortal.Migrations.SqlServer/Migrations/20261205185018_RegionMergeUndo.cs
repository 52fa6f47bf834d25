using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RegionMergeUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegionMergeItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ChangeId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Ledger = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ItemId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    UnitId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionMergeItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegionMergeItems_RegionChanges_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "RegionChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegionMergeItems_ChangeId_Kind",
                table: "RegionMergeItems",
                columns: new[] { "ChangeId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegionMergeItems");
        }
    }
}
