using HarmonyPortal.Reliability;

// The heavy reliability runs of issue 8, against the published portal as separate processes.
// tools/reliability/run.sh prepares everything and calls this; see README "Reliability runs".
var options = Options.Parse(args);
var report = new Report();
var run = new Run(options.Get("published"), options.Get("work"), options.Find("pg"), options.Find("pg-restart"), report, int.Parse(options.Find("first-port") ?? "57000"));
var scenarios = options.Find("scenarios")?.Split(',') ?? ["load", "import-kill", "pg-restart", "scale-out"];
var providers = options.Find("providers")?.Split(',') ?? ["Sqlite", "Postgres"];
var clerks = int.Parse(options.Find("clerks") ?? "64");
var seconds = int.Parse(options.Find("seconds") ?? "60");
var importRows = int.Parse(options.Find("import-rows") ?? "100000");

foreach (var scenario in scenarios)
{
    try
    {
        // A scenario before may have restarted the server under the driver's own pooled connections.
        Run.ClearPools();
        switch (scenario)
        {
            case "load":
                foreach (var provider in providers)
                {
                    await LoadScenario.RunAsync(run, provider, clerks, TimeSpan.FromSeconds(seconds));
                }

                break;
            case "import-kill":
                foreach (var provider in providers)
                {
                    await ImportKillScenario.RunAsync(run, provider, importRows);
                }

                break;
            case "pg-restart":
                await PostgresRestartScenario.RunAsync(run, Math.Min(clerks, 16), TimeSpan.FromSeconds(seconds));
                break;
            case "scale-out":
                await ScaleOutScenario.RunAsync(run, Math.Min(clerks, 16), TimeSpan.FromSeconds(seconds), options.Find("nginx") ?? "/usr/sbin/nginx");
                break;
            default:
                throw new ArgumentException($"unknown scenario {scenario}");
        }
    }
    catch (Exception e)
    {
        report.Add(new Figure(scenario, "-", "the scenario", "-", false, "the driver failed: " + e.Message));
        Console.Error.WriteLine(e);
    }
}

report.Write(options.Find("out") ?? Path.Combine(options.Get("work"), "results"), options.Find("machine") ?? Environment.MachineName);
return report.Figures.All(f => f.Held) ? 0 : 1;

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        return new Options(values);
    }

    public string? Find(string key) => values.GetValueOrDefault(key);

    public string Get(string key) => Find(key) ?? throw new ArgumentException($"--{key} is required");
}
