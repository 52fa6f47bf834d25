using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// SQLite's side of <see cref="BulkInsert"/>: one statement prepared on the connection's own handle and its values
/// bound by position. Microsoft.Data.Sqlite looks every parameter up by name and re-encodes it on every execution,
/// which cost more than SQLite's own insert and index work (about 60 µs a row for a ledger's 25 columns). Values are
/// stored as Microsoft.Data.Sqlite stores them (the same text for dates and decimals); a column of any other type
/// makes <see cref="CanBind"/> false and the caller uses the ADO.NET path. Text is encoded to UTF-8 (as the driver
/// encodes it) into one reused buffer, not into a new array per value.
/// </summary>
internal sealed class SqliteRowInserter : IDisposable
{
    private const int SqliteDone = 101;
    private readonly sqlite3 handle;
    private readonly sqlite3_stmt statement;

    /// <summary>The last date-time bound and its text: an import's rows share their creation and update stamps.
    /// </summary>
    private (DateTime Value, string Text) lastTime = (DateTime.MinValue, "");

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

    /// <summary>
    /// What each parameter holds since the last execution: SQLite keeps a statement's bindings across its reset, so a
    /// value equal to the last one in its place (an import's region, year, unit, status, stamps, user and empty
    /// columns, about half of a ledger row) is not bound again. Only values whose equality means the same stored bytes
    /// are remembered.
    /// </summary>
    private object?[] bound = [];

    /// <summary>Binds the statement's provider values (DBNull for null; a row's columns, row after row) by position and
    /// runs it.</summary>
    public void Insert(ReadOnlySpan<object> values)
    {
        if (bound.Length != values.Length)
        {
            bound = new object?[values.Length];
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (bound[i] is { } last && SameStored(last, values[i]))
            {
                continue;
            }

            bound[i] = null;
            var index = i + 1;
            Check(values[i] switch
            {
                DBNull => raw.sqlite3_bind_null(statement, index),
                string s => BindText(index, s),
                bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
                byte n => raw.sqlite3_bind_int64(statement, index, n),
                short n => raw.sqlite3_bind_int64(statement, index, n),
                int n => raw.sqlite3_bind_int64(statement, index, n),
                long n => raw.sqlite3_bind_int64(statement, index, n),
                double d => raw.sqlite3_bind_double(statement, index, d),
                float f => raw.sqlite3_bind_double(statement, index, f),
                decimal m => raw.sqlite3_bind_text(statement, index, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
                DateTime t => BindText(index, TimeText(t)),
                DateOnly d => BindDate(index, d),
                byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
                var other => throw new NotSupportedException($"{other.GetType().Name} is not bound by {nameof(SqliteRowInserter)}."),
            });
            bound[i] = Remembered(values[i]) ? values[i] : null;
        }

        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != SqliteDone)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), step, raw.sqlite3_extended_errcode(handle));
        }
    }

    /// <summary>Equal values of these types are bound as the same bytes (not so for doubles: 0.0 and -0.0).</summary>
    private static bool Remembered(object value) =>
        value is DBNull or string or bool or byte or short or int or long or DateTime or DateOnly;

    private static bool SameStored(object last, object value) => ReferenceEquals(last, value) || value switch
    {
        string s => last is string t && string.Equals(s, t, StringComparison.Ordinal),
        DateTime t => last is DateTime u && t.Ticks == u.Ticks,
        _ => Remembered(value) && value.GetType() == last.GetType() && value.Equals(last),
    };

    private byte[] utf8 = new byte[1024];

    private int BindText(int index, string text)
    {
        if (text.Length == 0)
        {
            return raw.sqlite3_bind_text(statement, index, text); // an empty span is a null pointer: SQL NULL, not ''
        }

        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > utf8.Length)
        {
            utf8 = new byte[Math.Max(most, utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, utf8);
        return raw.sqlite3_bind_text(statement, index, utf8.AsSpan(0, length));
    }

    private int BindDate(int index, DateOnly date)
    {
        date.TryFormat(utf8, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text(statement, index, utf8.AsSpan(0, length));
    }

    private string TimeText(DateTime time)
    {
        if (time != lastTime.Value)
        {
            lastTime = (time, time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        }

        return lastTime.Text;
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
