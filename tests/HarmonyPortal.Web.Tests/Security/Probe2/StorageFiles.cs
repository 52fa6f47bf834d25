using System.Net;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Xunit;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>Makes the two kinds of personal-data files as their users would: an import's error workbook and a year-end workbook.</summary>
public static class StorageFiles
{
    public static readonly string IdNumber = TestIdNumbers.WithCheckDigit("140902198001010010");

    /// <summary>Uploads a coordinator workbook with one bad row; returns the link to its annotated workbook.</summary>
    public static async Task<string> ImportErrorsAsync(PortalClient clerk, int year)
    {
        var refused = await LedgerWorkbooks.UploadAsync(clerk, "coordinators", LedgerWorkbooks.Workbook(LedgerWorkbooks.CoordinatorHeaders,
            LedgerWorkbooks.Person("1", "存储测试", IdNumber, "男", "昨天")), year: year);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var link = (await PortalClient.ParseAsync(refused)).QuerySelector("a[href*='/import/']")?.GetAttribute("href");
        return link ?? throw new InvalidOperationException("The import page has no link to the annotated workbook.");
    }

    public static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];
}
