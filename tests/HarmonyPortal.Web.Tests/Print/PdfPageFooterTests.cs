using HarmonyPortal.Web.Features.Print;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HarmonyPortal.Web.Tests.Print;

/// <summary>
/// The page numbers of a printed PDF come from the document's own style (<see cref="PrintStyles.PageFooter"/>, a CSS
/// page-margin box; ADR 0040), not from Chromium's footer template: they still stand at the foot of every page, below
/// the last line of that page's text, as 第 n 页 / 共 m 页.
/// </summary>
public sealed class PdfPageFooterTests
{
    [Fact]
    public async Task PrintedPdf_CarriesItsPageNumber_AtTheFootOfEveryPage()
    {
        var rows = string.Concat(Enumerable.Range(1, 120).Select(i => $"<p>第{i}行内容</p>"));
        var html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + $"<style>{PrintStyles.PageFooter}</style></head><body>{rows}</body></html>";
        var configuration = new ConfigurationBuilder().Build();
        await using var renderer = new PdfRenderer(configuration, NullLogger<PdfRenderer>.Instance);

        using var pdf = new PdfText(await renderer.RenderAsync(html, new PdfOptions(false), CancellationToken.None));

        Assert.True(pdf.Pages > 1, $"expected several pages, got {pdf.Pages}");
        for (var page = 1; page <= pdf.Pages; page++)
        {
            var lines = pdf.PageText(page).Split('\n').Select(PdfText.Compact).Where(l => l.Length > 0).ToList();
            Assert.Equal($"第{page}页/共{pdf.Pages}页", lines[^1]);
            Assert.Single(lines, l => l.Contains("页/共", StringComparison.Ordinal));
        }
    }
}
