using HarmonyPortal.Core.Ledgers.Fields;

namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// The columns shared by the coordinator (附件3) and mediator (附件5) forms. The ID number is held
/// encrypted with a keyed hash for lookups and a masked copy for lists; <see cref="IdNumber"/> is
/// plaintext only while a row is being written or shown on its detail page.
/// </summary>
public abstract class PersonRow : LedgerRow
{
    public Gender Gender { get; set; }

    public string Ethnicity { get; set; } = "";

    public string IdNumberCipher { get; set; } = "";

    public string IdNumberHash { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";

    /// <summary>
    /// Never mapped: the number's keyed hashes under the algorithms and hash keys other than the current ones, set with
    /// <see cref="IdNumberHash"/>, so a duplicate check also meets rows not yet re-hashed after a switch or a hash-key
    /// rotation (ADR 0022).
    /// </summary>
    public IReadOnlyList<string> IdNumberHashAliases { get; set; } = [];

    public string WorkUnit { get; set; } = "";

    public string? Position { get; set; }

    public Education Education { get; set; }

    /// <summary>任职时间 (as coordinator or as mediator).</summary>
    public DateOnly ServingSince { get; set; }

    public string Phone { get; set; } = "";

    /// <summary>Plaintext, never mapped: set by the write pipeline and by the detail page only.</summary>
    public string? IdNumber { get; set; }
}
