namespace HarmonyPortal.TestSupport;

/// <summary>A clock the test moves by hand, for idle timeouts and revalidation intervals.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    /// <summary>Moves to a point in time (local China time), for deadlines of past plan periods.</summary>
    public void Set(int year, int month, int day, int hour = 10) => now = new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));
}
