namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// What a valid resident ID number says about its holder, so ledgers can derive birth date and
/// gender from it and cross-check what the clerk typed.
/// </summary>
/// <param name="Normalized">18 half-width characters, a final check character X in upper case.</param>
/// <param name="BirthDate">Digits 7–14.</param>
/// <param name="Gender">Digit 17: odd for men, even for women.</param>
/// <param name="RegionCode">The first 6 digits, the GB/T 2260 code of the place of first registration.</param>
public sealed record IdNumberInfo(string Normalized, DateOnly BirthDate, Gender Gender, string RegionCode);
