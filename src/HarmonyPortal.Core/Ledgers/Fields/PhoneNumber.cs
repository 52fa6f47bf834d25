using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace HarmonyPortal.Core.Ledgers.Fields;

/// <summary>
/// 联系电话 / 联系方式 in the ledgers: a mainland mobile number or a landline with its area code.
/// Offices call these numbers across the province, so a landline without its area code is refused.
/// Stored in one form (mobile "13812345678", landline "0730-8222222" or "0730-8222222-123") so
/// duplicates and masking work.
/// </summary>
/// <remarks>
/// Area codes starting 01 or 02 have 2 digits after the 0 (010, 020–029), all others 3 (0730): that
/// is how "07308222222" is split, and "0201-2345678" is refused. Local numbers have 7–8 digits and do
/// not start with 0 or 1. An extension follows "-", "转" or "ext". One number per cell.
/// </remarks>
public static partial class PhoneNumber
{
    /// <summary>
    /// Accepts mobiles (optional +86, 86 or 0086 prefix; spaces and dashes inside allowed) and
    /// landlines with area code, after <see cref="CellText.Normalize"/>.
    /// </summary>
    public static bool TryParse(string? input,
        [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        var text = CellText.Normalize(input)?.Replace('—', '-').Replace('–', '-');
        if (text is null)
        {
            error = FieldMessages.Required;
            return false;
        }

        normalized = ParseMobile(text) ?? ParseLandline(text);
        if (normalized is not null)
        {
            error = null;
            return true;
        }

        error = LocalNumberOnly().IsMatch(text)
            ? $"“{text}”缺少区号，固定电话请写成“0730-8222222”的形式"
            : $"“{text}”不是有效的手机号或带区号的固定电话";
        return false;
    }

    /// <summary>
    /// Mobile "138****5678"; landline keeps the area code and the last 2 digits of the number,
    /// "0730-******22", with six stars whether the number has 7 or 8 digits and the extension
    /// dropped. Anything else becomes all '*'.
    /// </summary>
    public static string Mask(string normalized)
    {
        if (string.IsNullOrEmpty(normalized))
        {
            return string.Empty;
        }

        if (Mobile().IsMatch(normalized))
        {
            return string.Concat(normalized.AsSpan(0, 3), "****", normalized.AsSpan(7));
        }

        var landline = NormalizedLandline().Match(normalized);
        if (landline.Success)
        {
            var local = landline.Groups["local"].Value;
            return $"{landline.Groups["area"].Value}-******{local[^2..]}";
        }

        return new string('*', normalized.Length);
    }

    private static string? ParseMobile(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (compact.StartsWith("+86", StringComparison.Ordinal))
        {
            compact = compact[3..];
        }
        else if (compact.StartsWith("0086", StringComparison.Ordinal))
        {
            compact = compact[4..];
        }
        else if (compact.Length == 13 && compact.StartsWith("86", StringComparison.Ordinal))
        {
            compact = compact[2..];
        }
        else if (compact.StartsWith("(+86)", StringComparison.Ordinal))
        {
            compact = compact[5..];
        }

        return Mobile().IsMatch(compact) ? compact : null;
    }

    private static string? ParseLandline(string text)
    {
        var match = SeparatedLandline().Match(text);
        string area, local;
        if (match.Success)
        {
            area = match.Groups["area"].Value;
            local = match.Groups["local"].Value;
            if (area.Length != AreaCodeLength(area))
            {
                return null;
            }
        }
        else
        {
            match = JoinedLandline().Match(text);
            if (!match.Success)
            {
                return null;
            }

            var digits = match.Groups["digits"].Value;
            area = digits[..AreaCodeLength(digits)];
            local = digits[area.Length..];
            if (local.Length is < 7 or > 8 || local[0] is '0' or '1')
            {
                return null;
            }
        }

        var extension = match.Groups["ext"].Value;
        return extension.Length == 0 ? $"{area}-{local}" : $"{area}-{local}-{extension}";
    }

    private static int AreaCodeLength(string startsWithAreaCode) => startsWithAreaCode[1] is '1' or '2' ? 3 : 4;

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^(?:\(\s?(?<area>0[1-9]\d{1,2})\s?\)\s?-?\s?|(?<area>0[1-9]\d{1,2})\s?-\s?|(?<area>0[1-9]\d{1,2})\s)(?<local>[2-9]\d{6,7})(?:\s?(?:-|转|ext\.?|EXT\.?|Ext\.?)\s?(?<ext>\d{1,6}))?$")]
    private static partial Regex SeparatedLandline();

    [GeneratedRegex(@"^(?<digits>0[1-9]\d{8,10})(?:\s?(?:-|转|ext\.?|EXT\.?|Ext\.?)\s?(?<ext>\d{1,6}))?$")]
    private static partial Regex JoinedLandline();

    [GeneratedRegex(@"^[2-9]\d{6,7}$")]
    private static partial Regex LocalNumberOnly();

    [GeneratedRegex(@"^(?<area>0\d{2,3})-(?<local>\d{7,8})(?:-\d{1,6})?$")]
    private static partial Regex NormalizedLandline();
}
