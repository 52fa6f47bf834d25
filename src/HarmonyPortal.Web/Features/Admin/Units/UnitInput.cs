using HarmonyPortal.Core.Ledgers.Fields;
using HarmonyPortal.Core.Offices;

namespace HarmonyPortal.Web.Features.Admin.Units;

/// <summary>
/// What an admin sets on a member unit: names, place in the list and the unit's contact for the office's business
/// (联系人, 联系电话, 电子邮箱; all three optional). Host and retirement have their own actions.
/// </summary>
public sealed class UnitInput
{
    public string? ShortName { get; set; }

    public string? Name { get; set; }

    /// <summary>Text, so that "abc" is named in the form rather than refused by model binding.</summary>
    public string? SortOrder { get; set; }

    public string? ContactName { get; set; }

    /// <summary>A mobile or a landline with its area code (0797-8996036), full-width digits accepted.</summary>
    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public const int MaxSortOrder = 9999;

    public const int ContactNameMaxLength = 50;

    public const int ContactEmailMaxLength = 256;

    /// <summary>The sort order typed, once <see cref="UnitInputValidator"/> passed; null when left empty.</summary>
    public int? SortOrderValue() => string.IsNullOrWhiteSpace(SortOrder) ? null : int.Parse(SortOrder.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The contact as it is stored once <see cref="UnitInputValidator"/> passed: trimmed, the phone in its one form, empty as null.</summary>
    public (string? Name, string? Phone, string? Email) Contact()
    {
        var phone = CellText.Normalize(ContactPhone) is { } typed && PhoneNumber.TryParse(typed, out var normalized, out _) ? normalized : null;
        return (CellText.Normalize(ContactName), phone, CellText.Normalize(ContactEmail));
    }
}
