namespace HarmonyPortal.Core.PersonalData;

/// <summary>
/// The cipher and keyed hash that new ID-number ciphertexts and hashes use (ADR 0022), chosen by
/// <c>PersonalData:Algorithm</c>. Ciphertexts name theirs (<c>e1.</c> AES, <c>s1.</c> SM4), so every algorithm keeps
/// reading whichever is current.
/// </summary>
public enum PersonalDataAlgorithm
{
    /// <summary>AES-256-GCM and HMAC-SHA256: the default (ADR 0011).</summary>
    Aes,

    /// <summary>SM4-GCM (GB/T 32907-2016) and HMAC-SM3 (GB/T 32905-2016), for deployments assessed under 密评.</summary>
    Sm4,
}

public static class PersonalDataAlgorithms
{
    /// <summary>The configured value (<c>aes</c>, the default, or <c>sm4</c>); anything else stops the start.</summary>
    public static PersonalDataAlgorithm Parse(string? configured) => configured?.Trim().ToLowerInvariant() switch
    {
        null or "" or "aes" => PersonalDataAlgorithm.Aes,
        "sm4" => PersonalDataAlgorithm.Sm4,
        _ => throw new InvalidOperationException($"PersonalData:Algorithm must be aes or sm4, not '{configured}'."),
    };

    public static string Name(this PersonalDataAlgorithm algorithm) =>
        algorithm == PersonalDataAlgorithm.Sm4 ? "SM4-GCM + HMAC-SM3" : "AES-256-GCM + HMAC-SHA256";
}
