using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Ledgers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Coordinators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CertificateDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CurrentlyServing = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    WorkUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Education = table.Column<int>(type: "INTEGER", nullable: false),
                    ServingSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Coordinators", x => x.Id);
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReachedStandard = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EmployeeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HarmoniousEnterprises", x => x.Id);
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Locality = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EmployeesLastYearEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeesNow = table.Column<int>(type: "INTEGER", nullable: false),
                    JobRetentionPolicies = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HasLayoffPlan = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlannedLayoffs = table.Column<int>(type: "INTEGER", nullable: true),
                    LaidOff = table.Column<int>(type: "INTEGER", nullable: true),
                    LayoffPositions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WagesSettled = table.Column<bool>(type: "INTEGER", nullable: true),
                    CompensationStandard = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PaymentCapacityAssessment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FollowUpNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
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
                    table.PrimaryKey("PK_KeyEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyEnterprises_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MediationOrganizations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nature = table.Column<int>(type: "INTEGER", nullable: false),
                    MediatorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CasesReceived = table.Column<int>(type: "INTEGER", nullable: false),
                    CasesSettled = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TownName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeaderName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationOrganizations", x => x.Id);
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EmployeeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewEnterpriseServices", x => x.Id);
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EmployeeCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WorkersConcerned = table.Column<int>(type: "INTEGER", nullable: true),
                    AmountRecovered = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
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
                    table.PrimaryKey("PK_PlanListEntries", x => x.Id);
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    CoordinatorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CertifiedCoordinatorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastViolationOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ViolationNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastCreditPunishmentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TownName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeaderName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialOrganizations_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WageGuidanceEnterprises",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EmployeeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WageGuidanceEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WageGuidanceEnterprises_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Mediators",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MediationOrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    WorkUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Education = table.Column<int>(type: "INTEGER", nullable: false),
                    ServingSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
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
                        name: "FK_Mediators_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Coordinators_RegionId_Year_Id",
                table: "Coordinators",
                columns: new[] { "RegionId", "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Coordinators_RegionId_Year_Name_Id",
                table: "Coordinators",
                columns: new[] { "RegionId", "Year", "Name", "Id" });

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
                name: "IX_HarmoniousEnterprises_Year_Id",
                table: "HarmoniousEnterprises",
                columns: new[] { "Year", "Id" });

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
                name: "IX_KeyEnterprises_Year_Id",
                table: "KeyEnterprises",
                columns: new[] { "Year", "Id" });

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
                name: "IX_MediationOrganizations_Year_Id",
                table: "MediationOrganizations",
                columns: new[] { "Year", "Id" });

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
                name: "IX_Mediators_Year_Id",
                table: "Mediators",
                columns: new[] { "Year", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Mediators_Year_IdNumberHash",
                table: "Mediators",
                columns: new[] { "Year", "IdNumberHash" },
                unique: true);

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
                name: "IX_NewEnterpriseServices_Year_Id",
                table: "NewEnterpriseServices",
                columns: new[] { "Year", "Id" });

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
                name: "IX_PlanListEntries_Year_Id",
                table: "PlanListEntries",
                columns: new[] { "Year", "Id" });

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
                name: "IX_SocialOrganizations_Year_CreditCode",
                table: "SocialOrganizations",
                columns: new[] { "Year", "CreditCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialOrganizations_Year_Id",
                table: "SocialOrganizations",
                columns: new[] { "Year", "Id" });

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
                name: "IX_WageGuidanceEnterprises_Year_Id",
                table: "WageGuidanceEnterprises",
                columns: new[] { "Year", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Coordinators");

            migrationBuilder.DropTable(
                name: "HarmoniousEnterprises");

            migrationBuilder.DropTable(
                name: "KeyEnterprises");

            migrationBuilder.DropTable(
                name: "Mediators");

            migrationBuilder.DropTable(
                name: "NewEnterpriseServices");

            migrationBuilder.DropTable(
                name: "PlanListEntries");

            migrationBuilder.DropTable(
                name: "SocialOrganizations");

            migrationBuilder.DropTable(
                name: "WageGuidanceEnterprises");

            migrationBuilder.DropTable(
                name: "MediationOrganizations");
        }
    }
}
