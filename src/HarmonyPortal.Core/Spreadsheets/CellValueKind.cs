namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>What a <see cref="CellValue"/> holds; <c>default</c> is <see cref="Empty"/> so that <c>default(CellValue)</c> is an empty cell.</summary>
internal enum CellValueKind : byte
{
    Empty,
    Text,
    Number,
    Date,
}
