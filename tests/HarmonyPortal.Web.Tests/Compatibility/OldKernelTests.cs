using HarmonyPortal.TestSupport;
using Xunit;

namespace HarmonyPortal.Web.Tests.Compatibility;

/// <summary>The portal's own scripts and stylesheets run on a Chromium 86 kernel (360 and other domestic browsers; ADR 0024).</summary>
public sealed class OldKernelTests
{
    [Fact]
    public async Task OwnScripts_ParseAsEcmaScript2020_AndANewerSyntaxIsCaught()
    {
        var files = OldKernelRules.OwnFiles(".js");
        Assert.Contains(files, f => f.EndsWith("region-pick.js", StringComparison.Ordinal));
        var newer = Path.Combine(TestPaths.Scratch("old-kernel"), "static-block.js");
        await File.WriteAllTextAsync(newer, "class A {\n  static { A.ready = true; }\n}\n");

        var verdicts = await OldKernelRules.ParseAsync([.. files, newer]);

        Assert.Empty(verdicts.Where(v => v.File != newer && !v.Ok).Select(v => $"{v.File}:{v.Line}:{v.Column} {v.Message}"));
        Assert.Equal((false, 2), verdicts.Where(v => v.File == newer).Select(v => (v.Ok, v.Line)).Single());
    }

    [Fact]
    public void OwnScripts_CallNoBrowserApiNewerThanChromium86()
    {
        var uses = OldKernelRules.OwnFiles(".js")
            .SelectMany(f => OldKernelRules.Uses(File.ReadAllText(f), OldKernelRules.NewerApis).Select(u => $"{Path.GetFileName(f)}: {u}"));

        Assert.Empty(uses);
        Assert.Single(OldKernelRules.Uses("var last = rows.at(-1); // rows.at(0) in a comment", OldKernelRules.NewerApis));
    }

    [Fact]
    public void OwnStylesheets_UseNoCssFeatureNewerThanChromium86()
    {
        var files = OldKernelRules.OwnFiles(".css");
        Assert.Contains(files, f => f.EndsWith("site.css", StringComparison.Ordinal));

        var uses = files.SelectMany(f => OldKernelRules.Uses(File.ReadAllText(f), OldKernelRules.NewerCss).Select(u => $"{Path.GetFileName(f)}: {u}"));

        Assert.Empty(uses);
        const string newer = ".card:has(> img) { aspect-ratio: 1; }\n.nav { inset: 0; gap: 1rem; }\n/* :is(a) in a comment */\n.a { & .b { color: red; } }";
        Assert.Equal([":has() (105) at line 1", "aspect-ratio (88) at line 1", "inset (87) at line 2", "nesting (112) at line 4"],
            OldKernelRules.Uses(newer, OldKernelRules.NewerCss).Order(StringComparer.Ordinal));
    }
}
