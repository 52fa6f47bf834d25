using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using HarmonyPortal.Harness;
using Xunit;

namespace HarmonyPortal.TestSupport;

/// <summary>An HTTP client that behaves like a browser user: reads forms, sends their antiforgery token.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    public const string DemoPassword = "Harmony@2026";

    public HttpClient Http => http;

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>The antiforgery token of any form on the page at <paramref name="url"/> (which must answer 200).</summary>
    public async Task<string> TokenFromAsync(string url)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PortalLogin.Token(await response.Content.ReadAsStringAsync())
            ?? throw new InvalidOperationException($"No antiforgery token on {url}.");
    }

    public Task<HttpResponseMessage> PostAsync(string url, string token, params (string Key, string Value)[] fields) =>
        PortalLogin.PostAsync(http, url, token, fields);

    /// <summary>Signs in through the real login form (<see cref="PortalLogin"/>, shared with the benchmarks and tools).</summary>
    public async Task<HttpResponseMessage> LoginAsync(string userName, string password = DemoPassword) =>
        await PortalLogin.SignInAsync(http, userName, password);

    public async Task LoginOrFailAsync(string userName, string password = DemoPassword)
    {
        var response = await LoginAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login of {userName} answered {(int)response.StatusCode}.");
    }

    public void Dispose() => http.Dispose();
}
