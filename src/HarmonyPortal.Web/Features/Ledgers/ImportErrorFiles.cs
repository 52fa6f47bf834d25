using HarmonyPortal.Core.Data;
using HarmonyPortal.Core.Scope;
using HarmonyPortal.Core.Users;
using HarmonyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>
/// Where the annotated workbooks of failed imports live: <c>imports/{region}/{user}-{token}.xlsx</c> under the data
/// folder, owner-only, the token a version-7 GUID on the portal's clock. A workbook is served only to the clerk who
/// uploaded it, while the database still has that user as a clerk of the same region, and only within the retention of
/// personal-data files; past it the sweep leaves an empty "{name}.expired" marker, so the owner is told it expired.
/// </summary>
public sealed class ImportErrorFiles(HarmonyDbContext db, UserScope scope, PortalOptions options, PersonalFileRetention retention, TimeProvider clock)
{
    public const string ExpiredSuffix = ".expired";

    /// <summary>How long the empty marker of an expired workbook is kept (it holds no data, only the fact).</summary>
    public static readonly TimeSpan MarkerLifetime = TimeSpan.FromDays(30);

    /// <summary>A new owner-only file for the user's region, and its token.</summary>
    public (string Token, FileStream Stream) Create()
    {
        var token = PersonalFileRetention.NewId(clock).ToString("N");
        var folder = OwnerOnlyFiles.CreateDirectory(FolderOf(scope.RegionId));
        return (token, OwnerOnlyFiles.Create(Path.Combine(folder, FileName(token))));
    }

    /// <summary>
    /// The user's workbook for the token, or null when there is none for the user as stored now (another user's token,
    /// a clerk since moved to another region, promoted or demoted to another role, or disabled).
    /// </summary>
    /// <exception cref="PersonalFileExpiredException">The workbook is past its retention.</exception>
    public string? Find(string token)
    {
        if (!Guid.TryParse(token, out var id))
        {
            return null;
        }

        var user = db.Users.AsNoTracking().Where(u => u.Id == scope.UserId)
            .Select(u => new { u.RegionId, u.Role, u.IsDisabled }).SingleOrDefault();
        if (user is not { IsDisabled: false, Role: UserRole.Clerk })
        {
            return null;
        }

        var path = Path.Combine(FolderOf(user.RegionId), FileName(id.ToString("N")));
        if (File.Exists(path) && retention.HasExpired(id, clock))
        {
            Expire(path);
        }

        if (File.Exists(path + ExpiredSuffix))
        {
            throw new PersonalFileExpiredException(retention.ExpiredMessage("导入错误说明", "重新上传原文件以再次生成"));
        }

        return File.Exists(path) ? path : null;
    }

    /// <summary>Deletes an expired workbook and leaves its empty marker.</summary>
    public static void Expire(string path)
    {
        OwnerOnlyFiles.Create(path + ExpiredSuffix, 1).Dispose();
        File.Delete(path);
    }

    private string FolderOf(int regionId) => Path.Combine(PersonalFileSweeper.ImportsDirectory(options), regionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string FileName(string token) => $"{scope.UserId}-{token}.xlsx";
}
