using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Core.Tests.Input;

/// <summary>
/// Every free-text ledger field is refused by its own length check before the column would refuse it
/// (PostgreSQL varchar(n) throws; SQLite keeps the whole text), and every number fits its column.
/// </summary>
public sealed class LedgerFieldLimitTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    public static TheoryData<string, string> TextFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var definition in LedgerCatalog.All)
        {
            foreach (var field in definition.Fields.Where(f => f.Kind is FieldKind.Text or FieldKind.LongText))
            {
                data.Add(definition.Key, field.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void ATextFieldsLimit_IsNoLongerThanItsColumn_OnBothProviders(string ledger, string key)
    {
        var definition = LedgerCatalog.Find(ledger)!;
        var field = definition.Fields.Single(f => f.Key == key);
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            using var db = new HarmonyDbContext(HarmonyDatabase.Options(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost"));
            var column = db.Model.FindEntityType(definition.NewRow().GetType())!.FindProperty(key);
            if (column is null)
            {
                continue; // a reference by name (a mediator's organisation) is not stored as text
            }

            var max = column.GetMaxLength();
            Assert.True(max is null || field.MaxLength <= max, $"{ledger}.{key}: the form accepts {field.MaxLength} characters, the column {max}");
        }
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void OneCharacterOverTheLimit_IsRefusedWithTheHeaderAndTheLimit(string ledger, string key)
    {
        var field = LedgerCatalog.Find(ledger)!.Fields.Single(f => f.Key == key);

        Assert.False(FieldValues.TryParse(field, new string('长', field.MaxLength + 1), Today, out _, out var error));
        Assert.Equal($"{field.Header}：不能超过 {field.MaxLength} 个字，实际 {field.MaxLength + 1} 个", error);
        Assert.True(FieldValues.TryParse(field, new string('长', field.MaxLength), Today, out _, out _));
    }

    [Theory]
    [InlineData("1000000000000", "“1000000000000”超出范围")]
    [InlineData("99999999999999999999999", "超出范围")]
    [InlineData("12.345", "最多两位小数")]
    [InlineData("-1", "不能为负数")]
    public void AMoneyValueTheColumnCannotHold_IsRefused(string text, string expected)
    {
        var field = LedgerCatalog.All.SelectMany(d => d.Fields).First(f => f.Kind == FieldKind.Money);

        Assert.False(FieldValues.TryParse(field, text, Today, out _, out var error));
        Assert.StartsWith(field.Header + "：", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLargestMoneyValueTheColumnHolds_IsAccepted()
    {
        var field = LedgerCatalog.All.SelectMany(d => d.Fields).First(f => f.Kind == FieldKind.Money);

        Assert.True(FieldValues.TryParse(field, "999,999,999,999.99", Today, out var value, out _));
        Assert.Equal(999_999_999_999.99m, value);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("0")]
    [InlineData("-1")]
    public void AnEnumerationFieldGivenANumberOrAnUnknownText_IsRefused_NeverDefaulted(string text)
    {
        foreach (var field in LedgerCatalog.All.SelectMany(d => d.Fields).Where(f => f.Kind == FieldKind.Enum))
        {
            Assert.False(FieldValues.TryParse(field, text, Today, out var value, out var error));
            Assert.Null(value);
            Assert.StartsWith($"{field.Header}：“{text}”不是可选值", error, StringComparison.Ordinal);
        }
    }
}
