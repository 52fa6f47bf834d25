using Xunit;

// Memory assertions read process-wide GC figures: run the test classes one at a time so that no other test's
// allocations land in a measurement.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
