using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HarmonyPortal.Core.CodeLists;

/// <summary>
/// The data migration NationalCodeLists20 (the same for every provider): stored names become codes — 民族 to GB/T 3304,
/// 学历 (1 … 8) to GB/T 4658, 所属行业 to GB/T 4754 where the text is a 门类 or 大类 name (or "code name"). Anything else
/// is kept as it is, so nothing is lost; <see cref="Down"/> turns the codes back into names.
/// </summary>
public static class CodeListMigration
{
    private static readonly string[] PersonTables = ["Coordinators", "Mediators"];
    private static readonly string[] IndustryTables = ["KeyEnterprises", "LargeEnterprises"];

    /// <summary>学历 as stored before (the enumeration's old numbers) and the GB/T 4658 code it became.</summary>
    public static IReadOnlyList<(int Old, int Code)> EducationCodes { get; } =
        [(1, 80), (2, 70), (3, 60), (4, 40), (5, 30), (6, 20), (7, 14), (8, 11)];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        var n = Prefix(migrationBuilder);
        var ethnicities = NationalCodeLists.Ethnicities.Items
            .SelectMany(i => i.Name.EndsWith('族') && i.Name.Length >= 2 ? new[] { (i.Name, i.Code), (i.Name[..^1], i.Code) } : [(i.Name, i.Code)])
            .ToList();
        var industries = NationalCodeLists.Industries.Items
            .SelectMany(i => new[] { (From: i.Name, To: i.Code), (From: CodeList.Choice(i), To: i.Code) })
            .GroupBy(p => p.From).Select(g => (g.Key, NationalCodeLists.Industries.Find(g.Key)!.Code)) // 房地产业 → 70, not K
            .ToList();
        foreach (var table in PersonTables)
        {
            migrationBuilder.Sql(Update(table, "Ethnicity", ethnicities, n));
            migrationBuilder.Sql(UpdateNumbers(table, "Education", EducationCodes.Select(e => (e.Old, e.Code))));
        }

        foreach (var table in IndustryTables)
        {
            migrationBuilder.Sql(Update(table, "Industry", industries, n));
        }
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        var n = Prefix(migrationBuilder);
        foreach (var table in PersonTables)
        {
            migrationBuilder.Sql(Update(table, "Ethnicity", NationalCodeLists.Ethnicities.Items.Select(i => (i.Code, i.Name)), n));
            migrationBuilder.Sql(UpdateNumbers(table, "Education", EducationCodes.Select(e => (e.Code, e.Old))));
        }

        foreach (var table in IndustryTables)
        {
            migrationBuilder.Sql(Update(table, "Industry", NationalCodeLists.Industries.Items.Select(i => (i.Code, i.Name)), n));
        }
    }

    /// <summary>SQL Server needs N'…' for text outside its code page; SQLite does not know the prefix.</summary>
    private static string Prefix(MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider?.Contains("SqlServer", StringComparison.Ordinal) == true ? "N" : "";

    private static string Update(string table, string column, IEnumerable<(string From, string To)> pairs, string n)
    {
        var list = pairs.ToList();
        var sql = new StringBuilder($"UPDATE \"{table}\" SET \"{column}\" = CASE \"{column}\"");
        foreach (var (from, to) in list)
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {n}'{Quote(from)}' THEN {n}'{Quote(to)}'");
        }

        sql.Append(CultureInfo.InvariantCulture, $" ELSE \"{column}\" END WHERE \"{column}\" IN ({string.Join(", ", list.Select(p => $"{n}'{Quote(p.From)}'"))})");
        return sql.ToString();
    }

    private static string UpdateNumbers(string table, string column, IEnumerable<(int From, int To)> pairs)
    {
        var list = pairs.ToList();
        var cases = string.Concat(list.Select(p => string.Create(CultureInfo.InvariantCulture, $" WHEN {p.From} THEN {p.To}")));
        return $"UPDATE \"{table}\" SET \"{column}\" = CASE \"{column}\"{cases} ELSE \"{column}\" END WHERE \"{column}\" IN ({string.Join(", ", list.Select(p => p.From.ToString(CultureInfo.InvariantCulture)))})";
    }

    private static string Quote(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
