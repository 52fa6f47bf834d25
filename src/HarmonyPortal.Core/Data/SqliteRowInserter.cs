using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// SQLite's side of <see cref="BulkInsert"/>: one statement prepared on the connection's own handle and its values
/// bound by position. Microsoft.Data.Sqlite looks every parameter up by name and re-encodes it on every execution,
/// which cost more than SQLite's own insert and index work (about 60 µs a row for a ledger's 25 columns). Values are
/// stored as Microsoft.Data.Sqlite stores them (the same text for dates and decimals); a column of any other type
/// makes <see cref="CanBind"/> false and the caller uses the ADO.NET path.
/// </summary>
internal sealed class SqliteRowInserter : IDisposable
{
    private const int SqliteDone = 101;
    private readonly sqlite3 handle;
    private readonly sqlite3_stmt statement;

    public SqliteRowInserter(SqliteConnection connection, string sql)
    {
        handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(handle, sql, out statement));
    }

    private static readonly HashSet<Type> Bindable =
    [
        typeof(string), typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long), typeof(double), typeof(float),
        typeof(decimal), typeof(DateTime), typeof(DateOnly), typeof(byte[]),
    ];

    /// <summary>Whether every column's stored type is one this binder writes exactly as Microsoft.Data.Sqlite would.</summary>
    public static bool CanBind(IEnumerable<RelationalTypeMapping> mappings) =>
        mappings.All(m => Bindable.Contains(StoredType(m)));

    private static Type StoredType(RelationalTypeMapping mapping)
    {
        var type = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType) ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return type.IsEnum ? Enum.GetUnderlyingType(type) : type;
    }

    /// <summary>Binds one row's provider values (DBNull for null) by position and inserts it.</summary>
    public void Insert(ReadOnlySpan<object> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            Check(values[i] switch
            {
                DBNull => raw.sqlite3_bind_null(statement, index),
                string s => raw.sqlite3_bind_text(statement, index, s),
                bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
                byte n => raw.sqlite3_bind_int64(statement, index, n),
                short n => raw.sqlite3_bind_int64(statement, index, n),
                int n => raw.sqlite3_bind_int64(statement, index, n),
                long n => raw.sqlite3_bind_int64(statement, index, n),
                double d => raw.sqlite3_bind_double(statement, index, d),
                float f => raw.sqlite3_bind_double(statement, index, f),
                decimal m => raw.sqlite3_bind_text(statement, index, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
                DateTime t => raw.sqlite3_bind_text(statement, index, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
                var other => throw new NotSupportedException($"{other.GetType().Name} is not bound by {nameof(SqliteRowInserter)}."),
            });
        }

        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != SqliteDone)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), step, raw.sqlite3_extended_errcode(handle));
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result, raw.sqlite3_extended_errcode(handle));
        }
    }

    public void Dispose() => statement.Dispose();
}
