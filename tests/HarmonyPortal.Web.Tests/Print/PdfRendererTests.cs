using HarmonyPortal.Web.Features.Print;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HarmonyPortal.Web.Tests.Print;

/// <summary>The shared browser on its own, without a portal: warm reuse and relaunch after a crash.</summary>
public sealed class PdfRendererTests
{
    private const string Html = "<!DOCTYPE html><html lang=\"zh-CN\"><body><h1>打印测试</h1></body></html>";

    [Fact]
    public async Task PrintRenderer_ClosedBrowser_IsRelaunchedForTheNextDocument()
    {
        await using var renderer = new PdfRenderer(new ConfigurationBuilder().Build(), NullLogger<PdfRenderer>.Instance);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => renderer.RenderAsync(Html, new PdfOptions(false), CancellationToken.None)));
        Assert.Equal(1, renderer.LaunchCount);

        await renderer.CloseBrowserAsync();
        using var pdf = new PdfText(await renderer.RenderAsync(Html, new PdfOptions(true), CancellationToken.None));
        Assert.Contains("打印测试", pdf.Text());
        Assert.Equal(2, renderer.LaunchCount);
    }
}
