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
}
