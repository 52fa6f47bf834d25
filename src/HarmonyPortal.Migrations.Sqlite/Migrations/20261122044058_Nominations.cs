using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Nominations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Batch = table.Column<int>(type: "INTEGER", nullable: false),
                    NewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NominationSheets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Batch = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationSheets_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Batch = table.Column<int>(type: "INTEGER", nullable: false),
                    LedgerRowId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SheetId = table.Column<long>(type: "INTEGER", nullable: false),
                    CitySheetId = table.Column<long>(type: "INTEGER", nullable: true),
                    CityDecision = table.Column<int>(type: "INTEGER", nullable: false),
                    CityReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProvinceDecision = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FrozenJson = table.Column<string>(type: "TEXT", nullable: true),
                    FrozenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_NominationSheets_CitySheetId",
                        column: x => x.CitySheetId,
                        principalTable: "NominationSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_NominationSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "NominationSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SheetTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetId = table.Column<long>(type: "INTEGER", nullable: false),
                    NominationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActorRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SheetTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SheetTransitions_NominationSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "NominationSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NominationAttestations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationId = table.Column<long>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AttestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AttestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationAttestations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationAttestations_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NominationEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RuleSetVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleSetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EvaluatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Attested = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    VerdictJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationEvaluations_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NominationEvaluations_RuleSetVersions_RuleSetVersionId",
                        column: x => x.RuleSetVersionId,
                        principalTable: "RuleSetVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NominationEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationEvidence_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_RegionId_Category_Year_Batch",
                table: "DeadlineExtensions",
                columns: new[] { "RegionId", "Category", "Year", "Batch" });

            migrationBuilder.CreateIndex(
                name: "IX_NominationAttestations_NominationId_CriterionId",
                table: "NominationAttestations",
                columns: new[] { "NominationId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NominationEvaluations_NominationId",
                table: "NominationEvaluations",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_NominationEvaluations_RuleSetVersionId",
                table: "NominationEvaluations",
                column: "RuleSetVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_NominationEvidence_NominationId",
                table: "NominationEvidence",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_Category_Year_LedgerRowId",
                table: "Nominations",
                columns: new[] { "Category", "Year", "LedgerRowId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_CitySheetId",
                table: "Nominations",
                column: "CitySheetId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_RegionId",
                table: "Nominations",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_SheetId",
                table: "Nominations",
                column: "SheetId");

            migrationBuilder.CreateIndex(
                name: "IX_NominationSheets_Category_Year_Status",
                table: "NominationSheets",
                columns: new[] { "Category", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_NominationSheets_RegionId_Category_Year_Batch",
                table: "NominationSheets",
                columns: new[] { "RegionId", "Category", "Year", "Batch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SheetTransitions_NominationId",
                table: "SheetTransitions",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_SheetTransitions_SheetId",
                table: "SheetTransitions",
                column: "SheetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineExtensions");

            migrationBuilder.DropTable(
                name: "NominationAttestations");

            migrationBuilder.DropTable(
                name: "NominationEvaluations");

            migrationBuilder.DropTable(
                name: "NominationEvidence");

            migrationBuilder.DropTable(
                name: "SheetTransitions");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "NominationSheets");
        }
    }
}
