using HarmonyPortal.Core.Data;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Materials.Reminders;
using HarmonyPortal.Web.Features.Nominations;
using HarmonyPortal.Web.Tests.Ledgers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HarmonyPortal.Web.Tests.Nominations;

/// <summary>
/// Issue 21: the reminder jobs run at every start-up and then hourly or daily, on every instance's database. They read
/// the regions once and the extensions once per run (materials: once per tree and year), and a sheet's submissions only
/// for a step that falls due, so their cost does not grow with the jurisdictions, honours and regions of a province.
/// Before, the nomination reminders read the subtree, the sheets and the extensions for every jurisdiction, honour,
/// step and date (64 commands on 2022-09-23 in this data), the material reminders the regions, plans and extensions
/// for every tree, year and kind (121). Not timed: the commands a run sends are counted.
/// </summary>
public abstract class ReminderRoundTripTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : CommandCountingPortal
{
    private static int Reading(IEnumerable<string> commands, string table) =>
        commands.Count(c => c.Contains($"FROM \"{table}\"", StringComparison.Ordinal));

    private static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-06", 0)] // no plan's dated deadline governs 2026
    [InlineData("2022-09-23", 2)] // 7 days before a county's submission of 2022
    public async Task NominationReminders_ReadTheRegionsAndExtensionsOnce_AndTheSheetsOnlyOfAStepDue(
        string day, int reminders)
    {
        var created = -1;
        var sent = await portal.CountCommandsAsync(async services =>
            created = await services.GetRequiredService<DeadlineReminders>()
                .RunAsync(Day(day), CancellationToken.None));

        Assert.Equal(reminders, created);
        var listed = string.Join("\n---\n", sent);
        Assert.True(
            Reading(sent, "Regions") == 1,
            $"expected the regions read once, for both the sheets' and the ledgers' reminders:\n{listed}");
        Assert.True(Reading(sent, "DeadlineExtensions") == 1, $"expected the extensions read once:\n{listed}");
        Assert.True(
            Reading(sent, "NominationSheets") == Math.Min(reminders, 1),
            $"expected the sheets read only for the step due:\n{listed}");
    }

    [Theory]
    [InlineData("2026-12-06", 0)]
    [InlineData("2023-09-13", 2)] // 7 days before 2023-09-20's materials
    public async Task MaterialReminders_ReadTheRegionsOnce_AndEachTreesPlansAndExtensionsOncePerYear(
        string day, int reminders)
    {
        await using var db = portal.CreateDbContext();
        var trees = await db.Regions.CountAsync(r => r.ParentId == null);
        var created = -1;
        var sent = await portal.CountCommandsAsync(async services =>
            created = await services.GetRequiredService<MaterialReminders>()
                .RunAsync(Day(day), CancellationToken.None));

        Assert.Equal(reminders, created);
        var listed = string.Join("\n---\n", sent);
        Assert.True(Reading(sent, "Regions") == 1, $"expected the regions read once:\n{listed}");
        Assert.True(
            Reading(sent, "TaskDeadlineExtensions") == trees * 3,
            $"expected each of {trees} trees' extensions read once per year (3):\n{listed}");
        Assert.True(
            Reading(sent, "RuleSetVersions") == trees * 3,
            $"expected each of {trees} trees' plans read once per year (3):\n{listed}");
    }
}

public sealed class SqliteReminderRoundTripTests(SqliteCommandCountingPortal portal)
    : ReminderRoundTripTests<SqliteCommandCountingPortal>(portal);

public sealed class PostgresReminderRoundTripTests(PostgresCommandCountingPortal portal)
    : ReminderRoundTripTests<PostgresCommandCountingPortal>(portal);
