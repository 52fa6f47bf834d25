using HarmonyPortal.Web.Features.Print;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HarmonyPortal.Web.Tests.Print;

/// <summary>
/// The shared browser on its own, without a portal: warm reuse, relaunch after a crash, and a fresh page for every
/// document although the next one is opened ahead (ADR 0044).
/// </summary>
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

    [Fact]
    public async Task DocumentsPrintedOneAfterAnother_EachCarryTheirOwnTextOnly()
    {
        var configuration = new ConfigurationBuilder().Build();
        await using var renderer = new PdfRenderer(configuration, NullLogger<PdfRenderer>.Instance);
        string[] titles = ["第一份名单", "第二份推荐表", "第三份汇总表"];
        foreach (var title in titles)
        {
            var html = $"<!DOCTYPE html><html lang=\"zh-CN\"><body><h1>{title}</h1></body></html>";
            var bytes = await renderer.RenderAsync(html, new PdfOptions(false), CancellationToken.None);
            using var pdf = new PdfText(bytes);
            var text = pdf.Text();
            Assert.Contains(title, text);
            Assert.All(titles.Where(t => t != title), other => Assert.DoesNotContain(other, text));
        }

        Assert.Equal(1, renderer.LaunchCount);
    }
}
