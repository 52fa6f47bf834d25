using System.Net;
using HarmonyPortal.Core.Audit;
using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.Core.Users;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static HarmonyPortal.Web.Tests.Ledgers.LedgerWorkbooks;

namespace HarmonyPortal.Web.Tests.Security.Probe2;

/// <summary>
/// Second outside probe, item 1: a masked ID number (<c>430603********1235</c>) must not be recoverable by trying the
/// ~1,300 birth dates that fit its check character, through the list search, the form or an import.
/// </summary>
public abstract class PiiLookupTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static async Task<HttpResponseMessage> CreateAsync(PortalClient client, (string, string)[] form, int year = 2026)
    {
        var token = await client.TokenFromAsync("/ledgers");
        return await client.PostAsync("/ledgers/coordinators/create", token, [.. form, ("year", year.ToString())]);
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => (await PortalClient.ParseAsync(response)).Body!.TextContent;

    [Fact]
    public async Task CityReviewer_SearchingTheFullNumberOfACountysPerson_FindsNothing_AndTheSearchIsAuditedWithoutTheNumber()
    {
        var number = TestIdNumbers.WithCheckDigit("430623198201027731");
        using var owner = await portal.SignedInClientAsync("yyhr.clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(owner, LedgerForms.Coordinator(name: "卢刚", id: number, gender: "男"))).StatusCode);
        using var city = await portal.SignedInClientAsync("yy.reviewer");

        var page = await city.GetPageAsync($"/ledgers/coordinators?q={number}");
        var byName = await city.GetPageAsync("/ledgers/coordinators?q=卢刚");
        var ownerPage = await owner.GetPageAsync($"/ledgers/coordinators?q={number}");

        Assert.DoesNotContain("卢刚", page.QuerySelector("[data-testid=ledger-list]")!.TextContent);
        Assert.Contains("按身份证号码只查找本地区（岳阳市）登记的记录", page.QuerySelector("[data-testid=search-note]")!.TextContent);
        Assert.Contains("430623********773", byName.QuerySelector("[data-testid=ledger-list]")!.TextContent);
        Assert.Contains("卢刚", ownerPage.QuerySelector("[data-testid=ledger-list]")!.TextContent);
        await using var db = portal.CreateDbContext();
        var searches = await db.AuditEntries.Where(e => e.UserName == "yy.reviewer" && e.Action == AuditActions.AccessSearch).ToListAsync();
        var entry = Assert.Single(searches);
        Assert.Equal("ledger:coordinators", entry.ObjectType);
        Assert.DoesNotContain(number[6..14], entry.Details);
        Assert.Contains("found=0", entry.Details);
    }

    [Fact]
    public async Task SearchesByIdNumber_AreLimitedPerUserAndHour_WithAChineseMessage_AndTheLimitPasses()
    {
        var number = TestIdNumbers.WithCheckDigit("430602198803046621");
        using var clerk = await portal.SignedInClientAsync("yylq.clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(clerk, LedgerForms.Coordinator(name: "邹燕", id: number))).StatusCode);

        var answers = new List<string>();
        for (var i = 0; i < 21; i++)
        {
            answers.Add((await clerk.GetPageAsync($"/ledgers/coordinators?q={number}")).Body!.TextContent);
        }

        Assert.All(answers.Take(20), a => Assert.Contains("邹燕", a));
        Assert.DoesNotContain("邹燕", answers[20]);
        Assert.Contains("按身份证号码查找过于频繁：每人每小时最多 20 次", answers[20]);
        portal.Clock.Advance(TimeSpan.FromMinutes(61));
        using var later = await portal.SignedInClientAsync("yylq.clerk");
        Assert.Contains("邹燕", (await later.GetPageAsync($"/ledgers/coordinators?q={number}")).Body!.TextContent);
        await using var db = portal.CreateDbContext();
        var outcomes = await db.AuditEntries.Where(e => e.UserName == "yylq.clerk" && e.Action == AuditActions.AccessSearch).Select(e => e.Outcome).ToListAsync();
        Assert.Equal((21, 1), (outcomes.Count(o => o == AuditOutcome.Success), outcomes.Count(o => o == AuditOutcome.Denied)));
    }

    [Fact]
    public async Task TheThirteenHundredCandidateAttack_AnswersThreeGuessesAYear_AndNeverConfirmsTheHiddenNumber()
    {
        // 云溪区 registers a person; the city clerk of 岳阳市 sees the row as 430603********123?, and tries every birth
        // date from 1960 to 1999 whose check character fits (the known last four), by one import and then by the form.
        var target = TestIdNumbers.WithCheckDigit("430603197806151230");
        using var owner = await portal.SignedInClientAsync("yyyx.clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(owner, LedgerForms.Coordinator(name: "柯明", id: target, gender: "男"))).StatusCode);
        var candidates = Candidates(target);
        Assert.InRange(candidates.Count, 1_250, 1_400);
        Assert.Contains(target, candidates);
        using var attacker = await portal.SignedInClientAsync("yy.clerk");

        var rows = candidates.Select((id, i) => Person((i + 1).ToString(), "候选" + i, id, "男", "2020-01-01")).ToArray();
        var import = await UploadAsync(attacker, "coordinators", Workbook(CoordinatorHeaders, rows));
        var formAnswer = await TextAsync(await CreateAsync(attacker, LedgerForms.Coordinator(name: "柯明", id: target, gender: "男")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, import.StatusCode);
        var errors = (await PortalClient.ParseAsync(import)).QuerySelector("[data-testid=import-errors]")!.TextContent;
        Assert.Equal(Math.Min(candidates.Count - 3, 500), CountOf(errors, "本次不予核对")); // the page lists the first 500 problems
        Assert.DoesNotContain("已有该人员", errors);
        Assert.DoesNotContain("已在其他地区登记", errors);
        Assert.Contains("本次不予核对", formAnswer);
        Assert.DoesNotContain("已有该人员", formAnswer);
        await using var db = portal.CreateDbContext();
        var guesses = await db.AuditEntries.Where(e => e.UserName == "yy.clerk" && e.Action == AuditActions.AccessSearch).ToListAsync();
        Assert.Equal(candidates.Count + 1, guesses.Count);
        Assert.Equal((3, candidates.Count - 2), (guesses.Count(e => e.Outcome == AuditOutcome.Success), guesses.Count(e => e.Outcome == AuditOutcome.Denied)));
        Assert.All(guesses, e => Assert.DoesNotContain(target[6..14], e.Details));
        Assert.Equal(0, await db.Coordinators.CountAsync(r => r.Name.StartsWith("候选")));
    }

    [Fact]
    public async Task ADuplicateOutsideTheSubtree_NamesNoRegion_IsAudited_AndTheCityAboveBothIsTold()
    {
        var number = TestIdNumbers.WithCheckDigit("430603199104023341");
        using var first = await portal.SignedInClientAsync("yyjs.clerk");
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(first, LedgerForms.Coordinator(name: "范丽", id: number))).StatusCode);
        using var second = await portal.SignedInClientAsync("yyxy.clerk");

        var text = await TextAsync(await CreateAsync(second, LedgerForms.Coordinator(name: "范丽", id: number)));

        Assert.Contains("身份证号码：2026 年度本台账中该人员已在其他地区登记（不在您的管辖范围内）", text);
        Assert.DoesNotContain("君山区", text);
        await using var db = portal.CreateDbContext();
        var hit = Assert.Single(await db.AuditEntries.Where(e => e.UserName == "yyxy.clerk" && e.Action == AuditActions.LedgerDuplicateElsewhere).ToListAsync());
        Assert.DoesNotContain(number[6..14], hit.Details);
        var city = await portal.RegionIdAsync("430600");
        var told = await db.Notifications.Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, u.RegionId, u.Role, n.Title, n.Body, n.Link })
            .Where(n => n.Title == "台账重复登记待核实" && n.Body!.Contains("湘阴县")).ToListAsync();
        Assert.Contains(told, n => n.UserName == "yy.reviewer");
        Assert.Contains(told, n => n.UserName == "yy.admin");
        Assert.All(told, n => Assert.True(n.RegionId == city && n.Role != UserRole.Clerk, n.UserName));
        Assert.All(told, n => Assert.DoesNotContain(number[6..14], n.Body + n.Link));
        Assert.All(told, n => Assert.DoesNotContain("范丽", n.Body));
        Assert.All(told, n => Assert.Contains("湘阴县登记的一条记录，君山区已登记过同一人员", n.Body));
    }

    [Fact]
    public async Task AnImportWithManyHitsOutsideTheSubtree_IsRefusedAsProbing_NamingNoRow_AndOneHitNamesNoRegion()
    {
        var registered = Enumerable.Range(0, 6).Select(i => TestIdNumbers.WithCheckDigit($"4306261985020{i + 1}4410")).ToList();
        using var owner = await portal.SignedInClientAsync("yypj.clerk");
        var ownRows = registered.Select((id, i) => Person((i + 1).ToString(), "平江" + i, id, "男", "2020-01-01")).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(owner, "coordinators", Workbook(CoordinatorHeaders, ownRows))).StatusCode);
        using var prober = await portal.SignedInClientAsync("yyml.clerk");
        var fresh = Person("7", "新人", TestIdNumbers.WithCheckDigit("430681199001014410"), "男", "2020-01-01");

        var probing = await UploadAsync(prober, "coordinators", Workbook(CoordinatorHeaders, [.. ownRows, fresh]));
        var single = await UploadAsync(prober, "coordinators", Workbook(CoordinatorHeaders, ownRows[0], fresh));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, probing.StatusCode);
        var refusal = (await PortalClient.ParseAsync(probing)).QuerySelector("[data-testid=import-errors]")!.TextContent;
        Assert.Contains("文件中有 6 行已在您管辖范围以外的地区登记，超过 5 行，疑似批量探查他人信息，本次导入已被拒绝并记录", refusal);
        Assert.DoesNotContain("第 5 行", refusal);
        Assert.DoesNotContain("平江县", refusal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, single.StatusCode);
        var oneHit = (await PortalClient.ParseAsync(single)).QuerySelector("[data-testid=import-errors]")!.TextContent;
        Assert.Contains("该人员已在其他地区登记（不在您的管辖范围内）", oneHit);
        Assert.DoesNotContain("平江县", oneHit);
        await using var db = portal.CreateDbContext();
        var audited = await db.AuditEntries.Where(e => e.UserName == "yyml.clerk").Select(e => new { e.Action, e.Details }).ToListAsync();
        Assert.Contains(audited, e => e.Action == AuditActions.LedgerImportProbing && e.Details!.Contains("hits-elsewhere=6"));
        Assert.Single(audited, e => e.Action == AuditActions.LedgerDuplicateElsewhere);
        Assert.All(audited, e => Assert.DoesNotContain(registered[0][6..14], e.Details ?? ""));
        var mlRegion = await portal.RegionIdAsync("430681");
        Assert.Equal(0, await db.Coordinators.CountAsync(r => r.RegionId == mlRegion));
    }

    /// <summary>Every number with the target's region, sequence and check character, born 1960–1999.</summary>
    private static List<string> Candidates(string target)
    {
        var list = new List<string>();
        for (var day = new DateOnly(1960, 1, 1); day.Year < 2000; day = day.AddDays(1))
        {
            var candidate = TestIdNumbers.WithCheckDigit($"{target[..6]}{day:yyyyMMdd}{target[14..17]}0");
            if (candidate[17] == target[17])
            {
                list.Add(candidate);
            }
        }

        return list;
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

public sealed class SqlitePiiLookupTests(SqlitePortal portal) : PiiLookupTests<SqlitePortal>(portal);

public sealed class PostgresPiiLookupTests(PostgresPortal portal) : PiiLookupTests<PostgresPortal>(portal);
