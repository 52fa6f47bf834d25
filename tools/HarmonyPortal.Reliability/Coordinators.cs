namespace HarmonyPortal.Reliability;

/// <summary>Valid, distinct coordinator rows: ID numbers with the GB 11643 check character, phones in the mobile format.</summary>
public static class Coordinators
{
    public static readonly string[] Headers =
        ["序号", "姓名", "性别", "民族", "身份证号码", "工作单位", "职务", "学历", "任职协调员时间", "联系方式", "类别", "职业技能等级", "证书编号", "发证日期", "是否在任"];

    /// <summary>
    /// The <paramref name="serial"/>-th number of <paramref name="writer"/> (0–899): the birth date walks from 1960-01-01,
    /// the sequence code names the writer, so two writers never make the same number.
    /// </summary>
    public static (string IdNumber, string Gender) Person(int writer, int serial)
    {
        var born = new DateOnly(1960, 1, 1).AddDays(serial);
        var sequence = 100 + writer;
        var seventeen = $"430602{born:yyyyMMdd}{sequence:000}";
        return (seventeen + Core.Ledgers.Fields.IdNumber.CheckCharacter(seventeen), sequence % 2 == 1 ? "男" : "女");
    }

    public static string Phone(int writer, int serial) => $"139{writer % 100:00}{serial % 1_000_000:000000}";

    public static (string, string)[] Form(int writer, int serial)
    {
        var (id, gender) = Person(writer, serial);
        return
        [
            ("values[Name]", "压测" + writer + "号" + serial), ("values[Gender]", gender), ("values[Ethnicity]", "汉族"), ("values[IdNumber]", id),
            ("values[WorkUnit]", "岳阳市某机械有限公司"), ("values[Position]", "人力资源部经理"), ("values[Education]", "本科"),
            ("values[ServingSince]", "2019-05-01"), ("values[Phone]", Phone(writer, serial)), ("values[Kind]", "劳动关系协调员"),
            ("values[SkillLevel]", ""), ("values[CertificateNumber]", ""), ("values[CertificateDate]", ""), ("values[CurrentlyServing]", "是"),
        ];
    }
}
