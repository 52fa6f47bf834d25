using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// The keyed hashes of ID numbers (ADR 0007, 0022): HMAC-SHA256 under the portal's HMAC key, or HMAC-SM3 under a key
/// derived from it (HMAC-SM3 of the key over a fixed label, so the two hashes never share a key). Both are 64 hex
/// characters; a row's hash is the one its algorithm gave when it was written, and lookups ask for both.
/// </summary>
public sealed class IdNumberHasher : IDisposable
{
    private const string Sm3KeyLabel = "HarmonyPortal.PersonalData.IdNumberHash.SM3";
    private readonly ThreadLocal<IncrementalHash> sha256;
    private readonly ThreadLocal<HMac> sm3;

    public IdNumberHasher(byte[] key)
    {
        var sm3Key = Sm3Mac(key, Encoding.UTF8.GetBytes(Sm3KeyLabel));
        // One keyed instance per thread, reused: setting up the key per hash costs as much as the hash (an import hashes 100,000).
        sha256 = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key), trackAllValues: true);
        sm3 = new(() =>
        {
            var mac = new HMac(new SM3Digest());
            mac.Init(new KeyParameter(sm3Key));
            return mac;
        });
    }

    /// <summary>Lower-case hex keyed hash of the normalized number under the algorithm's hash; equal numbers give equal hashes.</summary>
    public string Hash(PersonalDataAlgorithm algorithm, string normalized)
    {
        Span<byte> digest = stackalloc byte[32];
        var most = Encoding.UTF8.GetMaxByteCount(normalized.Length);
        Span<byte> input = most <= 256 ? stackalloc byte[most] : new byte[most];
        input = input[..Encoding.UTF8.GetBytes(normalized, input)];
        if (algorithm == PersonalDataAlgorithm.Sm4)
        {
            var mac = sm3.Value!;
            mac.BlockUpdate(input);
            mac.DoFinal(digest);
        }
        else
        {
            var hash = sha256.Value!;
            hash.AppendData(input);
            hash.GetHashAndReset(digest);
        }

        return Convert.ToHexStringLower(digest);
    }

    /// <summary>One-shot HMAC-SM3 (GB/T 32905-2016 hash in RFC 2104's construction).</summary>
    public static byte[] Sm3Mac(byte[] key, byte[] message)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(message, 0, message.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return result;
    }

    public void Dispose()
    {
        foreach (var instance in sha256.Values)
        {
            instance.Dispose();
        }

        sha256.Dispose();
        sm3.Dispose();
    }
}
