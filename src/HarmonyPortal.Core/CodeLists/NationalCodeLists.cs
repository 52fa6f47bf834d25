namespace HarmonyPortal.Core.CodeLists;

/// <summary>The national code lists the ledgers use, each read once from its embedded file (ADR 0023).</summary>
public static class NationalCodeLists
{
    private static readonly Lazy<CodeList> EthnicityList = new(() => CodeList.Load("gbt-3304-1991.json"));
    private static readonly Lazy<CodeList> EducationList = new(() => CodeList.Load("gbt-4658-2006.json"));
    private static readonly Lazy<CodeList> IndustryList = new(() => CodeList.Load("gbt-4754-2017.json"));

    /// <summary>民族: GB/T 3304-1991, 01 汉族 … 56 基诺族, 97 其他, 98 外国血统中国籍人士.</summary>
    public static CodeList Ethnicities => EthnicityList.Value;

    /// <summary>学历: GB/T 4658-2006 categories (10 研究生教育 … 90 其他) with 11 博士研究生 and 14 硕士研究生.</summary>
    public static CodeList Education => EducationList.Value;

    /// <summary>所属行业: GB/T 4754-2017, 门类 A–T and 大类 01–97.</summary>
    public static CodeList Industries => IndustryList.Value;
}
