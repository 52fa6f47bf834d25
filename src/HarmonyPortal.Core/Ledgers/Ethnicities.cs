namespace HarmonyPortal.Core.Ledgers;

/// <summary>The 56 ethnic groups (民族) as forms print them; "汉" is read as "汉族".</summary>
public static class Ethnicities
{
    public static IReadOnlyList<string> All { get; } =
    [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
        "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
        "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
        "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    ];

    private static readonly HashSet<string> Known = [.. All];

    /// <summary>Returns the official name for "汉" or "汉族", or null when the text names no ethnic group.</summary>
    public static string? Normalize(string text)
    {
        if (Known.Contains(text))
        {
            return text;
        }

        var withSuffix = text + "族";
        return Known.Contains(withSuffix) ? withSuffix : null;
    }
}
