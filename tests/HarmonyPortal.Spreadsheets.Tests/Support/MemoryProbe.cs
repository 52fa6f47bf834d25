namespace HarmonyPortal.Spreadsheets.Tests.Support;

/// <summary>
/// Peak growth of the managed heap while an action runs: a forced full collection gives the baseline, then a
/// background thread samples <see cref="GC.GetTotalMemory(bool)"/> every millisecond (which counts garbage not yet
/// collected too, so the figure is an upper bound of what the action keeps alive).
/// </summary>
public static class MemoryProbe
{
    public static long PeakGrowth(Action action)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.IsSet)
            {
                var now = GC.GetTotalMemory(forceFullCollection: false);
                if (now > Interlocked.Read(ref peak))
                {
                    Interlocked.Exchange(ref peak, now);
                }

                done.Wait(1);
            }
        }) { IsBackground = true };
        sampler.Start();
        try
        {
            action();
        }
        finally
        {
            var last = GC.GetTotalMemory(forceFullCollection: false);
            if (last > Interlocked.Read(ref peak))
            {
                Interlocked.Exchange(ref peak, last);
            }

            done.Set();
            sampler.Join();
        }

        return Interlocked.Read(ref peak) - baseline;
    }
}
