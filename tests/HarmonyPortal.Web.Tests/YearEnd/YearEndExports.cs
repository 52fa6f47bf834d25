using System.Globalization;
using System.Net;
using System.Text.Json;
using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.YearEnd;

/// <summary>Starts a year-end export as the user would, waits for the job and downloads the workbook.</summary>
public static class YearEndExports
{
    public static async Task<byte[]> ExportAsync(PortalClient user, int year)
    {
        var id = await StartAsync(user, year);
        var status = await WaitAsync(user, id);
        Assert.Equal("Done", status.GetProperty("status").GetString());
        var response = await user.Http.GetAsync($"/year-end/exports/{id}/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task<Guid> StartAsync(PortalClient user, int year)
    {
        var started = await user.PostAsync("/year-end/exports", await user.TokenFromAsync("/year-end"), ("year", year.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var page = await user.GetPageAsync("/year-end");
        return Guid.Parse(page.QuerySelector("tr[data-export-job]")!.GetAttribute("data-export-job")!);
    }

    public static async Task<JsonElement> WaitAsync(PortalClient user, Guid id)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var json = JsonDocument.Parse(await user.Http.GetStringAsync($"/year-end/exports/{id}")).RootElement;
            if (json.GetProperty("status").GetString() is "Done" or "Failed")
            {
                return json;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The year-end export did not finish in 30 s.");
    }
}
