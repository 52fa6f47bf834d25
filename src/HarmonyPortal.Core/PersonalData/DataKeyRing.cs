using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// The data keys that encrypt ID numbers (ADR 0011, 0022): AES-256 keys live in the keys folder as
/// <c>personal-data-key-{id}.txt</c>, SM4 keys as <c>personal-data-sm4-key-{id}.txt</c>, each protected by Data Protection, so a copy of the folder without Data
/// Protection's key ring (or of the database alone) reveals nothing. The first start writes one; a ciphertext naming a
/// key this instance has not loaded (another instance wrote it) makes the ring read the folder again.
/// </summary>
public sealed class DataKeyRing
{
    private const string Purpose = "HarmonyPortal.PersonalData.DataKey.v1";
    private readonly IDataProtector protector;
    private readonly string directory;
    private readonly string filePrefix;
    private readonly int keySize;
    private readonly Lock reloading = new();
    private volatile Dictionary<uint, byte[]> keys;

    /// <summary>The AES-256 ring, writing its first key when the folder has none.</summary>
    public DataKeyRing(IDataProtectionProvider provider, string keysDirectory)
        : this(provider, keysDirectory, PersonalDataAlgorithm.Aes, create: true)
    {
    }

    /// <param name="create">Write a first key when the folder has none (the current algorithm's ring); a ring only read from stays empty.</param>
    public DataKeyRing(IDataProtectionProvider provider, string keysDirectory, PersonalDataAlgorithm algorithm, bool create)
        : this(provider, keysDirectory, algorithm == PersonalDataAlgorithm.Sm4 ? "personal-data-sm4-key-" : "personal-data-key-",
            algorithm == PersonalDataAlgorithm.Sm4 ? 16 : 32, create)
    {
    }

    /// <summary>A ring of <paramref name="keySize"/>-byte keys in files named <paramref name="filePrefix"/>{id}.txt (the keyed-hash keys use it too, <see cref="HashKeyRing"/>).</summary>
    public DataKeyRing(IDataProtectionProvider provider, string keysDirectory, string filePrefix, int keySize, bool create)
    {
        protector = provider.CreateProtector(Purpose);
        directory = keysDirectory;
        (this.filePrefix, this.keySize) = (filePrefix, keySize);
        Directory.CreateDirectory(directory);
        keys = Read();
        if (keys.Count == 0 && create)
        {
            Create();
            keys = Read();
            if (keys.Count == 0)
            {
                throw new InvalidOperationException($"No usable personal-data key in {directory}.");
            }
        }

        CurrentId = keys.Count > 0 ? Newest() : 0;
    }

    /// <summary>The key new ciphertexts use: the newest one this instance could read when it started.</summary>
    public uint CurrentId { get; }

    public byte[] Current => keys.TryGetValue(CurrentId, out var key) ? key : throw new InvalidOperationException($"No usable personal-data key in {directory}.");

    /// <summary>Writes a new key (key rotation, ADR 0022); instances started after it seal with it, every older key keeps reading.</summary>
    public uint AddKey()
    {
        var id = Create();
        lock (reloading)
        {
            keys = Read();
        }

        return id;
    }

    /// <summary>Reads the folder again (keys written by another instance or command) and answers every key it holds.</summary>
    public IReadOnlyDictionary<uint, byte[]> Reload()
    {
        lock (reloading)
        {
            keys = Read();
            return keys;
        }
    }

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

    private string PathOf(uint id) => Path.Combine(directory, $"{filePrefix}{id:x8}.txt");

    private uint Create()
    {
        var id = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
        var protectedKey = protector.Protect(RandomNumberGenerator.GetBytes(keySize));
        try
        {
            using var file = new FileStream(PathOf(id), FileMode.CreateNew, FileAccess.Write);
            file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(protectedKey)));
        }
        catch (IOException) when (File.Exists(PathOf(id)))
        {
            // The same four random bytes twice: keep the first.
            return id;
        }

        // The newest file is the current key, and file times move in the kernel's coarse ticks (milliseconds): a key
        // written in the same tick as the newest one, or after a clock step back, is dated just after it.
        var newest = Directory.EnumerateFiles(directory, filePrefix + "*.txt").Where(p => p != PathOf(id))
            .Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max();
        if (File.GetLastWriteTimeUtc(PathOf(id)) <= newest)
        {
            File.SetLastWriteTimeUtc(PathOf(id), newest.AddMilliseconds(1));
        }

        return id;
    }

    /// <summary>Every key file this instance can unprotect; files of a lost Data Protection key ring are skipped, as the numbers they sealed are.</summary>
    private Dictionary<uint, byte[]> Read()
    {
        var found = new Dictionary<uint, byte[]>();
        foreach (var path in Directory.EnumerateFiles(directory, filePrefix + "*.txt"))
        {
            var name = Path.GetFileNameWithoutExtension(path)[filePrefix.Length..];
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
