using Microsoft.AspNetCore.DataProtection;

namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// The keys of the ID numbers' keyed hash (ADR 0022, "Rotating the hash key"). Key 00000000 is the portal's HMAC key
/// (<see cref="PersonalDataKey"/>: configuration or <c>keys/personal-data-hmac.key</c>); rotated keys are 32 random bytes
/// in <c>keys/personal-data-hmac-key-{id}.txt</c>, wrapped by Data Protection like the data keys. New hashes use the
/// newest key this instance found when it started; lookups also ask under every other key, and the folder is read again
/// at most once a minute, so an instance started before a rotation still finds rows hashed under the new key.
/// </summary>
public sealed class HashKeyRing : IDisposable
{
    public const uint InitialKeyId = 0;
    private const string FilePrefix = "personal-data-hmac-key-";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);
    private readonly DataKeyRing files;
    private readonly TimeProvider time;
    private readonly Lock refreshing = new();
    private readonly Dictionary<uint, IdNumberHasher> hashers = [];
    private volatile IdNumberHasher[] others = [];
    private DateTimeOffset nextRefresh;

    public HashKeyRing(IDataProtectionProvider provider, PersonalDataKey key, TimeProvider time)
    {
        files = new DataKeyRing(provider, key.KeysDirectory, FilePrefix, 32, create: false);
        this.time = time;
        hashers[InitialKeyId] = new IdNumberHasher(key.Bytes);
        CurrentId = files.CurrentId; // 0 while no key was rotated in: the initial key
        Refresh();
        Current = hashers[CurrentId];
    }

    /// <summary>The key new hashes use.</summary>
    public uint CurrentId { get; }

    public IdNumberHasher Current { get; }

    /// <summary>Every key other than the current one (re-reading the folder when a minute has passed), for lookups.</summary>
    public IReadOnlyList<IdNumberHasher> Others
    {
        get
        {
            if (time.GetUtcNow() >= nextRefresh)
            {
                Refresh();
            }

            return others;
        }
    }

    /// <summary>Every key, the current first, with its id: what <c>personal-data status</c> labels rows by.</summary>
    public IReadOnlyList<(uint Id, IdNumberHasher Hasher)> All()
    {
        _ = Others;
        lock (refreshing)
        {
            return [(CurrentId, hashers[CurrentId]), .. hashers.Where(h => h.Key != CurrentId).OrderBy(h => h.Key).Select(h => (h.Key, h.Value))];
        }
    }

    /// <summary>Writes a new hash key into the folder; instances started after it hash with it (<c>personal-data rotate-hash-key</c>).</summary>
    public uint AddKey() => files.AddKey();

    private void Refresh()
    {
        lock (refreshing)
        {
            foreach (var (id, bytes) in files.Reload())
            {
                if (!hashers.ContainsKey(id))
                {
                    hashers[id] = new IdNumberHasher(bytes);
                }
            }

            others = hashers.Where(h => h.Key != CurrentId).OrderBy(h => h.Key).Select(h => h.Value).ToArray();
            nextRefresh = time.GetUtcNow() + RefreshInterval;
        }
    }

    public void Dispose()
    {
        foreach (var hasher in hashers.Values)
        {
            hasher.Dispose();
        }
    }
}
