using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers;

public sealed class LabelRoundTripTests
{
    public static TheoryData<Type> LabelledEnums()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(LedgerRow).Assembly.GetTypes().Where(t => t.IsEnum && t.GetFields().Any(f => f.IsDefined(typeof(LabelAttribute), false))))
        {
            data.Add(type);
        }

        return data;
    }

    /// <summary>What a drop-down offers (the label, e.g. "劳动关系协调员（三级）") is what the form posts back, normalized.</summary>
    [Theory]
    [MemberData(nameof(LabelledEnums))]
    public void EveryOfferedLabel_ParsesBackAfterNormalization(Type enumType)
    {
        var options = Labels.Options(enumType);
        Assert.NotEmpty(options);
        foreach (var (value, text) in options)
        {
            Assert.True(Labels.TryParse(enumType, CellText.Normalize(text)!, out var parsed), $"{enumType.Name}: “{text}” does not parse back");
            Assert.Equal(value, parsed);
        }
    }
}
