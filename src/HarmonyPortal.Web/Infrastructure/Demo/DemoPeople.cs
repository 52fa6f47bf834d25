using HarmonyPortal.Core.Ledgers.Fields;

namespace HarmonyPortal.Web.Infrastructure.Demo;

/// <summary>
/// Plausible but invented people and organisations for the demo, from a seeded random source (same seed, same data).
/// ID numbers carry the county's code, a birth date and a correct check character, and are numbered per county so
/// they never repeat; mobile numbers are all in the 139-0000 block and office numbers in the 6000 block of the
/// city's area code, so none dials a real subscriber by design of the demo.
/// </summary>
public sealed class DemoPeople(int seed, string regionPrefix, string areaCode, int countySerial)
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"];

    private static readonly string[] MaleGiven = ["建国", "志强", "海波", "国华", "晓东", "文斌", "立新", "振宇", "永刚", "俊杰", "宏伟", "明辉", "家豪", "鹏", "涛", "磊", "军", "勇"];

    private static readonly string[] FemaleGiven = ["秀英", "丽娟", "晓燕", "文静", "海燕", "春梅", "玉兰", "慧敏", "婷", "静", "琳", "雪梅", "红霞", "雅琴", "佳怡", "敏"];

    private static readonly string[] Brands = ["恒信", "华泰", "宏达", "金盛", "鑫源", "瑞丰", "永安", "新兴", "长江", "福达", "天和", "卓越", "汇通", "明德", "顺发", "嘉禾"];

    private static readonly (string Trade, string Industry)[] Trades =
    [
        ("机械制造", "制造业"), ("纺织", "制造业"), ("食品", "制造业"), ("建材", "制造业"), ("物流", "交通运输、仓储和邮政业"),
        ("建筑工程", "建筑业"), ("商贸", "批发和零售业"), ("电子科技", "制造业"), ("餐饮管理", "住宿和餐饮业"), ("物业服务", "房地产业"),
    ];

    private readonly Random random = new(seed);
    private int people;
    private int units;
    private readonly HashSet<string> names = [];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public int Next(int min, int max) => random.Next(min, max);

    /// <summary>A name not used before in this county, and whether the person is a man.</summary>
    public (string Name, bool Male) Person()
    {
        while (true)
        {
            var male = random.Next(3) > 0;
            var name = Pick(Surnames) + Pick(male ? MaleGiven : FemaleGiven);
            if (names.Add(name))
            {
                return (name, male);
            }
        }
    }

    /// <summary>A GB 11643 number of this county: a birth date between 1965 and 1992 and a serial numbered per county (odd for men).</summary>
    public string IdNumber(bool male)
    {
        people++;
        var born = new DateOnly(1965, 1, 1).AddDays(random.Next(365 * 27));
        var serial = (countySerial * 20) + (people * 2) + (male ? 1 : 0);
        var first17 = $"{regionPrefix}{born:yyyyMMdd}{serial % 1000:D3}";
        return first17 + Core.Ledgers.Fields.IdNumber.CheckCharacter(first17);
    }

    public string Mobile() => $"1390000{countySerial % 100:D2}{random.Next(100):D2}";

    public string OfficePhone() => $"{areaCode}-6{countySerial % 100:D2}{random.Next(10000):D4}";

    /// <summary>A unified social credit code of this county (91: registered with 市场监管; 51: a 民政 social group) with a correct check character.</summary>
    public string CreditCodeOf(string authority = "91")
    {
        units++;
        var first17 = $"{authority}{regionPrefix}{countySerial:D4}{units:D5}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>An enterprise name not used before in this county, and its industry.</summary>
    public (string Name, string Industry) Enterprise(string place)
    {
        while (true)
        {
            var (trade, industry) = Pick(Trades);
            var name = $"{place}{Pick(Brands)}{trade}有限公司";
            if (names.Add(name))
            {
                return (name, industry);
            }
        }
    }
}
