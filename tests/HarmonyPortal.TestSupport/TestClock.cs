using Microsoft.Extensions.Time.Testing;

namespace HarmonyPortal.TestSupport;

/// <summary>
/// The clock of a test portal: a <see cref="FakeTimeProvider"/> that starts at the real now, in the machine's time
/// zone, and moves only when the test moves it. <c>Advance</c> also fires the timers that come due (the job loop's
/// poll and a running job's heartbeat, ADR 0032); <see cref="Set"/> jumps without firing any, back or forward.
/// </summary>
public static class TestClock
{
    public static FakeTimeProvider Create()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        clock.SetLocalTimeZone(TimeZoneInfo.Local);
        return clock;
    }

    /// <summary>Moves to a point in time (local China time), for deadlines of past plan periods.</summary>
    public static void Set(this FakeTimeProvider clock, int year, int month, int day, int hour = 10) =>
        clock.AdjustTime(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)));
}
