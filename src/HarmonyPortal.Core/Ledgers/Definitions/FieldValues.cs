using System.Globalization;
using HarmonyPortal.Core.CodeLists;
using HarmonyPortal.Core.Ledgers.Fields;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>
/// Turns what a clerk typed (in the browser or in a spreadsheet cell) into a field's value, and a
/// value back into text. Browser forms and spreadsheet import share this one path.
/// </summary>
public static partial class FieldValues
{
    public static bool TryParse(ILedgerField field, string? raw, DateOnly today, out object? value, out string? error)
    {
        value = null;
        error = null;
        raw = raw is null ? null : CellText.WithoutInvisible(raw); // look-alike names and numbers must compare equal

        // Names and notes keep their full-width punctuation and line breaks; typed values are normalized.
        var text = field.Kind switch
        {
            FieldKind.LongText => CellText.Normalize(raw) is null ? null : raw!.Trim().Trim('\u3000', '\u00a0'),
            FieldKind.Text => CellText.Normalize(raw) is null ? null : WithoutPaddingBetweenHanzi(raw!.Trim().Trim('\u3000', '\u00a0')),
            _ => CellText.Normalize(raw),
        };
        if (text is null)
        {
            if (field.Required)
            {
                error = $"{field.Header}：必须填写";
                return false;
            }

            return true;
        }

        if (!TryParseText(field, text, today, out value, out var reason))
        {
            error = $"{field.Header}：{reason}";
            return false;
        }

        return true;
    }

    private static bool TryParseText(ILedgerField field, string text, DateOnly today, out object? value, out string? reason)
    {
        value = null;
        reason = null;
        switch (field.Kind)
        {
            case FieldKind.Text or FieldKind.LongText:
                if (text.Length > field.MaxLength)
                {
                    reason = $"不能超过 {field.MaxLength} 个字，实际 {text.Length} 个";
                    return false;
                }

                value = text;
                return true;
            case FieldKind.WholeNumber:
                if (!TryParseWhole(text, out var number))
                {
                    reason = $"“{text}”不是整数";
                    return false;
                }

                if (number < 0)
                {
                    reason = "不能为负数";
                    return false;
                }

                if (number > int.MaxValue)
                {
                    reason = $"“{text}”过大";
                    return false;
                }

                value = (int)number;
                return true;
            case FieldKind.Money:
                if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var money))
                {
                    reason = text.Length > 0 && text.TrimStart('-').Replace(",", "", StringComparison.Ordinal).All(c => char.IsAsciiDigit(c) || c == '.')
                        ? $"“{Shown(text)}”超出范围（最多 {MaxMoney:#,0.00} 元）"
                        : $"“{Shown(text)}”不是有效的金额（元，不能为负数）";
                    return false;
                }

                if (money < 0)
                {
                    reason = "不能为负数";
                    return false;
                }

                // The column is numeric(14, 2): more would make PostgreSQL refuse the row, SQLite keep what cannot be shown.
                if (money > MaxMoney)
                {
                    reason = $"“{Shown(text)}”超出范围（最多 {MaxMoney:#,0.00} 元）";
                    return false;
                }

                if (decimal.Round(money, 2) != money)
                {
                    reason = $"“{Shown(text)}”最多两位小数（元、角、分）";
                    return false;
                }

                value = money;
                return true;
            case FieldKind.Date:
                if (!FlexibleDate.TryParse(text, out var date, out _, out reason))
                {
                    return false;
                }

                if (date > today)
                {
                    reason = $"不能晚于今天（{today:yyyy-MM-dd}）";
                    return false;
                }

                value = date;
                return true;
            case FieldKind.Enum:
                if (!Labels.TryParse(field.EnumType!, text, out var option) && !TryEducationCode(field, text, out option))
                {
                    reason = $"“{text}”不是可选值，应为：{string.Join("、", Labels.Options(field.EnumType!).Select(o => o.Text))}";
                    return false;
                }

                value = Enum.ToObject(field.EnumType!, option);
                return true;
            case FieldKind.YesNo:
                if (!Labels.TryParse(typeof(YesNo), text, out var yes))
                {
                    reason = $"“{text}”应填“是”或“否”";
                    return false;
                }

