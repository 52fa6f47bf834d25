namespace HarmonyPortal.Reliability;

public static class ScaleOutScenario
{
    public static Task RunAsync(Run run, int clerks, TimeSpan duration, string nginx) => Task.CompletedTask;
}
