using System.Globalization;
using System.Text;

namespace HarmonyPortal.Core.Rules.Editing;

/// <summary>One amount of a grid cell: a minimum, a maximum, both (a range) or a share, possibly "左右" (approximate).</summary>
public sealed record QuotaAmount(int? Min, int? Max, decimal? Share, bool Approximate);

/// <summary>What a grid cell says: the plan total (<see cref="Period"/>) and/or the amount each year (<see cref="Year"/>).</summary>
public sealed record QuotaCellValue(QuotaAmount? Period, QuotaAmount? Year)
{
    public static QuotaCellValue Empty { get; } = new(null, null);

    public bool IsEmpty => Period is null && Year is null;
}

/// <summary>A parsed cell, or the reason (in Chinese, without its location) why the text is not a cell.</summary>
public sealed record QuotaCellParse(QuotaCellValue? Value, string? Error);

/// <summary>
/// The small language of a quota cell, as 附件1 任务安排表 writes it: "" (no quota), "3" (plan total, at least),
/// "1/年" (each year), "3 (1/年)" (both), "10左右/年" (approximate), "≤2/年" (at most), "1-3/年" (a range), "80%"
/// (a share). Full-width digits, brackets, slash and percent are accepted; "以上" / "≥" read as "at least".
/// <see cref="Format"/> writes the canonical text; Format(Parse(x)) is stable.
/// </summary>
public static class QuotaGridCellText
{
    public const int MaxNumber = 100_000;

    public const string Examples = "可填写如 3、1/年、3 (1/年)、10左右/年、≤2/年、1-3/年、80%";

    public static QuotaCellParse Parse(string? text)
    {
        var original = (text ?? "").Trim();
        var s = Normalize(original);
        if (s.Length == 0)
        {
            return new QuotaCellParse(QuotaCellValue.Empty, null);
        }

        var open = s.IndexOf('(');
        var close = s.IndexOf(')');
        if (open < 0 && close < 0)
        {
            var (single, error) = ParsePart(s, original);
            if (error is not null)
            {
                return new QuotaCellParse(null, error);
            }

            return new QuotaCellParse(single.Yearly ? new QuotaCellValue(null, single.Amount) : new QuotaCellValue(single.Amount, null), null);
        }

        if (open < 0)
        {
            return new QuotaCellParse(null, $"“{original}”缺少左括号");
        }

        if (close < 0)
        {
            return new QuotaCellParse(null, $"“{original}”缺少右括号");
        }

        if (close < open || s.IndexOf('(', open + 1) >= 0 || s.IndexOf(')', close + 1) >= 0)
        {
            return new QuotaCellParse(null, $"“{original}”的括号不成对，只能写一对括号，如 3 (1/年)");
        }

        if (close != s.Length - 1)
        {
            return new QuotaCellParse(null, $"“{original}”右括号后不能再有内容");
        }

        if (open == 0)
        {
            return new QuotaCellParse(null, $"“{original}”括号前缺少整个规划期的数，如 3 (1/年)");
        }

        var (outer, outerError) = ParsePart(s[..open], original);
        if (outerError is not null)
        {
            return new QuotaCellParse(null, outerError);
        }

        var (inner, innerError) = ParsePart(s[(open + 1)..close], original);
        if (innerError is not null)
        {
            return new QuotaCellParse(null, innerError);
        }

        if (outer.Yearly || !inner.Yearly)
        {
            return new QuotaCellParse(null, $"“{original}”括号外应是整个规划期的数、括号里应是每年的数，如 3 (1/年)");
        }

        return new QuotaCellParse(new QuotaCellValue(outer.Amount, inner.Amount), null);
    }

    public static string Format(QuotaCellValue value) => (value.Period, value.Year) switch
    {
        (null, null) => "",
        ({ } period, null) => Format(period),
        (null, { } year) => Format(year) + "/年",
        ({ } period, { } year) => $"{Format(period)} ({Format(year)}/年)",
    };

