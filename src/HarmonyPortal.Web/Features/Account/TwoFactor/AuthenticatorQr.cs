using System.Text;
using System.Text.Encodings.Web;
using QRCoder;

namespace HarmonyPortal.Web.Features.Account.TwoFactor;

/// <summary>The authenticator key as people type it and as apps scan it (the <c>otpauth://</c> URI, drawn on the server).</summary>
public static class AuthenticatorQr
{
    public const string Issuer = "HarmonyPortal";

    /// <summary>The key in lower-case groups of four, easier to read aloud and type.</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    public static string Uri(string userName, string key) =>
        $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(userName)}" +
        $"?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";

    /// <summary>A PNG of the URI's QR code as a <c>data:</c> URI (the portal's CSP allows <c>img-src data:</c>).</summary>
    public static string PngDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
