using System.Security.Cryptography;
using System.Text;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using Microsoft.AspNetCore.DataProtection;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// Keeps ID numbers out of the database in plaintext: encrypted with Data Protection (authenticated,
/// key-rotating), plus a keyed HMAC-SHA256 so the same number can be found and kept unique without
/// decrypting, plus a masked copy for lists.
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider, PersonalDataKey key)
{
    private readonly IDataProtector protector = provider.CreateProtector("HarmonyPortal.PersonalData.IdNumber.v1");

    public string Encrypt(string plaintext) => protector.Protect(plaintext);

    public string Decrypt(string ciphertext) => protector.Unprotect(ciphertext);

    /// <summary>Lower-case hex HMAC of the normalized number; equal numbers give equal hashes.</summary>
    public string Hash(string normalized) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(normalized)));

    /// <summary>Writes the cipher, hash and masked columns from <see cref="PersonRow.IdNumber"/>.</summary>
    public void Seal(PersonRow row)
    {
        var plain = row.IdNumber ?? throw new InvalidOperationException("The row has no ID number to seal.");
        row.IdNumberCipher = Encrypt(plain);
        row.IdNumberHash = Hash(plain);
        row.IdNumberMasked = IdNumber.Mask(plain);
    }

    /// <summary>Fills <see cref="PersonRow.IdNumber"/> from the cipher, for the detail page and editing.</summary>
    public void Unseal(PersonRow row) => row.IdNumber = Decrypt(row.IdNumberCipher);
}
