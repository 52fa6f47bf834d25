namespace HarmonyPortal.Core.Nominations;

/// <summary>An attached file (PDF, JPG, PNG or DOCX, its type checked by content), kept in the database.</summary>
public class NominationEvidence
{
    public long Id { get; set; }

    public long NominationId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public string UploadedBy { get; set; } = "";

    public DateTime UploadedAtUtc { get; set; }
}