                value = yes == (int)YesNo.Yes;
                return true;
            case FieldKind.Gender:
                value = text switch { "男" or "男性" => Gender.Male, "女" or "女性" => Gender.Female, _ => null };
                reason = value is null ? $"“{text}”应填“男”或“女”" : null;
                return value is not null;
            case FieldKind.Ethnicity:
                value = Ethnicities.CodeOf(text);
                reason = value is null ? $"“{text}”不是 GB/T 3304 中的民族名称或代码（如：汉族、土家族、01）" : null;
                return value is not null;
            case FieldKind.Industry:
                value = Industries.CodeOf(text);
                reason = value is null
                    ? $"“{Shown(text)}”不在《国民经济行业分类》（GB/T 4754-2017）中，请从列表中选择门类或大类（可填代码、名称或“代码 名称”，如：13 农副食品加工业）"
                    : null;
                return value is not null;
            case FieldKind.IdNumber:
                if (!IdNumber.TryParse(text, today, out var info, out reason))
                {
                    return false;
                }

                value = info!.Normalized;
                return true;
            case FieldKind.Phone:
                if (!PhoneNumber.TryParse(text, out var phone, out reason))
                {
                    return false;
                }

                value = phone;
                return true;
            case FieldKind.CreditCode:
                if (!CreditCode.TryParse(text, out var code, out reason))
                {
                    return false;
                }

                value = code;
                return true;
            default:
                throw new InvalidOperationException($"Unknown field kind {field.Kind}.");
        }
    }

    /// <summary>学历 also reads GB/T 4658-2006 codes and names ("20", "20 大学本科教育").</summary>
    private static bool TryEducationCode(ILedgerField field, string text, out int option)
    {
        option = 0;
        if (field.EnumType != typeof(Education) || EducationLevels.FromCode(text) is not { } level)
        {
            return false;
        }

        option = (int)level;
        return true;
    }

    /// <summary>The largest amount of money a field holds: the column is numeric(14, 2).</summary>
    public const decimal MaxMoney = 999_999_999_999.99m;

    /// <summary>A typed value repeated in a message, cut short when it is long.</summary>
    private static string Shown(string text) => text.Length > 30 ? text[..30] + "…" : text;

    /// <summary>"王 芳" and "李　明" are names padded to line up in a column: drop spaces between two Chinese characters.</summary>
    private static string WithoutPaddingBetweenHanzi(string text) => PaddedHanzi().Replace(text, "$1");

    [System.Text.RegularExpressions.GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs})[\s\u3000]+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial System.Text.RegularExpressions.Regex PaddedHanzi();

    /// <summary>Whole numbers, also as spreadsheets store them ("12", "1,200", "12.0").</summary>
    private static bool TryParseWhole(string text, out long number)
    {
        var plain = text.Replace(",", "", StringComparison.Ordinal);
        if (long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return true;
        }

        if (double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real == Math.Floor(real) && Math.Abs(real) < 1e15)
        {
            number = (long)real;
            return true;
        }

        return false;
    }

    /// <summary>The value as the form and the spreadsheet show it.</summary>
    public static string Format(ILedgerField field, object? value) => (field.Kind, value) switch
    {
        (FieldKind.Ethnicity, string code) => Ethnicities.Name(code),
        (FieldKind.Industry, string code) => Industries.Name(code),
        _ => FormatValue(value),
    };

    /// <summary>True when a stored 所属行业 is text kept from before the list (shown as it is, marked as not from the list).</summary>
    public static bool IsOffList(ILedgerField field, object? value) => field.Kind == FieldKind.Industry && Industries.IsOffList(value as string);

    private static string FormatValue(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "是" : "否",
        Gender gender => gender == Gender.Male ? "男" : "女",
        Enum option => Labels.Text(option.GetType(), Convert.ToInt32(option, CultureInfo.InvariantCulture)) ?? option.ToString(),
        decimal money => money.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The options a drop-down offers for a field, or null for free text.</summary>
    public static IReadOnlyList<string>? Options(ILedgerField field) => field.Kind switch
    {
        FieldKind.Enum => Labels.Options(field.EnumType!).Select(o => o.Text).ToList(),
        FieldKind.YesNo => ["是", "否"],
        FieldKind.Gender => ["男", "女"],
        FieldKind.Ethnicity => Ethnicities.All,
        FieldKind.Industry => Industries.Choices,
        _ => null,
    };
}
