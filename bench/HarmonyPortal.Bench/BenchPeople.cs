using System.Globalization;

namespace HarmonyPortal.Bench;

/// <summary>
/// Deterministic people for benchmark data: the i-th person has a Chinese name, a valid 18-digit ID number of the
/// given county (GB 11643 check character, gender in the 17th digit), unique for i below 4,745,000, and a mobile number.
/// </summary>
internal static class BenchPeople
{
    public sealed record Entry(string Name, string IdNumber, bool Male, string Mobile);

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private const string Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰志红华建国文辉玲春梅鹏飞宇浩然子涵欣怡俊杰婷雪琳晨阳佳慧思远";

    private static readonly string[] Companies = ["华联建设工程有限公司", "湘北物流有限公司", "洞庭食品有限责任公司", "巴陵石化配套服务公司", "南湖纺织有限公司", "君山生态农业合作社", "楼区商贸有限公司", "临港机械制造有限公司"];

    public static Entry Person(int i, string countyCode)
    {
        var name = string.Concat(Surnames[i % Surnames.Length], Given[i / Surnames.Length % Given.Length],
            i % 3 == 0 ? "" : Given[i / 7 % Given.Length].ToString());
        // 20,000 birth dates × 365 sequence numbers (odd for men, even for women).
        var birth = new DateOnly(1965, 1, 1).AddDays(i / 365 % 13_000);
        var male = i % 2 == 0;
        var sequence = (i % 365 * 2 + (male ? 1 : 0)) % 1000;
        var body = countyCode + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        var id = body + HarmonyPortal.Core.Ledgers.Fields.IdNumber.CheckCharacter(body);
        var mobile = "13" + (i % 10).ToString(CultureInfo.InvariantCulture) + (10_000_000 + i % 90_000_000).ToString("D8", CultureInfo.InvariantCulture);
        return new Entry(name, id, male, mobile);
    }

    public static string Company(int i) => Companies[i % Companies.Length];
}
