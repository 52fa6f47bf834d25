namespace HarmonyPortal.Reliability;

public static class PostgresRestartScenario
{
    public static Task RunAsync(Run run, int clerks, TimeSpan duration) => Task.CompletedTask;
}
