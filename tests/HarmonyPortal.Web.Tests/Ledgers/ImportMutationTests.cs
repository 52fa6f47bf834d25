using System.Diagnostics;
using System.Net;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Tests.Security.Matrix;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Xunit.Abstractions;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// A valid workbook made by the portal itself (the export of a county's rows), then damaged in many ways and
/// posted to the import: never a 500, every refusal a Chinese report (row, column and reason, or the whole file),
/// and a refused file saves nothing.
/// </summary>
public abstract class ImportMutationTests<TPortal>(TPortal portal, ITestOutputHelper output, int count) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    [Fact]
    public async Task MutatedWorkbooks_NeverFail500_EachRefusalIsReportedInChinese_AndSavesNothing()
    {
        using var clerk = await portal.SignedInClientAsync("tslb.clerk");
        var region = await portal.RegionIdAsync("130203");
        var token = await clerk.TokenFromAsync("/ledgers/coordinators/import");
        foreach (var (name, id, gender) in new[] { ("王芳", "130203198503030041", "女"), ("李明", "130203197707070011", "男"), ("赵强", "130203199001011216", "男") })
        {
            var saved = await clerk.PostAsync("/ledgers/coordinators/create", token, [.. LedgerForms.Coordinator(name, TestIdNumbers.WithCheckDigit(id), gender), ("year", "2026")]);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var export = await (await clerk.Http.GetAsync("/ledgers/coordinators/export?year=2026")).Content.ReadAsByteArrayAsync();
        var template = await (await clerk.Http.GetAsync("/ledgers/coordinators/template?year=2025")).Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, token, export, "台账.xlsx", 2024)).StatusCode); // the unharmed export imports (into a past year: an import's year is one the form accepts)

        var watch = Stopwatch.StartNew();
        var statuses = new Dictionary<int, int>();
        var problems = new List<string>();
        var accepted = 0;
        var slowest = new Dictionary<string, double>();
        var mutants = new WorkbookMutations(export, seed: 8).Take(count * 9 / 10).Concat(new WorkbookMutations(template, seed: 9).Take(count - count * 9 / 10));
        foreach (var mutant in mutants)
        {
            var before = await CountAsync(region);
            var started = watch.Elapsed;
            var response = await PostAsync(clerk, token, mutant.Bytes, mutant.FileName, 2025);
            slowest[mutant.Kind] = Math.Max(slowest.GetValueOrDefault(mutant.Kind), (watch.Elapsed - started).TotalMilliseconds);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                // Harmless damage: the rows are saved; remove them so the next mutant is not refused as a duplicate.
                accepted++;
                await using var db = portal.CreateDbContext();
                await db.Coordinators.Where(r => r.RegionId == region && r.Year == 2025).ExecuteDeleteAsync();
                continue;
            }

            var report = (await PortalClient.ParseAsync(response)).QuerySelectorAll("[data-testid=import-errors] tbody tr")
                .Select(tr => tr.TextContent.Trim()).ToList();
            if (response.StatusCode is not (HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge))
            {
                problems.Add($"{mutant.Kind} ({mutant.FileName}): {(int)response.StatusCode}");
            }
            else if (report.Count == 0 || !report.All(r => r.Any(c => c is >= '\u4e00' and <= '\u9fff')))
            {
                problems.Add($"{mutant.Kind}: no Chinese report ({string.Join(" | ", report)})");
            }
            else if (await CountAsync(region) != before)
            {
                problems.Add($"{mutant.Kind}: refused but rows were saved");
            }
        }

        output.WriteLine($"{portal.Provider}: {count} mutated workbooks in {watch.Elapsed.TotalSeconds:0.0} s: " +
            $"{string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}; {accepted} accepted (harmless damage), " +
            $"{count - accepted - problems.Count} refused with a Chinese report and nothing saved, {problems.Count} problems.");
        output.WriteLine("slowest per kind (ms): " + string.Join(", ", slowest.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:0}")));
        problems.Take(20).ToList().ForEach(output.WriteLine);
        Assert.Empty(problems);
        Assert.False(statuses.ContainsKey(500));
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string token, byte[] bytes, string fileName, int year) =>
        await LedgerWorkbooks.ConfirmAsync(client, "coordinators",
            await client.Http.PostAsync("/ledgers/coordinators/import", MatrixRequest.Multipart(token, bytes, fileName, ("year", year.ToString()))));

    private async Task<int> CountAsync(int region)
    {
        await using var db = portal.CreateDbContext();
        return await db.Coordinators.CountAsync(r => r.RegionId == region);
    }
}

public sealed class SqliteImportMutationTests(SqlitePortal portal, ITestOutputHelper output)
    : ImportMutationTests<SqlitePortal>(portal, output, 1_000);

/// <summary>Fewer on PostgreSQL: the parsing is the same, only the saving differs.</summary>
public sealed class PostgresImportMutationTests(PostgresPortal portal, ITestOutputHelper output)
    : ImportMutationTests<PostgresPortal>(portal, output, 250);
