using System.Buffers.Binary;
using System.Security.Cryptography;

namespace HarmonyPortal.TestSupport;

/// <summary>What an authenticator app computes from a base32 key: RFC 6238 (30-second steps, HMAC-SHA1, 6 digits).</summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code for <paramref name="at"/> (now by default), from the key as the enrolment page shows it (spaces, any case).</summary>
    public static string Code(string key, DateTimeOffset? at = null, int stepOffset = 0)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30 + stepOffset;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1
        var hash = HMACSHA1.HashData(Base32(key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A 6-digit code that no step within two minutes of now produces: certainly wrong.</summary>
    public static string WrongCode(string key)
    {
        var near = Enumerable.Range(-4, 9).Select(i => Code(key, stepOffset: i)).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => (123456 + i * 7919).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static byte[] Base32(string key)
    {
        var text = new string(key.Where(c => c != ' ' && c != '=').Select(char.ToUpperInvariant).ToArray());
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes.ToArray();
    }
}
