namespace HarmonyPortal.Reliability;

public static class ImportKillScenario
{
    public static Task RunAsync(Run run, string provider, int rows) => Task.CompletedTask;
}
