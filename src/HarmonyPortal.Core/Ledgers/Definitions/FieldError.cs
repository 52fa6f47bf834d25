namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>A refusal of one field's value, already worded for the user: "身份证号码：校验位应为 X，实际为 3".</summary>
public sealed record FieldError(string Key, string Message);
