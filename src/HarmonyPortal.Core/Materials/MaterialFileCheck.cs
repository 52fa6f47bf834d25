using System.Security.Cryptography;
using HarmonyPortal.Core.Nominations;

namespace HarmonyPortal.Core.Materials;

/// <summary>
/// A file offered for a material, checked like nomination evidence: at most 5 MB, one of the accepted kinds by its
/// content (never its name), without active content. The kept name takes the extension of what the content is.
/// </summary>
public static class MaterialFileCheck
{
    /// <summary>Why a file of this size is refused before reading it, or null.</summary>
    public static string? SizeRefusal(string fileName, long length) => length > EvidenceFile.MaxBytes
        ? $"附件“{fileName}”：大小 {length / 1048576.0:0.0} MB，超过上限 5 MB"
        : length == 0 ? $"附件“{fileName}”：文件为空" : null;

    /// <summary>The file to keep, or why it is refused (naming the file).</summary>
    public static (MaterialFile? File, string? Refusal) Check(string fileName, byte[] content, DateTime nowUtc)
    {
        if (SizeRefusal(fileName, content.LongLength) is { } size)
        {
            return (null, size);
        }

        if (EvidenceFile.Detect(content) is not { } contentType)
        {
            return (null, $"附件“{fileName}”：文件内容不是 {EvidenceFile.Accepted} 之一（按文件内容判断，与扩展名无关）");
        }

        if (EvidenceFile.ActiveContent(content, contentType) is { } active)
        {
            return (null, $"附件“{fileName}”：{active}{EvidenceFile.Advice(active)}");
        }

        var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
        name = (name.Length == 0 ? "材料" : name[..Math.Min(name.Length, 150)]) + EvidenceFile.Extension(contentType, fileName);
        return (new MaterialFile
        {
            FileName = name, ContentType = contentType, Size = content.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content, AddedAtUtc = nowUtc,
        }, null);
    }

    /// <summary>Why the material would hold too many files, or null.</summary>
    public static string? CountRefusal(int kept, int added) => kept + added > MaterialWorkflow.MaxFiles
        ? $"附件：每份材料最多 {MaterialWorkflow.MaxFiles} 个文件，{(kept > 0 ? $"已有 {kept} 个，" : "")}本次选择了 {added} 个。请合并后上传"
        : null;
}
