using System.Security.Cryptography;
using System.Text;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using Microsoft.AspNetCore.DataProtection;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// Keeps ID numbers out of the database in plaintext: encrypted with AES-256-GCM under a data key that Data
/// Protection guards (<see cref="EnvelopeCipher"/>, ADR 0011; ciphertexts written by Data Protection itself before
/// that still read), plus a keyed HMAC-SHA256 so the same number can be found and kept unique without decrypting,
/// plus a masked copy for lists.
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider, PersonalDataKey key) : IDisposable
{
    private readonly IDataProtector legacy = provider.CreateProtector("HarmonyPortal.PersonalData.IdNumber.v1");
    private readonly EnvelopeCipher envelope = new(new DataKeyRing(provider, key.KeysDirectory));

    public string Encrypt(string plaintext) => envelope.Encrypt(plaintext);

    /// <summary>The plaintext; a <see cref="CryptographicException"/> when the ciphertext was altered or its key is lost.</summary>
    public string Decrypt(string ciphertext) =>
        EnvelopeCipher.IsEnvelope(ciphertext) ? envelope.Decrypt(ciphertext) : legacy.Unprotect(ciphertext);

    /// <summary>One keyed HMAC per thread, reused: the one-shot form sets up the key for every hash (an import hashes 100,000).</summary>
    private readonly ThreadLocal<IncrementalHash> hmac = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Bytes), trackAllValues: true);

    /// <summary>Lower-case hex HMAC of the normalized number; equal numbers give equal hashes.</summary>
    public string Hash(string normalized)
    {
        var hash = hmac.Value!;
        hash.AppendData(Encoding.UTF8.GetBytes(normalized));
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Writes the cipher, hash and masked columns from <see cref="PersonRow.IdNumber"/>.</summary>
    public void Seal(PersonRow row)
    {
        SealLookups(row);
        Encrypt(row);
    }

    /// <summary>The hash and masked columns only: what duplicate checks need, without the (costly) encryption.</summary>
    public void SealLookups(PersonRow row)
    {
        var plain = row.IdNumber ?? throw new InvalidOperationException("The row has no ID number to seal.");
        row.IdNumberHash = Hash(plain);
        row.IdNumberMasked = IdNumber.Mask(plain);
    }

    /// <summary>The cipher column; thread-safe, so an import encrypts its rows in parallel.</summary>
    public void Encrypt(PersonRow row) =>
        row.IdNumberCipher = Encrypt(row.IdNumber ?? throw new InvalidOperationException("The row has no ID number to seal."));

    /// <summary>Fills <see cref="PersonRow.IdNumber"/> from the cipher, for the detail page and editing.</summary>
    public void Unseal(PersonRow row) => row.IdNumber = Decrypt(row.IdNumberCipher);

    public void Dispose()
    {
        foreach (var instance in hmac.Values)
        {
            instance.Dispose();
        }

        hmac.Dispose();
        envelope.Dispose();
    }
}
