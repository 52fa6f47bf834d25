namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>大中型企业名录: the enterprises the coverage target counts; one row per credit code and year, wherever entered.</summary>
public sealed class LargeEnterpriseLedger : LedgerDefinition<LargeEnterprise>
{
    /// <summary>The key without building a definition (building one compiles every field's accessors).</summary>
    public const string LedgerKey = "large-enterprises";

    public override string Key => LedgerKey;

    public override string Title => "大中型企业名录";

    public override string Source => "济源示范区劳动关系协调员队伍建设方案 二";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        Field(r => r.Name, "单位名称", required: true, width: 28, inList: true),
        Field(r => r.CreditCode, "统一社会信用代码", FieldKind.CreditCode, required: true, width: 22, inList: true),
        Field(r => r.Size, "企业规模", FieldKind.Enum, width: 8, inList: true),
        Field(r => r.TownName, "所属乡镇街道（园区）", max: 50, width: 16, inList: true),
        Field(r => r.Industry, "所属行业", FieldKind.Industry, max: 50, width: 18),
        Field(r => r.EmployeeCount, "职工人数", FieldKind.WholeNumber, width: 10, inList: true),
        Field(r => r.ContactName, "联系人", max: 20, width: 10),
        Field(r => r.ContactPhone, "联系电话", FieldKind.Phone, width: 16),
    ];

    public override ILedgerField? KindField => Fields.Single(f => f.Key == nameof(LargeEnterprise.Size));

    protected override System.Linq.Expressions.Expression<Func<LargeEnterprise, string>> Identity => r => r.CreditCode;

    protected override bool IdentityIsRegional => false;
}

/// <summary>乡镇（街道）、园区名录: the towns, streets and parks the coverage target counts; one row per name, region and year.</summary>
public sealed class TownLedger : LedgerDefinition<TownOrPark>
{
    /// <summary>The key without building a definition (building one compiles every field's accessors).</summary>
    public const string LedgerKey = "towns";

    public override string Key => LedgerKey;

    public override string Title => "乡镇（街道）、园区名录";

    public override string Source => "济源示范区劳动关系协调员队伍建设方案 二";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        Field(r => r.Name, "名称", required: true, max: 50, width: 20, inList: true, hint: "与协调员台账“所属乡镇街道（园区）”填写一致"),
        Field(r => r.Kind, "类型", FieldKind.Enum, width: 8, inList: true),
        Field(r => r.ContactName, "联系人", max: 20, width: 10),
        Field(r => r.ContactPhone, "联系电话", FieldKind.Phone, width: 16),
    ];

    public override ILedgerField? KindField => Fields.Single(f => f.Key == nameof(TownOrPark.Kind));
}
