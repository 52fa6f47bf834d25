namespace HarmonyPortal.Web.Features.Ledgers;

/// <summary>The 所属行业 picker of a ledger form: the field's element id and form name, what it holds now, whether it is in error.</summary>
public sealed record IndustryPickerModel(string Id, string Name, string? Value, bool Invalid);
