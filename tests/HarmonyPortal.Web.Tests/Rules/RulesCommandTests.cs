using System.Diagnostics;
using HarmonyPortal.Core.Regions;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.TestSupport;
using HarmonyPortal.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace HarmonyPortal.Web.Tests.Rules;

/// <summary>The checker's sample rule files, copied beside the tests.</summary>
public static class CheckerFiles
{
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "CheckerFiles", name + ".json");
}

/// <summary><c>rules check</c> against the portal's own database: files named, or every stored plan.</summary>
public abstract class RulesCommandTests<TPortal>(TPortal portal) : IClassFixture<TPortal>
    where TPortal : PortalFactory
{
    private static string Sample(string name) => CheckerFiles.Sample(name);

    private async Task<(int Exit, string Output)> RunAsync(params string[] files)
    {
        using var output = new StringWriter();
        string[] args = ["rules", "check", .. files, $"--Database:Provider={portal.Provider}", $"--ConnectionStrings:Harmony={portal.ConnectionString}", $"--Harmony:DataDirectory={portal.DataDirectory}"];
        var exit = await RulesCommand.RunAsync(args, output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task AContradictoryFile_ExitsWithOne_AndPrintsThePathAndMessage()
    {
        var (exit, output) = await RunAsync(Sample("min-above-max"), Sample("approx-contradiction"));

        Assert.Equal(1, exit);
        Assert.Contains($"{Sample("min-above-max")}: $.tasks[0].quotas[1].min：每年下限 6 高于同一范围、同一期间的配额 $.tasks[0].quotas[0] 的上限 2，两者无法同时满足", output);
        Assert.Contains($"{Sample("approx-contradiction")}: $.tasks[0].quotas[1].min：（警告）每年下限 6", output);
        Assert.Contains("检查了 2 个规划：1 个错误，1 个警告", output);
    }

    [Fact]
    public async Task WarningsAlone_ExitWithZero()
    {
        var (exit, output) = await RunAsync(Sample("valid"), Sample("honour-without-criteria"));

        Assert.Equal(0, exit);
        Assert.Contains($"{Sample("honour-without-criteria")}: $.tasks[0].honour：（警告）{Core.Rules.Checking.RuleChecker.NoCriteriaMessage}", output);
        Assert.Contains("检查了 2 个规划：0 个错误，1 个警告", output);
    }

    [Fact]
    public async Task ACityAndACountyBelowItDisagreeingOnWhoSelects_AreWarnedInBothFiles_NamingEachOther()
    {
        var (city, county) = (Sample("selecting-level-city"), Sample("selecting-level-county"));

        var (exit, output) = await RunAsync(city, county);

        Assert.Equal(0, exit);
        Assert.Contains($"{city}: $.tasks[0].honour.selectingLevel：（警告）称号“金牌劳动关系协调员”由哪一级择优选树并发布，本规划（省级）与下级规划“{county}”（市级）不一致（重叠年度 2023 年）", output);
        Assert.Contains($"{city}: $.tasks[2].honour.selectingLevel：（警告）称号“培育达标典型”由哪一级择优选树并发布，本规划（县级）与下级规划“{county}”（市级）不一致", output);
        Assert.Contains($"{county}: $.tasks[0].honour.selectingLevel：（警告）称号“金牌劳动关系协调员”由哪一级择优选树并发布，本规划（市级）与上级规划“{city}”（省级）不一致", output);
        Assert.DoesNotContain("$.tasks[1].honour.selectingLevel", output);
    }

    [Fact]
    public async Task RegionsComeFromTheDatabase_NotTheBuiltInSeed()
    {
        var before = await RunAsync(Sample("unknown-region"));
        await using (var db = portal.CreateDbContext())
        {
            var tangshan = await db.Regions.SingleAsync(r => r.Code == "130200");
            await RegionWriter.AddAsync(db, new Region { Name = "曹妃甸区", Code = "130299", Level = RegionLevel.County, SortOrder = 9 }, tangshan, CancellationToken.None);
        }

        var after = await RunAsync(Sample("unknown-region"));

        Assert.Equal(1, before.Exit);
        Assert.Contains("$.tasks[1].quotas[0].region：未知的地区代码“130299”", before.Output);
        Assert.Equal(0, after.Exit);
        Assert.DoesNotContain("未找到门户数据库", after.Output);
    }

    [Fact]
    public async Task WithoutFiles_EveryStoredPlanIsChecked_AndAStoredContradictionFails()
    {
        await using (var db = portal.CreateDbContext())
        {
            var tangshan = await db.Regions.SingleAsync(r => r.Code == "130200");
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                RegionId = tangshan.Id, Version = 1, FromYear = 2021, ToYear = 2023, PlanVersion = 1, Json = await File.ReadAllTextAsync(Sample("min-above-max")), Name = "检查样例", CreatedAtUtc = DateTime.UtcNow, CreatedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        var (exit, output) = await RunAsync();

        Assert.Equal(1, exit);
        Assert.Contains("唐山市（130200）2021–2023 年规划 第 1 版: $.tasks[0].quotas[1].min：每年下限 6 高于同一范围、同一期间的配额 $.tasks[0].quotas[0] 的上限 2，两者无法同时满足", output);
        Assert.Contains($"检查了 {SeedRuleSets.Names.Count + 1} 个规划：", output);
    }

    private static readonly string[] SeedCodes = ["140000", "410000-JY", "130200-GX", "360700", "430600"];

    [Fact]
    public async Task TheFiveSeedFiles_Pass()
    {
        var folder = Directory.CreateTempSubdirectory("seeds").FullName;
        var files = SeedRuleSets.Names.Select(name => Path.Combine(folder, name)).ToArray();
        foreach (var name in SeedRuleSets.Names)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), SeedRuleSets.Json(name));
        }

        var (exit, output) = await RunAsync(files);
        var stored = await RunAsync();

        Assert.True(exit == 0, output);
        Assert.Contains("检查了 5 个规划：0 个错误", output);
        // Other tests of the class may store a contradictory plan of their own: only the seeds' lines are judged here.
        var seedLines = stored.Output.Split('\n').Where(line => SeedCodes.Any(code => line.Contains($"（{code}）", StringComparison.Ordinal))).ToList();
        Assert.All(seedLines, line => Assert.Contains("：（警告）", line));
    }
}

