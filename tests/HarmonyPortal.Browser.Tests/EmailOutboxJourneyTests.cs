using HarmonyPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace HarmonyPortal.Browser.Tests;

/// <summary>Issue 19: the city admin finds a failed email on 邮件发送 with its reason and sends it again after confirming.</summary>
public sealed class EmailOutboxJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task CityAdmin_SeesAFailedEmailWithItsReason_AndSendsItAgainAfterConfirming()
    {
        long id;
        await using (var db = session.CreateDbContext())
        {
            var region = await db.Regions.Where(r => r.Code == "430611").Select(r => r.Id).SingleAsync();
            var email = new EmailOutbox
            {
                To = "yyjs.clerk@example.cn", Subject = "推荐表被退回：事迹材料不够具体", Body = "正文", RegionId = region,
                CreatedAtUtc = DateTime.UtcNow.AddHours(-1), NextAttemptAtUtc = DateTime.UtcNow, Attempts = 4, FailedAtUtc = DateTime.UtcNow,
                LastError = "无法连接邮件服务器（ConnectionRefused）",
            };
            db.EmailOutbox.Add(email);
            await db.SaveChangesAsync();
            id = email.Id;
        }

        var page = await session.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // the data-confirm prompt
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("yy.admin");
        await page.GetByLabel("密码").FillAsync("Harmony@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "邮件发送" }).ClickAsync();
        var row = page.Locator($"tr[data-email='{id}']");
        await Expect(row.GetByTestId("email-status")).ToHaveTextAsync("发送失败");
        await Expect(row.GetByTestId("email-error")).ToHaveTextAsync("无法连接邮件服务器（ConnectionRefused）");
        await Expect(row.GetByTestId("email-attempts")).ToHaveTextAsync("4 次");
        await BrowserSession.ScreenshotAsync(page, "93-email-outbox-failed");

        await row.GetByRole(AriaRole.Link, new() { Name = "重新发送" }).ClickAsync();
        await Expect(page.GetByTestId("resend-confirm")).ToContainTextAsync("yyjs.clerk@example.cn");
        await page.GetByLabel("确认重新发送").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "重新发送" }).ClickAsync();
        await Expect(page.Locator($"tr[data-email='{id}'] [data-testid=email-status]")).ToHaveTextAsync("待发送");
        await BrowserSession.ScreenshotAsync(page, "94-email-outbox-resent");
    }
}
