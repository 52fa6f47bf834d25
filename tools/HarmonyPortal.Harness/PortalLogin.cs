using System.Net;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Harness;

/// <summary>
/// Signs in through the portal's login form as a browser does (its antiforgery token, then the user name and password):
/// the one login client of the tests, the benchmarks and the reliability driver.
/// </summary>
public static partial class PortalLogin
{
    public const string Path = "/account/login";

    /// <summary>The antiforgery token of the first form in <paramref name="html"/>, or null when it has none.</summary>
    public static string? Token(string html)
    {
        var match = TokenInput().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>The antiforgery token of a form on the page at <paramref name="url"/>.</summary>
    public static async Task<string> TokenFromAsync(HttpClient http, string url) =>
        Token(await http.GetStringAsync(url)) ?? throw new InvalidOperationException($"No antiforgery token on {url}.");

    /// <summary>Posts a form with the token, as the browser would.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, string token, params (string Key, string Value)[] fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields.Append(("__RequestVerificationToken", token))
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));

    /// <summary>The portal's answer to signing in: a redirect when it succeeded (the cookie is then in the client's container).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string userName, string password) =>
        await PostAsync(http, Path, await TokenFromAsync(http, Path), ("UserName", userName), ("Password", password));

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
