using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring (which also wraps the ID numbers' data keys) is encrypted at rest with a configured
/// certificate: <c>Harmony:KeyRingCertificate:Path</c> (a PKCS#12 file with its private key) and
/// <c>Harmony:KeyRingCertificate:Password</c>. Without one the keys are written in clear, which Production announces
/// with a warning at every start (docs/operations.md, "Key ring").
/// </summary>
public static class KeyRingProtection
{
    public const string PathSetting = "Harmony:KeyRingCertificate:Path";
    public const string PasswordSetting = "Harmony:KeyRingCertificate:Password";

    public const string UnprotectedWarning =
        "SECURITY WARNING: the Data Protection key ring in {KeysDirectory} is stored UNENCRYPTED because no certificate is configured. " +
        "Anyone who can read that folder can decrypt sign-in cookies and the ID numbers' data keys. Set " + PathSetting + " and " +
        PasswordSetting + " (see docs/operations.md, \"Key ring\").";

    /// <summary>Persists the keys to the keys folder (owner-only) and, when a certificate is configured, encrypts them with it.</summary>
    public static IDataProtectionBuilder PersistProtectedKeys(this IDataProtectionBuilder builder, IConfiguration config, PortalOptions options)
    {
        builder.PersistKeysToFileSystem(new DirectoryInfo(OwnerOnlyFiles.CreateDirectory(options.KeysDirectory)));
        if (Certificate(config) is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
        }
        else
        {
            builder.Services.AddHostedService<UnprotectedKeyRingWarning>();
        }

        return builder;
    }

    /// <summary>The configured certificate, or null when none is; a configured but unusable one stops the start with the reason.</summary>
    public static X509Certificate2? Certificate(IConfiguration config)
    {
        var path = config[PathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{PathSetting}: no certificate file at {path}.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, config[PasswordSetting]);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{PathSetting}: the certificate could not be opened (wrong {PasswordSetting}, or not a PKCS#12 file).", e);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{PathSetting}: the certificate has no private key; the key ring could be written but never read back.");
    }

    /// <summary>Logs <see cref="UnprotectedWarning"/> once at start in Production (Development keeps its keys in clear quietly).</summary>
    private sealed class UnprotectedKeyRingWarning(IHostEnvironment environment, PortalOptions options, ILogger<UnprotectedKeyRingWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (environment.IsProduction())
            {
#pragma warning disable CA2254 // the template is a constant
                logger.LogWarning(UnprotectedWarning, options.KeysDirectory);
#pragma warning restore CA2254
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
