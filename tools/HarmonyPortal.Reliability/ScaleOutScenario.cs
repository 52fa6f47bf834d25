using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Reliability;

/// <summary>
/// Scale-out: two instances on one PostgreSQL database behind nginx (round robin), sharing the Data Protection keys
/// folder and the HMAC key. A login on A is valid on B; SIGKILL of A under load leaves B serving with no saved row
/// lost; queued year-end exports and the deadline reminders, picked up by both instances at once, run once.
/// </summary>
public static partial class ScaleOutScenario
{
    private const int QueuedExports = 20;

    public static async Task RunAsync(Run run, int writers, TimeSpan duration, string nginx)
    {
        var root = run.Folder("scale-out");
        var db = await run.FreshDatabaseAsync("Postgres", "scale", root);
        var shared = new Dictionary<string, string>
        {
            ["Harmony__KeysDirectory"] = Path.Combine(root, "shared-keys"),
            ["PersonalData__HmacKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Bootstrap__AdminRegionCode"] = Workflow.ProvinceCode,
        };
        var a = new PortalSettings("Postgres", db.ConnectionString, Path.Combine(root, "a"), run.Port()) { Environment = new(shared) };
        var b = new PortalSettings("Postgres", db.ConnectionString, Path.Combine(root, "b"), run.Port()) { Environment = new(shared) };
        var nginxPort = run.Port();

        // The first start creates the schema and the first key; the second instance starts once that is done.
        var portalA = await PortalProcess.StartAsync(run.Published, a);
        var portalB = await PortalProcess.StartAsync(run.Published, b);
        using var balancer = await StartNginxAsync(nginx, Path.Combine(root, "nginx"), nginxPort, [a.Port, b.Port]);
        try
        {
            await RunWithAsync(run, db, portalA, portalB, a, b, $"http://127.0.0.1:{nginxPort}", writers, duration);
        }
        finally
        {
            balancer.Kill(entireProcessTree: true);
            await portalA.DisposeAsync();
            await portalB.DisposeAsync();
        }
    }

