namespace HarmonyPortal.Web.Features.Nominations;

/// <summary>
/// How much evidence one nominee may carry: <c>Evidence:MaxFilesPerNominee</c> (20 by default, 1–1,000) files and
/// <c>Evidence:MaxTotalMegabytesPerNominee</c> (50 by default, 1–10,000) MB in all. Each file is at most 5 MB
/// (<see cref="Core.Nominations.EvidenceFile.MaxBytes"/>). Without a limit one clerk filled the database with
/// 30 files of 5 MB on one nominee.
/// </summary>
public sealed record EvidenceOptions(int MaxFilesPerNominee, int MaxTotalMegabytesPerNominee)
{
    public const int DefaultMaxFiles = 20;

    public const int DefaultMaxTotalMegabytes = 50;

    public long MaxTotalBytesPerNominee => MaxTotalMegabytesPerNominee * 1024L * 1024;

    public static EvidenceOptions Read(IConfiguration config)
    {
        var files = config.GetValue("Evidence:MaxFilesPerNominee", DefaultMaxFiles);
        var megabytes = config.GetValue("Evidence:MaxTotalMegabytesPerNominee", DefaultMaxTotalMegabytes);
        if (files is < 1 or > 1_000 || megabytes is < 1 or > 10_000)
        {
            throw new InvalidOperationException("Evidence:MaxFilesPerNominee must be 1–1000 and Evidence:MaxTotalMegabytesPerNominee 1–10000.");
        }

        return new EvidenceOptions(files, megabytes);
    }
}
