using HarmonyPortal.Core.CodeLists;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HarmonyPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    /// <remarks>Data only: stored 民族, 学历 and 所属行业 names become their national codes (ADR 0023); unknown values stay as they are.</remarks>
    public partial class NationalCodeLists20 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => CodeListMigration.Up(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => CodeListMigration.Down(migrationBuilder);
    }
}
