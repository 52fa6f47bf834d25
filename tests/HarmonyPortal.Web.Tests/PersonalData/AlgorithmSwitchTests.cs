using System.Net;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.TestSupport;
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
    private readonly FilledLedger ledger = new(portal, "切换");

    [Fact]
    public async Task SwitchingFromAesToSm4AndRotating_LosesNothing_AndSearchAndDuplicatesKeepWorking()
    {
        await ledger.FillAsync(Rows);
        var numbers = ledger.Numbers;
        var aes = portal.Services.GetRequiredService<PersonalDataProtector>();
        await AssertEveryRowAsync(numbers, aes, "e1.");
        await ledger.AssertSearchFindsAsync(portal, 0);

        // A second instance with the 国密 setting, beside the first.
        await using var sm4Portal = portal.WithWebHostBuilder(b => b.UseSetting("PersonalData:Algorithm", "sm4"));
        var sm4 = sm4Portal.Services.GetRequiredService<PersonalDataProtector>();
        Assert.Equal(PersonalDataAlgorithm.Sm4, sm4.Algorithm);
        using var sm4Clerk = await FilledLedger.LoginAsync(sm4Portal);
        using var aesClerk = await FilledLedger.LoginAsync(portal);
        var added = TestIdNumbers.WithCheckDigit("430611199203040051");
        var created = await ledger.AddAsync(sm4Clerk, "新登记", added);
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

        await AssertDuplicatesRefusedAsync(sm4Portal, numbers.Keys.First(), added);
        await ledger.AssertSearchFindsAsync(sm4Portal, 1);

        // personal-data reencrypt, stopped after its first batch (as a killed run would be): half switched, nothing lost.
        using var interrupt = new CancellationTokenSource();
        await using (var scope = sm4Portal.Services.CreateAsyncScope())
        {
            var run = new PersonalDataReencryption(scope.ServiceProvider.GetRequiredService<Core.Data.HarmonyDbContext>(), sm4);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.RunAsync(100, 0, async counts =>
            {
                Assert.Equal(100, counts.Rewritten);
                var mixed = await CiphersAsync();
                Assert.Equal(101, mixed.Count(c => c.StartsWith("s1.", StringComparison.Ordinal)));
                Assert.Equal(Rows - 100, mixed.Count(c => c.StartsWith("e1.", StringComparison.Ordinal)));
                await AssertEveryRowAsync(numbers, aes, null);
                await AssertEveryRowAsync(numbers, sm4, null);
                await interrupt.CancelAsync();
            }, interrupt.Token));
        }

        await ledger.AssertSearchFindsAsync(portal, 2);
        await AssertDuplicatesRefusedAsync(sm4Portal, numbers.Keys.Last(), numbers.Keys.ElementAt(5));

        // The command finishes the rest, and a second run finds nothing left to do.
        var (code, report) = await FilledLedger.CommandAsync(sm4Portal, "reencrypt", "--batch=64");
        Assert.Equal(0, code);
        Assert.Contains($"完成：检查 {Rows + 1}，重新加密 {Rows - 100}，已是当前 101，无法读取 0", report);
        (code, report) = await FilledLedger.CommandAsync(sm4Portal, "reencrypt");
        Assert.Contains($"完成：检查 {Rows + 1}，重新加密 0，已是当前 {Rows + 1}", report);
        await AssertEveryRowAsync(numbers, sm4, "s1.");
        await ledger.AssertSearchFindsAsync(sm4Portal, 3);
        await ledger.AssertSearchFindsAsync(portal, 4);
        await AssertDuplicatesRefusedAsync(sm4Portal, numbers.Keys.ElementAt(7), numbers.Keys.ElementAt(8));

        // Rotation: a new SM4 data key, current for an instance started after it; reencrypt moves every row onto it.
        (code, report) = await FilledLedger.CommandAsync(sm4Portal, "rotate-key");
        Assert.Equal(0, code);
        await using var rotated = portal.WithWebHostBuilder(b => b.UseSetting("PersonalData:Algorithm", "sm4"));
        (code, report) = await FilledLedger.CommandAsync(rotated, "reencrypt", "--batch=500");
        Assert.Contains($"重新加密 {Rows + 1}，已是当前 0，无法读取 0", report);
        var ciphers = await CiphersAsync();
        Assert.Single(ciphers.Select(Sm4EnvelopeCipher.KeyIdOf).Distinct());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(portal.DataDirectory, "keys"), "personal-data-sm4-key-*.txt").Length);
        await AssertEveryRowAsync(numbers, sm4, "s1."); // the instance started before the rotation reads the new key too
        (_, report) = await FilledLedger.CommandAsync(rotated, "status");
        output.WriteLine(report);
        Assert.Contains($"(current): {Rows + 1}", report);
    }

    /// <summary>Every number decrypts from its row, and the keyed hashes an exact search asks for include the row's.</summary>
    private async Task AssertEveryRowAsync(Dictionary<string, string> numbers, PersonalDataProtector protector, string? prefix)
    {
        var rows = await ledger.RowsAsync();
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

    /// <summary>The same person again in 2026 is refused by either instance, whichever algorithm sealed the first row.</summary>
    private async Task AssertDuplicatesRefusedAsync(WebApplicationFactory<Program> sm4Portal, string first, string second) =>
        await FilledLedger.AssertDuplicatesRefusedAsync((sm4Portal, first), (portal, second), (sm4Portal, second), (portal, first));

    private async Task<List<string>> CiphersAsync() => (await ledger.RowsAsync()).Select(r => r.IdNumberCipher).ToList();
}

public sealed class SqliteAlgorithmSwitchTests(SqlitePortal portal, ITestOutputHelper output) : AlgorithmSwitchTests<SqlitePortal>(portal, output);

public sealed class PostgresAlgorithmSwitchTests(PostgresPortal portal, ITestOutputHelper output) : AlgorithmSwitchTests<PostgresPortal>(portal, output);
