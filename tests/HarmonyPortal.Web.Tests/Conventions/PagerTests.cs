using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Notifications;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Notifications;
using Xunit;

namespace HarmonyPortal.Web.Tests.Conventions;

/// <summary>
/// Every paged list shows the same pager (Features/Shared/_Pager.cshtml): 第一页 / 上一页 / 下一页, each only
/// where the list has it. The users and audit lists are numbered; the notifications list pages by key and has no
/// 上一页.
/// (The ledger list's pager is followed page by page in LedgerTests and LedgerListSearchSortTests.)
/// </summary>
public abstract class PagerTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static List<string> Links(IHtmlDocument page) =>
        page.QuerySelectorAll("nav[data-testid=pager] a.page-link").Select(a => a.TextContent).ToList();

    private static string Href(IHtmlDocument page, string text) =>
        page.QuerySelectorAll("nav[data-testid=pager] a.page-link").Single(a => a.TextContent == text)
            .GetAttribute("href")!;

    /// <summary>The pager's markup with its links' addresses removed: the same on every paged list.</summary>
    private static string Shape(IHtmlDocument page)
    {
        var nav = (IElement)page.QuerySelector("nav[data-testid=pager]")!.Clone();
        foreach (var a in nav.QuerySelectorAll("a"))
        {
            a.RemoveAttribute("href");
            a.RemoveAttribute("rel");
            a.TextContent = "x";
        }

        var items = nav.QuerySelectorAll("li").ToList();
        foreach (var extra in items.Skip(1))
        {
            extra.Remove();
        }

        return nav.OuterHtml;
    }

    [Fact]
    public async Task Users_list_of_three_pages_steps_forward_and_back_with_the_shared_pager()
    {
        for (var i = 0; i < 2 * 50 + 5; i++)
        {
            await portal.AddUserAsync($"pager.clerk{i:000}", "430623", UserRole.Clerk);
        }

        using var admin = await portal.SignedInClientAsync("hn.admin");
        var first = await admin.GetPageAsync("/admin/users");
        Assert.Equal(["下一页"], Links(first));

        var second = await admin.GetPageAsync(Href(first, "下一页"));
        Assert.Contains("第 2 / ", second.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["上一页", "下一页"], Links(second));

        var third = await admin.GetPageAsync(Href(second, "下一页"));
        Assert.Contains("第 3 / ", third.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("第一页", Links(third)[0]);
        Assert.Contains("上一页", Links(third));
        var back = await admin.GetPageAsync(Href(third, "上一页"));
        Assert.Contains("第 2 / ", back.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var filtered = await admin.GetPageAsync("/admin/users?q=pager.clerk");
        Assert.Contains("q=pager.clerk", Href(filtered, "下一页"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_log_keeps_its_filter_on_every_page_and_pages_like_the_users_list()
    {
        var region = await portal.RegionIdAsync("140902");
        await using (var db = portal.CreateDbContext())
        {
            for (var i = 0; i < 120; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = new DateTime(2026, 4, 1, 2, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                    UserName = "pager.auditor",
                    RegionId = region, IpAddress = "10.1.2.3", Action = AuditActions.LedgerUpdated,
                    ObjectType = "ledger:coordinators",
                    ObjectId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Outcome = AuditOutcome.Success,
                });
            }

            await db.SaveChangesAsync();
        }

        using var admin = await portal.SignedInClientAsync("xz.admin");
        var first = await admin.GetPageAsync("/audit?user=pager.auditor");
        Assert.Equal(["下一页"], Links(first));
        Assert.Contains("user=pager.auditor", Href(first, "下一页"), StringComparison.Ordinal);
        var third = await admin.GetPageAsync(Href(await admin.GetPageAsync(Href(first, "下一页")), "下一页"));
        var total = third.QuerySelector("[data-testid=audit-total]")!.TextContent;
        Assert.Contains("共 120 条，第 3 / 3 页", total, StringComparison.Ordinal);
        Assert.Equal(["第一页", "上一页"], Links(third));
        Assert.Contains("page=2", Href(third, "上一页"), StringComparison.Ordinal);

        for (var i = 0; i < 105; i++)
        {
            await portal.AddUserAsync($"audit.pager{i:000}", "140902", UserRole.Clerk);
        }

        var users = await admin.GetPageAsync(Href(await admin.GetPageAsync("/admin/users"), "下一页"));
        Assert.Equal(Shape(third), Shape(users));
    }

    [Fact]
    public async Task Notifications_page_by_key_with_first_and_next_only()
    {
        var reviewer = await portal.UserIdAsync("yy.reviewer");
        await using (var db = portal.CreateDbContext())
        {
            for (var i = 0; i < 55; i++)
            {
                db.Notifications.Add(new Notification
                {
                    UserId = reviewer, Title = $"翻页通知 {i:00}", Link = "/notifications",
                    CreatedAtUtc = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                });
            }

            await db.SaveChangesAsync();
        }

        using var client = await portal.SignedInClientAsync("yy.reviewer");
        var first = await client.GetPageAsync("/notifications");
        Assert.Equal(["下一页"], Links(first));
        var newest = first.QuerySelector("[data-testid=notifications]")!.TextContent;
        Assert.Contains("翻页通知 54", newest, StringComparison.Ordinal);
        var next = await client.GetPageAsync(Href(first, "下一页"));
        Assert.Equal(["第一页"], Links(next));
        var titles = next.QuerySelector("[data-testid=notifications]")!.TextContent;
        Assert.Contains("翻页通知 00", titles, StringComparison.Ordinal);
        Assert.DoesNotContain("翻页通知 54", titles, StringComparison.Ordinal);
        Assert.Equal("/notifications", Href(next, "第一页"));
    }
}

public sealed class SqlitePagerPortal() : PortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresPagerPortal() : PortalFactory(DatabaseProvider.Postgres);

public sealed class SqlitePagerTests(SqlitePagerPortal portal) : PagerTests<SqlitePagerPortal>(portal);

public sealed class PostgresPagerTests(PostgresPagerPortal portal) : PagerTests<PostgresPagerPortal>(portal);
