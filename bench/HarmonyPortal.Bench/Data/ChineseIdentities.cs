using System.Globalization;
using HarmonyPortal.Core.Ledgers.Fields;

namespace HarmonyPortal.Bench.Data;

/// <summary>
/// Realistic Chinese names, 18-digit resident ID numbers (GB 11643, MOD 11-2 check character), unified social
/// credit codes (GB 32100, with the GB 11714 organisation-code check inside), mobile numbers and enterprise names.
/// Everything is drawn from the caller's seeded <see cref="Random"/>, so a seed gives the same data every run.
/// </summary>
internal static class ChineseIdentities
{
    /// <summary>The commonest surnames, most frequent first; <see cref="PersonName"/> favours the head of the list.</summary>
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private const string GivenCharacters =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国文辉玲红波斌鑫宇浩凯峰慧婷琳晨雪梅兰亮志红燕鹏飞俊海燕秀颖欣怡佳子涵宁晓东春蕾宏达振兴丹永福德";

    private const string BrandCharacters = "恒达泰丰盛华鑫源宏远嘉信诚和瑞祥富康永隆金正安顺广通利新天宇中兴汇联创博锦";

    private static readonly string[] Industries =
    [
        "机械制造", "纺织服装", "食品加工", "建筑工程", "物流运输", "电子科技", "商贸", "化工", "新材料", "生物医药",
        "农业开发", "物业管理", "汽车零部件", "家具制造", "印刷包装", "餐饮管理", "信息技术", "环保科技", "能源", "矿业",
    ];

    private static readonly string[] Forms = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司", "实业有限公司", "科技有限公司"];

    private static readonly string[] Ethnicities = ["汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "壮族", "回族", "满族", "苗族", "土家族", "维吾尔族", "彝族", "蒙古族", "藏族"];

    private static readonly string[] Roads = ["人民路", "解放路", "建设路", "中山路", "和平路", "新华路", "胜利路", "长江路", "黄河路", "工业大道", "学院路", "青年路"];

    private static readonly int[] MobilePrefixes = [130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155, 157, 158, 159, 176, 177, 180, 181, 186, 187, 188, 189, 199];

    /// <summary>Enterprise names a region can hold before a branch suffix is needed (brand pairs × industries × forms).</summary>
    private static readonly int DistinctEnterpriseNames = BrandCharacters.Length * BrandCharacters.Length * Industries.Length * Forms.Length;

    public static string PersonName(Random random)
    {
        // Squaring a uniform draw favours the commonest surnames, as in reality.
        var u = random.NextDouble();
        var surname = Surnames[(int)(u * u * Surnames.Length)];
        var given = GivenCharacters[random.Next(GivenCharacters.Length)].ToString();
        if (random.Next(100) < 70)
        {
            given += GivenCharacters[random.Next(GivenCharacters.Length)];
        }

        return surname + given;
    }

    public static string Industry(Random random) => Industries[random.Next(Industries.Length)];

    public static string Ethnicity(Random random) => Ethnicities[random.Next(Ethnicities.Length)];

    /// <summary>
    /// The <paramref name="index"/>-th enterprise name of a region: distinct for distinct indexes, so a region's
    /// names never collide; consecutive indexes are scattered over the name space so lists do not look sequential.
    /// </summary>
    public static string EnterpriseName(string regionName, int index) => OrganizationName(regionName, index, Forms);

    /// <summary>As <see cref="EnterpriseName"/>, with the organisation's kind (协会, 调解委员会 …) in place of the company form.</summary>
    public static string OrganizationName(string regionName, int index, IReadOnlyList<string> forms)
    {
        var tier = index / DistinctEnterpriseNames;
        var k = (int)(((long)(index % DistinctEnterpriseNames) * 7919 + 104_729) % DistinctEnterpriseNames);
        var b = BrandCharacters.Length;
        var brand = $"{BrandCharacters[k % b]}{BrandCharacters[k / b % b]}";
        k /= b * b;
        var industry = Industries[k % Industries.Length];
        var form = forms[k / Industries.Length % forms.Count];
        var place = regionName.Length > 2 ? regionName[..2] : regionName;
        var branch = tier == 0 ? "" : $"第{tier}分公司";
        return $"{place}{brand}{industry}{form}{branch}";
    }

    public static string Address(Random random, string regionName) =>
        $"{regionName}{Roads[random.Next(Roads.Length)]}{random.Next(1, 999).ToString(CultureInfo.InvariantCulture)}号";

    public static string Mobile(Random random) =>
        MobilePrefixes[random.Next(MobilePrefixes.Length)].ToString(CultureInfo.InvariantCulture) + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);

    /// <summary>An 18-digit ID number born in <paramref name="regionCode"/> on <paramref name="birth"/>; the sequence's parity gives the gender.</summary>
    public static string IdNumber(Random random, string regionCode, DateOnly birth, bool male)
    {
        var sequence = random.Next(0, 500) * 2 + (male ? 1 : 0);
        var first17 = string.Concat(regionCode, birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture), sequence.ToString("000", CultureInfo.InvariantCulture));
        return first17 + HarmonyPortal.Core.Ledgers.Fields.IdNumber.CheckCharacter(first17);
    }

    /// <summary>
    /// A unified social credit code of a social organisation registered by civil affairs (登记管理部门 5, 类别 1–3)
    /// in <paramref name="regionCode"/>: the nine-character organisation code carries its own GB 11714 check character.
    /// </summary>
    public static string SocialOrganizationCreditCode(Random random, string regionCode)
    {
        const string digits = "0123456789";
        const string letters = "ABCDEFGHJKLMNPQRTUWXY";
        Span<char> body = stackalloc char[8];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = i < 2 && random.Next(4) == 0 ? letters[random.Next(letters.Length)] : digits[random.Next(digits.Length)];
        }

        var organization = new string(body) + OrganizationCodeCheck(body);
        var first17 = $"5{random.Next(1, 4)}{regionCode}{organization}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>GB 11714: 11 − Σ(value × weight) mod 11, 10 giving 'X' and 11 giving '0'; letters count from 10.</summary>
    private static char OrganizationCodeCheck(ReadOnlySpan<char> body)
    {
        ReadOnlySpan<int> weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var value = char.IsAsciiDigit(body[i]) ? body[i] - '0' : body[i] - 'A' + 10;
            sum += value * weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }
}
