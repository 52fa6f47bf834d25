using HarmonyPortal.Core.CodeLists;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Definitions;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers;

/// <summary>The shipped code lists are the standards' (GB/T 3304-1991, GB/T 4658-2006, GB/T 4754-2017) and fields read them by name or code.</summary>
public sealed class NationalCodeListsTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static object? Parsed(string ledger, string key, string text)
    {
        var field = LedgerCatalog.Find(ledger)!.Fields.Single(f => f.Key == key);
        Assert.True(FieldValues.TryParse(field, text, Today, out var value, out var error), error);
        return value;
    }

    private static string Refused(string ledger, string key, string text)
    {
        var field = LedgerCatalog.Find(ledger)!.Fields.Single(f => f.Key == key);
        Assert.False(FieldValues.TryParse(field, text, Today, out _, out var error));
        return error!;
    }

    [Fact]
    public void Ethnicities_AreThe56InTheStandardsOrder_ThenOtherAndForeignOrigin()
    {
        var list = NationalCodeLists.Ethnicities;
        Assert.Equal("GB/T 3304-1991", list.Standard);
        Assert.Equal([.. Enumerable.Range(1, 56).Select(i => i.ToString("D2")), "97", "98"], list.Items.Select(i => i.Code));
        Assert.Equal(("01", "汉族"), (list.Items[0].Code, list.Items[0].Name));
        Assert.Equal(("56", "基诺族"), (list.Items[55].Code, list.Items[55].Name));
        Assert.Equal("外国血统中国籍人士", list.ByCode("98")!.Name);
    }

    [Fact]
    public void Industries_Are20SectionsOf97Divisions()
    {
        var list = NationalCodeLists.Industries;
        Assert.Equal("GB/T 4754-2017", list.Standard);
        Assert.Equal([.. "ABCDEFGHIJKLMNOPQRST".Select(c => c.ToString())], Industries.Sections.Select(s => s.Section.Code));
        Assert.Equal([.. Enumerable.Range(1, 97).Select(i => i.ToString("D2"))], Industries.Sections.SelectMany(s => s.Divisions).Select(d => d.Code));
        Assert.Equal(["13", "43"], Industries.Sections.Single(s => s.Section.Name == "制造业").Divisions.Select(d => d.Code).Where(c => c is "13" or "43"));
        Assert.Equal(31, Industries.Sections.Single(s => s.Section.Code == "C").Divisions.Count);
    }

    [Theory]
    [InlineData("36", "36")]
    [InlineData("汽车制造业", "36")]
    [InlineData("36 汽车制造业", "36")]
    [InlineData("36汽车制造业", "36")]
    [InlineData("制造业", "C")]
    [InlineData("C 制造业", "C")]
    [InlineData("房地产业", "70")] // the 大类 named like its 门类 says more
    public void Industry_IsReadFromCodeNameOrBoth(string text, string code) => Assert.Equal(code, Parsed("key-enterprises", "Industry", text));

    [Fact]
    public void Industry_NotOnTheList_IsRefusedSayingWhatToFillIn()
    {
        Assert.StartsWith("所属行业：“36 农业”不在《国民经济行业分类》（GB/T 4754-2017）中", Refused("key-enterprises", "Industry", "36 农业"));
        Assert.Contains("如：13 农副食品加工业", Refused("large-enterprises", "Industry", "机械"));
    }

    [Theory]
    [InlineData("汉族", "01")]
    [InlineData("汉", "01")]
    [InlineData("15", "15")]
    [InlineData("97 其他", "97")]
    [InlineData("外国血统中国籍人士", "98")]
    public void Ethnicity_IsReadFromNameOrCode_AndStoredAsTheCode(string text, string code) => Assert.Equal(code, Parsed("coordinators", "Ethnicity", text));

    [Theory]
    [InlineData("本科", Education.Bachelor)]
    [InlineData("20", Education.Bachelor)]
    [InlineData("大学本科教育", Education.Bachelor)]
    [InlineData("20 大学本科教育", Education.Bachelor)]
    [InlineData("11", Education.Doctor)]
    [InlineData("40 中等职业教育", Education.SecondaryVocational)]
    [InlineData("10", Education.Master)]
    [InlineData("80", Education.Primary)]
    public void Education_IsReadFromTodaysNamesAndTheStandardsCodes(string text, Education level) => Assert.Equal(level, Parsed("mediators", "Education", text));

    [Fact]
    public void EveryEducationLevel_IsACodeOfGbt4658_AndRanksAsBefore()
    {
        var levels = Enum.GetValues<Education>();
        Assert.All(levels, e => Assert.NotNull(NationalCodeLists.Education.ByCode(((int)e).ToString("D2"))));
        Assert.Equal([1, 2, 3, 3, 5, 6, 7, 8], levels.OrderBy(e => (int)e).Reverse().Select(e => e.Rank()));
        Assert.Contains("不是可选值", Refused("coordinators", "Education", "90"));
    }
}
