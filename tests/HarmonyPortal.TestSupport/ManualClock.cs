namespace HarmonyPortal.TestSupport;

/// <summary>A clock the test moves by hand, for idle timeouts and revalidation intervals.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