    public static string Format(QuotaAmount amount)
    {
        var approx = amount.Approximate ? "左右" : "";
        if (amount.Share is { } share)
        {
            return (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" + approx;
        }

        return (amount.Min, amount.Max) switch
        {
            ({ } min, { } max) => $"{min}-{max}{approx}",
            ({ } min, null) => $"{min}{approx}",
            (null, { } max) => $"≤{max}{approx}",
            _ => "",
        };
    }

    /// <summary>The canonical text of a typed cell, or null when it does not parse.</summary>
    public static string? Canonical(string? text) => Parse(text).Value is { } value ? Format(value) : null;

    private static (Part Part, string? Error) ParsePart(string part, string original)
    {
        var yearly = false;
        if (part.EndsWith("/年", StringComparison.Ordinal))
        {
            yearly = true;
            part = part[..^2];
        }
        else if (part.StartsWith("每年", StringComparison.Ordinal))
        {
            yearly = true;
            part = part[2..];
        }

        var approximate = false;
        if (part.EndsWith("左右", StringComparison.Ordinal))
        {
            approximate = true;
            part = part[..^2];
        }

        if (part.EndsWith("以上", StringComparison.Ordinal))
        {
            part = part[..^2];
        }

        var atMost = false;
        if (part.StartsWith('≤'))
        {
            atMost = true;
            part = part[1..];
        }
        else if (part.StartsWith('≥'))
        {
            part = part[1..];
        }

        var unrecognised = $"无法识别“{original}”，{Examples}";
        if (part.Length == 0)
        {
            return (default, unrecognised);
        }

        if (part.EndsWith('%'))
        {
            if (atMost || !decimal.TryParse(part[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
            {
                return (default, unrecognised);
            }

            if (percent > 100)
            {
                return (default, $"“{original}”的比例不能超过 100%");
            }

            return (new Part(new QuotaAmount(null, null, decimal.Round(percent, 2) / 100, approximate), yearly), null);
        }

        var dash = part.IndexOf('-', 1);
        if (dash > 0)
        {
            if (atMost)
            {
                return (default, unrecognised);
            }

            var (min, minError) = Number(part[..dash], original, unrecognised);
            var (max, maxError) = Number(part[(dash + 1)..], original, unrecognised);
            if ((minError ?? maxError) is { } error)
            {
                return (default, error);
            }

            if (min > max)
            {
                return (default, $"最少 {min} 大于最多 {max}");
            }

            return (new Part(new QuotaAmount(min, max, null, approximate), yearly), null);
        }

        var (number, numberError) = Number(part, original, unrecognised);
        if (numberError is not null)
        {
            return (default, numberError);
        }

        return (new Part(atMost ? new QuotaAmount(null, number, null, approximate) : new QuotaAmount(number, null, null, approximate), yearly), null);
    }

    private static (int Value, string? Error) Number(string text, string original, string unrecognised)
    {
        if (text.Length == 0 || text.Any(c => !char.IsAsciiDigit(c) && c != '.'))
        {
            return (0, unrecognised);
        }

        if (text.Contains('.'))
        {
            return (0, $"“{original}”中的数量须为整数");
        }

        if (text.Length > 6 || int.Parse(text, CultureInfo.InvariantCulture) > MaxNumber)
        {
            return (0, $"“{original}”中的数量不能超过 {MaxNumber}");
        }

        return (int.Parse(text, CultureInfo.InvariantCulture), null);
    }

    /// <summary>Full-width forms to ASCII, dashes and "至" to "-", "<=" to "≤", spaces removed.</summary>
    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            switch (c)
            {
                case '–' or '—' or '~' or '〜' or '至' or '到':
                    sb.Append('-');
                    break;
                case '≦':
                    sb.Append('≤');
                    break;
                case '≧':
                    sb.Append('≥');
                    break;
                case '【' or '〔':
                    sb.Append('(');
                    break;
                case '】' or '〕':
                    sb.Append(')');
                    break;
                default:
                    if (!char.IsWhiteSpace(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Replace("<=", "≤").Replace(">=", "≥").ToString();
    }

    private readonly record struct Part(QuotaAmount Amount, bool Yearly);
}
