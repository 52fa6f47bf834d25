namespace HarmonyPortal.Core.Input;

/// <summary>
/// The limits of every 延期 (a nomination step's deadline, a material's or an indicator's due date): the new date lies
/// from today to a year ahead, and the reason is required and at most 500 characters.
/// </summary>
public static class DeadlineExtensionLimits
{
    /// <summary>A deadline may be extended by at most this long from today.</summary>
    public const int MaxDays = 366;

    public const int ReasonMaxLength = 500;
}
