using System.Runtime.InteropServices;

namespace HarmonyPortal.Web.Infrastructure;

/// <summary>
/// Every folder and file the portal writes (SQLite database and its -wal/-shm, logs, keys, exports, imports) is
/// readable by the portal's own account only: 0700 folders, 0600 files. The process umask is set to 077 at start-up,
/// so that files made by libraries (SQLite, Serilog, Data Protection) are born owner-only too, and the portal sets
/// the modes explicitly where it creates a file and once more when it walks the data folder. No-ops on Windows,
/// whose ACLs the folder inherits from where the operator puts it.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const uint OwnerOnlyUmask = 0b000_111_111; // 077

    [System.Runtime.Versioning.UnsupportedOSPlatformGuard("windows")]
    private static bool Unix => !OperatingSystem.IsWindows();

    /// <summary>Sets the process umask to 077 (every file and folder created afterwards is owner-only); returns the previous one, or null on Windows.</summary>
    public static uint? RestrictUmask() => Unix ? NativeMethods.umask(OwnerOnlyUmask) : null;

    /// <summary>Creates the folder (and its missing parents) if needed and makes it 0700.</summary>
    public static string CreateDirectory(string path)
    {
        if (Unix)
        {
            System.IO.Directory.CreateDirectory(path, DirectoryMode);
            try
            {
                File.SetUnixFileMode(path, DirectoryMode);
            }
            catch (UnauthorizedAccessException)
            {
                // A shared folder (Harmony:KeysDirectory, :ExportsDirectory) owned by another account: its owner sets its mode.
            }
        }
        else
        {
            System.IO.Directory.CreateDirectory(path);
        }

        return path;
    }

    /// <summary>Creates (or truncates) a file for writing, owner-only from its first byte.</summary>
    public static FileStream Create(string path, int bufferSize = 64 * 1024)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize };
        if (Unix)
        {
            options.UnixCreateMode = FileMode;
        }

        var stream = new FileStream(path, options);
        if (Unix)
        {
            // UnixCreateMode applies only when the file is new; an older file being overwritten is tightened here.
            File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
        }

        return stream;
    }

    /// <summary>Makes an existing file 0600 (nothing if it is gone).</summary>
    public static void Restrict(string file)
    {
        if (Unix && File.Exists(file))
        {
            File.SetUnixFileMode(file, FileMode);
        }
    }

    /// <summary>
    /// Makes each folder, every folder below it 0700 and every file in them 0600: files written before this version, or
    /// by a library that ignored the umask. Returns how many entries it changed. Symbolic links are left alone.
    /// </summary>
    public static int Tighten(params string[] roots)
    {
        // The keys and exports folders usually sit inside the data folder: walk each tree once.
        var full = roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).Distinct().ToList();
        return full.Where(r => !full.Any(o => o != r && r.StartsWith(o + Path.DirectorySeparatorChar, StringComparison.Ordinal))).Sum(TightenTree);
    }

    private static int TightenTree(string root)
    {
        if (!Unix || !System.IO.Directory.Exists(root))
        {
            return 0;
        }

        var changed = 0;
        void Set(FileSystemInfo entry, UnixFileMode mode)
        {
            try
            {
                if (entry.LinkTarget is null && entry.UnixFileMode != mode)
                {
                    entry.UnixFileMode = mode;
                    changed++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile (a rolled log, a swept export) or not ours: nothing to tighten.
            }
        }

        var top = new DirectoryInfo(root);
        Set(top, DirectoryMode);
        foreach (var entry in top.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 }))
        {
            Set(entry, entry is DirectoryInfo ? DirectoryMode : FileMode);
        }

        return changed;
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054 // a one-argument call; LibraryImport would need unsafe blocks for the whole project
        [DllImport("libc", EntryPoint = "umask", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern uint umask(uint mask);
#pragma warning restore SYSLIB1054
    }
}
