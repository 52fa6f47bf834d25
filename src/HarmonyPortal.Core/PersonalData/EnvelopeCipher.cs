using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// AES-256-GCM of short values under the data keys of a <see cref="DataKeyRing"/>: one AES operation per value
/// instead of Data Protection's key derivation per value (an import seals 100,000 ID numbers). A ciphertext is
/// <c>e1.</c> followed by base64url of key id (4 bytes, also authenticated) | nonce (12, random) | ciphertext | tag (16).
/// </summary>
public sealed class EnvelopeCipher(DataKeyRing ring) : IDisposable
{
    private const string Prefix = "e1.";
    private const int IdSize = 4, NonceSize = 12, TagSize = 16, Header = IdSize + NonceSize;

    /// <summary>One AesGcm per key per thread: an instance is not safe to share, and setting up the key per value costs as much as the encryption.</summary>
    private readonly ThreadLocal<Dictionary<uint, AesGcm>> ciphers = new(() => [], trackAllValues: true);

    public static bool IsEnvelope(string ciphertext) => ciphertext.StartsWith(Prefix, StringComparison.Ordinal);

    public uint CurrentKeyId => ring.CurrentId;

    /// <summary>The key id a ciphertext of this format names (its first four bytes).</summary>
    public static uint KeyIdOf(string ciphertext)
    {
        try
        {
            var sealedBytes = Base64Url.DecodeFromChars(ciphertext.AsSpan(Prefix.Length));
            return sealedBytes.Length >= Header + TagSize ? BinaryPrimitives.ReadUInt32BigEndian(sealedBytes) : throw new CryptographicException("The personal-data ciphertext is too short.");
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The personal-data ciphertext is not valid base64url.", e);
        }
    }

    public string Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[Header + plain.Length + TagSize];
        var id = ring.CurrentId;
        BinaryPrimitives.WriteUInt32BigEndian(sealedBytes, id);
        var nonce = sealedBytes.AsSpan(IdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Cipher(id, ring.Current).Encrypt(nonce, plain, sealedBytes.AsSpan(Header, plain.Length),
            sealedBytes.AsSpan(Header + plain.Length, TagSize), sealedBytes.AsSpan(0, IdSize));
        return Prefix + Base64Url.EncodeToString(sealedBytes);
    }

    public string Decrypt(string ciphertext)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(ciphertext.AsSpan(Prefix.Length));
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The personal-data ciphertext is not valid base64url.", e);
        }

        if (sealedBytes.Length < Header + TagSize)
        {
            throw new CryptographicException("The personal-data ciphertext is too short.");
        }

        var id = BinaryPrimitives.ReadUInt32BigEndian(sealedBytes);
        var key = ring.Find(id) ?? throw new CryptographicException($"The personal-data key {id:x8} is not in the key ring (restored without its keys folder?).");
        var length = sealedBytes.Length - Header - TagSize;
        var plain = new byte[length];
        Cipher(id, key).Decrypt(sealedBytes.AsSpan(IdSize, NonceSize), sealedBytes.AsSpan(Header, length),
            sealedBytes.AsSpan(Header + length, TagSize), plain, sealedBytes.AsSpan(0, IdSize));
        return Encoding.UTF8.GetString(plain);
    }

    private AesGcm Cipher(uint id, byte[] key)
    {
        var mine = ciphers.Value!;
        if (!mine.TryGetValue(id, out var cipher))
        {
            cipher = new AesGcm(key, TagSize);
            mine[id] = cipher;
        }

        return cipher;
    }

    public void Dispose()
    {
        foreach (var cipher in ciphers.Values.SelectMany(c => c.Values))
        {
            cipher.Dispose();
        }

        ciphers.Dispose();
    }
}
