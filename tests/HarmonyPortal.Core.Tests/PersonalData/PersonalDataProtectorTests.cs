using System.Security.Cryptography;
using HarmonyPortal.Core.PersonalData;
using Microsoft.AspNetCore.DataProtection;
using Xunit;

namespace HarmonyPortal.Core.Tests.PersonalData;

/// <summary>ID numbers sealed with the envelope cipher (ADR 0011): read back by any instance sharing the keys folder, by nobody without it, and the numbers sealed by Data Protection before still read.</summary>
public sealed class PersonalDataProtectorTests : IDisposable
{
    private const string Number = "11010519491231002X";
    private readonly string keys = Path.Combine(Path.GetTempPath(), "harmony-pd-" + Guid.NewGuid().ToString("N"));

    private PersonalDataProtector Open(string? directory = null)
    {
        var folder = directory ?? keys;
        return new PersonalDataProtector(
            DataProtectionProvider.Create(new DirectoryInfo(folder), b => b.SetApplicationName("HarmonyPortal")),
            PersonalDataKey.FromConfiguration(null, folder));
    }

    [Fact]
    public void ACiphertext_ReadsBack_ButShowsNeitherTheNumberNorItsRepetition()
    {
        using var protector = Open();

        var first = protector.Encrypt(Number);
        var second = protector.Encrypt(Number);

        Assert.StartsWith("e1.", first);
        Assert.DoesNotContain("19491231", first);
        Assert.NotEqual(first, second);
        Assert.Equal(Number, protector.Decrypt(first));
        Assert.Equal(Number, protector.Decrypt(second));
    }

    [Fact]
    public void AnotherInstanceOverTheSameKeysFolder_ReadsIt()
    {
        using var writer = Open();
        var cipher = writer.Encrypt(Number);

        using var reader = Open();

        Assert.Equal(Number, reader.Decrypt(cipher));
        Assert.Single(Directory.GetFiles(keys, "personal-data-key-*.txt"));
    }

    [Fact]
    public void WithoutTheKeysFolder_TheNumberCannotBeRead()
    {
        using var writer = Open();
        var cipher = writer.Encrypt(Number);

        using var stranger = Open(keys + "-other");

        Assert.ThrowsAny<CryptographicException>(() => stranger.Decrypt(cipher));
    }

    [Fact]
    public void AKeyFileWithoutItsDataProtectionKeyRing_IsUseless()
    {
        using (var writer = Open())
        {
            writer.Encrypt(Number);
        }

        // The data key file survives but Data Protection's own keys are gone: the portal cannot unwrap it and makes a new one.
        foreach (var file in Directory.GetFiles(keys, "key-*.xml"))
        {
            File.Delete(file);
        }

        using var restarted = Open();
        Assert.Equal(2, Directory.GetFiles(keys, "personal-data-key-*.txt").Length);
        Assert.Equal(Number, restarted.Decrypt(restarted.Encrypt(Number)));
    }

    [Fact]
    public void AlteredCiphertext_IsRefused()
    {
        using var protector = Open();
        var cipher = protector.Encrypt(Number).ToCharArray();
        cipher[^3] = cipher[^3] == 'A' ? 'B' : 'A';

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(new string(cipher)));
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt("e1.AAAA"));
    }

    [Fact]
    public void NumbersSealedByDataProtectionBeforeTheEnvelope_StillRead()
    {
        var provider = DataProtectionProvider.Create(new DirectoryInfo(keys), b => b.SetApplicationName("HarmonyPortal"));
        var old = provider.CreateProtector("HarmonyPortal.PersonalData.IdNumber.v1").Protect(Number);

        using var protector = Open();

        Assert.Equal(Number, protector.Decrypt(old));
    }

    [Fact]
    public void AKeyWrittenByAnotherInstanceAfterThisOneStarted_IsFoundInTheFolder()
    {
        var provider = DataProtectionProvider.Create(new DirectoryInfo(keys), b => b.SetApplicationName("HarmonyPortal"));
        using var early = new EnvelopeCipher(new DataKeyRing(provider, keys));
        early.Encrypt(Number);

        // Another instance that started on an empty folder at the same moment wrote a key of its own.
        var elsewhere = keys + "-late";
        using var late = new EnvelopeCipher(new DataKeyRing(provider, elsewhere));
        var cipher = late.Encrypt(Number);
        foreach (var file in Directory.GetFiles(elsewhere, "personal-data-key-*.txt"))
        {
            File.Copy(file, Path.Combine(keys, Path.GetFileName(file)));
        }

        Assert.Equal(Number, early.Decrypt(cipher));
    }

    public void Dispose()
    {
        foreach (var folder in new[] { keys, keys + "-other", keys + "-late" })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
