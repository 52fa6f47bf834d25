using System.Security.Cryptography;
using HarmonyPortal.Core.PersonalData;
using Microsoft.AspNetCore.DataProtection;
using Xunit;

namespace HarmonyPortal.Core.Tests.PersonalData;

/// <summary>
/// The 国密 option (ADR 0022): with <c>PersonalData:Algorithm</c> = sm4 new ciphertexts are SM4-GCM (<c>s1.</c>) and
/// hashes HMAC-SM3; either setting reads the other's ciphertexts, a lookup asks for the number under both hashes, and a
/// new data key becomes current for instances started after it while the older keys keep reading.
/// </summary>
public sealed class Sm4ProtectorTests : IDisposable
{
    private const string Number = "11010519491231002X";
    private readonly string keys = Path.Combine(Path.GetTempPath(), "harmony-sm4-" + Guid.NewGuid().ToString("N"));

    private IDataProtectionProvider Provider() => DataProtectionProvider.Create(new DirectoryInfo(keys), b => b.SetApplicationName("HarmonyPortal"));

    private PersonalDataProtector Open(PersonalDataAlgorithm algorithm) =>
        new(Provider(), PersonalDataKey.FromConfiguration(null, keys, algorithm));

    [Fact]
    public void WithSm4_ACiphertextIsSm4Gcm_ReadsBack_AndShowsNothing()
    {
        using var protector = Open(PersonalDataAlgorithm.Sm4);

        var first = protector.Encrypt(Number);
        var second = protector.Encrypt(Number);

        Assert.StartsWith("s1.", first);
        Assert.Equal(70, first.Length); // as long as an AES one: the column's 512 characters hold either
        Assert.DoesNotContain("19491231", first);
        Assert.NotEqual(first, second);
        Assert.Equal(Number, protector.Decrypt(first));
        Assert.Single(Directory.GetFiles(keys, "personal-data-sm4-key-*.txt"));
        Assert.Empty(Directory.GetFiles(keys, "personal-data-key-*.txt"));
    }

    [Fact]
    public void EachAlgorithm_ReadsTheOthersCiphertexts()
    {
        using var aes = Open(PersonalDataAlgorithm.Aes);
        var old = aes.Encrypt(Number);
        using var sm4 = Open(PersonalDataAlgorithm.Sm4);
        var @new = sm4.Encrypt(Number);

        Assert.Equal(Number, sm4.Decrypt(old));
        Assert.Equal(Number, aes.Decrypt(@new));
        Assert.True(sm4.IsCurrent(@new));
        Assert.False(sm4.IsCurrent(old));
        Assert.True(aes.IsCurrent(old));
        Assert.False(aes.IsCurrent(@new));
    }

    [Fact]
    public void TheHashFollowsTheAlgorithm_AndALookupAsksForBoth()
    {
        using var aes = Open(PersonalDataAlgorithm.Aes);
        using var sm4 = Open(PersonalDataAlgorithm.Sm4);

        Assert.NotEqual(aes.Hash(Number), sm4.Hash(Number));
        Assert.Equal(64, sm4.Hash(Number).Length);
        Assert.Equal([sm4.Hash(Number), aes.Hash(Number)], sm4.Hashes(Number));
        Assert.Equal([aes.Hash(Number), sm4.Hash(Number)], aes.Hashes(Number));
        Assert.NotEqual(sm4.Hash(Number), sm4.Hash("110105194912310029"));
    }

    [Fact]
    public void AlteredSm4Ciphertext_IsRefused()
    {
        using var protector = Open(PersonalDataAlgorithm.Sm4);
        var cipher = protector.Encrypt(Number).ToCharArray();
        cipher[^3] = cipher[^3] == 'A' ? 'B' : 'A';

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(new string(cipher)));
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt("s1.AAAA"));
    }

    [Fact]
    public void ARotatedKey_IsCurrentForInstancesStartedAfter_AndTheOldOneStillReads()
    {
        using var before = Open(PersonalDataAlgorithm.Sm4);
        var old = before.Encrypt(Number);

        var added = new DataKeyRing(Provider(), keys, PersonalDataAlgorithm.Sm4, create: true).AddKey();
        using var after = Open(PersonalDataAlgorithm.Sm4);
        var @new = after.Encrypt(Number);

        Assert.Equal(added, Sm4EnvelopeCipher.KeyIdOf(@new));
        Assert.NotEqual(Sm4EnvelopeCipher.KeyIdOf(old), Sm4EnvelopeCipher.KeyIdOf(@new));
        Assert.False(after.IsCurrent(old));
        Assert.Equal(Number, after.Decrypt(old));
        Assert.Equal(Number, before.Decrypt(@new)); // the older instance finds the new key in the folder
    }

    [Fact]
    public void AKeyAddedWithinTheNewestKeysClockTick_IsStillTheCurrentOne()
    {
        using (Open(PersonalDataAlgorithm.Sm4))
        {
            // The first key's file dated as late as the next one would be, or later (a coarse tick, a clock step back).
            foreach (var file in Directory.GetFiles(keys, "personal-data-sm4-key-*.txt"))
            {
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5));
            }
        }

        var added = new DataKeyRing(Provider(), keys, PersonalDataAlgorithm.Sm4, create: true).AddKey();
        using var after = Open(PersonalDataAlgorithm.Sm4);

        Assert.Equal(added, Sm4EnvelopeCipher.KeyIdOf(after.Encrypt(Number)));
    }

    [Fact]
    public void AnUnknownAlgorithm_StopsTheStart()
    {
        Assert.Equal(PersonalDataAlgorithm.Aes, PersonalDataAlgorithms.Parse(null));
        Assert.Equal(PersonalDataAlgorithm.Sm4, PersonalDataAlgorithms.Parse(" SM4 "));
        Assert.Throws<InvalidOperationException>(() => PersonalDataAlgorithms.Parse("sm2"));
    }

    public void Dispose()
    {
        if (Directory.Exists(keys))
        {
            Directory.Delete(keys, recursive: true);
        }
    }
}
