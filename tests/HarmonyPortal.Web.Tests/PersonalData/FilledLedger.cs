using System.Globalization;
using System.Net;
using HarmonyPortal.Core.Ledgers;
using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.PersonalData;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.PersonalData;

/// <summary>
/// A coordinator ledger of 君山区 for 2026 filled with numbered people, and what a user does with it: exact search by ID
/// number, a second registration of the same person, the <c>personal-data</c> command. Shared by the algorithm-switch and
/// hash-key-rotation tests (ADR 0022).
/// </summary>
public sealed class FilledLedger(PortalFactory portal, string namePrefix)
{
    public const string DuplicateMessage = "身份证号码：2026 年度本台账中已有该人员的记录（君山区），同一年度不能重复登记";

    /// <summary>Number → name of every row this ledger holds (the filled ones and those added through the form).</summary>
    public Dictionary<string, string> Numbers { get; } = [];

    /// <summary><paramref name="rows"/> rows sealed by the portal's own protector.</summary>
    public async Task FillAsync(int rows)
    {
        var protector = portal.Services.GetRequiredService<PersonalDataProtector>();
        var region = await portal.RegionIdAsync("430611");
        await using var db = portal.CreateDbContext();
        for (var i = 0; i < rows; i++)
        {
            var birth = new DateOnly(1960, 1, 1).AddDays(i * 37);
            var number = TestIdNumbers.WithCheckDigit($"430611{birth:yyyyMMdd}{i % 1000:000}0");
            var name = $"{namePrefix}{i:000}";
            Numbers[number] = name;
            var row = new Coordinator
            {
                RegionId = region, Year = 2026, Name = name, Ethnicity = "汉族", WorkUnit = "君山区某公司", Education = Education.JuniorHigh,
                Gender = (number[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female, ServingSince = new DateOnly(2020, 1, 1),
                Phone = "13800000000", IdNumber = number, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };
            protector.Seal(row);
            db.Coordinators.Add(row);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The rows of this ledger, in id order.</summary>
    public async Task<List<Coordinator>> RowsAsync()
    {
        await using var db = portal.CreateDbContext();
        var names = Numbers.Values.ToList();
        return await db.Coordinators.Where(r => names.Contains(r.Name)).OrderBy(r => r.Id).ToListAsync();
    }

    /// <summary>The list page's exact search by number, for a sample of 15 (the page allows 20 an hour per user: the clock moves on first).</summary>
    public async Task AssertSearchFindsAsync(WebApplicationFactory<Program> instance, int round) =>
        await AssertSearchFindsAsync(instance, Numbers.Skip(round * 7 % 100).Take(14).Append(Numbers.Last()));

    /// <summary>The list page's exact search finds each of <paramref name="sample"/> (at most 20).</summary>
    public async Task AssertSearchFindsAsync(WebApplicationFactory<Program> instance, IEnumerable<KeyValuePair<string, string>> sample)
    {
        portal.Clock.Advance(TimeSpan.FromHours(2));
        using var clerk = await LoginAsync(instance);
        foreach (var (number, name) in sample)
        {
            var list = (await clerk.GetPageAsync($"/ledgers/coordinators?year=2026&q={number}")).QuerySelector("[data-testid=ledger-list]")!.TextContent;
            Assert.True(list.Contains(name, StringComparison.Ordinal), $"searching {IdNumber.Mask(number)} did not find {name}");
        }
    }

    /// <summary>The same person again in 2026 is refused in Chinese by each instance named beside the number.</summary>
    public static async Task AssertDuplicatesRefusedAsync(params (WebApplicationFactory<Program> Instance, string Number)[] attempts)
    {
        foreach (var (instance, number) in attempts)
        {
            using var clerk = await LoginAsync(instance);
            var response = await CreateAsync(clerk, "重复者", number);
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            var text = (await PortalClient.ParseAsync(response)).Body!.TextContent;
            Assert.True(text.Contains(DuplicateMessage, StringComparison.Ordinal), string.Join(" ", text.Split().Where(w => w.Contains('：'))));
        }
    }

    /// <summary>Registers a person through the form; the new row joins <see cref="Numbers"/> when saved.</summary>
    public async Task<HttpResponseMessage> AddAsync(PortalClient clerk, string name, string number)
    {
        var response = await CreateAsync(clerk, name, number);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Numbers[number] = name;
        }

        return response;
    }

    public static async Task<HttpResponseMessage> CreateAsync(PortalClient clerk, string name, string number)
    {
        var token = await clerk.TokenFromAsync("/ledgers");
        var gender = (number[16] - '0') % 2 == 1 ? "男" : "女";
        return await clerk.PostAsync("/ledgers/coordinators/create", token, [.. LedgerForms.Coordinator(name: name, id: number, gender: gender), ("year", "2026")]);
    }

    public static async Task<(int Code, string Report)> CommandAsync(WebApplicationFactory<Program> instance, params string[] verb)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var code = await PersonalDataCommand.ExecuteAsync(instance.Services, ["personal-data", .. verb], writer);
        return (code, writer.ToString());
    }

    public static async Task<PortalClient> LoginAsync(WebApplicationFactory<Program> instance)
    {
        var client = new PortalClient(instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") }));
        await client.LoginOrFailAsync("yyjs.clerk", PortalClient.DemoPassword);
        return client;
    }
}
