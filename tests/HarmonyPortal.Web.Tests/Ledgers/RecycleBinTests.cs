using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Ledgers.RecycleBin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// Deleting a ledger row asks first and moves it to its ledger's recycle bin (回收站): it leaves lists and counts,
/// its 修改记录 stays reachable, and the clerk of its region restores it (with its history) until the purge.
/// </summary>
public abstract class RecycleBinTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static async Task<long> CreateAsync(PortalClient clerk, string name, string id)
    {
        var created = await clerk.PostAsync("/ledgers/coordinators/create", await clerk.TokenFromAsync("/ledgers"),
            [.. LedgerForms.Coordinator(name: name, id: id, gender: "男"), ("year", "2026")]);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, (await PortalClient.ParseAsync(created)).Body!.TextContent);
        return long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(PortalClient clerk, long id, string? reason = null, bool confirmed = true)
    {
        var page = await clerk.GetPageAsync($"/ledgers/coordinators/{id}/delete");
        var form = page.QuerySelector("[data-testid=confirm-delete]")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = form.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        (string, string)[] fields = [("version", version), ("reason", reason ?? "")];
        return await clerk.PostAsync($"/ledgers/coordinators/{id}/delete", token, confirmed ? [.. fields, ("confirmed", "true")] : fields);
    }

    private static async Task<string> CountAsync(PortalClient client) =>
        (await client.GetPageAsync("/ledgers?year=2026")).QuerySelector("[data-testid=count-coordinators]")!.TextContent.Trim();

    private static async Task<long> EntryIdAsync(Core.Data.HarmonyDbContext db, long rowId) =>
        await db.DeletedLedgerRows.Where(r => r.Ledger == "coordinators" && r.RowId == rowId).Select(r => r.Id).SingleAsync();

    [Fact]
    public async Task Delete_AsksFirst_ThenTheRowLeavesListAndCount_AppearsInTheBin_AndItsHistoryStaysReachable()
    {
        using var clerk = await portal.SignedInClientAsync("yyhr.clerk");
        var id = await CreateAsync(clerk, "回收甲", TestIdNumbers.WithCheckDigit("430626199001010011"));
        var before = await CountAsync(clerk);

        var confirmation = await clerk.GetPageAsync($"/ledgers/coordinators/{id}/delete");
        var unconfirmed = await DeleteAsync(clerk, id, "误录", confirmed: false);
        var unconfirmedPage = await PortalClient.ParseAsync(unconfirmed);

        Assert.Contains("确认删除：回收甲", confirmation.QuerySelector("h1")!.TextContent);
        Assert.Contains("回收甲", confirmation.QuerySelector("[data-testid=delete-summary]")!.TextContent);
        Assert.DoesNotContain(TestIdNumbers.WithCheckDigit("430626199001010011"), confirmation.DocumentElement.OuterHtml);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("请勾选“确认删除该记录”后再删除", unconfirmedPage.QuerySelector("[data-testid=confirm-error]")!.TextContent);
        Assert.Equal("误录", unconfirmedPage.QuerySelector("textarea[name=reason]")!.TextContent);
        Assert.Equal(before, await CountAsync(clerk));

        var deleted = await DeleteAsync(clerk, id, "重复登记，以另一条为准");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("已移入回收站", (await clerk.GetPageAsync(deleted.Headers.Location!.OriginalString)).Body!.TextContent);
        Assert.Equal(int.Parse(before) - 1, int.Parse(await CountAsync(clerk)));
        Assert.DoesNotContain("回收甲", (await clerk.GetPageAsync("/ledgers/coordinators?year=2026")).QuerySelector("[data-testid=ledger-list]")?.TextContent ?? "");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Http.GetAsync($"/ledgers/coordinators/{id}")).StatusCode);

        var bin = (await clerk.GetPageAsync("/ledgers/coordinators/recycle-bin?year=2026")).QuerySelector("[data-testid=recycle-bin]")!.TextContent;
        Assert.Contains("回收甲", bin);
        Assert.Contains("重复登记，以另一条为准", bin);
        var history = await clerk.GetPageAsync($"/ledgers/coordinators/{id}/history");
        Assert.Contains("现在回收站中（原因：重复登记，以另一条为准）", history.QuerySelector("[data-testid=history-deleted]")!.TextContent);
        var lines = history.QuerySelector("[data-testid=ledger-history]")!.TextContent;
        Assert.Contains("新增", lines);
        Assert.Contains("删除（移入回收站）", lines);
        Assert.Contains("删除原因：重复登记，以另一条为准", lines);
    }

    [Fact]
    public async Task Restore_BringsTheRowBackWithItsHistory_AndOnlyTheClerkOfItsRegionMayRestore()
    {
        using var clerk = await portal.SignedInClientAsync("yynh.clerk");
        using var sibling = await portal.SignedInClientAsync("yypj.clerk");
        using var city = await portal.SignedInClientAsync("yy.reviewer");
        var id = await CreateAsync(clerk, "回收乙", TestIdNumbers.WithCheckDigit("430624198502020031"));
        var before = await CountAsync(clerk);
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(clerk, id)).StatusCode);
        await using var db = portal.CreateDbContext();
        var entry = await EntryIdAsync(db, id);

        var bySibling = await sibling.PostAsync($"/ledgers/coordinators/recycle-bin/{entry}/restore", await sibling.TokenFromAsync("/ledgers"), ("year", "2026"));
        var byCity = await city.PostAsync($"/ledgers/coordinators/recycle-bin/{entry}/restore", await city.TokenFromAsync("/ledgers"), ("year", "2026"));
        var siblingBin = (await sibling.GetPageAsync("/ledgers/coordinators/recycle-bin?year=2026")).Body!.TextContent;
        var cityBin = await city.GetPageAsync("/ledgers/coordinators/recycle-bin?year=2026");

        Assert.Equal(HttpStatusCode.NotFound, bySibling.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCity.StatusCode);
        Assert.DoesNotContain("回收乙", siblingBin);
        Assert.Contains("回收乙", cityBin.QuerySelector("[data-testid=recycle-bin]")!.TextContent);
        Assert.Empty(cityBin.QuerySelectorAll($"form[action$='/{entry}/restore']"));
        Assert.True(await db.DeletedLedgerRows.AnyAsync(r => r.Id == entry));

        var page = await clerk.GetPageAsync("/ledgers/coordinators/recycle-bin?year=2026");
        var form = page.QuerySelector($"form[action$='/{entry}/restore']")!;
        var restored = await clerk.PostAsync(form.GetAttribute("action")!, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, ("year", "2026"));

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal($"/ledgers/coordinators/{id}", restored.Headers.Location!.OriginalString);
        Assert.Contains("回收乙", (await clerk.GetPageAsync($"/ledgers/coordinators/{id}")).QuerySelector("h1")!.TextContent);
        Assert.Equal(before, await CountAsync(clerk));
        var lines = (await clerk.GetPageAsync($"/ledgers/coordinators/{id}/history")).QuerySelector("[data-testid=ledger-history]")!.TextContent;
        Assert.Contains("新增", lines);
        Assert.Contains("删除（移入回收站）", lines);
        Assert.Contains("从回收站恢复", lines);
        Assert.False(await db.DeletedLedgerRows.AnyAsync(r => r.Id == entry));
        Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditActions.LedgerRestored && e.ObjectId == id.ToString()).ToListAsync());
        var row = await db.Coordinators.AsNoTracking().SingleAsync(r => r.Id == id);
        Assert.Equal("430624********0031"[..6], row.IdNumberMasked[..6]);
        await LedgerRowCountCheck.AssertCountsMatchRowsAsync(db);
    }

    [Fact]
    public async Task ARowOfTheSameIdentityRegisteredMeanwhile_IsAllowed_AndTheRestoreIsThenRefusedSayingWhy()
    {
        using var clerk = await portal.SignedInClientAsync("yyhr.clerk");
        var number = TestIdNumbers.WithCheckDigit("430626197803030051");
        var id = await CreateAsync(clerk, "回收丙", number);
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(clerk, id)).StatusCode);
        var again = await CreateAsync(clerk, "回收丙（新）", number);
        await using var db = portal.CreateDbContext();
        var entry = await EntryIdAsync(db, id);

        var refused = await clerk.PostAsync($"/ledgers/coordinators/recycle-bin/{entry}/restore", await clerk.TokenFromAsync("/ledgers"), ("year", "2026"));
        var message = (await clerk.GetPageAsync(refused.Headers.Location!.OriginalString)).Body!.TextContent;

        Assert.Contains("不能恢复“回收丙”", message);
        Assert.Contains("同一年度不能重复登记", message);
        Assert.True(await db.DeletedLedgerRows.AnyAsync(r => r.Id == entry));
        Assert.False(await db.Coordinators.AnyAsync(r => r.Id == id));
        Assert.True(await db.Coordinators.AnyAsync(r => r.Id == again));
    }

    [Fact]
    public async Task ThePurge_RemovesRowsPastTheRetentionOnly_AndTheyCanNoLongerBeRestored()
    {
        using var clerk = await portal.SignedInClientAsync("yynh.clerk");
        var id = await CreateAsync(clerk, "回收丁", TestIdNumbers.WithCheckDigit("430624196806060071"));
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(clerk, id)).StatusCode);
        await using var db = portal.CreateDbContext();
        var entry = await db.DeletedLedgerRows.AsNoTracking().SingleAsync(r => r.Ledger == "coordinators" && r.RowId == id);

        Assert.Equal(0, await PurgeAsync(entry.DeletedAtUtc.AddDays(29)));
        Assert.True(await db.DeletedLedgerRows.AnyAsync(r => r.Id == entry.Id));
        Assert.True(await PurgeAsync(entry.DeletedAtUtc.AddDays(RecycleBinOptions.DefaultDays).AddMinutes(1)) >= 1);

        Assert.False(await db.DeletedLedgerRows.AnyAsync(r => r.Id == entry.Id));
        Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditActions.LedgerPurged && e.ObjectId == id.ToString()).ToListAsync());
        Assert.DoesNotContain("回收丁", (await clerk.GetPageAsync("/ledgers/coordinators/recycle-bin?year=2026")).Body!.TextContent);
        var restore = await clerk.PostAsync($"/ledgers/coordinators/recycle-bin/{entry.Id}/restore", await clerk.TokenFromAsync("/ledgers"), ("year", "2026"));
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
    }

    private async Task<int> PurgeAsync(DateTime nowUtc)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecycleBinPurge>().RunAsync(nowUtc, CancellationToken.None);
    }
}

public sealed class SqliteRecycleBinTests(SqlitePortal portal) : RecycleBinTests<SqlitePortal>(portal);

public sealed class PostgresRecycleBinTests(PostgresPortal portal) : RecycleBinTests<PostgresPortal>(portal);
