using System.Text.RegularExpressions;
using HarmonyPortal.Core.Ledgers.Definitions;
using Xunit;

namespace HarmonyPortal.Web.Tests.Conventions;

/// <summary>
/// The portal builds each ledger definition once, in <see cref="LedgerCatalog"/>: building one compiles a getter and
/// a setter for every field. The dashboard once built two per request to read their keys, so every view of it
/// compiled 24 new methods, about 2 ms of CPU per view (docs/adr/0046).
/// </summary>
public partial class LedgerDefinitionsBuiltOnceTests
{
    private const string Catalog = "src/HarmonyPortal.Core/Ledgers/Definitions/LedgerCatalog.cs";

    [GeneratedRegex(@"\bnew\s+(?:[\w.]+\.)?(?<type>\w+Ledger)\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex Construction();

    [Fact]
    public void No_code_of_the_portal_builds_a_ledger_definition_outside_the_catalog()
    {
        var definitions = LedgerCatalog.All.Select(d => d.GetType().Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(nameof(LargeEnterpriseLedger), definitions);

        var found = SourceFiles.CSharpAndRazor()
            .Where(p => p != Catalog
                && (p.StartsWith("src/", StringComparison.Ordinal) || p.StartsWith("tools/", StringComparison.Ordinal)))
            .SelectMany(p => Construction().Matches(SourceFiles.Read(p))
                .Where(m => definitions.Contains(m.Groups["type"].Value))
                .Select(m => $"{p}: {m.Value}"))
            .ToList();

        Assert.Empty(found);
    }

    [Fact]
    public void The_catalog_still_builds_every_definition_it_lists()
    {
        var text = SourceFiles.Read(Catalog);
        var built = Construction().Matches(text).Select(m => m.Groups["type"].Value).ToList();

        Assert.Equal(LedgerCatalog.All.Select(d => d.GetType().Name), built);
    }
}
