namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Deletes personal-data files past their retention (the exports and imports folders), and keeps the data folder
/// owner-only (<see cref="OwnerOnlyFiles.Tighten"/>); at start-up and then every <see cref="PersonalFileRetention.SweepInterval"/>.
/// </summary>
public sealed class PersonalFileSweeper(PortalOptions options, PersonalFileRetention retention, TimeProvider clock, ILogger<PersonalFileSweeper> logger)
{
    public static string ImportsDirectory(PortalOptions options) => Path.Combine(options.DataDirectory, "imports");

    /// <summary>Deletes the expired files (an import's workbook leaves its empty marker); returns how many it deleted.</summary>
    public int Sweep()
    {
        var deleted = 0;
        foreach (var file in FilesIn(options.ExportsDirectory))
        {
            if (AgeOf(file) >= retention.Lifetime && TryDelete(file, () => File.Delete(file)))
            {
                deleted++;
            }
        }

        foreach (var file in FilesIn(ImportsDirectory(options)))
        {
            var age = AgeOf(file);
            if (file.EndsWith(Features.Ledgers.ImportErrorFiles.ExpiredSuffix, StringComparison.Ordinal))
            {
                // A marker holds no data; it only tells its clerk for a while that the workbook expired.
                if (age >= retention.Lifetime + Features.Ledgers.ImportErrorFiles.MarkerLifetime)
                {
                    TryDelete(file, () => File.Delete(file));
                }
            }
            else if (age >= retention.Lifetime && TryDelete(file, () => Features.Ledgers.ImportErrorFiles.Expire(file)))
            {
                deleted++;
            }
        }

        var tightened = OwnerOnlyFiles.Tighten(options.DataDirectory, options.KeysDirectory, options.ExportsDirectory);
        if ((deleted > 0 || tightened > 0) && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Personal-data files: {Deleted} expired deleted, {Tightened} made owner-only", deleted, tightened);
        }

        return deleted;
    }

    private static List<string> FilesIn(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList() : [];

    /// <summary>The age comes from the version-7 id in the name (exports: "{id}.xlsx", imports: "{user}-{id}.xlsx"), else from the file's time.</summary>
    private TimeSpan AgeOf(string file)
    {
        var id = Path.GetFileName(file).Split('.')[0];
        id = id.Length > 32 ? id[^32..] : id;
        var created = Guid.TryParseExact(id, "N", out var guid) && PersonalFileRetention.CreatedAt(guid) is { } fromName
            ? fromName
            : new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        return clock.GetUtcNow() - created;
    }

    private bool TryDelete(string file, Action delete)
    {
        try
        {
            delete();
            return File.Exists(file) is false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not delete an expired personal-data file");
            return false;
        }
    }
}

/// <summary>
/// Runs <see cref="PersonalFileSweeper"/> at start-up and then on its interval through the job table (ADR 0018). The
/// imports folder lies in each instance's own data directory, so each data directory has its own job
/// ("personal-file-sweep@host/folder-hash"): one run at a time per directory, retried and shown to admins like any job.
/// </summary>
public sealed class PersonalFileSweepJob(PersonalFileSweeper sweeper, PersonalFileRetention retention, PortalOptions options) : Jobs.IPortalJob
{
    public const string BaseName = "personal-file-sweep";

    public string Name => $"{BaseName}@{Host}/{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(options.DataDirectory)))[..8]}";

    public string Title => $"个人信息文件到期清理（{Host}）";

    public TimeSpan Interval => retention.SweepInterval;

    private static string Host => Environment.MachineName.Length > 60 ? Environment.MachineName[..60] : Environment.MachineName;

    public Task RunAsync(CancellationToken ct)
    {
        sweeper.Sweep();
        return Task.CompletedTask;
    }
}
