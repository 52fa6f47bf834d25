namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>Reasons shared by several field parsers, so the same situation reads the same everywhere.</summary>
internal static class FieldMessages
{
    public const string Required = "必须填写";
}
