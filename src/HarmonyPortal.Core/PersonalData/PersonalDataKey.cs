using System.Security.Cryptography;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// The HMAC key for ID-number lookups. Every portal instance sharing a database must use the same
/// key: give it in configuration (PersonalData:HmacKey, base64, ≥ 32 bytes), or let the first start
/// write one into the data folder's keys/.
/// </summary>
public sealed class PersonalDataKey
{
    private PersonalDataKey(byte[] bytes, string keysDirectory) => (Bytes, KeysDirectory) = (bytes, keysDirectory);

    public byte[] Bytes { get; }

    /// <summary>The algorithm new ciphertexts and hashes use (<c>PersonalData:Algorithm</c>, ADR 0022).</summary>
    public PersonalDataAlgorithm Algorithm { get; private init; }

    /// <summary>The folder of the portal's keys, where the ID numbers' data keys live too (<see cref="DataKeyRing"/>).</summary>
    public string KeysDirectory { get; }

    public static PersonalDataKey FromConfiguration(string? base64, string keysDirectory, PersonalDataAlgorithm algorithm) =>
        new(FromConfiguration(base64, keysDirectory).Bytes, keysDirectory) { Algorithm = algorithm };

    public static PersonalDataKey FromConfiguration(string? base64, string keysDirectory)
    {
        if (!string.IsNullOrWhiteSpace(base64))
        {
            var configured = Convert.FromBase64String(base64);
            return configured.Length >= 32
                ? new PersonalDataKey(configured, keysDirectory)
                : throw new InvalidOperationException("PersonalData:HmacKey must be at least 32 bytes (base64).");
        }

        Directory.CreateDirectory(keysDirectory);
        var path = Path.Combine(keysDirectory, "personal-data-hmac.key");
        if (!File.Exists(path))
        {
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Select(c => (byte)c).ToArray());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance wrote it first; use theirs.
            }
        }

        return new PersonalDataKey(Convert.FromBase64String(File.ReadAllText(path).Trim()), keysDirectory);
    }
}
