namespace HarmonyPortal.Web.Features.Ledgers.RecycleBin;

/// <summary>
/// How long a deleted ledger row stays in the recycle bin (<c>Ledgers:RecycleDays</c>, 30 by default, 1 to 3650):
/// its clerk may restore it until then; afterwards the purge removes it for good.
/// </summary>
public sealed record RecycleBinOptions(int Days)
{
    public const int DefaultDays = 30;

    public static RecycleBinOptions Read(IConfiguration config)
    {
        var days = config.GetValue("Ledgers:RecycleDays", DefaultDays);
        if (days is < 1 or > 3650)
        {
            throw new InvalidOperationException("Ledgers:RecycleDays must be between 1 and 3650.");
        }

        return new RecycleBinOptions(days);
    }

    public DateTime ExpiresAtUtc(DateTime deletedAtUtc) => deletedAtUtc.AddDays(Days);
}
