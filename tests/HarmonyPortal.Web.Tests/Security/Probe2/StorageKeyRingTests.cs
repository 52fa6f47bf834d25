using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>Production with a key-ring certificate (a throwaway self-signed one, written as PKCS#12 with a password).</summary>
public sealed class CertificateKeyRingPortal : PortalFactory
{
    public const string Password = "KeyRing#Test2026";

    public CertificateKeyRingPortal() : base(DatabaseProvider.Sqlite, "Production")
    {
        CertificatePath = Path.Combine(TestPaths.Scratch("keyring"), Guid.NewGuid().ToString("N") + ".pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=HarmonyPortal key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, Password));
        Thumbprint = certificate.Thumbprint;
    }

    public string CertificatePath { get; }

    public string Thumbprint { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Harmony:KeyRingCertificate:Path", CertificatePath);
        builder.UseSetting("Harmony:KeyRingCertificate:Password", Password);
    }

    protected override async Task DisposeFixtureAsync()
    {
        await base.DisposeFixtureAsync();
        File.Delete(CertificatePath);
    }
}

/// <summary>Production without a certificate, as ProductionTests run it.</summary>
public sealed class PlainKeyRingPortal() : PortalFactory(DatabaseProvider.Sqlite, "Production");

/// <summary>
/// Issue 14, item 4: the Data Protection key ring (which also wraps the ID numbers' data keys) is encrypted at rest
/// with the configured certificate; without one, Production warns loudly at every start.
/// </summary>
public sealed class StorageKeyRingTests(ITestOutputHelper output)
{
    private const string Warning = "stored UNENCRYPTED because no certificate is configured";

    [Fact]
    public async Task WithACertificate_EveryKeyIsWrittenEncrypted_TheKeysStillWork_AndNoWarningIsLogged()
    {
        var portal = new CertificateKeyRingPortal();
        await portal.InitializeAsync();
        try
        {
            using var client = portal.CreatePortalClient();
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/login")).StatusCode);
            var protector = portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test");
            Assert.Equal("往返", protector.Unprotect(protector.Protect("往返")));

            var keys = Directory.GetFiles(Path.Combine(portal.DataDirectory, "keys"), "key-*.xml");
            var xml = keys.Select(File.ReadAllText).ToList();
            output.WriteLine($"{keys.Length} key file(s); encrypted: {xml.Count(x => x.Contains("<encryptedSecret", StringComparison.Ordinal))}; thumbprint named: {xml.Count(x => x.Contains(portal.Thumbprint, StringComparison.OrdinalIgnoreCase))}");
            Assert.NotEmpty(keys);
            Assert.All(xml, x =>
            {
                Assert.Contains("<encryptedSecret", x, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", x, StringComparison.Ordinal);
                Assert.DoesNotContain("unencrypted form", x, StringComparison.Ordinal);
            });
            Assert.DoesNotContain(Warning, await LogTextAsync(portal));
        }
        finally
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
        }
    }

    [Fact]
    public async Task InProductionWithoutACertificate_TheStartLogsALoudWarning_AndTheKeysAreInClear()
    {
        var portal = new PlainKeyRingPortal();
        await portal.InitializeAsync();
        try
        {
            using var client = portal.CreatePortalClient();
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/login")).StatusCode);

            var log = await LogTextAsync(portal);
            var keys = Directory.GetFiles(Path.Combine(portal.DataDirectory, "keys"), "key-*.xml").Select(File.ReadAllText).ToList();
            output.WriteLine($"warning logged: {log.Contains(Warning, StringComparison.Ordinal)}; {keys.Count} key file(s) in clear: {keys.Count(k => k.Contains("<masterKey", StringComparison.Ordinal))}");
            Assert.Contains(Warning, log);
            Assert.Contains("\"Level\":\"Warning\"", log);
            Assert.Contains(keys, k => k.Contains("<masterKey", StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)portal).DisposeAsync();
        }
    }

    private static async Task<string> LogTextAsync(PortalFactory portal)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(portal.DataDirectory, "logs"), "*.json"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }
}
