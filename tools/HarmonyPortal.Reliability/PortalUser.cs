using System.Net;
using System.Text.RegularExpressions;
using HarmonyPortal.Harness;

namespace HarmonyPortal.Reliability;

/// <summary>The answer to one write, as the driver counts it.</summary>
public sealed record WriteOutcome(bool Succeeded, long? RowId, int Status, bool MentionsLocked, string? Error);

/// <summary>One signed-in user with its own cookies (its own server-side session), posting forms as a browser does.</summary>
public sealed partial class PortalUser : IDisposable
{
    private readonly HttpClient http;
    private string? token;

    public PortalUser(string baseUrl, string userName, string password, CookieContainer? cookies = null, TimeSpan? timeout = null)
    {
        UserName = userName;
        Password = password;
        Cookies = cookies ?? new CookieContainer();
        http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = timeout ?? TimeSpan.FromSeconds(120),
        };
    }

    public string UserName { get; }

    public string Password { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Http => http;

    public async Task LoginAsync()
    {
        var response = await PortalLogin.SignInAsync(http, UserName, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {UserName} answered {(int)response.StatusCode}.");
        }

        token = null;
        if (response.Headers.Location?.OriginalString.Contains("/account/change-password", StringComparison.Ordinal) == true)
        {
            // A user made by an admin (or the bootstrap admin) must first choose its own password. The driver keeps the
            // password it knows: it changes to a stand-in and back, so later sign-ins of the run use the same one.
            await ChangePasswordAsync(Password, Password + "~1");
            await ChangePasswordAsync(Password + "~1", Password);
        }
    }

    private async Task ChangePasswordAsync(string current, string next)
    {
        var form = await TokenFromAsync("/account/change-password");
        var response = await PostAsync("/account/change-password", form, ("CurrentPassword", current), ("NewPassword", next), ("ConfirmPassword", next));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Password change of {UserName} answered {(int)response.StatusCode}.");
        }
    }

    public Task<string> TokenFromAsync(string url) => PortalLogin.TokenFromAsync(http, url);

    public Task<HttpResponseMessage> PostAsync(string url, string formToken, params (string Key, string Value)[] fields) =>
        PortalLogin.PostAsync(http, url, formToken, fields);

    /// <summary>Posts a new coordinator row; a redirect to the row is a success, anything else is counted as an error.</summary>
    public async Task<WriteOutcome> CreateCoordinatorAsync(int year, (string, string)[] values)
    {
        try
        {
            token ??= await TokenFromAsync("/ledgers");
            using var response = await PostAsync("/ledgers/coordinators/create", token, [.. values, ("year", year.ToString())]);
            var body = await response.Content.ReadAsStringAsync();
            var locked = body.Contains("locked", StringComparison.OrdinalIgnoreCase);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
                && long.TryParse(location.OriginalString.Split('/')[^1], out var id))
            {
                return new WriteOutcome(true, id, 302, locked, null);
            }

            return new WriteOutcome(false, null, (int)response.StatusCode, locked, Summary(body));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            token = null;
            return new WriteOutcome(false, null, 0, e.Message.Contains("locked", StringComparison.OrdinalIgnoreCase), e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Uploads a coordinator workbook; returns the status and, unless it redirected, what the page said.</summary>
    public async Task<(int Status, string? Problem)> ImportCoordinatorsAsync(int year, byte[] workbook, CancellationToken ct = default)
    {
        var formToken = await TokenFromAsync("/ledgers/coordinators/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(formToken), "__RequestVerificationToken" },
            { new StringContent(year.ToString()), "year" },
        };
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "台账.xlsx");
        using var response = await http.PostAsync("/ledgers/coordinators/import", form, ct);
        return response.StatusCode == HttpStatusCode.Redirect
            ? (302, null)
            : ((int)response.StatusCode, Summary(await response.Content.ReadAsStringAsync(ct)));
    }

    private static string Summary(string body)
    {
        var errors = ErrorList().Match(body);
        var text = errors.Success ? errors.Groups[1].Value : body;
        text = Regex.Replace(text, "<[^>]+>", " ");
        text = Regex.Replace(text, @"\s+", " ").Trim();
        return text.Length > 200 ? text[..200] : text;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("(?s)<div[^>]*alert-danger[^>]*>(.*?)</div>")]
    private static partial Regex ErrorList();
}
