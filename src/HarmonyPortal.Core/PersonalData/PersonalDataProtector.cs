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
    private readonly IdNumberHasher hasher;

    public PersonalDataProtector(IDataProtectionProvider provider, PersonalDataKey key)
    {
        Algorithm = key.Algorithm;
        legacy = provider.CreateProtector("HarmonyPortal.PersonalData.IdNumber.v1");
        aes = new(new DataKeyRing(provider, key.KeysDirectory, PersonalDataAlgorithm.Aes, create: Algorithm == PersonalDataAlgorithm.Aes));
        sm4 = new(new DataKeyRing(provider, key.KeysDirectory, PersonalDataAlgorithm.Sm4, create: Algorithm == PersonalDataAlgorithm.Sm4));
        hasher = new(key.Bytes);
        Others = Enum.GetValues<PersonalDataAlgorithm>().Where(a => a != Algorithm).ToArray();
    }

    /// <summary>The algorithm new ciphertexts and hashes use.</summary>
    public PersonalDataAlgorithm Algorithm { get; }

    private PersonalDataAlgorithm[] Others { get; }

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
    public string Hash(string normalized) => hasher.Hash(Algorithm, normalized);

    /// <summary>
    /// The number's keyed hash under every algorithm, the current first: what a lookup asks for, so a row written before a
    /// switch (and not yet re-hashed by <c>personal-data reencrypt</c>) is still found (ADR 0022).
    /// </summary>
    public IReadOnlyList<string> Hashes(string normalized) => [Hash(normalized), .. Others.Select(a => hasher.Hash(a, normalized))];

    /// <summary>Writes the cipher, hash and masked columns from <see cref="PersonRow.IdNumber"/>.</summary>
    public void Seal(PersonRow row)
    {
        SealLookups(row);
        Encrypt(row);
    }

    /// <summary>The hash and masked columns only (and the hashes under the other algorithms, for duplicate checks): what duplicate checks need, without the (costly) encryption.</summary>
    public void SealLookups(PersonRow row)
    {
        var plain = row.IdNumber ?? throw new InvalidOperationException("The row has no ID number to seal.");
        row.IdNumberHash = Hash(plain);
        row.IdNumberHashAliases = Others.Select(a => hasher.Hash(a, plain)).ToArray();
        row.IdNumberMasked = IdNumber.Mask(plain);
    }

    /// <summary>The cipher column; thread-safe, so an import encrypts its rows in parallel.</summary>
    public void Encrypt(PersonRow row) =>
        row.IdNumberCipher = Encrypt(row.IdNumber ?? throw new InvalidOperationException("The row has no ID number to seal."));

    /// <summary>Fills <see cref="PersonRow.IdNumber"/> from the cipher, for the detail page and editing.</summary>
    public void Unseal(PersonRow row) => row.IdNumber = Decrypt(row.IdNumberCipher);

    public void Dispose()
    {
        hasher.Dispose();
        aes.Dispose();
        sm4.Dispose();
    }
}
