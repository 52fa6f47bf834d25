using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// Inserts many new rows of one mapped type in multi-row INSERT statements, inside the context's current transaction,
/// without the change tracker: what an import of 100,000 rows needs (EF's SaveChanges spends most of its time
/// tracking, batching and reading back generated keys, none of which an import uses). Columns, names and parameter
/// types come from the EF model, so the rows are stored exactly as SaveChanges would store them; the generated keys
/// are not read back.
/// </summary>
public static class BulkInsert
{
    /// <summary>Parameters per statement, well under SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    private const int ParametersPerStatement = 8_000;

    /// <summary>SQL Server takes at most 2,100 parameters in one request (EF's own batches stop at 2,098).</summary>
    private const int SqlServerParametersPerStatement = 2_000;

    /// <summary>SQL Server takes at most 1,000 rows in one VALUES list.</summary>
    private const int SqlServerRowsPerStatement = 1_000;

    /// <summary>
    /// Rows per INSERT statement for a provider and a table's column count. SQLite: one prepared single-row statement,
    /// executed per row (it binds parameters by a linear name lookup, so a statement with thousands of them costs
    /// quadratic time). PostgreSQL: thousands of parameters per round trip. SQL Server: under its parameter and row caps.
    /// </summary>
    internal static int RowsPerStatement(DatabaseProvider provider, int columns) => provider switch
    {
        DatabaseProvider.Sqlite => 1,
        DatabaseProvider.SqlServer => Math.Clamp(SqlServerParametersPerStatement / columns, 1, SqlServerRowsPerStatement),
        _ => Math.Max(1, ParametersPerStatement / columns),
    };

    /// <summary>
    /// Whether one prepared command is reused with new values. Not on SQL Server: SqlClient cuts a string value to the
    /// size its parameter was created with, so each statement's parameters are created with their values, as EF's
    /// SaveChanges creates them (sizes 4,000 or max), and SqlClient's sp_executesql reuses the plan by its text.
    /// </summary>
    internal static bool ReusesPreparedCommand(DatabaseProvider provider) => provider != DatabaseProvider.SqlServer;

    public static async Task InsertAsync<TEntity>(this DbContext db, IReadOnlyList<TEntity> rows, CancellationToken ct = default)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var type = rows[0].GetType();
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
        if (rows.Any(r => r.GetType() != type))
        {
            throw new ArgumentException("Every row must be of the same mapped type.", nameof(rows));
        }

        var (columns, mappings, getters, head, sql) = Describe(db, entity);

