namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>How a ledger column is typed in, checked and shown.</summary>
public enum FieldKind
{
    Text,
    LongText,
    WholeNumber,
    Money,
    Date,
    Enum,
    YesNo,
    Gender,
    Ethnicity,
    IdNumber,
    Phone,
    CreditCode,

    /// <summary>所属行业: a GB/T 4754-2017 大类 (or 门类) code; text kept from before the list stays as it was.</summary>
    Industry,
}
