using System.Globalization;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using HarmonyPortal.Core.Notifications;
using HarmonyPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace HarmonyPortal.Core.Tests.Data;

/// <summary>Every place the portal chooses by provider picks SQL Server's path when configured for it (docs/adr/0013).</summary>
public sealed class SqlServerProviderSelectionTests
{
    [Theory]
    [InlineData("SqlServer")]
    [InlineData("sqlserver")]
    [InlineData(" MSSQL ")]
    public void DatabaseProviderSetting_NamesSqlServer(string setting) =>
        Assert.Equal(DatabaseProvider.SqlServer, HarmonyDatabase.ParseProvider(setting));

    [Fact]
    public void UnknownProviderSetting_IsRefused_NamingTheThreeThatExist()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HarmonyDatabase.ParseProvider("Oracle"));

        Assert.Equal("Database:Provider 'Oracle' is not supported; use 'Sqlite', 'Postgres' or 'SqlServer'.", error.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db", HarmonyDatabase.SqliteMigrationsAssembly)]
    [InlineData(DatabaseProvider.Postgres, "Host=postgres.invalid;Database=harmony", HarmonyDatabase.PostgresMigrationsAssembly)]
    [InlineData(DatabaseProvider.SqlServer, SqlServerScript.UnopenedConnection, HarmonyDatabase.SqlServerMigrationsAssembly)]
    public void ConfiguredProvider_RunsOnItsOwnEngine_WithItsOwnMigrations(DatabaseProvider provider, string connection, string migrations)
    {
        using var db = new HarmonyDbContext(HarmonyDatabase.Options(provider, connection));

        Assert.Equal(provider, HarmonyDatabase.ProviderOf(db.Database));
        Assert.Equal(provider == DatabaseProvider.SqlServer, db.Database.IsSqlServer());
        Assert.Equal(migrations, db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=postgres.invalid;Database=harmony")]
    public void SqlServersTriggersAndCollation_StayOutOfTheOtherProvidersModels(DatabaseProvider provider, string connection)
    {
        using var db = new HarmonyDbContext(HarmonyDatabase.Options(provider, connection));

        var model = db.GetService<IDesignTimeModel>().Model;

        Assert.Empty(model.GetEntityTypes().SelectMany(e => e.GetDeclaredTriggers()));
        Assert.All(model.GetEntityTypes().SelectMany(e => e.GetProperties()), p => Assert.Null(p.GetCollation()));
    }

    [Fact]
    public void BulkInsert_OnSqlServer_StaysUnderItsParameterAndRowCaps_ForEveryLedgerTable()
    {
        using var db = SqlServerScript.Context();

        foreach (var ledger in LedgerCatalog.All)
        {
            var entity = db.Model.FindEntityType(ledger.NewRow().GetType())!;
            var columns = entity.GetProperties().Count(p => !p.IsPrimaryKey());
            var rows = BulkInsert.RowsPerStatement(DatabaseProvider.SqlServer, columns);

            Assert.InRange(rows * columns, columns, 2_100);
            Assert.InRange(rows, 50, 1_000);
        }

        // One-column rows would pass 2,000 parameters but not SQL Server's 1,000 rows per VALUES list.
        Assert.Equal(1_000, BulkInsert.RowsPerStatement(DatabaseProvider.SqlServer, 1));
        Assert.False(BulkInsert.ReusesPreparedCommand(DatabaseProvider.SqlServer));
        Assert.True(BulkInsert.ReusesPreparedCommand(DatabaseProvider.Postgres));
        Assert.Equal(1, BulkInsert.RowsPerStatement(DatabaseProvider.Sqlite, 25));
        Assert.Equal(320, BulkInsert.RowsPerStatement(DatabaseProvider.Postgres, 25));
    }

    [Fact]
    public void NotificationInsert_OnSqlServer_IsTSqlThatSkipsAnExistingKey_WithoutOnConflict()
    {
        var statement = NotificationInsert.UnlessDuplicate(DatabaseProvider.SqlServer, "user-1", "标题", null, "/notifications", DateTime.UtcNow, "reminder:2026");
        var sql = string.Format(CultureInfo.InvariantCulture, statement.Format,
            Enumerable.Range(0, statement.ArgumentCount).Select(i => (object)("@p" + i.ToString(CultureInfo.InvariantCulture))).ToArray());

        var (fragment, errors) = SqlServerScript.Parse(sql);

        Assert.True(errors.Count == 0, SqlServerScript.Describe(errors, sql));
        var insert = Assert.IsType<InsertStatement>(Assert.Single(Assert.Single(((TSqlScript)fragment).Batches).Statements));
        Assert.Equal("Notifications", ((NamedTableReference)insert.InsertSpecification.Target).SchemaObject.BaseIdentifier.Value);
        var select = Assert.IsType<SelectInsertSource>(insert.InsertSpecification.InsertSource);
        Assert.Contains("NOT EXISTS", sql, StringComparison.Ordinal);
        Assert.NotNull(((QuerySpecification)select.Select).WhereClause);
        Assert.DoesNotContain("ON CONFLICT", sql, StringComparison.Ordinal);
        Assert.Equal(["user-1", "标题", null, "/notifications", "reminder:2026", "reminder:2026", "user-1", "reminder:2026"],
            statement.GetArguments().Where(a => a is not DateTime).Select(a => (string?)a));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void NotificationInsert_OnSqliteAndPostgres_KeepsOnConflictDoNothing(DatabaseProvider provider)
    {
        var statement = NotificationInsert.UnlessDuplicate(provider, "user-1", "标题", null, "/notifications", DateTime.UtcNow, "reminder:2026");

        Assert.Contains("ON CONFLICT (\"UserId\", \"DedupKey\") DO NOTHING", statement.Format, StringComparison.Ordinal);
    }

    [Fact]
    public void LedgerListSearches_TranslateToTSql_ComparingUnderTheColumnsOwnCollation()
    {
        using var db = SqlServerScript.Context();

        foreach (var ledger in LedgerCatalog.All)
        {
            foreach (var by in new[] { LedgerSearch.ByName }.Concat(LedgerSearch.Targets(ledger).Select(t => t.By)))
            {
                var query = new LedgerListQuery { Year = 2026, RegionId = 7, Status = LedgerRowStatus.Active, Q = "和谐 abc", By = by };
                query.AllowPhoneSearchIn(7);
                var sql = ledger.Filter(ledger.Rows(db), query, null).ToQueryString();

                // The parameters' DECLAREs come first; the query itself must parse as T-SQL.
                var (_, errors) = SqlServerScript.Parse(sql);
                Assert.True(errors.Count == 0, $"{ledger.Key} by {by}: " + SqlServerScript.Describe(errors, sql));
                Assert.Contains("LIKE", sql, StringComparison.Ordinal);
                // No COLLATE in the query: the comparison is the column's, case- and width-sensitive (SqlServerModel).
                Assert.DoesNotContain("COLLATE", sql, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void BulkInsert_OnSqlServer_SendsParsableStatements_WithEveryTextValueWhole()
    {
        using var db = SqlServerScript.Context();
        var connection = db.Database.GetDbConnection(); // never opened

        foreach (var ledger in LedgerCatalog.All)
        {
            var rows = Enumerable.Range(0, 1_200).Select(_ => TestLedgerRows.Create(ledger, 7, 2026, mediationOrganizationId: 3)).ToList();
            rows[^1].Name = new string('名', 100); // a name as long as the column allows
            var columns = db.Model.FindEntityType(rows[0].GetType())!.GetProperties().Count(p => !p.IsPrimaryKey());
            var perStatement = BulkInsert.RowsPerStatement(DatabaseProvider.SqlServer, columns);

            using var command = BulkInsert.SqlServerStatement(db, connection, rows, rows.Count - perStatement, perStatement);

            var (fragment, errors) = SqlServerScript.Parse(command.CommandText);
            Assert.True(errors.Count == 0, $"{ledger.Key}: " + SqlServerScript.Describe(errors, command.CommandText));
            var insert = Assert.IsType<InsertStatement>(Assert.Single(Assert.Single(((TSqlScript)fragment).Batches).Statements));
            Assert.Equal(perStatement, ((ValuesInsertSource)insert.InsertSpecification.InsertSource).RowValues.Count);
            Assert.InRange(command.Parameters.Count, 1, 2_100);
            Assert.All(command.Parameters.Cast<System.Data.Common.DbParameter>().Where(p => p.Value is string),
                p => Assert.True(p.Size == -1 || p.Size >= ((string)p.Value!).Length, $"{ledger.Key} {p.ParameterName}: size {p.Size} cuts a value of {((string)p.Value!).Length}"));
            Assert.Contains(command.Parameters.Cast<System.Data.Common.DbParameter>(), p => Equals(p.Value, rows[^1].Name));
        }
    }
}
