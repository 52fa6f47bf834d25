using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class JobsAndEmailOutbox19 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BackgroundJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Kind = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Argument = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Recurring = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    Claims = table.Column<long>(type: "bigint", nullable: false),
                    NextRunAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LeaseOwner = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    LeaseUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastStartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastSucceededAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastFailedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackgroundJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmailOutbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    To = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    NotificationId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClaimedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FailedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailOutbox_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EmailOutbox_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_Name",
                table: "BackgroundJobs",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobs_Status_NextRunAtUtc",
                table: "BackgroundJobs",
                columns: new[] { "Status", "NextRunAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_NotificationId",
                table: "EmailOutbox",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_RegionId",
                table: "EmailOutbox",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_SentAtUtc_FailedAtUtc_NextAttemptAtUtc",
                table: "EmailOutbox",
                columns: new[] { "SentAtUtc", "FailedAtUtc", "NextAttemptAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackgroundJobs");

            migrationBuilder.DropTable(
                name: "EmailOutbox");
        }
    }
}
