using Xunit;
using HarmonyPortal.Core.Ledgers;

namespace HarmonyPortal.Web.Tests.Dashboard;

/// <summary>The roll-up adds a subtree's rows by path: the region itself and everything below it, never a sibling.</summary>
public sealed class LedgerRollupCountsTests
{
    private static readonly LedgerRollupCounts Counts = new(
        new Dictionary<int, string> { [1] = "/1/", [2] = "/1/2/", [3] = "/1/2/3/", [23] = "/1/23/" },
        new Dictionary<(string, int), int> { [("coordinators", 1)] = 1, [("coordinators", 2)] = 10, [("coordinators", 3)] = 100, [("coordinators", 23)] = 1000 });

    [Fact]
    public void ASubtree_CountsItselfAndItsDescendants_NotASiblingWhoseIdStartsAlike()
    {
        Assert.Equal(110, Counts.OfSubtree("coordinators", "/1/2/"));
        Assert.Equal(1111, Counts.OfSubtree("coordinators", "/1/"));
        Assert.Equal(10, Counts.OfRegion("coordinators", 2));
    }

    [Fact]
    public void ALedgerWithoutRows_CountsZero()
    {
        Assert.Equal(0, Counts.OfSubtree("mediators", "/1/"));
        Assert.Equal(0, Counts.OfRegion("mediators", 3));
    }
}
