using System.Globalization;
using System.Net;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.PersonalData;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.PersonalData;

/// <summary>
/// The 国密 switch on a filled database (ADR 0022): 300 coordinators sealed with AES-256-GCM + HMAC-SHA256, then a
/// second instance started with <c>PersonalData:Algorithm</c> = sm4 beside the first (a rolling switch), then
/// <c>personal-data reencrypt</c> interrupted after one batch and finished by the command, then a key rotation. Before,
/// during and after, every number decrypts and its exact search finds its row, through both instances, and the same
/// person is refused twice in a year whichever instance sealed the first one.
/// </summary>
public abstract class AlgorithmSwitchTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const int Rows = 300;

    [Fact]
    public async Task SwitchingFromAesToSm4AndRotating_LosesNothing_AndSearchAndDuplicatesKeepWorking()
    {
        var numbers = await FillAsync();
        var aes = portal.Services.GetRequiredService<PersonalDataProtector>();
        await AssertEveryRowAsync(numbers, aes, "e1.");
        await AssertSearchFindsAsync(portal, numbers, 0);

        // A second instance with the 国密 setting, beside the first.
        await using var sm4Portal = portal.WithWebHostBuilder(b => b.UseSetting("PersonalData:Algorithm", "sm4"));
        var sm4 = sm4Portal.Services.GetRequiredService<PersonalDataProtector>();
        Assert.Equal(PersonalDataAlgorithm.Sm4, sm4.Algorithm);
        using var sm4Clerk = await LoginAsync(sm4Portal);
        using var aesClerk = await LoginAsync(portal);
        var added = TestIdNumbers.WithCheckDigit("430611199203040051");
        var created = await CreateAsync(sm4Clerk, "新登记", added);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        Assert.Contains(added, (await sm4Clerk.GetPageAsync(url + "?reveal=true")).Body!.TextContent);
        Assert.Contains(added, (await aesClerk.GetPageAsync(url + "?reveal=true")).Body!.TextContent);
        await using (var db = portal.CreateDbContext())
        {
            var row = await db.Coordinators.SingleAsync(r => r.IdNumberMasked == IdNumber.Mask(added));
            Assert.StartsWith("s1.", row.IdNumberCipher);
            Assert.Equal(sm4.Hash(added), row.IdNumberHash);
        }

        numbers[added] = "新登记";
        await AssertDuplicatesRefusedAsync(sm4Portal, numbers.Keys.First(), added);
        await AssertSearchFindsAsync(sm4Portal, numbers, 1);

        // personal-data reencrypt, stopped after its first batch (as a killed run would be): half switched, nothing lost.
        using var interrupt = new CancellationTokenSource();
        await using (var scope = sm4Portal.Services.CreateAsyncScope())
        {
            var run = new PersonalDataReencryption(scope.ServiceProvider.GetRequiredService<Core.Data.HarmonyDbContext>(), sm4);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.RunAsync(100, 0, async counts =>
            {
                Assert.Equal(100, counts.Rewritten);
                var (mixed, _) = await CiphersAsync();
                Assert.Equal(101, mixed.Count(c => c.StartsWith("s1.", StringComparison.Ordinal)));
                Assert.Equal(Rows - 100, mixed.Count(c => c.StartsWith("e1.", StringComparison.Ordinal)));
                await AssertEveryRowAsync(numbers, aes, null);
                await AssertEveryRowAsync(numbers, sm4, null);
                await interrupt.CancelAsync();
            }, interrupt.Token));
        }

        await AssertSearchFindsAsync(portal, numbers, 2);
        await AssertDuplicatesRefusedAsync(sm4Portal, numbers.Keys.Last(), numbers.Keys.ElementAt(5));

        // The command finishes the rest, and a second run finds nothing left to do.
        var (code, report) = await CommandAsync(sm4Portal, "reencrypt", "--batch=64");
        Assert.Equal(0, code);
        Assert.Contains($"完成：检查 {Rows + 1}，重新加密 {Rows - 100}，已是当前 101，无法读取 0", report);
        (code, report) = await CommandAsync(sm4Portal, "reencrypt");
        Assert.Contains($"完成：检查 {Rows + 1}，重新加密 0，已是当前 {Rows + 1}", report);
        await AssertEveryRowAsync(numbers, sm4, "s1.");
        await AssertSearchFindsAsync(sm4Portal, numbers, 3);
        await AssertSearchFindsAsync(portal, numbers, 4);
        await AssertDuplicatesRefusedAsync(sm4Portal, numbers.Keys.ElementAt(7), numbers.Keys.ElementAt(8));

        // Rotation: a new SM4 data key, current for an instance started after it; reencrypt moves every row onto it.
        (code, report) = await CommandAsync(sm4Portal, "rotate-key");
        Assert.Equal(0, code);
        await using var rotated = portal.WithWebHostBuilder(b => b.UseSetting("PersonalData:Algorithm", "sm4"));
        (code, report) = await CommandAsync(rotated, "reencrypt", "--batch=500");
        Assert.Contains($"重新加密 {Rows + 1}，已是当前 0，无法读取 0", report);
        var (ciphers, _) = await CiphersAsync();
        Assert.Single(ciphers.Select(Sm4EnvelopeCipher.KeyIdOf).Distinct());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(portal.DataDirectory, "keys"), "personal-data-sm4-key-*.txt").Length);
        await AssertEveryRowAsync(numbers, sm4, "s1."); // the instance started before the rotation reads the new key too
        (_, report) = await CommandAsync(rotated, "status");
        output.WriteLine(report);
        Assert.Contains($"(current): {Rows + 1}", report);
    }

    /// <summary>300 rows of 君山区 for 2026, sealed by the AES instance's own protector; number → name.</summary>
    private async Task<Dictionary<string, string>> FillAsync()
    {
        var protector = portal.Services.GetRequiredService<PersonalDataProtector>();
        var region = await portal.RegionIdAsync("430611");
        var numbers = new Dictionary<string, string>();
        await using var db = portal.CreateDbContext();
        for (var i = 0; i < Rows; i++)
        {
            var birth = new DateOnly(1960, 1, 1).AddDays(i * 37);
            var number = TestIdNumbers.WithCheckDigit($"430611{birth:yyyyMMdd}{i % 1000:000}0");
            var name = $"切换{i:000}";
            numbers[number] = name;
            var row = new Coordinator
            {
                RegionId = region, Year = 2026, Name = name, Ethnicity = "汉族", WorkUnit = "君山区某公司", Education = Education.JuniorHigh,
                Gender = (number[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female, ServingSince = new DateOnly(2020, 1, 1),
                Phone = "13800000000", IdNumber = number, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };
            protector.Seal(row);
            db.Coordinators.Add(row);
        }

        await db.SaveChangesAsync();
        return numbers;
    }

    /// <summary>Every number decrypts from its row, and the keyed hashes an exact search asks for include the row's.</summary>
    private async Task AssertEveryRowAsync(Dictionary<string, string> numbers, PersonalDataProtector protector, string? prefix)
    {
        await using var db = portal.CreateDbContext();
        var rows = await db.Coordinators.Where(r => r.Name.StartsWith("切换") || r.Name == "新登记").ToListAsync();
        Assert.Equal(numbers.Count, rows.Count);
        foreach (var row in rows)
        {
            var number = protector.Decrypt(row.IdNumberCipher);
            Assert.Equal(numbers[number], row.Name);
            Assert.Contains(row.IdNumberHash, protector.Hashes(number));
            if (prefix is not null)
            {
                Assert.StartsWith(prefix, row.IdNumberCipher);
            }
        }
    }

    /// <summary>The list page's exact search by number, for a sample of 15 (the page allows 20 an hour per user: the clock moves on first).</summary>
    private async Task AssertSearchFindsAsync(WebApplicationFactory<Program> instance, Dictionary<string, string> numbers, int round)
    {
        portal.Clock.Advance(TimeSpan.FromHours(2));
        using var clerk = await LoginAsync(instance);
        foreach (var (number, name) in numbers.Skip(round * 7 % 100).Take(14).Append(numbers.Last()))
        {
            var list = (await clerk.GetPageAsync($"/ledgers/coordinators?year=2026&q={number}")).QuerySelector("[data-testid=ledger-list]")!.TextContent;
            Assert.Contains(name, list);
        }
    }

    /// <summary>The same person again in 2026 is refused by either instance, whichever algorithm sealed the first row.</summary>
    private async Task AssertDuplicatesRefusedAsync(WebApplicationFactory<Program> sm4Portal, string first, string second)
    {
        using var sm4Clerk = await LoginAsync(sm4Portal);
        using var aesClerk = await LoginAsync(portal);
        foreach (var (clerk, number) in new[] { (sm4Clerk, first), (aesClerk, second), (sm4Clerk, second), (aesClerk, first) })
        {
            var response = await CreateAsync(clerk, "重复者", number);
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            var text = (await PortalClient.ParseAsync(response)).Body!.TextContent;
            Assert.True(text.Contains("身份证号码：2026 年度本台账中已有该人员的记录（君山区），同一年度不能重复登记", StringComparison.Ordinal), string.Join(" ", text.Split().Where(w => w.Contains('：'))));
        }
    }

    private static async Task<HttpResponseMessage> CreateAsync(PortalClient clerk, string name, string number)
    {
        var token = await clerk.TokenFromAsync("/ledgers");
        var gender = (number[16] - '0') % 2 == 1 ? "男" : "女";
        return await clerk.PostAsync("/ledgers/coordinators/create", token, [.. LedgerForms.Coordinator(name: name, id: number, gender: gender), ("year", "2026")]);
    }

    private async Task<(List<string> Ciphers, int Count)> CiphersAsync()
    {
        await using var db = portal.CreateDbContext();
        var ciphers = await db.Coordinators.Where(r => r.Name.StartsWith("切换") || r.Name == "新登记").Select(r => r.IdNumberCipher).ToListAsync();
        return (ciphers, ciphers.Count);
    }

    private static async Task<(int Code, string Report)> CommandAsync(WebApplicationFactory<Program> instance, params string[] verb)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var code = await PersonalDataCommand.ExecuteAsync(instance.Services, ["personal-data", .. verb], writer);
        return (code, writer.ToString());
    }

    private static async Task<PortalClient> LoginAsync(WebApplicationFactory<Program> instance)
    {
        var client = new PortalClient(instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") }));
        await client.LoginOrFailAsync("yyjs.clerk", PortalClient.DemoPassword);
        return client;
    }
}

public sealed class SqliteAlgorithmSwitchTests(SqlitePortal portal, ITestOutputHelper output) : AlgorithmSwitchTests<SqlitePortal>(portal, output);

public sealed class PostgresAlgorithmSwitchTests(PostgresPortal portal, ITestOutputHelper output) : AlgorithmSwitchTests<PostgresPortal>(portal, output);
