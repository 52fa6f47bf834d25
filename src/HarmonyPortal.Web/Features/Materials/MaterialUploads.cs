using HarmonyPortal.Core.Materials;
using HarmonyPortal.Web.Features.Shared;

namespace HarmonyPortal.Web.Features.Materials;

/// <summary>A file posted with a material's form.</summary>
public sealed record MaterialUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>Reads and checks the files posted with a material (<see cref="MaterialFileCheck"/>); every refusal names the file.</summary>
public static class MaterialUploads
{
    public static IReadOnlyList<MaterialUpload> From(HttpRequest request) =>
        (request.HasFormContentType ? (IEnumerable<IFormFile>)request.Form.Files : [])
            .Where(f => f.Length > 0 || f.FileName.Length > 0)
            .Select(f => new MaterialUpload(f.FileName, f.Length, f.OpenReadStream)).ToList();

    /// <summary>The files to keep; refusals go into <paramref name="result"/> (nothing kept then matters: the caller saves nothing).</summary>
    public static async Task<List<MaterialFile>> CheckAsync(IReadOnlyList<MaterialUpload> files, int alreadyKept, ServiceResult result, DateTime nowUtc, CancellationToken ct)
    {
        var kept = new List<MaterialFile>();
        if (MaterialFileCheck.CountRefusal(alreadyKept, files.Count) is { } tooMany)
        {
            result.Add("Files", tooMany);
            return kept;
        }

        foreach (var file in files)
        {
            if (MaterialFileCheck.SizeRefusal(file.FileName, file.Length) is { } size)
            {
                result.Add("Files", size);
                continue;
            }

            using var buffer = new MemoryStream();
            await using (var stream = file.Open())
            {
                await stream.CopyToAsync(buffer, ct);
            }

            var (checkedFile, refusal) = MaterialFileCheck.Check(file.FileName, buffer.ToArray(), nowUtc);
            if (refusal is not null)
            {
                result.Add("Files", refusal);
            }
            else
            {
                kept.Add(checkedFile!);
            }
        }

        return kept;
    }
}
