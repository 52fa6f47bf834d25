using FluentValidation;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>Yueyang's plan lists: 集体协商示范企业/行业, 湘融湘爱 partner units, 工资支付亮剑 cases.</summary>
public sealed class PlanListLedger : LedgerDefinition<PlanListEntry>
{
    public override string Key => "plan-lists";

    public override string Title => "行动计划工作名单";

    public override string Source => "岳阳市“和谐同行”三年行动计划";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        Field(r => r.Kind, "名单类别", FieldKind.Enum, width: 20, inList: true),
        Field(r => r.Name, "单位（行业、案件）名称", required: true, width: 28, inList: true),
        Field(r => r.Address, "地址", width: 28),
        Field(r => r.ContactName, "联系人", required: true, max: 20, width: 10),
        Field(r => r.ContactPhone, "联系电话", FieldKind.Phone, required: true, width: 16),
        Field(r => r.EmployeeCount, "职工人数", FieldKind.WholeNumber, width: 10),
        Field(r => r.Date, "确定（结对、结案）日期", FieldKind.Date, width: 14, inList: true),
        Field(r => r.Notes, "工作情况", FieldKind.LongText, max: 1000, width: 30),
        Field(r => r.WorkersConcerned, "涉及职工人数", FieldKind.WholeNumber, width: 10, hint: "工资支付亮剑案件填写"),
        Field(r => r.AmountRecovered, "追回工资金额（元）", FieldKind.Money, width: 14, hint: "工资支付亮剑案件填写"),
    ];

    public override ILedgerField? KindField => Fields[0];

    protected override IValidator<PlanListEntry> CreateValidator(DateOnly today)
    {
        var v = new InlineValidator<PlanListEntry>();
        v.RuleFor(r => r.WorkersConcerned).NotNull().When(r => r.Kind == PlanListKind.WageArrearsCase)
            .WithMessage("涉及职工人数：工资支付亮剑案件必须填写");
        return v;
    }
}
