namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// One imported cell: its value as the user sees it where possible (<see cref="Text"/>) plus the typed value. It
/// exists because ledger imports mostly want text ("110105", "2026-11-22", "TRUE") but must also be able to tell
/// that an ID number was typed as a number and lost its last digits: such a cell is <see cref="IsNumeric"/> and its
/// text shows the loss ("1.1010519491231E+17").
/// </summary>
/// <param name="Text">
/// Strings as they are; numbers in invariant culture — integers below 1e15 without exponent ("110105"), larger
/// integers in round-trip form, others with up to 15 significant digits; dates "yyyy-MM-dd" (with " HH:mm:ss" when
/// there is a time of day); booleans "TRUE"/"FALSE"; null for an empty cell.
/// </param>
/// <param name="IsNumeric">True for a number cell (not for a date).</param>
/// <param name="Number">The number of a number cell.</param>
/// <param name="Date">The value of a date cell.</param>
public readonly record struct SheetCell(string? Text, bool IsNumeric, double? Number, DateTime? Date)
{
    /// <summary>True when the cell holds nothing (white space is something: callers trim).</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Text) && Number is null && Date is null;
}
