using System.Globalization;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// How long one ledger import may run (<c>Import:TimeLimit</c>, a time span such as <c>00:05:00</c>; 5 minutes by
/// default, between 1 millisecond and 1 hour). It exists because an upload is untrusted: whatever a file manages to
/// cost, one import cannot hold a core and a transaction for longer than this.
/// </summary>
public sealed record LedgerImportOptions(TimeSpan TimeLimit)
{
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMinutes(5);

    /// <summary>"导入用时超过上限 300 秒，已停止，未导入任何记录…"</summary>
    public string TimeLimitMessage =>
        $"导入用时超过上限 {TimeLimit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} 秒，已停止，未导入任何记录。请将文件拆分为几个较小的文件后分批上传";

    public static LedgerImportOptions Read(IConfiguration config)
    {
        var limit = config.GetValue("Import:TimeLimit", DefaultTimeLimit);
        if (limit < TimeSpan.FromMilliseconds(1) || limit > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException("Import:TimeLimit must be between 00:00:00.001 and 01:00:00.");
        }

        return new LedgerImportOptions(limit);
    }
}
