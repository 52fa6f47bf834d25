using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// The AES-256 data keys that encrypt ID numbers (ADR 0011). Each key lives in the keys folder as
/// <c>personal-data-key-{id}.txt</c>, itself protected by Data Protection, so a copy of the folder without Data
/// Protection's key ring (or of the database alone) reveals nothing. The first start writes one; a ciphertext naming a
/// key this instance has not loaded (another instance wrote it) makes the ring read the folder again.
/// </summary>
public sealed class DataKeyRing
{
    private const string Purpose = "HarmonyPortal.PersonalData.DataKey.v1";
    private const string Prefix = "personal-data-key-";
    private readonly IDataProtector protector;
    private readonly string directory;
    private readonly Lock reloading = new();
    private volatile Dictionary<uint, byte[]> keys;

    public DataKeyRing(IDataProtectionProvider provider, string keysDirectory)
    {
        protector = provider.CreateProtector(Purpose);
        directory = keysDirectory;
        Directory.CreateDirectory(directory);
        keys = Read();
        if (keys.Count == 0)
        {
            Create();
            keys = Read();
        }

        CurrentId = keys.Count > 0 ? Newest() : throw new InvalidOperationException($"No usable personal-data key in {directory}.");
    }

    /// <summary>The key new ciphertexts use: the newest one this instance can read.</summary>
    public uint CurrentId { get; }

    public byte[] Current => keys[CurrentId];

    /// <summary>The key named by a ciphertext, or null when neither memory nor the folder has it (its key ring is lost).</summary>
    public byte[]? Find(uint id)
    {
        if (keys.TryGetValue(id, out var key))
        {
            return key;
        }

        lock (reloading)
        {
            keys = Read();
        }

        return keys.GetValueOrDefault(id);
    }

    private uint Newest() =>
        keys.Keys.OrderByDescending(id => File.GetLastWriteTimeUtc(PathOf(id))).ThenBy(id => id).First();

    private string PathOf(uint id) => Path.Combine(directory, $"{Prefix}{id:x8}.txt");

    private void Create()
    {
        var id = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
        var protectedKey = protector.Protect(RandomNumberGenerator.GetBytes(32));
        try
        {
            using var file = new FileStream(PathOf(id), FileMode.CreateNew, FileAccess.Write);
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(protectedKey)));
        }
        catch (IOException) when (File.Exists(PathOf(id)))
        {
            // The same four random bytes twice: keep the first.
        }
    }

    /// <summary>Every key file this instance can unprotect; files of a lost Data Protection key ring are skipped, as the numbers they sealed are.</summary>
    private Dictionary<uint, byte[]> Read()
    {
        var found = new Dictionary<uint, byte[]>();
        foreach (var path in Directory.EnumerateFiles(directory, Prefix + "*.txt"))
        {
            var name = Path.GetFileNameWithoutExtension(path)[Prefix.Length..];
            if (!uint.TryParse(name, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                found[id] = protector.Unprotect(Convert.FromBase64String(File.ReadAllText(path).Trim()));
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                // Written under a Data Protection key ring this instance does not have.
            }
        }

        return found;
    }
}