        var provider = HarmonyDatabase.ProviderOf(db.Database);
        var perStatement = RowsPerStatement(provider, columns.Length);
        var reuse = ReusesPreparedCommand(provider);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk insert runs inside the caller's transaction, so that it is all or nothing.");

        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite && SqliteRowInserter.CanBind(mappings))
        {
            InsertByPosition(sqlite, head, rows, mappings, getters, ct);
            return;
        }

        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var into = Into(sql, table, columns);
            await PostgresRowCopier.CopyAsync(npgsql, into, mappings, rows, getters, ProviderValue, ct);
            return;
        }

        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (!reuse)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    var first = start;
                    command = Create(connection, transaction, sql, head, mappings, columns, count, (r, c) => getters[c].GetClrValueUsingContainingEntity(rows[first + r]));
                }
                else
                {
                    if (command is null || command.Parameters.Count != count * columns.Length)
                    {
                        if (command is not null)
                        {
                            await command.DisposeAsync();
                        }

                        command = Create(connection, transaction, sql, head, mappings, columns, count, values: null);
                        command.Prepare();
                    }

                    for (var r = 0; r < count; r++)
                    {
                        for (var c = 0; c < columns.Length; c++)
                        {
                            command.Parameters[r * columns.Length + c].Value = ProviderValue(mappings[c], getters[c].GetClrValueUsingContainingEntity(rows[start + r]));
                        }
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>The columns written (all but a generated key), their mappings and getters, and the statement's head.</summary>
    private static (IProperty[] Columns, RelationalTypeMapping[] Mappings, IClrPropertyGetter[] Getters, string Head, ISqlGenerationHelper Sql) Describe(
        DbContext db, IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToArray();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{entity.ClrType.Name}.{shadow.Name} is a shadow property; bulk insert reads CLR properties only.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var mappings = columns.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        var getters = columns.Select(p => p.GetGetter()).ToArray();
        var head = $"INSERT INTO {Into(sql, table, columns)} VALUES ";
        return (columns, mappings, getters, head, sql);
    }

    /// <summary>The table and its column list, each name delimited by the provider: what an INSERT or a COPY names.
    /// </summary>
    internal static string Into(ISqlGenerationHelper sql, StoreObjectIdentifier table, IEnumerable<IProperty> columns)
    {
        var names = columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!));
        return $"{sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)})";
    }

    /// <summary>
    /// The statement <see cref="InsertAsync"/> sends SQL Server for <paramref name="count"/> rows from <paramref name="start"/>,
    /// on a connection that need not be open: what the tests read, no SQL Server running here (docs/adr/0013).
    /// </summary>
    internal static DbCommand SqlServerStatement<TEntity>(DbContext db, DbConnection connection, IReadOnlyList<TEntity> rows, int start, int count)
        where TEntity : class
    {
        var entity = db.Model.FindEntityType(rows[0].GetType()) ?? throw new InvalidOperationException($"{rows[0].GetType().Name} is not mapped.");
        var (columns, mappings, getters, head, sql) = Describe(db, entity);
        return Create(connection, null, sql, head, mappings, columns, count, (r, c) => getters[c].GetClrValueUsingContainingEntity(rows[start + r]));
    }

    /// <summary>
    /// Rows per statement of the SQLite path. One row per statement made each row its own statement, and with the
    /// ledgers' AFTER INSERT counter trigger (ADR 0010) each such statement opens its own statement journal: a third
    /// of the insert's CPU at 100,000 rows (the bench's insert floor, h-imp4). 32 rows of a ledger's 25–30 columns stay
    /// far under SQLite's 32,766 parameters.
    /// </summary>
    internal const int SqliteRowsPerStatement = 32;

    private static void InsertByPosition<TEntity>(Microsoft.Data.Sqlite.SqliteConnection connection, string head,
        IReadOnlyList<TEntity> rows, RelationalTypeMapping[] mappings, IClrPropertyGetter[] getters, CancellationToken ct)
        where TEntity : class
    {
        var width = mappings.Length;
        var perStatement = rows.Count >= SqliteRowsPerStatement ? SqliteRowsPerStatement : 1;
        using var inserter = new SqliteRowInserter(connection, Positional(head, width, perStatement));
        using var single = perStatement == 1 ? null : new SqliteRowInserter(connection, Positional(head, width, 1));
        var values = new object[width * perStatement];
        var whole = rows.Count - rows.Count % perStatement;
        for (var r = 0; r < rows.Count; r++)
        {
            ct.ThrowIfCancellationRequested();
            var at = r < whole ? r % perStatement * width : 0;
            for (var c = 0; c < width; c++)
            {
                values[at + c] = ProviderValue(mappings[c], getters[c].GetClrValueUsingContainingEntity(rows[r]));
            }

            if (r >= whole)
            {
                (single ?? inserter).Insert(values.AsSpan(0, width)); // the last rows, fewer than a statement's
            }
            else if (at + width == values.Length)
            {
                inserter.Insert(values);
            }
        }
    }

    /// <summary>An INSERT of <paramref name="count"/> rows whose values are bound by position (?1, ?2, …).</summary>
    private static string Positional(string head, int width, int count)
    {
        var text = new System.Text.StringBuilder(head);
        for (var r = 0; r < count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                text.Append(c == 0 ? "?" : ", ?").Append(r * width + c + 1);
            }

            text.Append(')');
        }

        return text.ToString();
    }

    /// <summary>An INSERT of <paramref name="rows"/> rows; its parameters hold <paramref name="values"/> (CLR values, converted by
    /// their mappings as EF does) or, without them, null until the caller sets provider values.</summary>
    private static DbCommand Create(DbConnection connection, DbTransaction? transaction, ISqlGenerationHelper sql, string head,
        RelationalTypeMapping[] mappings, IProperty[] columns, int rows, Func<int, int, object?>? values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(head);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = "p" + command.Parameters.Count;
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                command.Parameters.Add(mappings[c].CreateParameter(command, sql.GenerateParameterName(name), values?.Invoke(r, c), columns[c].IsNullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        return command;
    }

    /// <summary>The value as the provider stores it: through the property's converter, enums as their numbers.</summary>
    private static object ProviderValue(RelationalTypeMapping mapping, object? value)
    {
        value = mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        return value switch
        {
            null => DBNull.Value,
            Enum e => Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}
