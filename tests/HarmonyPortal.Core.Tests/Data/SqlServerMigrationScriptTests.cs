using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Core.Tests.Data;

/// <summary>
/// What can be checked of SQL Server without an engine (docs/adr/0013): the model matches its migrations, and the
/// script a DBA would run parses as T-SQL, with the ledger counters' triggers in it. Whether SQL Server executes it
/// as intended is not tested here; docs/operations.md says what a deployer runs first.
/// </summary>
public sealed class SqlServerMigrationScriptTests(ITestOutputHelper output)
{
    [Fact]
    public void Model_HasNoChangesMissingFromTheSqlServerMigrations()
    {
        using var db = SqlServerScript.Context();

        Assert.Equal(HarmonyDatabase.SqlServerMigrationsAssembly, db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes without a SqlServer migration; run tools/add-migration.sh NAME.");
    }

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    public void WholeMigrationScript_ParsesAsSqlServer2022TSql_WithNoErrors(MigrationsSqlGenerationOptions options)
    {
        using var db = SqlServerScript.Context();
        var script = db.GetService<IMigrator>().GenerateScript(options: options);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (fragment, errors) = SqlServerScript.Parse(script);
        var parsing = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        Assert.True(errors.Count == 0, SqlServerScript.Describe(errors, script));
        output.WriteLine($"{options} script: {script.Length:N0} characters, {script.Split('\n').Length:N0} lines, "
            + $"{((TSqlScript)fragment).Batches.Count} batches, parsed in {parsing.TotalMilliseconds:N0} ms");
        var (_, innerErrors) = SqlServerScript.Triggers(fragment);
        Assert.True(innerErrors.Count == 0, "SQL inside EXEC(N'…'): " + string.Join("; ", innerErrors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        Assert.Contains(CreateTables(fragment), t => t.SchemaObjectName.BaseIdentifier.Value == "LedgerRowCounts");
    }

    [Fact]
    public void IdempotentScript_CreatesOneCounterTriggerPerLedgerTable_AfterInsertUpdateAndDelete_CountingUnderTheLedgersKey()
    {
        using var db = SqlServerScript.Context();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var (fragment, errors) = SqlServerScript.Parse(script);
        Assert.Empty(errors);

        var (triggers, innerErrors) = SqlServerScript.Triggers(fragment);

        Assert.Empty(innerErrors);
        Assert.Equal(LedgerCatalog.All.Count, triggers.Count);
        foreach (var ledger in LedgerCatalog.All)
        {
            var entity = db.Model.FindEntityType(ledger.NewRow().GetType())!;
            var table = entity.GetTableName()!;
            var trigger = Assert.Single(triggers, t => t.TriggerObject.Name.BaseIdentifier.Value == table);

            Assert.Equal(SqlServerModel.CounterTriggerName(table), trigger.Name.BaseIdentifier.Value);
            Assert.Equal(TriggerType.After, trigger.TriggerType);
            Assert.Equal(
                [TriggerActionType.Delete, TriggerActionType.Insert, TriggerActionType.Update],
                trigger.TriggerActions.Select(a => a.TriggerActionType).Order());
            // The counter rows it writes carry the ledger's key, as LedgerRollup reads them.
            Assert.Equal([ledger.Key], SqlServerScript.StringLiterals(trigger).Distinct());
            // EF knows the trigger, so it saves the table without the bare OUTPUT clause SQL Server refuses there.
            Assert.Equal([trigger.Name.BaseIdentifier.Value], entity.GetDeclaredTriggers().Select(t => t.GetDatabaseName()));
        }
    }

    [Fact]
    public void IdempotentScript_AltersEachCounterTriggerOnce_ToKeepTheUnconfirmedCount_UnderTheLedgersKey()
    {
        // ledger_counters_v2.sql (docs/adr/0042), parallel to SQLite's and PostgreSQL's: no engine runs it here.
        using var db = SqlServerScript.Context();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var (fragment, errors) = SqlServerScript.Parse(script);
        Assert.Empty(errors);

        var altered = SqlServerScript.AlteredTriggers(fragment);

        Assert.Equal(LedgerCatalog.All.Count, altered.Count);
        foreach (var ledger in LedgerCatalog.All)
        {
            var table = db.Model.FindEntityType(ledger.NewRow().GetType())!.GetTableName()!;
            var trigger = Assert.Single(altered, t => t.TriggerObject.Name.BaseIdentifier.Value == table);
            var tokens = trigger.LastTokenIndex - trigger.FirstTokenIndex + 1;
            var text = string.Concat(
                trigger.ScriptTokenStream.Skip(trigger.FirstTokenIndex).Take(tokens).Select(t => t.Text));

            Assert.Equal(SqlServerModel.CounterTriggerName(table), trigger.Name.BaseIdentifier.Value);
            Assert.Equal(
                [TriggerActionType.Delete, TriggerActionType.Insert, TriggerActionType.Update],
                trigger.TriggerActions.Select(a => a.TriggerActionType).Order());
            Assert.Equal([ledger.Key], SqlServerScript.StringLiterals(trigger).Distinct());
            Assert.Contains(
                "[Unconfirmed] = [c].[Unconfirmed] + [d].[UnconfirmedDelta]", text, StringComparison.Ordinal);
            Assert.Contains("CASE WHEN [Status] = 2 THEN 1 ELSE 0 END", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Model_HasNoTableReachedByTwoCascadingPaths_WhichSqlServerRefusesToCreate()
    {
        using var db = SqlServerScript.Context();
        var cascading = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull)
            .Select(fk => (Principal: fk.PrincipalEntityType.GetTableName()!, Dependent: fk.DeclaringEntityType.GetTableName()!))
            .ToList();

        foreach (var root in cascading.Select(c => c.Principal).Distinct())
        {
            var paths = new Dictionary<string, int>();
            var stack = new Stack<(string Table, string[] Path)>([(root, [root])]);
            while (stack.Count > 0)
            {
                var (table, path) = stack.Pop();
                foreach (var dependent in cascading.Where(c => c.Principal == table).Select(c => c.Dependent))
                {
                    Assert.False(path.Contains(dependent), $"Cascade cycle: {string.Join(" → ", path)} → {dependent}");
                    paths[dependent] = paths.GetValueOrDefault(dependent) + 1;
                    stack.Push((dependent, [.. path, dependent]));
                }
            }

            Assert.All(paths, p => Assert.True(p.Value == 1, $"{p.Key} is reached from {root} by {p.Value} cascading paths."));
        }
    }

    [Fact]
    public void EveryTextColumnTheScriptCreates_CarriesTheCaseAndWidthSensitiveChineseCollation()
    {
        using var db = SqlServerScript.Context();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var columns = CreateTables(SqlServerScript.Parse(script).Fragment)
            .SelectMany(t => t.Definition.ColumnDefinitions.Select(c => (Table: t.SchemaObjectName.BaseIdentifier.Value, Column: c)))
            .Where(c => c.Column.DataType is SqlDataTypeReference { SqlDataTypeOption: SqlDataTypeOption.NVarChar })
            .Where(c => c.Table != "__EFMigrationsHistory") // EF's own table: migration names, compared with literals only
            .ToList();

        Assert.True(columns.Count > 100, $"{columns.Count} nvarchar columns");
        Assert.All(columns, c => Assert.True(c.Column.Collation?.Value == SqlServerModel.Collation,
            $"{c.Table}.{c.Column.ColumnIdentifier.Value} has collation {c.Column.Collation?.Value ?? "(database default)"}"));
    }

    private static List<CreateTableStatement> CreateTables(TSqlFragment fragment)
    {
        var collector = new CreateTableCollector();
        fragment.Accept(collector);
        return collector.Tables;
    }

    private sealed class CreateTableCollector : TSqlFragmentVisitor
    {
        public List<CreateTableStatement> Tables { get; } = [];

        public override void Visit(CreateTableStatement node) => Tables.Add(node);
    }
}
