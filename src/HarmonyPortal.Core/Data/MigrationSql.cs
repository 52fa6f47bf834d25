using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HarmonyPortal.Core.Data;

/// <summary>
/// Hand-written SQL that a migration runs (triggers, functions), kept as embedded <c>Sql/NAME.sql</c> files in the
/// provider's migrations assembly and named after what they create, so a reader finds them by name (docs/adr/0029).
/// </summary>
public static partial class MigrationSql
{
    /// <summary>
    /// Runs the embedded file <c>Sql/<paramref name="fileName"/></c> of <paramref name="migrations"/>. On SQL Server
    /// the file's GO-separated batches each run as <c>EXEC(N'…')</c>: CREATE TRIGGER must begin its batch, and EF's
    /// idempotent script wraps every statement in IF … BEGIN … END.
    /// </summary>
    public static void SqlFile(this MigrationBuilder migrationBuilder, Assembly migrations, string fileName)
    {
        var sql = Read(migrations, fileName);
        if (migrationBuilder.ActiveProvider?.Contains("SqlServer", StringComparison.Ordinal) != true)
        {
            migrationBuilder.Sql(sql);
            return;
        }

        foreach (var batch in GoSeparator().Split(sql).Where(b => !IsOnlyComments(b)))
        {
            migrationBuilder.Sql("EXEC(N'" + batch.Trim().Replace("'", "''", StringComparison.Ordinal) + "');");
        }
    }

    /// <summary>The text of the embedded file <c>Sql/<paramref name="fileName"/></c>; throws if there is
    /// none.</summary>
    public static string Read(Assembly migrations, string fileName)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var name = "Sql/" + fileName;
        using var stream = migrations.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{migrations.GetName().Name} embeds no {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool IsOnlyComments(string batch) =>
        batch.Split('\n').All(line =>
            line.Trim().Length == 0 || line.TrimStart().StartsWith("--", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoSeparator();
}
