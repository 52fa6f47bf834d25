using System.Security.Cryptography;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using Microsoft.AspNetCore.DataProtection;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// Keeps ID numbers out of the database in plaintext: encrypted under a data key that Data Protection guards, with
/// AES-256-GCM (<see cref="EnvelopeCipher"/>, ADR 0011) or SM4-GCM (<see cref="Sm4EnvelopeCipher"/>, ADR 0022) as
/// <c>PersonalData:Algorithm</c> says; ciphertexts of either, and those written by Data Protection before ADR 0011,
/// always read. Plus a keyed hash (HMAC-SHA256 or HMAC-SM3) so the same number can be found and kept unique without
/// decrypting, plus a masked copy for lists.
/// </summary>
public sealed class PersonalDataProtector : IDisposable
{
    private readonly IDataProtector legacy;
    private readonly EnvelopeCipher aes;
    private readonly Sm4EnvelopeCipher sm4;
    private readonly HashKeyRing hashKeys;

    public PersonalDataProtector(IDataProtectionProvider provider, PersonalDataKey key, TimeProvider? time = null)
    {
        Algorithm = key.Algorithm;
        legacy = provider.CreateProtector("HarmonyPortal.PersonalData.IdNumber.v1");
        aes = new(new DataKeyRing(provider, key.KeysDirectory, PersonalDataAlgorithm.Aes, create: Algorithm == PersonalDataAlgorithm.Aes));
        sm4 = new(new DataKeyRing(provider, key.KeysDirectory, PersonalDataAlgorithm.Sm4, create: Algorithm == PersonalDataAlgorithm.Sm4));
        hashKeys = new(provider, key, time ?? TimeProvider.System);
        Others = Enum.GetValues<PersonalDataAlgorithm>().Where(a => a != Algorithm).ToArray();
    }

    /// <summary>The algorithm new ciphertexts and hashes use.</summary>
    public PersonalDataAlgorithm Algorithm { get; }

    private PersonalDataAlgorithm[] Others { get; }

    /// <summary>The keyed-hash keys: new hashes use the current one, lookups ask under every one (ADR 0022).</summary>
    public HashKeyRing HashKeys => hashKeys;

    public string Encrypt(string plaintext) => Algorithm == PersonalDataAlgorithm.Sm4 ? sm4.Encrypt(plaintext) : aes.Encrypt(plaintext);

    /// <summary>The plaintext; a <see cref="CryptographicException"/> when the ciphertext was altered or its key is lost.</summary>
    public string Decrypt(string ciphertext) =>
        EnvelopeCipher.IsEnvelope(ciphertext) ? aes.Decrypt(ciphertext)
        : Sm4EnvelopeCipher.IsSm4(ciphertext) ? sm4.Decrypt(ciphertext)
        : legacy.Unprotect(ciphertext);

    /// <summary>Whether a ciphertext is sealed the way new ones are: the current algorithm under its current data key.</summary>
    public bool IsCurrent(string ciphertext) => Algorithm == PersonalDataAlgorithm.Sm4
        ? Sm4EnvelopeCipher.IsSm4(ciphertext) && Sm4EnvelopeCipher.KeyIdOf(ciphertext) == sm4.CurrentKeyId
        : EnvelopeCipher.IsEnvelope(ciphertext) && EnvelopeCipher.KeyIdOf(ciphertext) == aes.CurrentKeyId;

    /// <summary>Lower-case hex keyed hash of the normalized number under the current algorithm; what new rows store.</summary>
    public string Hash(string normalized) => hashKeys.Current.Hash(Algorithm, normalized);

    /// <summary>
    /// The number's keyed hash under every algorithm and every hash key, the current first: what a lookup asks for, so a
    /// row written before a switch or a hash-key rotation (and not yet re-hashed) is still found (ADR 0022).
    /// </summary>
    public IReadOnlyList<string> Hashes(string normalized)
    {
        var keys = hashKeys.Others;
        var hashes = new string[1 + Others.Length + keys.Count * Algorithms.Length];
        hashes[0] = Hash(normalized);
        var next = 1;
        foreach (var algorithm in Others)
        {
            hashes[next++] = hashKeys.Current.Hash(algorithm, normalized);
        }

        foreach (var key in keys)
        {
            foreach (var algorithm in Algorithms)
            {
                hashes[next++] = key.Hash(algorithm, normalized);
            }
        }

        return hashes;
    }

    private static readonly PersonalDataAlgorithm[] Algorithms = Enum.GetValues<PersonalDataAlgorithm>();

    /// <summary>Which algorithm and hash key gave <paramref name="hash"/> for the number, e.g. "HMAC-SM3 key 1a2b3c4d (current)"; null when none did.</summary>
    public string? HashLabel(string normalized, string hash)
    {
        foreach (var (id, hasher) in hashKeys.All())
        {
            foreach (var algorithm in Enum.GetValues<PersonalDataAlgorithm>())
            {
                if (hasher.Hash(algorithm, normalized) == hash)
                {
                    var name = algorithm == PersonalDataAlgorithm.Sm4 ? "HMAC-SM3" : "HMAC-SHA256";
                    var current = id == hashKeys.CurrentId && algorithm == Algorithm ? " (current)" : "";
                    return $"{name} key {id:x8}{current}";
                }
            }
        }

        return null;
    }

    /// <summary>Writes the cipher, hash and masked columns from <see cref="PersonRow.IdNumber"/>.</summary>
    public void Seal(PersonRow row)
    {
        SealLookups(row);
        Encrypt(row);
    }

    /// <summary>The hash and masked columns only (and the hashes under the other algorithms and hash keys, for duplicate checks): what duplicate checks need, without the (costly) encryption.</summary>
    public void SealLookups(PersonRow row)
    {
        var plain = row.IdNumber ?? throw new InvalidOperationException("The row has no ID number to seal.");
        var hashes = Hashes(plain);
        row.IdNumberHash = hashes[0];
        row.IdNumberHashAliases = hashes.Skip(1).ToArray();
        row.IdNumberMasked = IdNumber.Mask(plain);
    }

    /// <summary>The cipher column; thread-safe, so an import encrypts its rows in parallel.</summary>
    public void Encrypt(PersonRow row) =>
        row.IdNumberCipher = Encrypt(row.IdNumber ?? throw new InvalidOperationException("The row has no ID number to seal."));

    /// <summary>Fills <see cref="PersonRow.IdNumber"/> from the cipher, for the detail page and editing.</summary>
    public void Unseal(PersonRow row) => row.IdNumber = Decrypt(row.IdNumberCipher);

    public void Dispose()
    {
        hashKeys.Dispose();
        aes.Dispose();
        sm4.Dispose();
    }
}
