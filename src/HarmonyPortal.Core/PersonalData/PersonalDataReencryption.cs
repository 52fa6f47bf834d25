using System.Security.Cryptography;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// <c>personal-data reencrypt</c> (ADR 0022): re-seals every stored ID number whose ciphertext is not the current
/// algorithm under the current data key, or whose hash is not the current algorithm's, in batches of its own
/// transaction each. Idempotent (rows already current are only read) and resumable (a batch is whole or not at all;
/// run it again, or start after the last id it reported). A row changed by a user meanwhile fails its batch's
/// concurrency check and the batch is read again. Row versions are left alone, so open forms still save.
/// <c>personal-data rehash</c> is the same walk rewriting only the hash (after a hash-key rotation): the ciphertext stays.
/// </summary>
public sealed class PersonalDataReencryption(HarmonyDbContext db, PersonalDataProtector protector)
{
    public sealed record Counts(string Table, int Scanned, int Rewritten, int AlreadyCurrent, int Unreadable, long LastId);

    public async Task<IReadOnlyList<Counts>> RunAsync(int batchSize, long afterId, Func<Counts, Task>? progress, CancellationToken ct) =>
        await RunAsync(batchSize, afterId, progress, hashOnly: false, ct);

    /// <param name="hashOnly">Rewrite the hash of rows whose hash is not the current algorithm's under the current hash key, and nothing else.</param>
    public async Task<IReadOnlyList<Counts>> RunAsync(int batchSize, long afterId, Func<Counts, Task>? progress, bool hashOnly, CancellationToken ct) =>
    [
        await RunAsync<Coordinator>("Coordinators", batchSize, afterId, progress, hashOnly, ct),
        await RunAsync<Mediator>("Mediators", batchSize, afterId, progress, hashOnly, ct),
    ];

    /// <summary>How many stored ID numbers carry a hash of each algorithm and hash key (each number decrypted and hashed again).</summary>
    public async Task<Dictionary<string, int>> HashCensusAsync(CancellationToken ct)
    {
        var census = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rows in new[]
        {
            db.Coordinators.Select(r => new { r.IdNumberCipher, r.IdNumberHash }),
            db.Mediators.Select(r => new { r.IdNumberCipher, r.IdNumberHash }),
        })
        {
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                string label;
                try
                {
                    label = protector.HashLabel(protector.Decrypt(row.IdNumberCipher), row.IdNumberHash) ?? "hash of an unknown key";
                }
                catch (CryptographicException)
                {
                    label = "unreadable";
                }

                census[label] = census.GetValueOrDefault(label) + 1;
            }
        }

        return census;
    }

    /// <summary>How many stored ID numbers each algorithm and data key sealed: what is left to re-encrypt.</summary>
    public async Task<Dictionary<string, int>> CensusAsync(CancellationToken ct)
    {
        var census = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ciphers in new[] { db.Coordinators.Select(r => r.IdNumberCipher), db.Mediators.Select(r => r.IdNumberCipher) })
        {
            await foreach (var cipher in ciphers.AsAsyncEnumerable().WithCancellation(ct))
            {
                var label = Label(cipher);
                census[label] = census.GetValueOrDefault(label) + 1;
            }
        }

        return census;
    }

    private string Label(string cipher)
    {
        try
        {
            var kind = EnvelopeCipher.IsEnvelope(cipher) ? $"AES-256-GCM key {EnvelopeCipher.KeyIdOf(cipher):x8}"
                : Sm4EnvelopeCipher.IsSm4(cipher) ? $"SM4-GCM key {Sm4EnvelopeCipher.KeyIdOf(cipher):x8}"
                : "Data Protection (before ADR 0011)";
            return protector.IsCurrent(cipher) ? kind + " (current)" : kind;
        }
        catch (CryptographicException)
        {
            return "unreadable";
        }
    }

    private async Task<Counts> RunAsync<TRow>(string table, int batchSize, long afterId, Func<Counts, Task>? progress, bool hashOnly, CancellationToken ct)
        where TRow : PersonRow
    {
        var counts = new Counts(table, 0, 0, 0, 0, afterId);
        var conflicts = 0;
        while (true)
        {
            var last = counts.LastId;
            var batch = await db.Set<TRow>().Where(r => r.Id > last).OrderBy(r => r.Id).Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return counts;
            }

            var (rewritten, current, unreadable) = (0, 0, 0);
            foreach (var row in batch)
            {
                switch (hashOnly ? Rehash(row) : Reseal(row))
                {
                    case true: rewritten++; break;
                    case false: current++; break;
                    default: unreadable++; break;
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (++conflicts <= 10)
            {
                db.ChangeTracker.Clear();
                continue; // a user saved one of these rows meanwhile: read the batch again
            }

            db.ChangeTracker.Clear();
            counts = counts with
            {
                Scanned = counts.Scanned + batch.Count, Rewritten = counts.Rewritten + rewritten,
                AlreadyCurrent = counts.AlreadyCurrent + current, Unreadable = counts.Unreadable + unreadable, LastId = batch[^1].Id,
            };
            if (progress is not null)
            {
                await progress(counts);
            }
        }
    }

    /// <summary>True when the row's hash was rewritten, false when it was already current, null when its number cannot be read.</summary>
    private bool? Rehash(PersonRow row)
    {
        string hash;
        try
        {
            hash = protector.Hash(protector.Decrypt(row.IdNumberCipher));
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (row.IdNumberHash == hash)
        {
            return false;
        }

        row.IdNumberHash = hash;
        return true;
    }

    /// <summary>True when the row was re-sealed, false when it was already current, null when its key is lost or it was altered.</summary>
    private bool? Reseal(PersonRow row)
    {
        string plain;
        try
        {
            plain = protector.Decrypt(row.IdNumberCipher);
            if (protector.IsCurrent(row.IdNumberCipher) && row.IdNumberHash == protector.Hash(plain))
            {
                return false;
            }
        }
        catch (CryptographicException)
        {
            return null;
        }

        row.IdNumber = plain;
        protector.Seal(row);
        return true;
    }
}
