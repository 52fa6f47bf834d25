using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Materials;

/// <summary>The requests a user's browser sends on the materials pages, read from the pages like a user would.</summary>
public static class MaterialFlow
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    /// <summary>A PDF that runs a script when opened.</summary>
    public static readonly byte[] ScriptedPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    public static async Task<HttpResponseMessage> CreateAsync(PortalClient client, int regionId, int year, int jurisdiction, string taskId, string title, string summary,
        params (string Name, byte[] Bytes)[] files) =>
        await client.Http.PostAsync($"/materials/{regionId}/create", await FormAsync(client,
            [("year", year.ToString()), ("jurisdictionRegionId", jurisdiction.ToString()), ("taskId", taskId), ("title", title), ("summary", summary)], files));

    public static async Task<HttpResponseMessage> EditAsync(PortalClient client, long id, int version, string title, string summary, long[] remove, params (string Name, byte[] Bytes)[] files) =>
        await client.Http.PostAsync($"/materials/{id}/edit", await FormAsync(client,
            [("version", version.ToString()), ("title", title), ("summary", summary), .. remove.Select(r => ("removeFileIds", r.ToString()))], files));

    /// <summary>A step posted from the material's page with the version the page shows (submit, accept, return, withdraw, undo-accept, delete).</summary>
    public static async Task<HttpResponseMessage> StepAsync(PortalClient client, long id, string step, params (string, string)[] fields)
    {
        var version = await VersionAsync(client, id);
        return await client.PostAsync($"/materials/{id}/{step}", await client.TokenFromAsync("/notifications"), [("version", version.ToString()), .. fields]);
    }

    public static async Task<int> VersionAsync(PortalClient client, long id) =>
        int.Parse((await client.GetPageAsync($"/materials/{id}")).QuerySelector("[data-testid=facts]")!.GetAttribute("data-version")!);

    public static long IdOf(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static async Task DoneAsync(Task<HttpResponseMessage> step)
    {
        var response = await step;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {(await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=reasons]")?.TextContent}");
    }

    /// <summary>The refusal shown on the page a refused form answers with (422).</summary>
    public static async Task<string> RefusedAsync(Task<HttpResponseMessage> step)
    {
        var response = await step;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await PortalClient.ParseAsync(response)).QuerySelector("[data-testid=reasons]")?.TextContent ?? "";
    }

    private static async Task<MultipartFormDataContent> FormAsync(PortalClient client, IEnumerable<(string, string)> fields, (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(await client.TokenFromAsync("/notifications")), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            form.Add(file, "files", name);
        }

        return form;
    }
}
