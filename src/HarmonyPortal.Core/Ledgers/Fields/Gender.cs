namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// Gender as the ledgers (附件3, 附件5) record it. The numbers are fixed because rows are stored and
/// exported by value, and because the ID number encodes the same fact (odd 17th digit = male).
/// </summary>
public enum Gender
{
    Male = 1,
    Female = 2,
}
