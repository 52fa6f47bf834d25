using System.Net;
using System.Text.RegularExpressions;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Infrastructure;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Logging;

public sealed partial class PersonalDataInLogsTests(SqlitePortal portal, ITestOutputHelper output) : IClassFixture<SqlitePortal>
{
    private const string WrongPassword = "Secret#Guess1";

    [Theory]
    [InlineData("证件 11010519491231002X 已登记", "证件 110105********002X 已登记")]
    [InlineData("电话13812345678", "电话138****5678")]
    [InlineData("编号 1234567890", "编号 1234567890")]
    [InlineData("订单 4306021234567890123 不是身份证号", "订单 4306021234567890123 不是身份证号")]
    public void Mask_HidesIdNumbersAndMobiles_AndLeavesOtherNumbersAlone(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMaskingEnricher.Mask(text));

    /// <summary>
    /// A run that touches personal data everywhere it enters: sign-ins (a wrong password too), rows typed with ID
    /// numbers and mobiles (one refused), an import with good and bad rows, an export, a full-ID view, and a raw ID
    /// logged on purpose; then every file under logs/ is scanned.
    /// </summary>
    [Fact]
    public async Task EveryLogFileOfARun_HoldsNoIdNumberMobileOrPassword()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync("xzxf.clerk", WrongPassword);
        await client.LoginOrFailAsync("xzxf.clerk");
        var token = await client.TokenFromAsync("/ledgers");
        var saved = await client.PostAsync("/ledgers/coordinators/create", token, [.. LedgerForms.Coordinator(phone: "13812345678"), ("year", "2026")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await client.PostAsync("/ledgers/coordinators/create", token, [.. LedgerForms.Coordinator("张三", "440524188001010014", "女", phone: "13912345678"), ("year", "2026")]);
        await client.Http.GetAsync(saved.Headers.Location!.OriginalString + "?reveal=true");
        var import = LedgerWorkbooks.Workbook(LedgerWorkbooks.CoordinatorHeaders,
            LedgerWorkbooks.Person("1", "王芳", TestIdNumbers.WithCheckDigit("140902198503030041"), "女", "2021.3", phone: "15012345678"),
            LedgerWorkbooks.Person("2", "李明", TestIdNumbers.WithCheckDigit("140902197707070011"), "女", "2021.3", phone: "18612345678"));
        await LedgerWorkbooks.UploadAsync(client, "coordinators", import);
        await client.Http.GetAsync("/ledgers/coordinators/export?year=2026");
        portal.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Probe")
            .LogWarning("Imported row for {IdNumber} with phone {Phone}", LedgerForms.ExampleId, "13812345678");
        await portal.DisposeAsync(); // flush the file sink

        var files = Directory.GetFiles(Path.Combine(portal.DataDirectory, "logs"), "*", SearchOption.AllDirectories);
        var all = string.Concat(files.Select(File.ReadAllText));
        // A trace or span id is random hex; its digit runs may look like a mobile number ("…eb44df15772614721339").
        var scanned = TraceIds().Replace(all, "");
        var ids = IdNumberLike().Matches(scanned).Select(m => m.Value).Where(v => TestIdNumbers.WithCheckDigit(v) == v).ToList();
        var mobiles = Mobile().Matches(scanned).Select(m => m.Value).ToList();
        string[] passwords = [WrongPassword, PortalClient.DemoPassword];

        output.WriteLine($"{files.Length} log files, {all.Length:N0} characters: {ids.Count} ID numbers, {mobiles.Count} mobile numbers, " +
            $"{passwords.Count(all.Contains)} of {passwords.Length} passwords found.");
        Assert.Contains("/account/login", all);
        Assert.Contains("110105********002X", all); // the probe line is there, masked
        Assert.Empty(ids);
        Assert.Empty(mobiles);
        Assert.DoesNotContain(passwords, all.Contains);
    }

    // Not after a decimal point: a request's elapsed time (0.17439316569 ms) is not a phone number.
    [GeneratedRegex(@"(?<![0-9.])[1-9][0-9]{16}[0-9Xx](?![0-9])")]
    private static partial Regex IdNumberLike();

    [GeneratedRegex(@"(?<![0-9.])1[3-9][0-9]{9}(?![0-9])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"""(TraceId|SpanId)"":""[0-9a-f]{16,32}""")]
    private static partial Regex TraceIds();
}
