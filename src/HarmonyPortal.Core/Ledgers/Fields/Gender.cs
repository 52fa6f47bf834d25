namespace HarmonyPortal.Core.Ledgers.Fields;

public enum Gender
{
    Male = 1,
    Female = 2,
}
