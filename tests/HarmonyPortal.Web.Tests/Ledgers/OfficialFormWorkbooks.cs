using HarmonyPortal.Core.Spreadsheets;
using HarmonyPortal.TestSupport;

namespace HarmonyPortal.Web.Tests.Ledgers;

/// <summary>
/// The official forms 附件3–8 of the 岳阳 notice filled in as an office does: the merged title, a 填报单位 line, the form's
/// own columns in the notice's order (none of the columns the portal added), blank rows, full-width spaces and digits,
/// dates as 2021.3 / 2021年5月 / an Excel serial, and a lowercase x ending an ID number.
/// </summary>
public static class OfficialFormWorkbooks
{
    public static readonly string[] Form3 = ["序号", "姓名", "性别", "民族", "身份证号码", "工作单位", "职务", "学历", "任职协调员时间", "联系方式"];
    public static readonly string[] Form4 = ["序号", "所属乡镇街道", "调解组织名称", "调解组织性质", "地址", "成立时间", "负责人", "调解员人数", "联系人", "联系电话"];
    public static readonly string[] Form5 = ["序号", "姓名", "性别", "民族", "身份证号码", "工作单位", "职务", "学历", "任职调解员时间", "联系电话"];
    public static readonly string[] Form6 = ["序号", "所属乡镇街道", "组织名称", "组织性质", "地 址", "成立时间", "负责人", "协调员人数", "联系人", "联系电话"];
    public static readonly string[] Form7 = ["序号", "单位名称", "单位地址", "联系人", "联系电话", "职工人数", "培育指导服务单位"];
    public static readonly string[] Form8 = ["序号", "单位名称", "所在地区", "单位地址", "所属行业", "联系人", "联系电话", "上年底职工数量", "目前职工数量", "已享的稳岗政策", "是否有裁员计划",
        "以下内容为拟裁员或已裁员企业填写", "", "", ""];
    public static readonly string[] Form8Second = ["", "", "", "", "", "", "", "", "", "", "", "本年度计划裁员人数", "已裁员人数", "裁员岗位", "是否结清劳动报酬"];

    /// <summary>A woman's ID number of the region and birth date whose check character is X, written with a lowercase x.</summary>
    public static string IdEndingInX(string region, string birth)
    {
        for (var serial = 100; serial < 1000; serial += 2) // an even 17th digit: a woman
        {
            var id = TestIdNumbers.WithCheckDigit($"{region}{birth}{serial}0");
            if (id.EndsWith('X'))
            {
                return id[..17] + "x";
            }
        }

        throw new InvalidOperationException("no serial gives X");
    }

    /// <summary>附件3 (or 附件5 with its headers): three people, one ID number ending in a lowercase x.</summary>
    public static byte[] People(string[] headers, string title, string region, int month, string tag) => Form(headers, title, null,
        ["1", $"　王芳{tag}　", "女", "　汉族　", IdEndingInX(region, $"19850{month}03"), "某县某公司", "主任", "大专", "2021.3", "１３８１２３４５６７８"],
        [],
        ["２", $"李明{tag}", "男", "汉", TestIdNumbers.WithCheckDigit($"{region}19770{month}070010"), "某县某集团", "", "本科", "2021年5月", "0730-8123456"],
        ["3", $"赵强{tag}", "男", "汉族", TestIdNumbers.WithCheckDigit($"{region}19900{month}011210"), "某县某厂", "工会主席", "高中", CellValue.Number(44260), "13900001111"]);

    /// <summary>附件4: two mediation organisations.</summary>
    public static byte[] MediationOrganizations() => Form(Form4, "劳动人事争议调解组织情况表", null,
        ["1", "洞庭街道", "某公司调解委员会", "企业劳动人事争议调解委员会", "某路１号", "2019.6", "张三", "５", "李四", "13800000001"],
        [],
        ["2", "城陵矶街道", "城陵矶街道调解中心", "乡镇（街道）劳动争议调解组织", "某路2号", "2018年3月", "王五", "3", "赵六", "13800000002"]);

    /// <summary>附件6 as printed (no 统一社会信用代码): one row per organisation (name, 协调员人数), a blank row after the first.</summary>
    public static byte[] SocialOrganizations(params (string Name, string Coordinators)[] organisations)
    {
        var rows = new List<CellValue[]>();
        foreach (var (o, i) in organisations.Select((o, i) => (o, i)))
        {
            if (i == 1)
            {
                rows.Add([]);
            }

            rows.Add(SocialOrganization(i, o));
        }

        return Form(Form6, "协调劳动关系社会组织情况表", null, [.. rows]);
    }

    private static CellValue[] SocialOrganization(int index, (string Name, string Coordinators) o) =>
        [(index + 1).ToString(), "洞庭街道", $"　{o.Name}　", "社会团体", "岳阳楼区某路１号", "2016.9", "周正", o.Coordinators, "吴敏", "0730-8123456"];

    /// <summary>附件7: the 企业名单 shared by the three enterprise lists.</summary>
    public static byte[] Enterprises(string title) => Form(Form7, title, null,
        ["1", "某某机械有限公司", "某路3号", "钱七", "13800000003", "１２０", "县人社局"],
        [],
        ["2", "某某食品有限公司", "某路4号", "孙八", "0730-8000001", "300", "县总工会"]);

    /// <summary>附件8 with its two-row header (the merged 以下内容为拟裁员或已裁员企业填写 over four columns).</summary>
    public static byte[] KeyEnterprises() => Form(Form8, "重点用工企业情况表", Form8Second,
        ["1", "某某纺织有限公司", "某县", "某路5号", "纺织业", "周九", "13800000005", "800", "760", "稳岗返还", "否", "", "", "", ""],
        [],
        ["2", "某某电子有限公司", "某县", "某路6号", "制造业", "吴十", "13800000006", "１５００", "1450", "", "否", "", "", "", ""]);

    /// <summary>
    /// 附件8 as printed with two enterprises planning layoffs (the form's four layoff columns filled) after one that plans
    /// none: the form has no 经济补偿标准 or 支付能力评估, which the portal needs exactly for the layoff rows.
    /// </summary>
    public static byte[] KeyEnterprisesWithLayoffs(string tag) => Form(Form8, "重点用工企业情况表", Form8Second,
        ["1", $"某某纺织有限公司{tag}", "某县", "某路5号", "纺织业", "周九", "13800000005", "800", "760", "稳岗返还", "否", "", "", "", ""],
        [],
        ["2", $"某某电子有限公司{tag}", "某县", "某路6号", "制造业", "吴十", "13800000006", "１５００", "1450", "", "是", "６０", "20", "流水线操作工", "是"],
        ["3", $"某某鞋业有限公司{tag}", "某县", "某路7号", "制造业", "郑十一", "13800000007", "400", "380", "社保补贴", "是", "30", "0", "仓储", "否"]);

    private static byte[] Form(string[] headers, string title, string[]? secondHeader, params CellValue[][] rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new XlsxWriter(stream, leaveOpen: true))
        {
            writer.StartSheet(new SheetSpec("Sheet1", headers.Select(h => new ColumnSpec(h)).ToList()) { Title = title, Subtitle = "填报单位（盖章）：某县人社局　　　填报日期：2025年12月" });
            if (secondHeader is not null)
            {
                writer.WriteRow(secondHeader.Select(CellValue.Text).ToList());
            }

            writer.WriteRow(headers.Select(_ => CellValue.Empty).ToList());
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        return stream.ToArray();
    }
}