public sealed class SqliteRulesCommandTests(SqlitePortal portal) : RulesCommandTests<SqlitePortal>(portal);

public sealed class PostgresRulesCommandTests(PostgresPortal portal) : RulesCommandTests<PostgresPortal>(portal);

/// <summary>The command where no database exists yet, and run as the real program.</summary>
public sealed class RulesCommandWithoutDatabaseTests
{
    private readonly string folder = Directory.CreateTempSubdirectory("rules-check").FullName;

    [Fact]
    public async Task WithoutADatabase_AFileIsCheckedAgainstTheBuiltInRegions_AndNoDatabaseIsCreated()
    {
        using var output = new StringWriter();

        var exit = await RulesCommand.RunAsync(["rules", "check", CheckerFiles.Sample("region-outside"), $"--Harmony:DataDirectory={folder}", "--Database:Provider=Sqlite"], output);

        Assert.Equal(1, exit);
        Assert.Contains("未找到门户数据库：按内置的地区种子和默认成员单位检查", output.ToString());
        Assert.Contains("$.tasks[1].quotas[0].region：地区赣州市（360700）不在本规划所属的唐山市（130200）范围内", output.ToString());
        Assert.False(File.Exists(Path.Combine(folder, "harmony.db")));
    }

    [Fact]
    public async Task WithoutADatabaseOrFiles_ItSaysSo_AndExitsWithTwo()
    {
        using var output = new StringWriter();

        var exit = await RulesCommand.RunAsync(["rules", "check", $"--Harmony:DataDirectory={folder}"], output);

        Assert.Equal(2, exit);
        Assert.Contains("没有找到门户数据库：请先启动门户建立数据库，或指定要检查的规则文件", output.ToString());
        Assert.False(File.Exists(Path.Combine(folder, "harmony.db")));
    }

    [Fact]
    public async Task AConfigurationThePortalWouldRefuse_IsReported_AndExitsWithTwo()
    {
        using var output = new StringWriter();

        var exit = await RulesCommand.RunAsync(["rules", "check", $"--Harmony:DataDirectory={folder}", "--Database:Provider=Postgres", "--ConnectionStrings:Harmony="], output);

        Assert.Equal(2, exit);
        Assert.Contains("无法运行规则检查：ConnectionStrings:Harmony is required when Database:Provider is Postgres.", output.ToString());
    }

    [Fact]
    public async Task TheProgram_RunsTheCommand_WithoutStartingTheWebServer()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "HarmonyPortal.Web.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { program, "rules", "check", CheckerFiles.Sample("unknown-tier"), $"--Harmony:DataDirectory={folder}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("$.tasks[0].quotas[0].tier：“gold”不是该荣誉的层级，可用：bronze（铜牌）、silver（银牌）", output);
        Assert.Contains("检查了 1 个规划：1 个错误，0 个警告", output);
        Assert.DoesNotContain("Now listening", output);
    }
}
