using HarmonyPortal.Core.Notifications;
using Xunit;

namespace HarmonyPortal.Web.Tests.Notifications;

public sealed class NotificationLinkTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/ledgers/mediators?year=2026", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("ledgers", false)]
    [InlineData("", false)]
    [InlineData("/ledgers\r\nSet-Cookie: x", false)]
    public void OnlyPathsInsideThePortal_AreLinks(string link, bool expected) =>
        Assert.Equal(expected, Notification.IsPortalLink(link));
}
