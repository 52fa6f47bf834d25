using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// SM4-GCM (GB/T 32907-2016 block cipher, BouncyCastle) of short values under the SM4 data keys of a
/// <see cref="DataKeyRing"/> (ADR 0022). The layout is <see cref="EnvelopeCipher"/>'s with its own prefix: <c>s1.</c>
/// followed by base64url of key id (4 bytes, also authenticated) | nonce (12, random) | ciphertext | tag (16).
/// </summary>
public sealed class Sm4EnvelopeCipher(DataKeyRing ring) : IDisposable
{
    public const string Prefix = "s1.";
    private const int IdSize = 4, NonceSize = 12, TagSize = 16, Header = IdSize + NonceSize;

    /// <summary>One GCM instance per thread: BouncyCastle's ciphers keep state and are re-initialised per value.</summary>
    private readonly ThreadLocal<GcmBlockCipher> gcm = new(() => new GcmBlockCipher(new SM4Engine()));

    public static bool IsSm4(string ciphertext) => ciphertext.StartsWith(Prefix, StringComparison.Ordinal);

    public uint CurrentKeyId => ring.CurrentId;

    public string Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[Header + plain.Length + TagSize];
        var id = ring.CurrentId;
        BinaryPrimitives.WriteUInt32BigEndian(sealedBytes, id);
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(IdSize, NonceSize));
        var cipher = Init(true, ring.Current, sealedBytes);
        var written = cipher.ProcessBytes(plain, sealedBytes.AsSpan(Header));
        cipher.DoFinal(sealedBytes.AsSpan(Header + written));
        return Prefix + Base64Url.EncodeToString(sealedBytes);
    }

    public string Decrypt(string ciphertext)
    {
        var sealedBytes = Open(ciphertext);
        var id = BinaryPrimitives.ReadUInt32BigEndian(sealedBytes);
        var key = ring.Find(id) ?? throw new CryptographicException($"The personal-data SM4 key {id:x8} is not in the key ring (restored without its keys folder?).");
        var cipher = Init(false, key, sealedBytes);
        var plain = new byte[sealedBytes.Length - Header - TagSize];
        try
        {
            var written = cipher.ProcessBytes(sealedBytes.AsSpan(Header), plain);
            cipher.DoFinal(plain.AsSpan(written));
        }
        catch (InvalidCipherTextException e)
        {
            throw new CryptographicException("The personal-data ciphertext was altered (SM4-GCM tag mismatch).", e);
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id a ciphertext of this format names.</summary>
    public static uint KeyIdOf(string ciphertext) => BinaryPrimitives.ReadUInt32BigEndian(Open(ciphertext));

    private GcmBlockCipher Init(bool encrypt, byte[] key, byte[] sealedBytes)
    {
        var cipher = gcm.Value!;
        cipher.Init(encrypt, new AeadParameters(new KeyParameter(key), TagSize * 8, sealedBytes[IdSize..Header], sealedBytes[..IdSize]));
        return cipher;
    }

    private static byte[] Open(string ciphertext)
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

        return sealedBytes.Length >= Header + TagSize ? sealedBytes : throw new CryptographicException("The personal-data ciphertext is too short.");
    }

    public void Dispose() => gcm.Dispose();
}
