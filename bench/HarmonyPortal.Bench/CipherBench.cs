using System.Diagnostics;
using HarmonyPortal.Core.PersonalData;
using Microsoft.AspNetCore.DataProtection;

namespace HarmonyPortal.Bench;

/// <summary>
/// ADR 0022: what the 国密 option costs. Seals (encrypt), unseals (decrypt) and hashes the same ID numbers with the
/// portal's protector set to sm4 and to aes, alternately in one process on one thread, best of five rounds each; the
/// ratio is SM4 time / AES time. An import of 100,000 rows seals and hashes each number once.
/// </summary>
internal static class CipherBench
{
    public static int Run(int numbers)
    {
        var keys = Path.Combine(Path.GetTempPath(), "harmony-cipher-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var provider = DataProtectionProvider.Create(new DirectoryInfo(keys), b => b.SetApplicationName("HarmonyPortal"));
            using var aes = new PersonalDataProtector(provider, PersonalDataKey.FromConfiguration(null, keys, PersonalDataAlgorithm.Aes));
            using var sm4 = new PersonalDataProtector(provider, PersonalDataKey.FromConfiguration(null, keys, PersonalDataAlgorithm.Sm4));
            var plain = Enumerable.Range(0, numbers).Select(i => $"430611{19600101 + i % 9000:00000000}{i % 1000:000}X"[..18]).ToArray();
            var results = new List<BenchResult>();
            foreach (var (name, run) in new (string, Func<PersonalDataProtector, string[], object>)[]
            {
                ("encrypt", (p, items) => items.Select(p.Encrypt).ToArray()),
                ("decrypt", (p, items) => items.Select(p.Decrypt).ToArray()),
                ("hash", (p, items) => items.Select(p.Hash).ToArray()),
            })
            {
                var (aesInput, sm4Input) = name == "decrypt" ? (plain.Select(aes.Encrypt).ToArray(), plain.Select(sm4.Encrypt).ToArray()) : (plain, plain);
                var (aesTime, sm4Time) = (double.MaxValue, double.MaxValue);
                for (var round = 0; round < 5; round++)
                {
                    aesTime = Math.Min(aesTime, Time(() => run(aes, aesInput)));
                    sm4Time = Math.Min(sm4Time, Time(() => run(sm4, sm4Input)));
                }

                var (aesRate, sm4Rate) = (numbers / aesTime, numbers / sm4Time);
                Console.WriteLine($"{name}: AES {aesRate:N0}/s ({aesTime * 1e6 / numbers:0.00} µs), SM4 {sm4Rate:N0}/s ({sm4Time * 1e6 / numbers:0.00} µs)");
                results.Add(new BenchResult($"personal-data.sm4-{name}", sm4Rate, "numbers/s", aesRate, sm4Time / aesTime,
                    $"reported (ADR 0022): ratio = SM4 time / AES time, {numbers:N0} ID numbers, one thread", null));
            }

            results.Add(LookupDuringRotation(provider, keys, plain));
            BenchResults.Record([.. results]);
            return 0;
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    /// <summary>
    /// What a lookup costs while a hash-key rotation is under way (ADR 0022): the hashes an exact search or a duplicate
    /// check asks for, by an instance with one hash key, then by one started after <c>rotate-hash-key</c> (two keys).
    /// </summary>
    private static BenchResult LookupDuringRotation(IDataProtectionProvider provider, string keys, string[] plain)
    {
        // The one-key instance keeps its own folder, so its once-a-minute re-read cannot pick up the rotated key.
        using var single = new PersonalDataProtector(provider, PersonalDataKey.FromConfiguration(null, Path.Combine(keys, "single"), PersonalDataAlgorithm.Aes));
        using (var beforeRotation = new PersonalDataProtector(provider, PersonalDataKey.FromConfiguration(null, keys, PersonalDataAlgorithm.Aes)))
        {
            beforeRotation.HashKeys.AddKey();
        }

        using var rotating = new PersonalDataProtector(provider, PersonalDataKey.FromConfiguration(null, keys, PersonalDataAlgorithm.Aes));
        var (before, during) = (double.MaxValue, double.MaxValue);
        for (var round = 0; round < 5; round++)
        {
            before = Math.Min(before, Time(() => plain.Select(single.Hashes).ToArray()));
            during = Math.Min(during, Time(() => plain.Select(rotating.Hashes).ToArray()));
        }

        Console.WriteLine($"lookup hashes: one key {plain.Length / before:N0}/s ({before * 1e6 / plain.Length:0.00} µs), "
            + $"during a rotation {plain.Length / during:N0}/s ({during * 1e6 / plain.Length:0.00} µs)");
        return new BenchResult("personal-data.lookup-during-hash-key-rotation", plain.Length / during, "lookups/s", plain.Length / before, during / before,
            $"reported (ADR 0022): ratio = lookup hashes with two hash keys / with one, {plain.Length:N0} ID numbers, one thread", null);
    }

    private static double Time(Func<object> action)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(action());
        return watch.Elapsed.TotalSeconds;
    }
}
