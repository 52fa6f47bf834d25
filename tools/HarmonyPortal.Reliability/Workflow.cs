using System.Net;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Reliability;

/// <summary>
/// Sheets for workflow traffic under Shanxi's seeded rules (2021–2023): a county clerk of 忻州市 nominates a qualifying
/// coordinator for 2023, attests every criterion, and the city reviewer extends the county's (past) deadline; the
/// sheet can then go back and forth: the clerk submits, the reviewer returns.
/// </summary>
public static partial class Workflow
{
    public const string ProvinceCode = "140000";
    public const string CityCode = "140900";
    public const int Year = 2023;

    public sealed record Sheet(long Id, PortalUser Clerk);

    /// <summary>Creates one sheet per county clerk; <paramref name="reviewer"/> is a reviewer of 忻州市.</summary>
    public static async Task<List<Sheet>> PrepareAsync(Database db, IReadOnlyList<PortalUser> clerks, IReadOnlyList<int> countyIds, PortalUser reviewer)
    {
        var sheets = new List<Sheet>();
        for (var i = 0; i < clerks.Count; i++)
        {
            var clerk = clerks[i];
            var (id, gender) = Coordinators.Person(800 + i, 7000 + i);
            var values = Coordinators.Form(800 + i, 7000 + i)
                .Where(v => v.Item1 is not ("values[SkillLevel]" or "values[CertificateNumber]" or "values[CertificateDate]" or "values[IdNumber]" or "values[Gender]"))
                .Concat([("values[SkillLevel]", "三级"), ("values[CertificateNumber]", "SX2020-" + i), ("values[CertificateDate]", "2020-06-30"),
                    ("values[IdNumber]", id), ("values[Gender]", gender)])
                .ToArray();
            var created = await clerk.CreateCoordinatorAsync(Year, values);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"qualifying row refused: {created.Status} {created.Error}");
            }

            var nominated = await clerk.PostAsync("/nominations/create", await clerk.TokenFromAsync("/nominations"),
                ("category", "Coordinator"), ("ledgerRowId", created.RowId!.Value.ToString()), ("batch", "0"),
                ("narrative", "长期扎根基层，调处劳动争议百余件，推动企业建立协商机制，职工满意度高。"));
            Expect(nominated, "nominate");
            var nominationId = long.Parse(nominated.Headers.Location!.OriginalString.Split('/')[^1]);
            var page = await clerk.Http.GetStringAsync($"/nominations/{nominationId}");
            foreach (var criterion in CriterionInput().Matches(page).Select(m => m.Groups[1].Value).Distinct())
            {
                Expect(await clerk.PostAsync($"/nominations/{nominationId}/attest", await clerk.TokenFromAsync($"/nominations/{nominationId}"),
                    ("criterionId", criterion), ("evidence", "县人社局表彰文件（2022）12 号")), "attest");
            }

            Expect(await reviewer.PostAsync("/nominations/extend", await reviewer.TokenFromAsync("/nominations"),
                ("regionId", countyIds[i].ToString()), ("category", "Coordinator"), ("year", Year.ToString()), ("batch", "0"),
                ("newDate", DateTime.Now.AddDays(60).ToString("yyyy-MM-dd")), ("reason", "压测：延期以便反复提交")), "extend");
            var sheetId = await db.ScalarAsync<long>("SELECT \"SheetId\" FROM \"Nominations\" WHERE \"Id\" = @id", ("@id", nominationId));
            sheets.Add(new Sheet(sheetId, clerk));
        }

        return sheets;
    }

    /// <summary>Takes the next step of the sheet: submit when it is the clerk's turn, return when it is the reviewer's.</summary>
    public static async Task<WriteOutcome> StepAsync(Sheet sheet, PortalUser reviewer, bool submit)
    {
        var user = submit ? sheet.Clerk : reviewer;
        try
        {
            var page = await user.Http.GetStringAsync($"/nominations/sheets/{sheet.Id}");
            var version = VersionAttribute().Match(page) is { Success: true } m ? m.Groups[1].Value : "0";
            var token = await user.TokenFromAsync("/nominations");
            using var response = submit
                ? await user.PostAsync($"/nominations/sheets/{sheet.Id}/submit", token, ("version", version))
                : await user.PostAsync($"/nominations/sheets/{sheet.Id}/return", token, ("version", version), ("reason", "压测退回：请补充材料"));
            var body = await response.Content.ReadAsStringAsync();
            return new WriteOutcome(response.StatusCode == HttpStatusCode.Redirect, null, (int)response.StatusCode,
                body.Contains("locked", StringComparison.OrdinalIgnoreCase), response.StatusCode == HttpStatusCode.Redirect ? null : $"{(submit ? "submit" : "return")} {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return new WriteOutcome(false, null, 0, false, $"{(submit ? "submit" : "return")} {e.GetType().Name}");
        }
    }

    /// <summary>
    /// Per sheet: its status is the target of its last recorded transition, and every transition has its audit entry.
    /// Returns (sheets checked, transitions in the database, sheets whose status disagrees, transitions without audit).
    /// </summary>
    public static async Task<(int Sheets, int Transitions, int Mismatched, int Unaudited)> CheckAsync(Database db, IEnumerable<long> sheetIds)
    {
        int sheets = 0, transitions = 0, mismatched = 0, unaudited = 0;
        foreach (var id in sheetIds)
        {
            sheets++;
            var status = await db.ScalarAsync<int>("SELECT \"Status\" FROM \"NominationSheets\" WHERE \"Id\" = @id", ("@id", id));
            var steps = await db.RowsAsync("SELECT \"Action\", \"ToStatus\" FROM \"SheetTransitions\" WHERE \"SheetId\" = @id ORDER BY \"Id\"", ("@id", id));
            var last = steps.Count == 0 ? 1 : Convert.ToInt32(steps[^1][1]);

            // Submit (1) and return (2) are this run's steps; the deadline extension (9) is audited under the region.
            steps = [.. steps.Where(s => Convert.ToInt32(s[0]) is 1 or 2)];
            transitions += steps.Count;
            if (last != status)
            {
                mismatched++;
            }

            var audits = await db.ScalarAsync<long>(
                "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"ObjectId\" = @id AND \"Action\" IN ('sheet.submit', 'sheet.return')", ("@id", id.ToString()));
            unaudited += Math.Max(0, steps.Count - (int)audits);
        }

        return (sheets, transitions, mismatched, unaudited);
    }

    private static void Expect(HttpResponseMessage response, string step)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{step} answered {(int)response.StatusCode}");
        }
    }

    [GeneratedRegex("name=\"criterionId\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex CriterionInput();

    [GeneratedRegex("data-version=\"(\\d+)\"")]
    private static partial Regex VersionAttribute();
}
