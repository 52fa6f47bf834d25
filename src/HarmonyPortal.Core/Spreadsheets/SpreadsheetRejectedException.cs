namespace HarmonyPortal.Core.Spreadsheets;

/// <summary>
/// An uploaded spreadsheet the portal will not read: too large, not a workbook, encrypted, corrupt, a zip bomb or
/// too many rows. It exists so that every such case reaches the user the same way: the message is in Chinese and is
/// meant to be shown as it is; the cause, when there is one, is kept for the log.
/// </summary>
public sealed class SpreadsheetRejectedException : Exception
{
    public SpreadsheetRejectedException(string message)
        : base(message)
    {
    }

    public SpreadsheetRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public SpreadsheetRejectedException()
        : base(SpreadsheetMessages.Corrupt)
    {
    }
}
