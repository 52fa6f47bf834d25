using System.Text.Json;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Web.Infrastructure;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>What a dry run found, kept beside the upload until the clerk confirms: the choices it ran with and what it counted.</summary>
/// <param name="Versions">The version of every existing row the file updates or leaves unchanged, by row id (no personal data).</param>
public sealed record ImportPreview(string Kind, int Year, ImportMode Mode, Dictionary<string, string?> Chosen, int Added, int Updated, int Unchanged,
    Dictionary<long, int> Versions);

/// <summary>
/// Uploaded workbooks between the dry run and the clerk's confirmation: <c>imports/{region}/{user}-{token}.upload</c>
/// (owner-only, beside the annotated error files) with its <see cref="ImportPreview"/> as <c>.preview</c>. The token is
/// a version-7 GUID: only the uploading user in the same region finds the file, and only for <see cref="Lifetime"/>;
/// the URL and the logs carry only the token. A confirmed or expired upload is deleted.
/// </summary>
public sealed class ImportUploads(UserScope scope, PortalOptions options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string UploadSuffix = ".upload";
    private const string PreviewSuffix = ".preview";

    /// <summary>Copies the upload to a new owner-only file; returns its token.</summary>
    public async Task<string> SaveAsync(Stream upload, CancellationToken ct)
    {
        var token = PersonalFileRetention.NewId(clock).ToString("N");
        var folder = OwnerOnlyFiles.CreateDirectory(Folder());
        await using var file = OwnerOnlyFiles.Create(Path.Combine(folder, FileName(token) + UploadSuffix));
        await upload.CopyToAsync(file, ct);
        return token;
    }

    public void SavePreview(string token, ImportPreview preview)
    {
        using var file = OwnerOnlyFiles.Create(PathOf(token) + PreviewSuffix);
        JsonSerializer.Serialize(file, preview);
    }

    /// <summary>The user's upload for the token with its last preview, or null (another user's, expired, confirmed, or never made).</summary>
    public (string Path, ImportPreview? Preview)? Find(string token)
    {
        if (!Guid.TryParse(token, out var id) || id.Version != 7)
        {
            return null;
        }

        var path = PathOf(id.ToString("N"));
        if (!File.Exists(path + UploadSuffix))
        {
            return null;
        }

        if (PersonalFileRetention.CreatedAt(id) is not { } created || clock.GetUtcNow() - created > Lifetime)
        {
            Delete(token);
            return null;
        }

        ImportPreview? preview = null;
        if (File.Exists(path + PreviewSuffix))
        {
            using var file = File.OpenRead(path + PreviewSuffix);
            preview = JsonSerializer.Deserialize<ImportPreview>(file);
        }

        return (path + UploadSuffix, preview);
    }

    public void Delete(string token)
    {
        if (Guid.TryParse(token, out var id))
        {
            var path = PathOf(id.ToString("N"));
            File.Delete(path + UploadSuffix);
            File.Delete(path + PreviewSuffix);
        }
    }

    private string PathOf(string token) => Path.Combine(Folder(), FileName(token));

    private string Folder() => Path.Combine(PersonalFileSweeper.ImportsDirectory(options), scope.RegionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string FileName(string token) => $"{scope.UserId}-{token}";
}
