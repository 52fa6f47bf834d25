using System.Globalization;
using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.PersonalData;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace HarmonyPortal.Web.Features.PersonalData;

/// <summary>
/// <c>dotnet HarmonyPortal.Web.dll personal-data status|reencrypt|rehash|rotate-key|rotate-hash-key [--batch=N] [--after=ID] [--Key=Value…]</c>
/// (ADR 0022, docs/operations.md): what sealed and hashed the stored ID numbers; re-encrypt and re-hash every one not
/// sealed by the configured algorithm (<c>PersonalData:Algorithm</c>) under its newest data key; re-hash only (after a
/// hash-key rotation); write a new data key; write a new keyed-hash key. It uses the
/// database and keys folder the portal is configured for and never starts the web server. Exit code 0: done; 1: some
/// numbers could not be read (their key is lost); 2: the command could not run.
/// </summary>
public static class PersonalDataCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "personal-data";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct = default)
    {
        var settings = args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal)).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        builder.AddHarmonyPortal();
        await using var app = builder.Build();
        return await ExecuteAsync(app.Services, args, output, ct);
    }

    /// <summary>Runs the verb with the services of a built (not started) portal host; tests call it with theirs.</summary>
    public static async Task<int> ExecuteAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var verb = args.Length > 1 ? args[1] : "";
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HarmonyDbContext>();
            var protector = services.GetRequiredService<PersonalDataProtector>();
            var run = new PersonalDataReencryption(db, protector);
            switch (verb)
            {
                case "status":
                    await output.WriteLineAsync($"当前算法：{protector.Algorithm.Name()}");
                    foreach (var (label, count) in (await run.CensusAsync(ct)).OrderBy(c => c.Key, StringComparer.Ordinal))
                    {
                        await output.WriteLineAsync($"{label}: {count}");
                    }

                    await output.WriteLineAsync($"当前哈希密钥：{protector.HashKeys.CurrentId:x8}");
                    foreach (var (label, count) in (await run.HashCensusAsync(ct)).OrderBy(c => c.Key, StringComparer.Ordinal))
                    {
                        await output.WriteLineAsync($"{label}: {count}");
                    }

                    return 0;
                case "reencrypt":
                    return await ReencryptAsync(run, protector, args, output, hashOnly: false, ct);
                case "rehash":
                    return await ReencryptAsync(run, protector, args, output, hashOnly: true, ct);
                case "rotate-hash-key":
                    var hashKey = protector.HashKeys.AddKey();
                    await output.WriteLineAsync($"已写入新的身份证号码哈希密钥 {hashKey:x8}。运行中的实例一分钟内即按新旧密钥同时查找；"
                        + "请逐个重启门户实例使新密钥用于写入，再运行 personal-data rehash。");
                    return 0;
                case "rotate-key":
                    var key = services.GetRequiredService<PersonalDataKey>();
                    var ring = new DataKeyRing(services.GetRequiredService<IDataProtectionProvider>(), key.KeysDirectory, protector.Algorithm, create: true);
                    var id = ring.AddKey();
                    await output.WriteLineAsync($"已写入新的{protector.Algorithm.Name()}数据密钥 {id:x8}（{key.KeysDirectory}）。"
                        + "旧密钥保留用于解密；请逐个重启门户实例使新密钥生效，再运行 personal-data reencrypt。");
                    return 0;
                default:
                    await output.WriteLineAsync("用法：personal-data status | reencrypt [--batch=500] [--after=上次报告的记录号] | rehash [--batch=500] [--after=…] | rotate-key | rotate-hash-key [--配置项=值…]");
                    return 2;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or FormatException)
        {
            await output.WriteLineAsync($"无法处理个人信息密文：{e.Message}");
            return 2;
        }
    }

    private static async Task<int> ReencryptAsync(PersonalDataReencryption run, PersonalDataProtector protector, string[] args, TextWriter output, bool hashOnly, CancellationToken ct)
    {
        var batch = Option(args, "--batch=") ?? 500;
        var after = Option(args, "--after=") ?? 0;
        if (batch is < 1 or > 10_000 || after < 0)
        {
            await output.WriteLineAsync("--batch 须在 1 到 10000 之间，--after 不能为负数");
            return 2;
        }

        var verb = hashOnly ? "重新计算哈希" : "重新加密";
        await output.WriteLineAsync(hashOnly
            ? $"按{protector.Algorithm.Name()}、哈希密钥 {protector.HashKeys.CurrentId:x8} 重新计算哈希，每批 {batch} 条"
            : $"按{protector.Algorithm.Name()}重新加密，每批 {batch} 条");
        var counts = await run.RunAsync((int)batch, after, c => output.WriteLineAsync(
            $"{c.Table}: 已检查 {c.Scanned}，{verb} {c.Rewritten}，已是当前 {c.AlreadyCurrent}，无法读取 {c.Unreadable}，最后记录号 {c.LastId}"), hashOnly, ct);
        var unreadable = counts.Sum(c => c.Unreadable);
        await output.WriteLineAsync($"完成：检查 {counts.Sum(c => c.Scanned)}，{verb} {counts.Sum(c => c.Rewritten)}，已是当前 {counts.Sum(c => c.AlreadyCurrent)}，无法读取 {unreadable}");
        return unreadable > 0 ? 1 : 0;
    }

    private static long? Option(string[] args, string name) =>
        args.FirstOrDefault(a => a.StartsWith(name, StringComparison.Ordinal)) is { } option
            ? long.Parse(option[name.Length..], CultureInfo.InvariantCulture)
            : null;
}
