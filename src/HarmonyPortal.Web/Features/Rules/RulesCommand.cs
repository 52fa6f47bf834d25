using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Rules;
using HarmonyPortal.Core.Rules.Checking;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Rules;

/// <summary>
/// <c>dotnet run --project src/HarmonyPortal.Web -- rules check [FILE…] [--Key=Value…]</c>: checks the rule files
/// named, or every stored plan, with the checker the upload uses (docs/rules/checker.md). It reads the database the
/// portal is configured for (appsettings, environment, <c>--Key=Value</c> options) and never starts the web server,
/// migrates, seeds or creates it. Exit code 0: no errors; 1: errors found; 2: the command could not run.
/// </summary>
public static class RulesCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "rules";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        if (args.Length < 2 || args[1] != "check")
        {
            await output.WriteLineAsync("用法：rules check [规则文件…] [--配置项=值…]；不指定文件时检查数据库中存储的全部规划");
            return 2;
        }

        try
        {
            return await CheckAsync(args, output, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // A configuration the portal itself would refuse to start with, or a database that cannot be read.
            await output.WriteLineAsync($"无法运行规则检查：{e.Message}");
            return 2;
        }
    }

    private static async Task<int> CheckAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var settings = args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var files = args.Skip(2).Except(settings).ToList();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        var options = PortalOptions.Read(builder.Configuration, builder.Environment);
        await using var db = await OpenAsync(options, output, ct);
        if (db is null && files.Count == 0)
        {
            await output.WriteLineAsync("没有找到门户数据库：请先启动门户建立数据库，或指定要检查的规则文件");
            return 2;
        }

        if (db is not null && (await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await output.WriteLineAsync("数据库结构不是当前版本（有未执行的迁移）：请先启动门户完成迁移；本命令不修改数据库");
            return 2;
        }

        List<StoredRulePlans.Plan> stored = db is null ? [] : await StoredRulePlans.LatestAsync(db, ct);
        var context = db is null ? RuleCheckContext.FromSeed() : await StoredRulePlans.ContextAsync(db, stored, ct);
        if (db is null)
        {
            await output.WriteLineAsync("未找到门户数据库：按内置的地区种子和默认成员单位检查");
        }

        var named = files.Select(f => (Label: f, Read: ReadFile(f))).ToList();
        context = RulesCommandFiles.WithEachOther(context, named.Select(f => (f.Label, f.Read.Item1)));
        var sources = files.Count > 0
            ? named.AsEnumerable()
            : stored.Select(p => (p.Label, Read: (p.RuleSet, p.Errors)));
        var (errors, warnings, count) = (0, 0, 0);
        foreach (var (label, (ruleSet, readErrors)) in sources)
        {
            count++;
            var findings = readErrors.Select(e => new RuleFinding(e.Path, e.Message, FindingSeverity.Error))
                .Concat(ruleSet is null ? [] : RuleChecker.Check(ruleSet, context)).ToList();
            foreach (var finding in findings)
            {
                await output.WriteLineAsync($"{label}: {finding}");
            }

            errors += findings.Count(f => f.IsError);
            warnings += findings.Count(f => !f.IsError);
        }

        await output.WriteLineAsync($"检查了 {count} 个规划：{errors} 个错误，{warnings} 个警告");
        return errors > 0 ? 1 : 0;
    }

    private static (RuleSet?, IReadOnlyList<RuleFileError>) ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            return (null, [new RuleFileError("$", "文件不存在")]);
        }

        var info = new FileInfo(path);
        return info.Length > RuleSetReader.MaxDocumentLength * 4L
            ? (null, [new RuleFileError("$", $"规则文件过大：{info.Length} 字节")])
            : RuleSetReader.Read(File.ReadAllText(path));
    }

    /// <summary>The configured database, or null where a SQLite file does not exist yet (it is not created here).</summary>
    private static async Task<HarmonyDbContext?> OpenAsync(PortalOptions options, TextWriter output, CancellationToken ct)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            if (string.IsNullOrEmpty(file) || !File.Exists(file))
            {
                return null;
            }
        }

        var db = new HarmonyDbContext(HarmonyDatabase.Options(options.Provider, options.ConnectionString));
        if (await db.Database.CanConnectAsync(ct))
        {
            return db;
        }

        await output.WriteLineAsync("无法连接配置的数据库");
        await db.DisposeAsync();
        return null;
    }
}
