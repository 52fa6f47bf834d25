using HarmonyPortal.Core.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HarmonyPortal.Core.Tests.Data;

/// <summary>
/// SQL Server's side of the tests, without an engine (none runs here, docs/adr/0013): a context on SQL Server whose
/// connection is never opened, and T-SQL parsed by ScriptDom's SQL Server 2022 parser.
/// </summary>
internal static class SqlServerScript
{
    /// <summary>A host that cannot resolve: anything that tried to connect would fail, not pass.</summary>
    public const string UnopenedConnection = "Server=sqlserver.invalid;Database=harmony;User Id=harmony;Password=unused;Encrypt=true;Connect Timeout=1";

    public static HarmonyDbContext Context() => new(HarmonyDatabase.Options(DatabaseProvider.SqlServer, UnopenedConnection));

    /// <summary>Parses <paramref name="sql"/> (GO separates batches) with quoted identifiers on, as SqlClient and EF run it.</summary>
    public static (TSqlFragment Fragment, IList<ParseError> Errors) Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        return (fragment, errors);
    }

    public static string Describe(IEnumerable<ParseError> errors, string sql)
    {
        var lines = sql.Split('\n');
        return string.Join("\n", errors.Take(10).Select(e =>
            $"line {e.Line}, column {e.Column}: {e.Message} near: {(e.Line - 1 < lines.Length ? lines[e.Line - 1].Trim() : "")}"));
    }

    /// <summary>
    /// Every CREATE TRIGGER in a parsed script, including those EF wraps in <c>EXEC(N'…')</c> in an idempotent script
    /// (their text is parsed too; its parse errors are returned).
    /// </summary>
    public static (List<CreateTriggerStatement> Triggers, List<ParseError> Errors) Triggers(TSqlFragment fragment)
    {
        var collector = new TriggerCollector();
        fragment.Accept(collector);
        return (collector.Triggers, collector.Errors);
    }

    /// <summary>Every ALTER TRIGGER in a parsed script, including those inside <c>EXEC(N'…')</c>.</summary>
    public static List<AlterTriggerStatement> AlteredTriggers(TSqlFragment fragment)
    {
        var collector = new TriggerCollector();
        fragment.Accept(collector);
        return collector.Altered;
    }

    /// <summary>The string literals inside a fragment (a trigger's ledger key).</summary>
    public static List<string> StringLiterals(TSqlFragment fragment)
    {
        var collector = new LiteralCollector();
        fragment.Accept(collector);
        return collector.Values;
    }

    private sealed class TriggerCollector : TSqlFragmentVisitor
    {
        public List<CreateTriggerStatement> Triggers { get; } = [];

        public List<ParseError> Errors { get; } = [];

        public List<AlterTriggerStatement> Altered { get; } = [];

        public override void Visit(CreateTriggerStatement node) => Triggers.Add(node);

        public override void Visit(AlterTriggerStatement node) => Altered.Add(node);

        public override void Visit(ExecuteStatement node)
        {
            if (node.ExecuteSpecification?.ExecutableEntity is not ExecutableStringList list)
            {
                return;
            }

            var text = string.Concat(list.Strings.OfType<StringLiteral>().Select(s => s.Value));
            var (inner, errors) = Parse(text);
            Errors.AddRange(errors);
            inner.Accept(this);
        }
    }

    private sealed class LiteralCollector : TSqlFragmentVisitor
    {
        public List<string> Values { get; } = [];

        public override void Visit(StringLiteral node) => Values.Add(node.Value);
    }
}
