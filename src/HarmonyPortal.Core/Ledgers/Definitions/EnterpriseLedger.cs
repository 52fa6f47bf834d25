namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>The columns of 附件7 (企业名单), shared by the three enterprise lists.</summary>
public abstract class EnterpriseLedger<TRow> : LedgerDefinition<TRow>
    where TRow : EnterpriseRow, new()
{
    public override string Source => "附件7";

    protected static IEnumerable<ILedgerField> EnterpriseFields() =>
    [
        Field(r => r.Name, "单位名称", required: true, width: 28, inList: true),
        Field(r => r.Address, "单位地址", required: true, width: 28),
        Field(r => r.ContactName, "联系人", required: true, max: 20, width: 10),
        Field(r => r.ContactPhone, "联系电话", FieldKind.Phone, required: true, width: 16),
        Field(r => r.EmployeeCount, "职工人数", FieldKind.WholeNumber, width: 10, inList: true),
        Field(r => r.ServiceUnit, "培育指导服务单位", required: true, width: 24, inList: true),
    ];
}

/// <summary>和谐企业培育 list, with whether the enterprise reached the standard.</summary>
public sealed class HarmoniousEnterpriseLedger : EnterpriseLedger<HarmoniousEnterprise>
{
    public override string Key => "harmonious-enterprises";

    public override string Title => "和谐企业培育企业名单";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        .. EnterpriseFields(),
        Field(r => r.ReachedStandard, "是否达标", FieldKind.YesNo, width: 8, inList: true, added: true),
    ];
}

/// <summary>企业薪酬指引 list, by kind of guidance.</summary>
public sealed class WageGuidanceLedger : EnterpriseLedger<WageGuidanceEnterprise>
{
    public override string Key => "wage-guidance";

    public override string Title => "企业薪酬指引企业名单";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        .. EnterpriseFields(),
        Field(r => r.Kind, "指引类别", FieldKind.Enum, width: 30, inList: true, added: true),
    ];

    public override ILedgerField? KindField => Fields.Single(f => f.Key == nameof(WageGuidanceEnterprise.Kind));
}

/// <summary>新企业用工服务 list, with the date each enterprise was served.</summary>
public sealed class NewEnterpriseServiceLedger : EnterpriseLedger<NewEnterpriseService>
{
    public override string Key => "new-enterprise-services";

    public override string Title => "新企业用工服务企业名单";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        .. EnterpriseFields(),
        Field(r => r.ServedOn, "服务日期", FieldKind.Date, width: 12, inList: true, added: true),
    ];
}
