using HarmonyPortal.Core.Coverage;
using Xunit;

namespace HarmonyPortal.Core.Tests.Coverage;

public sealed class CoverageMatcherTests
{
    private const int County = 7;
    private const int OtherCounty = 8;
    private const string SteelCode = "91410000MA00000001";

    private static readonly CoverageUnit Steel = new(1, County, "济源钢铁（集团）有限公司", SteelCode);
    private static readonly CoverageUnit Chemical = new(2, County, "豫光化工有限公司", "91410000MA00000002");

    private static Dictionary<long, int> Enterprises(params CoverageCoordinator[] coordinators) =>
        CoverageMatcher.Enterprises([Steel, Chemical], coordinators);

    [Fact]
    public void ACreditCode_MatchesItsEnterprise_WhateverTheWorkUnitIsCalledAndWhereverTheCoordinatorWasEntered()
    {
        var counts = Enterprises(new CoverageCoordinator(OtherCounty, "济钢", SteelCode, null));

        Assert.Equal(1, counts[Steel.Id]);
        Assert.Equal(0, counts[Chemical.Id]);
    }

    [Fact]
    public void WithoutACreditCode_TheNameMatches_IgnoringFullWidthBracketsAndSpaces_InTheSameRegionOnly()
    {
        var counts = Enterprises(
            new CoverageCoordinator(County, " 济源钢铁 (集团)有限公司", null, null),
            new CoverageCoordinator(County, "济源钢铁（集团）有限公司", " ", null),
            new CoverageCoordinator(OtherCounty, "豫光化工有限公司", null, null));

        Assert.Equal(2, counts[Steel.Id]);
        Assert.Equal(0, counts[Chemical.Id]);
    }

    [Fact]
    public void AGivenCreditCode_IsTrustedOverTheName_SoAWrongCodeDoesNotFallBackToTheName()
    {
        var counts = Enterprises(new CoverageCoordinator(County, "豫光化工有限公司", SteelCode, null));

        Assert.Equal(1, counts[Steel.Id]);
        Assert.Equal(0, counts[Chemical.Id]);
    }

    [Fact]
    public void ATown_IsMatchedByTheCoordinatorsTown_InTheSameRegion()
    {
        CoverageUnit town = new(10, County, "承留镇"), park = new(11, County, "虎岭产业园"), elsewhere = new(12, OtherCounty, "承留镇");

        var counts = CoverageMatcher.Towns([town, park, elsewhere],
        [
            new CoverageCoordinator(County, "某公司", null, "承留镇"),
            new CoverageCoordinator(County, "某公司", null, "承留 镇"),
            new CoverageCoordinator(County, "虎岭产业园", null, null),
        ]);

        Assert.Equal(2, counts[town.Id]);
        Assert.Equal(0, counts[park.Id]);
        Assert.Equal(0, counts[elsewhere.Id]);
    }
}
