using System.Net;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.PersonalData;

/// <summary>
/// Rotating the ID numbers' keyed-hash key on a filled database (ADR 0022): 300 coordinators hashed under the portal's
/// initial HMAC key, then <c>personal-data rotate-hash-key</c>, a second instance started after it (hashing with the new
/// key) beside the first (started before it), <c>personal-data rehash</c> stopped after one batch and finished by the
/// command. Before, during and after, exact search by ID number finds rows of either key through either instance, the
/// same person is refused twice in 2026 whichever key hashed the first row, and no row or number is lost.
/// </summary>
public abstract class HashKeyRotationTests<TPortal>(TPortal portal, ITestOutputHelper output) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private const int Rows = 300;
    private readonly FilledLedger ledger = new(portal, "轮换");

    [Fact]
    public async Task RotatingTheHashKey_KeepsSearchAndDuplicateChecks_BeforeDuringAndAfterTheRehash_AndLosesNothing()
    {
        await ledger.FillAsync(Rows);
        var before = portal.Services.GetRequiredService<PersonalDataProtector>();
        Assert.Equal(HashKeyRing.InitialKeyId, before.HashKeys.CurrentId);
        var ciphers = (await ledger.RowsAsync()).ToDictionary(r => r.Id, r => r.IdNumberCipher);
        await ledger.AssertSearchFindsAsync(portal, 0);

        // A new hash key; an instance started after it hashes with it, beside the instance started before.
        var (code, report) = await FilledLedger.CommandAsync(portal, "rotate-hash-key");
        Assert.Equal(0, code);
        Assert.Contains("已写入新的身份证号码哈希密钥", report);
        await using var after = portal.WithWebHostBuilder(_ => { });
        var rotated = after.Services.GetRequiredService<PersonalDataProtector>();
        Assert.NotEqual(HashKeyRing.InitialKeyId, rotated.HashKeys.CurrentId);
        var first = ledger.Numbers.Keys.First();
        Assert.NotEqual(before.Hash(first), rotated.Hash(first));

        using var clerk = await FilledLedger.LoginAsync(after);
        var added = TestIdNumbers.WithCheckDigit("430611199205060071");
        Assert.Equal(HttpStatusCode.Redirect, (await ledger.AddAsync(clerk, "新哈希", added)).StatusCode);
        Assert.Equal(rotated.Hash(added), (await ledger.RowsAsync()).Single(r => r.Name == "新哈希").IdNumberHash);

        // The older instance reads the keys folder again within a minute: it finds and refuses rows of the new key too.
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        await FilledLedger.AssertDuplicatesRefusedAsync((after, first), (portal, added), (after, added), (portal, first));
        await ledger.AssertSearchFindsAsync(after, 1);
        await ledger.AssertSearchFindsAsync(portal, 2);

        // personal-data rehash, stopped after its first batch (as a killed run would be): half the rows on each key.
        using var interrupt = new CancellationTokenSource();
        await using (var scope = after.Services.CreateAsyncScope())
        {
            var run = new PersonalDataReencryption(scope.ServiceProvider.GetRequiredService<HarmonyDbContext>(), rotated);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.RunAsync(100, 0, async counts =>
            {
                Assert.Equal(100, counts.Rewritten);
                await DuringTheRehashAsync(after, before, rotated);
                await interrupt.CancelAsync();
            }, hashOnly: true, interrupt.Token));
        }

        // The command finishes the rest, and a second run finds nothing left to do.
        (code, report) = await FilledLedger.CommandAsync(after, "rehash", "--batch=64");
        output.WriteLine(report);
        Assert.Equal(0, code);
        Assert.Contains($"完成：检查 {Rows + 1}，重新计算哈希 {Rows - 100}，已是当前 101，无法读取 0", report);
        (_, report) = await FilledLedger.CommandAsync(after, "rehash");
        Assert.Contains($"完成：检查 {Rows + 1}，重新计算哈希 0，已是当前 {Rows + 1}", report);

        var rows = await ledger.RowsAsync();
        Assert.Equal(Rows + 1, rows.Count);
        foreach (var row in rows)
        {
            var number = rotated.Decrypt(row.IdNumberCipher);
            Assert.Equal(ledger.Numbers[number], row.Name);
            Assert.Equal(rotated.Hash(number), row.IdNumberHash);
            Assert.Equal(IdNumber.Mask(number), row.IdNumberMasked);
            Assert.True(row.Name == "新哈希" || ciphers[row.Id] == row.IdNumberCipher, "a rehash leaves the ciphertext alone");
        }

        await ledger.AssertSearchFindsAsync(after, 3);
        await ledger.AssertSearchFindsAsync(portal, 4);
        await FilledLedger.AssertDuplicatesRefusedAsync((after, ledger.Numbers.Keys.ElementAt(150)), (portal, ledger.Numbers.Keys.ElementAt(250)));
        (_, report) = await FilledLedger.CommandAsync(after, "status");
        output.WriteLine(report);
        Assert.Contains($"当前哈希密钥：{rotated.HashKeys.CurrentId:x8}", report);
        Assert.Contains($"HMAC-SHA256 key {rotated.HashKeys.CurrentId:x8} (current): {Rows + 1}", report);
        Assert.DoesNotContain("key 00000000", report);
    }

    /// <summary>Half rehashed: 100 rows and the added one on the new key, 200 on the old; each is found, and refused again, through either instance.</summary>
    private async Task DuringTheRehashAsync(WebApplicationFactory<Program> after, PersonalDataProtector before, PersonalDataProtector rotated)
    {
        var rows = await ledger.RowsAsync();
        var onNewKey = rows.Where(r => r.IdNumberHash == rotated.Hash(rotated.Decrypt(r.IdNumberCipher))).ToList();
        var onOldKey = rows.Where(r => r.IdNumberHash == before.Hash(before.Decrypt(r.IdNumberCipher))).ToList();
        Assert.Equal(101, onNewKey.Count);
        Assert.Equal(Rows - 100, onOldKey.Count);
        foreach (var row in rows)
        {
            var number = rotated.Decrypt(row.IdNumberCipher);
            Assert.Contains(row.IdNumberHash, rotated.Hashes(number)); // what an exact search and a duplicate check ask for
            Assert.Contains(row.IdNumberHash, before.Hashes(number));
        }

        var numbers = ledger.Numbers;
        string NumberOf(int index, List<Core.Ledgers.Coordinator> of) => numbers.Single(n => n.Value == of[index].Name).Key;
        var sample = Enumerable.Range(0, 7).SelectMany(i => new[] { NumberOf(i * 13, onNewKey), NumberOf(i * 27, onOldKey) })
            .Select(n => new KeyValuePair<string, string>(n, numbers[n])).ToList();
        await ledger.AssertSearchFindsAsync(portal, sample);
        await ledger.AssertSearchFindsAsync(after, sample);
        await FilledLedger.AssertDuplicatesRefusedAsync(
            (portal, NumberOf(3, onNewKey)), (portal, NumberOf(3, onOldKey)), (after, NumberOf(100, onNewKey)), (after, NumberOf(4, onOldKey)));

        var (_, status) = await FilledLedger.CommandAsync(after, "status");
        output.WriteLine(status);
        Assert.Contains($"HMAC-SHA256 key 00000000: {Rows - 100}", status);
        Assert.Contains($"HMAC-SHA256 key {rotated.HashKeys.CurrentId:x8} (current): 101", status);
    }
}

public sealed class SqliteHashKeyRotationTests(SqlitePortal portal, ITestOutputHelper output) : HashKeyRotationTests<SqlitePortal>(portal, output);

public sealed class PostgresHashKeyRotationTests(PostgresPortal portal, ITestOutputHelper output) : HashKeyRotationTests<PostgresPortal>(portal, output);
