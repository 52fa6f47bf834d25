using HarmonyPortal.Core.Ledgers.Fields;

namespace HarmonyPortal.Core.Coverage;

/// <summary>
/// How a typed unit name is compared with a register's: full-width letters, digits and brackets
/// as half-width, no spaces of any kind, letters in upper case. "济源 钢铁（集团）有限公司" matches
/// "济源钢铁(集团)有限公司"; nothing looser, so a near miss stays uncovered and visible.
/// </summary>
public static class UnitName
{
    public static string Key(string? name) =>
        CellText.Normalize(name)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() ?? "";
}
