namespace HarmonyPortal.Core.Ledgers;

/// <summary>和谐企业培育: cultivated enterprises, and whether each reached the standard (the ≥ 80 % target).</summary>
public class HarmoniousEnterprise : EnterpriseRow
{
    public bool ReachedStandard { get; set; }
}

/// <summary>企业薪酬指引: which kind of wage guidance the enterprise received.</summary>
public class WageGuidanceEnterprise : EnterpriseRow
{
    public WageGuidanceKind Kind { get; set; }
}

/// <summary>新企业用工服务: new enterprises served, and when.</summary>
public class NewEnterpriseService : EnterpriseRow
{
    public DateOnly ServedOn { get; set; }
}

public enum WageGuidanceKind
{
    [Label("技能人才薪酬分配指引", "技能人才")] SkillTalent = 1,
    [Label("国有企业工资决定机制改革（市场化薪酬）", "国企市场化薪酬", "国有企业")] StateOwnedMarketPay = 2,
    [Label("民营企业薪酬分配示范", "民营企业示范", "民营企业")] PrivateDemonstration = 3,
}
