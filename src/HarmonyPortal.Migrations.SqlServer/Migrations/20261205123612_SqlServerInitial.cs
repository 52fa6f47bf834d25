using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.SqlServer.Migrations
{
    /// <summary>The whole model on a new SQL Server database (a new provider has no history), with the ledger counters' triggers.</summary>
    public partial class SqlServerInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RegionId = table.Column<int>(type: "int", nullable: true),
                    IpAddress = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ObjectType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ObjectId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    Details = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerRowCounts",
                columns: table => new
                {
                    Ledger = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRowCounts", x => new { x.Year, x.RegionId, x.Ledger });
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    IsLocalCode = table.Column<bool>(type: "bit", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Level = table.Column<int>(type: "int", nullable: false),
                    ParentId = table.Column<int>(type: "int", nullable: true),
                    Path = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MergedIntoId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Regions_Regions_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Regions_Regions_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Batch = table.Column<int>(type: "int", nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    NewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    GrantedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    GrantedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                name: "DeletedLedgerRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Ledger = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RowId = table.Column<long>(type: "bigint", nullable: false),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Values = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    DeletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DeletedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    DeletedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
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

            migrationBuilder.CreateTable(
                name: "LedgerReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReportedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReportedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    LedgerDeadlines = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    IsLate = table.Column<bool>(type: "bit", nullable: false),
                    DaysLate = table.Column<int>(type: "int", nullable: false),
                    RowCounts = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReturnedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReturnedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReturnedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReturnReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
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

            migrationBuilder.CreateTable(
                name: "MemberUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ShortName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    HostsOffice = table.Column<bool>(type: "bit", nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    IsActive = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberUnits_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NominationSheets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Batch = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReturnReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                name: "RegionChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    OtherRegionId = table.Column<int>(type: "int", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Details = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    FromYear = table.Column<int>(type: "int", nullable: true),
                    ToYear = table.Column<int>(type: "int", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "RuleSetDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    FromYear = table.Column<int>(type: "int", nullable: false),
                    ToYear = table.Column<int>(type: "int", nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    BasedOnVersionId = table.Column<int>(type: "int", nullable: true),
                    Origin = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSetDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleSetDrafts_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RuleSetVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    FromYear = table.Column<int>(type: "int", nullable: false),
                    ToYear = table.Column<int>(type: "int", nullable: false),
                    PlanVersion = table.Column<int>(type: "int", nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSetVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleSetVersions_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskDeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    JurisdictionRegionId = table.Column<int>(type: "int", nullable: false),
                    TaskId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    NewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    GrantedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    GrantedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskDeadlineExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskDeadlineExtensions_Regions_JurisdictionRegionId",
                        column: x => x.JurisdictionRegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskDeadlineExtensions_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(450)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    DisplayName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Role = table.Column<int>(type: "int", nullable: false),
                    IsDisabled = table.Column<bool>(type: "bit", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    NormalizedUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    EmailConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    SecurityStamp = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    PhoneNumber = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "bit", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "bit", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Coordinators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    SkillLevel = table.Column<int>(type: "int", nullable: true),
                    CertificateNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CertificateDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CurrentlyServing = table.Column<bool>(type: "bit", nullable: false),
                    TownName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    WorkUnitCreditCode = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Gender = table.Column<int>(type: "int", nullable: false),
                    Ethnicity = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    IdNumberCipher = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    IdNumberHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    IdNumberMasked = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    WorkUnit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Position = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Education = table.Column<int>(type: "int", nullable: false),
                    ServingSince = table.Column<DateOnly>(type: "date", nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Coordinators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Coordinators_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Coordinators_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HarmoniousEnterprises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReachedStandard = table.Column<bool>(type: "bit", nullable: false),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Address = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    EmployeeCount = table.Column<int>(type: "int", nullable: false),
                    ServiceUnit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HarmoniousEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HarmoniousEnterprises_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HarmoniousEnterprises_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KeyEnterprises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Locality = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Address = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Industry = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    EmployeesLastYearEnd = table.Column<int>(type: "int", nullable: false),
                    EmployeesNow = table.Column<int>(type: "int", nullable: false),
                    JobRetentionPolicies = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    HasLayoffPlan = table.Column<bool>(type: "bit", nullable: false),
                    PlannedLayoffs = table.Column<int>(type: "int", nullable: true),
                    LaidOff = table.Column<int>(type: "int", nullable: true),
                    LayoffPositions = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    WagesSettled = table.Column<bool>(type: "bit", nullable: true),
                    CompensationStandard = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    PaymentCapacityAssessment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    FollowUpNotes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyEnterprises_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyEnterprises_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LargeEnterprises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CreditCode = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Size = table.Column<int>(type: "int", nullable: false),
                    TownName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Industry = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    EmployeeCount = table.Column<int>(type: "int", nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LargeEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LargeEnterprises_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LargeEnterprises_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MediationOrganizations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Nature = table.Column<int>(type: "int", nullable: false),
                    MediatorCount = table.Column<int>(type: "int", nullable: false),
                    CasesReceived = table.Column<int>(type: "int", nullable: false),
                    CasesSettled = table.Column<int>(type: "int", nullable: false),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    TownName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Address = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeaderName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationOrganizations_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediationOrganizations_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NewEnterpriseServices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ServedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Address = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    EmployeeCount = table.Column<int>(type: "int", nullable: false),
                    ServiceUnit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewEnterpriseServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewEnterpriseServices_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NewEnterpriseServices_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanListEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Address = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    EmployeeCount = table.Column<int>(type: "int", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    WorkersConcerned = table.Column<int>(type: "int", nullable: true),
                    AmountRecovered = table.Column<decimal>(type: "decimal(14,2)", precision: 14, scale: 2, nullable: true),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanListEntries_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanListEntries_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SocialOrganizations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Nature = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CreditCode = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CoordinatorCount = table.Column<int>(type: "int", nullable: false),
                    CertifiedCoordinatorCount = table.Column<int>(type: "int", nullable: false),
                    LastViolationOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ViolationNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    LastCreditPunishmentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    TownName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Address = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    EstablishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeaderName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialOrganizations_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SocialOrganizations_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TownsAndParks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TownsAndParks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TownsAndParks_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TownsAndParks_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WageGuidanceEnterprises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Address = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContactPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    EmployeeCount = table.Column<int>(type: "int", nullable: false),
                    ServiceUnit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WageGuidanceEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WageGuidanceEnterprises_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WageGuidanceEnterprises_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Batch = table.Column<int>(type: "int", nullable: false),
                    Tier = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    LedgerRowId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Narrative = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    SheetId = table.Column<long>(type: "bigint", nullable: false),
                    CitySheetId = table.Column<long>(type: "bigint", nullable: true),
                    CityDecision = table.Column<int>(type: "int", nullable: false),
                    CityReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ProvinceDecision = table.Column<int>(type: "int", nullable: false),
                    ProvinceReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    FrozenJson = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    FrozenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SheetId = table.Column<long>(type: "bigint", nullable: false),
                    NominationId = table.Column<long>(type: "bigint", nullable: true),
                    Action = table.Column<int>(type: "int", nullable: false),
                    FromStatus = table.Column<int>(type: "int", nullable: false),
                    ToStatus = table.Column<int>(type: "int", nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ActorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ActorRegion = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
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
                name: "IndicatorReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    JurisdictionRegionId = table.Column<int>(type: "int", nullable: false),
                    TaskId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    RuleSetVersionId = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Value = table.Column<decimal>(type: "decimal(14,4)", precision: 14, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReportedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReportedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReportedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DaysLate = table.Column<int>(type: "int", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReviewedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReviewReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorReports_Regions_JurisdictionRegionId",
                        column: x => x.JurisdictionRegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorReports_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorReports_RuleSetVersions_RuleSetVersionId",
                        column: x => x.RuleSetVersionId,
                        principalTable: "RuleSetVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MaterialSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    JurisdictionRegionId = table.Column<int>(type: "int", nullable: false),
                    TaskId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    RuleSetVersionId = table.Column<int>(type: "int", nullable: false),
                    TaskName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Summary = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DaysLate = table.Column<int>(type: "int", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReviewedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReturnReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaterialSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaterialSubmissions_Regions_JurisdictionRegionId",
                        column: x => x.JurisdictionRegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaterialSubmissions_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaterialSubmissions_RuleSetVersions_RuleSetVersionId",
                        column: x => x.RuleSetVersionId,
                        principalTable: "RuleSetVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ClaimType = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ClaimValue = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ProviderKey = table.Column<string>(type: "nvarchar(450)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ProviderDisplayName = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    LoginProvider = table.Column<string>(type: "nvarchar(450)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Name = table.Column<string>(type: "nvarchar(450)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Value = table.Column<string>(type: "nvarchar(max)", nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuthSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Ticket = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AbsoluteExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    RowsWritten = table.Column<long>(type: "bigint", nullable: false),
                    RowsTotal = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExportJobs_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExportJobs_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Body = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Link = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DedupKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Mediators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MediationOrganizationId = table.Column<long>(type: "bigint", nullable: false),
                    RegionId = table.Column<int>(type: "int", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Gender = table.Column<int>(type: "int", nullable: false),
                    Ethnicity = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    IdNumberCipher = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    IdNumberHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    IdNumberMasked = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    WorkUnit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Position = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Education = table.Column<int>(type: "int", nullable: false),
                    ServingSince = table.Column<DateOnly>(type: "date", nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mediators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mediators_MediationOrganizations_MediationOrganizationId",
                        column: x => x.MediationOrganizationId,
                        principalTable: "MediationOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Mediators_MemberUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Mediators_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NominationAttestations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NominationId = table.Column<long>(type: "bigint", nullable: false),
                    CriterionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Evidence = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    AttestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    AttestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    ReviewedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ReviewedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReviewReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NominationId = table.Column<long>(type: "bigint", nullable: false),
                    RuleSetVersionId = table.Column<int>(type: "int", nullable: false),
                    RuleSetVersion = table.Column<int>(type: "int", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EvaluatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    Attested = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    VerdictJson = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NominationId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "IndicatorEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorEvidence_IndicatorReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "IndicatorReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaterialEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<int>(type: "int", nullable: false),
                    ById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaterialEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaterialEvents_MaterialSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "MaterialSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaterialFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Chinese_Simplified_Pinyin_100_CS_AS_KS_WS_SC"),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaterialFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaterialFiles_MaterialSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "MaterialSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_RegionId",
                table: "AspNetUsers",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_UnitId",
                table: "AspNetUsers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true,
                filter: "[NormalizedUserName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ObjectType_ObjectId",
                table: "AuditEntries",
                columns: new[] { "ObjectType", "ObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuthSessions_AbsoluteExpiresAtUtc",
                table: "AuthSessions",
                column: "AbsoluteExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuthSessions_UserId",
                table: "AuthSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Coordinator_Unconfirmed",
                table: "Coordinators",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_Coordinators_RegionId_Year_Id",
                table: "Coordinators",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Coordinators_RegionId_Year_Name_Id",
                table: "Coordinators",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Coordinators_UnitId",
                table: "Coordinators",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Coordinators_Year_Id",
                table: "Coordinators",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Coordinators_Year_IdNumberHash",
                table: "Coordinators",
                columns: new[] { "Year", "IdNumberHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_RegionId_Category_Year_Batch",
                table: "DeadlineExtensions",
                columns: new[] { "RegionId", "Category", "Year", "Batch" });

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

            migrationBuilder.CreateIndex(
                name: "IX_ExportJobs_RegionId",
                table: "ExportJobs",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportJobs_Status",
                table: "ExportJobs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ExportJobs_UserId_CreatedAtUtc",
                table: "ExportJobs",
                columns: new[] { "UserId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_HarmoniousEnterprise_Unconfirmed",
                table: "HarmoniousEnterprises",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_HarmoniousEnterprises_RegionId_Year_Id",
                table: "HarmoniousEnterprises",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HarmoniousEnterprises_RegionId_Year_Name",
                table: "HarmoniousEnterprises",
                columns: new[] { "RegionId", "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HarmoniousEnterprises_RegionId_Year_Name_Id",
                table: "HarmoniousEnterprises",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HarmoniousEnterprises_UnitId",
                table: "HarmoniousEnterprises",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_HarmoniousEnterprises_Year_Id",
                table: "HarmoniousEnterprises",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorEvidence_ReportId",
                table: "IndicatorEvidence",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorReports_JurisdictionRegionId",
                table: "IndicatorReports",
                column: "JurisdictionRegionId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorReports_RegionId_Year_JurisdictionRegionId_TaskId",
                table: "IndicatorReports",
                columns: new[] { "RegionId", "Year", "JurisdictionRegionId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorReports_RuleSetVersionId",
                table: "IndicatorReports",
                column: "RuleSetVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyEnterprise_Unconfirmed",
                table: "KeyEnterprises",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_KeyEnterprises_RegionId_Year_Id",
                table: "KeyEnterprises",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyEnterprises_RegionId_Year_Name",
                table: "KeyEnterprises",
                columns: new[] { "RegionId", "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KeyEnterprises_RegionId_Year_Name_Id",
                table: "KeyEnterprises",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_KeyEnterprises_UnitId",
                table: "KeyEnterprises",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyEnterprises_Year_Id",
                table: "KeyEnterprises",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprise_Unconfirmed",
                table: "LargeEnterprises",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprises_RegionId_Year_Id",
                table: "LargeEnterprises",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprises_RegionId_Year_Name_Id",
                table: "LargeEnterprises",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LargeEnterprises_UnitId",
                table: "LargeEnterprises",
                column: "UnitId");

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
                name: "IX_LedgerReports_Live",
                table: "LedgerReports",
                columns: new[] { "RegionId", "Year" },
                unique: true,
                filter: "\"ReturnedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerReports_Year_RegionId",
                table: "LedgerReports",
                columns: new[] { "Year", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_MaterialEvents_SubmissionId",
                table: "MaterialEvents",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialFiles_SubmissionId",
                table: "MaterialFiles",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialSubmissions_JurisdictionRegionId_Year_TaskId",
                table: "MaterialSubmissions",
                columns: new[] { "JurisdictionRegionId", "Year", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_MaterialSubmissions_RegionId_Year_JurisdictionRegionId_TaskId",
                table: "MaterialSubmissions",
                columns: new[] { "RegionId", "Year", "JurisdictionRegionId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_MaterialSubmissions_RuleSetVersionId",
                table: "MaterialSubmissions",
                column: "RuleSetVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationOrganization_Unconfirmed",
                table: "MediationOrganizations",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_MediationOrganizations_RegionId_Year_Id",
                table: "MediationOrganizations",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MediationOrganizations_RegionId_Year_Name",
                table: "MediationOrganizations",
                columns: new[] { "RegionId", "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediationOrganizations_RegionId_Year_Name_Id",
                table: "MediationOrganizations",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MediationOrganizations_UnitId",
                table: "MediationOrganizations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_MediationOrganizations_Year_Id",
                table: "MediationOrganizations",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Mediator_Unconfirmed",
                table: "Mediators",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_MediationOrganizationId",
                table: "Mediators",
                column: "MediationOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_RegionId_Year_Id",
                table: "Mediators",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_RegionId_Year_Name_Id",
                table: "Mediators",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_UnitId",
                table: "Mediators",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_Year_Id",
                table: "Mediators",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_Year_IdNumberHash",
                table: "Mediators",
                columns: new[] { "Year", "IdNumberHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MemberUnits_RegionId_ShortName",
                table: "MemberUnits",
                columns: new[] { "RegionId", "ShortName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewEnterpriseService_Unconfirmed",
                table: "NewEnterpriseServices",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_NewEnterpriseServices_RegionId_Year_Id",
                table: "NewEnterpriseServices",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_NewEnterpriseServices_RegionId_Year_Name",
                table: "NewEnterpriseServices",
                columns: new[] { "RegionId", "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewEnterpriseServices_RegionId_Year_Name_Id",
                table: "NewEnterpriseServices",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_NewEnterpriseServices_UnitId",
                table: "NewEnterpriseServices",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_NewEnterpriseServices_Year_Id",
                table: "NewEnterpriseServices",
                columns: new[] { "Year", "Id" });

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
                name: "IX_Nominations_UnitId",
                table: "Nominations",
                column: "UnitId");

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
                name: "IX_Notifications_UserId_DedupKey",
                table: "Notifications",
                columns: new[] { "UserId", "DedupKey" },
                unique: true,
                filter: "[DedupKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAtUtc",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanListEntries_RegionId_Year_Id",
                table: "PlanListEntries",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanListEntries_RegionId_Year_Kind_Name",
                table: "PlanListEntries",
                columns: new[] { "RegionId", "Year", "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanListEntries_RegionId_Year_Name_Id",
                table: "PlanListEntries",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanListEntries_UnitId",
                table: "PlanListEntries",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanListEntries_Year_Id",
                table: "PlanListEntries",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanListEntry_Unconfirmed",
                table: "PlanListEntries",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_RegionChanges_RegionId_Id",
                table: "RegionChanges",
                columns: new[] { "RegionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RegionNames_RegionId_ToYear",
                table: "RegionNames",
                columns: new[] { "RegionId", "ToYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Code",
                table: "Regions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_MergedIntoId",
                table: "Regions",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_ParentId_Name",
                table: "Regions",
                columns: new[] { "ParentId", "Name" },
                unique: true,
                filter: "[ParentId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Path",
                table: "Regions",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_RuleSetDrafts_RegionId_FromYear",
                table: "RuleSetDrafts",
                columns: new[] { "RegionId", "FromYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RuleSetVersions_RegionId_FromYear_ToYear",
                table: "RuleSetVersions",
                columns: new[] { "RegionId", "FromYear", "ToYear" });

            migrationBuilder.CreateIndex(
                name: "IX_RuleSetVersions_RegionId_Version",
                table: "RuleSetVersions",
                columns: new[] { "RegionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SheetTransitions_NominationId",
                table: "SheetTransitions",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_SheetTransitions_SheetId",
                table: "SheetTransitions",
                column: "SheetId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganization_Unconfirmed",
                table: "SocialOrganizations",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_RegionId_Year_Id",
                table: "SocialOrganizations",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_RegionId_Year_Name",
                table: "SocialOrganizations",
                columns: new[] { "RegionId", "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_RegionId_Year_Name_Id",
                table: "SocialOrganizations",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_UnitId",
                table: "SocialOrganizations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_Year_CreditCode",
                table: "SocialOrganizations",
                columns: new[] { "Year", "CreditCode" },
                unique: true,
                filter: "[CreditCode] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_Year_Id",
                table: "SocialOrganizations",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskDeadlineExtensions_JurisdictionRegionId",
                table: "TaskDeadlineExtensions",
                column: "JurisdictionRegionId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskDeadlineExtensions_RegionId_JurisdictionRegionId_TaskId_Year",
                table: "TaskDeadlineExtensions",
                columns: new[] { "RegionId", "JurisdictionRegionId", "TaskId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_TownOrPark_Unconfirmed",
                table: "TownsAndParks",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

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
                name: "IX_TownsAndParks_UnitId",
                table: "TownsAndParks",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TownsAndParks_Year_Id",
                table: "TownsAndParks",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WageGuidanceEnterprise_Unconfirmed",
                table: "WageGuidanceEnterprises",
                columns: new[] { "Year", "RegionId" },
                filter: "\"Status\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_WageGuidanceEnterprises_RegionId_Year_Id",
                table: "WageGuidanceEnterprises",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WageGuidanceEnterprises_RegionId_Year_Name",
                table: "WageGuidanceEnterprises",
                columns: new[] { "RegionId", "Year", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WageGuidanceEnterprises_RegionId_Year_Name_Id",
                table: "WageGuidanceEnterprises",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WageGuidanceEnterprises_UnitId",
                table: "WageGuidanceEnterprises",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_WageGuidanceEnterprises_Year_Id",
                table: "WageGuidanceEnterprises",
                columns: new[] { "Year", "Id" });

            // Hand-written (docs/adr/0010, 0013): the ledger row counters' triggers, after every table exists.
            AddLedgerRowCounters(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "AuthSessions");

            migrationBuilder.DropTable(
                name: "Coordinators");

            migrationBuilder.DropTable(
                name: "DeadlineExtensions");

            migrationBuilder.DropTable(
                name: "DeletedLedgerRows");

            migrationBuilder.DropTable(
                name: "ExportJobs");

            migrationBuilder.DropTable(
                name: "HarmoniousEnterprises");

            migrationBuilder.DropTable(
                name: "IndicatorEvidence");

            migrationBuilder.DropTable(
                name: "KeyEnterprises");

            migrationBuilder.DropTable(
                name: "LargeEnterprises");

            migrationBuilder.DropTable(
                name: "LedgerReports");

            migrationBuilder.DropTable(
                name: "LedgerRowCounts");

            migrationBuilder.DropTable(
                name: "MaterialEvents");

            migrationBuilder.DropTable(
                name: "MaterialFiles");

            migrationBuilder.DropTable(
                name: "Mediators");

            migrationBuilder.DropTable(
                name: "NewEnterpriseServices");

            migrationBuilder.DropTable(
                name: "NominationAttestations");

            migrationBuilder.DropTable(
                name: "NominationEvaluations");

            migrationBuilder.DropTable(
                name: "NominationEvidence");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PlanListEntries");

            migrationBuilder.DropTable(
                name: "RegionChanges");

            migrationBuilder.DropTable(
                name: "RegionNames");

            migrationBuilder.DropTable(
                name: "RuleSetDrafts");

            migrationBuilder.DropTable(
                name: "SheetTransitions");

            migrationBuilder.DropTable(
                name: "SocialOrganizations");

            migrationBuilder.DropTable(
                name: "TaskDeadlineExtensions");

            migrationBuilder.DropTable(
                name: "TownsAndParks");

            migrationBuilder.DropTable(
                name: "WageGuidanceEnterprises");

            migrationBuilder.DropTable(
                name: "IndicatorReports");

            migrationBuilder.DropTable(
                name: "MaterialSubmissions");

            migrationBuilder.DropTable(
                name: "MediationOrganizations");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "RuleSetVersions");

            migrationBuilder.DropTable(
                name: "NominationSheets");

            migrationBuilder.DropTable(
                name: "MemberUnits");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
