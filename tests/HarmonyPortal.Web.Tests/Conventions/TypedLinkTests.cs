using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace HarmonyPortal.Web.Tests.Conventions;

/// <summary>
/// Views link to pages and post forms through the route tag helpers (asp-controller, asp-action, asp-route-*) or
/// Url.Action, never through a literal URL, so that a changed route changes every link with it; static files are
/// addressed as ~/ paths. The typed links must name an action that exists (a misspelt one renders an empty href).
/// </summary>
public partial class TypedLinkTests
{
    /// <summary>Literal URLs allowed in a view ("path: attribute"), each with its reason.</summary>
    private static readonly Dictionary<string, string> AllowedLiterals = new(StringComparer.Ordinal)
    {
        ["src/HarmonyPortal.Web/Features/Shared/Error.cshtml: href=\"/\""] =
            "the error page links home without routing, which may be what failed",
    };

    [GeneratedRegex(@"\b(href|action|formaction|src)=""/(?!/)[^""]*""", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralUrl();

    [GeneratedRegex(@"<[a-z]+\b[^<>]*?asp-controller=""(?<c>\w+)""[^<>]*?asp-action=""(?<a>\w+)""",
        RegexOptions.CultureInvariant)]
    private static partial Regex TagHelperLink();

    // links.Action: Features/Shared/RouteLinks, the layout's cached links.
    [GeneratedRegex(@"\b(?:Url|links)\.Action\(""(?<a>\w+)"",\s*""(?<c>\w+)""", RegexOptions.CultureInvariant)]
    private static partial Regex UrlAction();

    private static IEnumerable<string> Views() =>
        SourceFiles.CSharpAndRazor().Where(p => p.StartsWith("src/", StringComparison.Ordinal)
            && p.EndsWith(".cshtml", StringComparison.Ordinal));

    [Fact]
    public void No_view_links_to_a_page_or_file_by_a_literal_url()
    {
        var found = Views()
            .SelectMany(p => LiteralUrl().Matches(SourceFiles.Read(p)).Select(m => $"{p}: {m.Value}"))
            .Where(x => !AllowedLiterals.ContainsKey(x))
            .ToList();

        Assert.True(found.Count == 0,
            "Literal URLs in views (use asp-controller/asp-action or ~/):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_sees_a_literal_url_and_passes_a_typed_one()
    {
        Assert.Matches(LiteralUrl(), """<a class="x" href="/ledgers/@d.Key">""");
        Assert.Matches(LiteralUrl(), """<form method="post" action="/account/logout">""");
        Assert.DoesNotMatch(LiteralUrl(), """<a asp-controller="Ledgers" asp-action="List" asp-route-kind="@d.Key">""");
        Assert.DoesNotMatch(LiteralUrl(), """<script src="~/js/site.js" asp-append-version="true"></script>""");
        Assert.DoesNotMatch(LiteralUrl(), """<a href="https://www.mohrss.gov.cn/">""");
    }

    [Fact]
    public void Every_typed_link_in_a_view_names_an_action_that_exists()
    {
        var actions = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => (Controller: t.Name[..^"Controller".Length],
                    Action: m.GetCustomAttribute<ActionNameAttribute>()?.Name ?? m.Name)))
            .ToHashSet();
        var links = Views().SelectMany(p =>
        {
            var text = SourceFiles.Read(p);
            return TagHelperLink().Matches(text).Concat(UrlAction().Matches(text))
                .Select(m => (Path: p, Controller: m.Groups["c"].Value, Action: m.Groups["a"].Value));
        }).ToList();

        var missing = links.Where(l => !actions.Contains((l.Controller, l.Action)))
            .Select(l => $"{l.Path}: {l.Controller}.{l.Action}").Distinct().ToList();

        Assert.True(links.Count > 200, $"only {links.Count} typed links found; is the scan right?");
        Assert.True(missing.Count == 0, "Typed links to actions that do not exist:\n" + string.Join("\n", missing));
    }
}