    private static async Task RunWithAsync(
        Run run, Database db, PortalProcess portalA, PortalProcess portalB, PortalSettings a, PortalSettings b, string front, int writers, TimeSpan duration)
    {

        var counties = (await db.CountiesAsync(Workflow.ProvinceCode)).Where(c => c.Code.StartsWith(Workflow.CityCode[..4], StringComparison.Ordinal)).Take(4).ToList();
        var names = Enumerable.Range(0, writers).Select(i => $"rel.scale{i:00}").ToList();
        using (var admin = await Accounts.AdminAsync(portalA.BaseUrl))
        {
            await Accounts.CreateAsync(admin, [.. names, "rel.cross"], [.. counties.Select(c => c.Id)]);
        }

        // 1. Signed in on A, the same cookies on B: the session and an antiforgery token issued by A work on B.
        using var onA = new PortalUser(portalA.BaseUrl, "rel.cross", Accounts.Password);
        await onA.LoginAsync();
        var tokenFromA = await onA.TokenFromAsync("/ledgers");
        using var onB = new PortalUser(portalB.BaseUrl, "rel.cross", Accounts.Password, onA.Cookies);
        var pageOnB = await onB.Http.GetAsync("/ledgers");
        using var postOnB = await onB.PostAsync("/ledgers/coordinators/create", tokenFromA, [.. Coordinators.Form(890, 1), ("year", run.Year.ToString())]);
        var crossLogin = pageOnB.StatusCode == HttpStatusCode.OK && postOnB.StatusCode == HttpStatusCode.Redirect;
        run.Report.Add(new Figure("scale-out: sign-in on A used on B", "Postgres",
            "two instances with their own data folders, one keys folder and HMAC key; signed in on A, the cookie and a form token from A sent to B",
            "1 sign-in, 1 page, 1 save", crossLogin,
            $"B answered the page {(int)pageOnB.StatusCode} and the save {(int)postOnB.StatusCode} (302 = saved)"));

        // 2. Load through nginx; A is killed a third of the way in.
        var users = await Accounts.SignInAsync(front, names);
        var writes = new WriteLedger();
        var writing = LoadScenario.WriteAsync(users, run.Year, duration, CancellationToken.None, into: writes);
        await Task.Delay(duration / 3);
        var killAt = writes.Clock.Elapsed.TotalSeconds;
        await portalA.KillAsync();
        await writing;
        foreach (var user in users)
        {
            user.Dispose();
        }

        var (rows, lost, unexpected, auditMissing) = await writes.CompareAsync(db, run.Year, names);
        var bServing = await portalB.Healthy();
        var failedAfterKill = writes.Timeline.Count(t => !t.Ok && t.At >= killAt);
        var recovered = writes.RecoveredAfter(killAt);
        run.Report.Add(new Figure("scale-out: kill -9 of A under load", "Postgres",
            $"{writers} clerks saving rows through nginx (round robin over A and B) for {duration.TotalSeconds:0} s; SIGKILL of A after {killAt:0} s",
            $"1 kill; {writes.Attempts} saves",
            lost == 0 && auditMissing == 0 && bServing && !writes.Timeline.Any(t => !t.Ok && t.At < killAt) && recovered < duration.TotalSeconds / 2,
            $"B kept serving: {failedAfterKill} saves failed around the kill (in flight on A), none after {recovered:0.0} s; {writes.Successes} saved = {rows - unexpected} of {rows} rows counted, {lost} lost, " +
            $"{unexpected} saved although the answer was an error")
        {
            Counts =
            {
                ["saves"] = writes.Attempts,
                ["savesSucceeded"] = writes.Successes,
                ["savesFailed"] = writes.Failed.Count,
                ["failedAfterKill"] = failedAfterKill,
                ["recoveredAfterSeconds"] = Math.Round(recovered, 1),
                ["errors"] = writes.ErrorSummary(),
                ["rowsInDatabase"] = rows,
                ["lost"] = lost,
                ["savedDespiteError"] = unexpected,
                ["rowsWithoutAudit"] = auditMissing,
            },
        });

        // 3. Background jobs: both instances start at once over queued exports and a deadline 7 days away.
        await portalB.StopAsync();
        var admins = await db.RowsAsync("SELECT \"Id\", \"RegionId\" FROM \"AspNetUsers\" WHERE \"UserName\" = @name", ("@name", PortalProcess.AdminUserName));
        for (var i = 0; i < QueuedExports; i++)
        {
            await db.ScalarAsync<int>(
                "INSERT INTO \"ExportJobs\" (\"Id\", \"UserId\", \"RegionId\", \"Year\", \"Status\", \"RowsWritten\", \"RowsTotal\", \"CreatedAtUtc\") " +
                "VALUES (@id, @user, @region, @year, 1, 0, 0, now() AT TIME ZONE 'utc') RETURNING 1",
                ("@id", Guid.NewGuid()), ("@user", (string)admins[0][0]), ("@region", Convert.ToInt32(admins[0][1])), ("@year", run.Year));
        }

        var due = DateOnly.FromDateTime(DateTime.Now).AddDays(7);
        await AddDeadlineAsync(db, due);
        var restarted = await Task.WhenAll(PortalProcess.StartAsync(run.Published, a), PortalProcess.StartAsync(run.Published, b));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5)
               && await db.ScalarAsync<long>("SELECT COUNT(*) FROM \"ExportJobs\" WHERE \"Status\" IN (1, 2)") > 0)
        {
            await Task.Delay(1000);
        }

        await Task.Delay(TimeSpan.FromSeconds(10)); // the reminder job runs at start; let both finish
        var jobs = await db.RowsAsync("SELECT \"Id\", \"Status\" FROM \"ExportJobs\"");
        var filesA = Files(a.DataDirectory);
        var filesB = Files(b.DataDirectory);
        var done = jobs.Count(j => Convert.ToInt32(j[1]) == 3);
        var both = filesA.Intersect(filesB).Count();
        var reminders = await db.ScalarAsync<long>("SELECT COUNT(*) FROM \"Notifications\" WHERE \"DedupKey\" LIKE 'deadline:%'");
        var doubled = await db.ScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT 1 FROM \"Notifications\" WHERE \"DedupKey\" LIKE 'deadline:%' GROUP BY \"UserId\", \"DedupKey\" HAVING COUNT(*) > 1) d");
        var errorsLogged = restarted.Sum(p => LogErrors(p.Settings.DataDirectory));
        foreach (var portal in restarted)
        {
            await portal.DisposeAsync();
        }

        run.Report.Add(new Figure("scale-out: background jobs", "Postgres",
            $"{QueuedExports} year-end exports left queued, and a deadline {due:yyyy-MM-dd} (7 days away) in a new rule-set version; then A and B started at the same moment (each picks up queued exports and runs the reminders at start)",
            $"{QueuedExports} exports, 1 reminder run per instance",
            done == QueuedExports && filesA.Count + filesB.Count == QueuedExports && both == 0 && reminders > 0 && doubled == 0,
            $"{done} of {QueuedExports} exports done, run by A {filesA.Count} and by B {filesB.Count} times, {both} by both; {reminders} reminders, {doubled} (user, reminder) pairs twice")
        {
            Counts =
            {
                ["exportsDone"] = done,
                ["exportsRunByA"] = filesA.Count,
                ["exportsRunByB"] = filesB.Count,
                ["exportsRunByBoth"] = both,
                ["reminders"] = reminders,
                ["remindersTwice"] = doubled,
                ["errorsLoggedAtStart"] = errorsLogged,
            },
        });
    }

    private static HashSet<string> Files(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "exports");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.xlsx").Select(f => Path.GetFileName(f))] : [];
    }

    private static int LogErrors(string dataDirectory) =>
        File.Exists(Path.Combine(dataDirectory, "console.log"))
            ? File.ReadLines(Path.Combine(dataDirectory, "console.log")).Count(l => l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains("fail:", StringComparison.Ordinal))
            : 0;

    /// <summary>A new version of the Shanxi rules in which every 2023 deadline is moved to <paramref name="due"/> of this year.</summary>
    private static async Task AddDeadlineAsync(Database db, DateOnly due)
    {
        var latest = await db.RowsAsync(
            "SELECT v.\"RegionId\", v.\"Version\", v.\"Json\", v.\"Name\" FROM \"RuleSetVersions\" v JOIN \"Regions\" r ON r.\"Id\" = v.\"RegionId\" " +
            "WHERE r.\"Code\" = @code ORDER BY v.\"Version\" DESC LIMIT 1", ("@code", Workflow.ProvinceCode));
        var json = Deadline2023().Replace((string)latest[0][2], $"\"year\": {due.Year}, \"date\": \"{due:yyyy-MM-dd}\"");
        await db.ScalarAsync<int>(
            "INSERT INTO \"RuleSetVersions\" (\"RegionId\", \"Version\", \"Json\", \"Name\", \"CreatedAtUtc\", \"CreatedBy\", \"Comment\") " +
            "VALUES (@region, @version, @json, @name, now() AT TIME ZONE 'utc', 'reliability', 'deadline moved for the reminder run') RETURNING 1",
            ("@region", Convert.ToInt32(latest[0][0])), ("@version", Convert.ToInt32(latest[0][1]) + 1), ("@json", json), ("@name", (string)latest[0][3]));
    }

    private static async Task<Process> StartNginxAsync(string nginx, string prefix, int port, int[] upstreams)
    {
        Directory.CreateDirectory(Path.Combine(prefix, "temp"));
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process on;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/temp/body;
                proxy_temp_path {{prefix}}/temp/proxy;
                fastcgi_temp_path {{prefix}}/temp/fastcgi;
                uwsgi_temp_path {{prefix}}/temp/uwsgi;
                scgi_temp_path {{prefix}}/temp/scgi;
                upstream portal {
            {{string.Join("\n", upstreams.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"))}}
                }
                server {
                    listen 127.0.0.1:{{port}};
                    client_max_body_size 20m;
                    location / {
                        proxy_pass http://portal;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_connect_timeout 2s;
                        proxy_read_timeout 120s;
                    }
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo(nginx) { ArgumentList = { "-p", prefix, "-c", config }, RedirectStandardError = true })
            ?? throw new InvalidOperationException("nginx did not start");
        using var http = new HttpClient();
        for (var i = 0; i < 50; i++)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"nginx did not answer on {port}: {await process.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex("\"year\"\\s*:\\s*2023\\s*,\\s*\"date\"\\s*:\\s*\"2023-[0-9]{2}-[0-9]{2}\"")]
    private static partial Regex Deadline2023();
}
