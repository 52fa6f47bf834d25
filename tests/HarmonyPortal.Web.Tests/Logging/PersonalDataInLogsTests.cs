using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace HarmonyPortal.Web.Tests.Logging;

public sealed class PersonalDataInLogsTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Theory]
    [InlineData("证件 11010519491231002X 已登记", "证件 110105********002X 已登记")]
    [InlineData("电话13812345678", "电话138****5678")]
    [InlineData("编号 1234567890", "编号 1234567890")]
    [InlineData("订单 4306021234567890123 不是身份证号", "订单 4306021234567890123 不是身份证号")]
    public void Mask_HidesIdNumbersAndMobiles_AndLeavesOtherNumbersAlone(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMaskingEnricher.Mask(text));

    [Fact]
    public async Task LogFiles_HoldNoPasswordIdNumberOrMobile_AfterSignInsAndALoggedIdNumber()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync("xzxf.clerk", "Secret#Guess1");
        await client.LoginOrFailAsync("xzxf.clerk");
        portal.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Probe")
            .LogWarning("Imported row for {IdNumber} with phone {Phone}", "11010519491231002X", "13812345678");
        await portal.DisposeAsync(); // flush the file sink

        var logs = Directory.GetFiles(Path.Combine(portal.DataDirectory, "logs"), "*.json")
            .Select(f => File.ReadAllText(f)).ToList();

        Assert.NotEmpty(logs);
        var all = string.Concat(logs);
        Assert.Contains("/account/login", all);
        Assert.Contains("110105********002X", all);
        Assert.DoesNotContain("11010519491231002X", all);
        Assert.DoesNotContain("13812345678", all);
        Assert.DoesNotContain("Secret#Guess1", all);
        Assert.DoesNotContain(PortalClient.DemoPassword, all);
    }
}
