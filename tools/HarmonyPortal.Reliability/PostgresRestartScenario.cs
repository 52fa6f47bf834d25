using System.Diagnostics;

namespace HarmonyPortal.Reliability;

/// <summary>
/// Faults: <c>pg_ctl restart -m fast</c> while clerks save rows and sheets go back and forth between a county clerk
/// and the city reviewer. The portal must recover by itself; afterwards no write a user was told about is missing, and
/// every sheet's status is the target of its last recorded transition, each transition with its audit entry.
/// </summary>
public static class PostgresRestartScenario
{
    public static async Task RunAsync(Run run, int writers, TimeSpan duration)
    {
        var restartCommand = run.PostgresRestart is { Length: > 0 } command ? command : throw new InvalidOperationException("--pg-restart (a command that restarts the server) is required");
        var data = run.Folder("pg-restart");
        var db = await run.FreshDatabaseAsync("Postgres", "pgrestart", data);
        var settings = new PortalSettings("Postgres", db.ConnectionString, data, run.Port())
        {
            Environment = { ["Bootstrap__AdminRegionCode"] = Workflow.ProvinceCode },
        };
        await using var portal = await PortalProcess.StartAsync(run.Published, settings);

        var counties = (await db.CountiesAsync(Workflow.ProvinceCode)).Where(c => c.Code.StartsWith(Workflow.CityCode[..4], StringComparison.Ordinal)).Take(4).ToList();
        var writerNames = Enumerable.Range(0, writers).Select(i => $"rel.pgw{i:00}").ToList();
        var sheetClerks = counties.Select((_, i) => $"rel.wf{i}").ToList();
        using (var admin = await Accounts.AdminAsync(portal.BaseUrl))
        {
            await Accounts.CreateAsync(admin, writerNames, [.. counties.Select(c => c.Id)]);
            await Accounts.CreateAsync(admin, sheetClerks, [.. counties.Select(c => c.Id)]);
            await Accounts.CreateAsync(admin, ["rel.reviewer"], [await db.RegionIdAsync(Workflow.CityCode)], role: "Reviewer");
        }

        var users = await Accounts.SignInAsync(portal.BaseUrl, writerNames);
        var clerks = await Accounts.SignInAsync(portal.BaseUrl, sheetClerks);
        using var reviewer = (await Accounts.SignInAsync(portal.BaseUrl, ["rel.reviewer"]))[0];
        var sheets = await Workflow.PrepareAsync(db, clerks, [.. counties.Select(c => c.Id)], reviewer);

        var writes = new WriteLedger();
        var steps = new WriteLedger();
        var writing = LoadScenario.WriteAsync(users, run.Year, duration, CancellationToken.None, into: writes);
        var stepping = Task.WhenAll(sheets.Select(sheet => Task.Run(async () =>
        {
            var submit = true;
            while (steps.Clock.Elapsed < duration)
            {
                var started = steps.Clock.Elapsed;
                var outcome = await Workflow.StepAsync(sheet, reviewer, submit);
                steps.Record(sheet.Clerk.UserName, outcome, steps.Clock.Elapsed - started);
                if (outcome.Succeeded)
                {
                    submit = !submit;
                }
                else
                {
                    // The step may have been saved although its answer was lost: ask the database whose turn it is.
                    try
                    {
                        submit = await db.ScalarAsync<int>("SELECT \"Status\" FROM \"NominationSheets\" WHERE \"Id\" = @id", ("@id", sheet.Id)) != 2;
                    }
                    catch (Exception)
                    {
                        await Task.Delay(200);
                    }
                }
            }
        })));

        await Task.Delay(duration / 3);
        var restartAt = writes.Clock.Elapsed.TotalSeconds;
        var restartClock = Stopwatch.StartNew();
        using (var restart = Process.Start("bash", ["-c", restartCommand]))
        {
            await restart.WaitForExitAsync();
            if (restart.ExitCode != 0)
            {
                throw new InvalidOperationException($"restart command exited with {restart.ExitCode}");
            }
        }

        var restartSeconds = restartClock.Elapsed.TotalSeconds;
        await Task.WhenAll(writing, stepping);
        foreach (var user in users.Concat(clerks))
        {
            user.Dispose();
        }

        Run.ClearPools();
        var (rows, lost, unexpected, auditMissing) = await writes.CompareAsync(db, run.Year, writerNames);
        var (sheetCount, transitions, mismatched, unaudited) = await Workflow.CheckAsync(db, sheets.Select(s => s.Id));
        var stepRestartAt = restartAt - (writes.Clock.Elapsed - steps.Clock.Elapsed).TotalSeconds;
        var recovered = Math.Max(writes.RecoveredAfter(restartAt), steps.RecoveredAfter(stepRestartAt));
        var healthy = await portal.Healthy();
        var held = lost == 0 && auditMissing == 0 && mismatched == 0 && unaudited == 0 && healthy && recovered < duration.TotalSeconds * 2 / 3 - 5;
        run.Report.Add(new Figure("PostgreSQL restart under load", "Postgres",
            $"`pg_ctl restart -m fast` ({restartSeconds:0.0} s) {duration.TotalSeconds / 3:0} s into {duration.TotalSeconds:0} s of {writers} clerks saving rows and {sheets.Count} sheets submitted and returned back and forth",
            $"1 restart; {writes.Attempts} saves, {steps.Attempts} workflow steps",
            held,
            $"answers were successes again {recovered:0.0} s after the restart began, without restarting the portal; {writes.Failed.Count + steps.Failed.Count} requests failed meanwhile " +
            $"({writes.Failed.Count} saves, {steps.Failed.Count} steps); {lost} saved rows lost ({unexpected} saved although the answer was an error); " +
            $"{sheetCount} sheets, {transitions} transitions: {mismatched} sheets whose status differs from their last transition, {unaudited} transitions without audit entry")
        {
            Counts =
            {
                ["restartSeconds"] = Math.Round(restartSeconds, 1),
                ["recoveredAfterSeconds"] = Math.Round(recovered, 1),
                ["saves"] = writes.Attempts,
                ["savesSucceeded"] = writes.Successes,
                ["savesFailed"] = writes.Failed.Count,
                ["saveErrors"] = writes.ErrorSummary(),
                ["rowsInDatabase"] = rows,
                ["lost"] = lost,
                ["savedDespiteError"] = unexpected,
                ["rowsWithoutAudit"] = auditMissing,
                ["steps"] = steps.Attempts,
                ["stepsSucceeded"] = steps.Attempts - steps.Failed.Count,
                ["stepsFailed"] = steps.Failed.Count,
                ["stepErrors"] = steps.ErrorSummary(),
                ["transitionsInDatabase"] = transitions,
                ["sheetsMismatched"] = mismatched,
                ["transitionsWithoutAudit"] = unaudited,
            },
        });
    }
}
