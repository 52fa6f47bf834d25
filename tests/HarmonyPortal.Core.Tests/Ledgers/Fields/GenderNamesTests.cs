using HarmonyPortal.Core.Ledgers.Fields;
using Xunit;

namespace HarmonyPortal.Core.Tests.Ledgers.Fields;

public class GenderNamesTests
{
    [Fact]
    public void Gender_ToChinese_IsTheWordOnTheForms()
    {
        Assert.Equal("男", Gender.Male.ToChinese());
        Assert.Equal("女", Gender.Female.ToChinese());
        Assert.Equal(1, (int)Gender.Male);
        Assert.Equal(2, (int)Gender.Female);
    }
}
