namespace HarmonyPortal.Core.Ledgers;

/// <summary>
/// 学历, stored as its GB/T 4658-2006 code (the portal's eight levels map onto the standard's categories; 11 and 14 are the
/// standard's 博士/硕士研究生毕业 under 10 研究生教育). Declared in ascending order of level, the order drop-downs show;
/// <see cref="EducationLevels.Rank"/> orders them (中专 beside 高中).
/// </summary>
public enum Education
{
    [Label("小学及以下", "小学", "小学教育")] Primary = 80,
    [Label("初中", "初级中学教育", "初级中学")] JuniorHigh = 70,
    [Label("高中", "高中毕业", "职高", "普通高级中学教育", "普通高中")] SeniorHigh = 60,
    [Label("中专", "中专/中技", "中技", "技校", "中等职业教育")] SecondaryVocational = 40,
    [Label("大专", "专科", "大学专科", "大学专科教育")] JuniorCollege = 30,
    [Label("本科", "大学本科", "大学", "大学本科教育")] Bachelor = 20,
    [Label("硕士研究生", "硕士", "研究生", "研究生教育")] Master = 14,
    [Label("博士研究生", "博士")] Doctor = 11,
}

public static class EducationLevels
{
    /// <summary>Comparable level, higher for more schooling: 中专 and 高中 are the same stage.</summary>
    public static int Rank(this Education education) => education switch
    {
        Education.Primary => 1,
        Education.JuniorHigh => 2,
        Education.SeniorHigh or Education.SecondaryVocational => 3,
        Education.JuniorCollege => 5,
        Education.Bachelor => 6,
        Education.Master => 7,
        Education.Doctor => 8,
        _ => 0,
    };

    /// <summary>The level a GB/T 4658-2006 code ("20", "20 大学本科教育") or name stands for; 10 研究生教育 counts as 硕士研究生.</summary>
    public static Education? FromCode(string text)
    {
        var item = CodeLists.NationalCodeLists.Education.Find(text);
        if (item is null || !int.TryParse(item.Code, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        return code == 10 ? Education.Master : Enum.IsDefined(typeof(Education), code) ? (Education)code : null;
    }
}

/// <summary>协调员类别.</summary>
public enum CoordinatorKind
{
    [Label("劳动关系协调员", "协调员")] Coordinator = 1,
    [Label("专职集体协商指导员", "集体协商指导员", "指导员")] CollectiveBargainingInstructor = 2,
}

/// <summary>职业技能等级 of the labour-relations coordinator occupation; a lower number is a higher level.</summary>
public enum SkillLevel
{
    [Label("劳动关系协调员（四级）", "四级", "四级协调员", "协调员四级")] Level4 = 4,
    [Label("劳动关系协调员（三级）", "三级", "三级协调员", "协调员三级")] Level3 = 3,
    [Label("劳动关系协调师（二级）", "二级", "二级协调师", "协调师")] Level2 = 2,
    [Label("高级劳动关系协调师（一级）", "一级", "一级高级协调师", "高级协调师")] Level1 = 1,
}

/// <summary>Row status within a reporting year.</summary>
public enum LedgerRowStatus
{
    [Label("正常")] Active = 1,

    /// <summary>Copied from last year by "carry forward"; the clerk confirms or corrects it.</summary>
    [Label("待复核")] NeedsReview = 2,
}

public enum YesNo
{
    [Label("否", "无", "N", "No")] No = 0,
    [Label("是", "有", "Y", "Yes")] Yes = 1,
}

/// <summary>The nine kinds of labour and personnel dispute mediation organisation (Ganzhou notice, 003).</summary>
public enum MediationOrganizationNature
{
    [Label("企业劳动人事争议调解委员会", "企业调解委员会")] EnterpriseCommittee = 1,
    [Label("乡镇（街道）劳动争议调解组织", "乡镇街道调解组织")] TownStreet = 2,
    [Label("县（市、区）专业劳动人事争议调解组织", "县级专业调解组织")] CountyProfessional = 3,
    [Label("行业性区域性劳动人事争议调解组织", "行业性区域性调解组织")] IndustryRegional = 4,
    [Label("事业单位劳动人事争议调解组织", "事业单位调解组织")] PublicInstitution = 5,
    [Label("开展劳动人事争议调解工作的社会组织", "社会组织")] SocialOrganization = 6,
    [Label("多元化解“一体化”劳动争议调解组织", "一体化调解组织")] Integrated = 7,
    [Label("工会“三师一室”维权平台", "三师一室")] UnionThreeMastersOneRoom = 8,
    [Label("其他类型劳动人事争议调解组织", "其他")] Other = 9,
}
