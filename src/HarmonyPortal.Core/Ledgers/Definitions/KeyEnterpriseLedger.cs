using FluentValidation;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>重点用工企业情况表 (附件8); the layoff block is required exactly when a layoff is planned.</summary>
public sealed class KeyEnterpriseLedger : LedgerDefinition<KeyEnterprise>
{
    /// <summary>The layoff block (本年度计划裁员人数 … 支付能力评估) is needed exactly when 是否有裁员计划 is 是.</summary>
    private static readonly FieldCondition LayoffPlanned = new(nameof(KeyEnterprise.HasLayoffPlan), true);

    public override string Key => "key-enterprises";

    public override string Title => "重点用工企业情况表";

    public override string Source => "附件8";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        Field(r => r.Name, "单位名称", required: true, width: 28, inList: true),
        Field(r => r.Locality, "所在地区", required: true, max: 50, width: 14, inList: true),
        Field(r => r.Address, "单位地址", required: true, width: 28),
        Field(r => r.Industry, "所属行业", FieldKind.Industry, required: true, max: 50, width: 18, inList: true),
        Field(r => r.ContactName, "联系人", required: true, max: 20, width: 10),
        Field(r => r.ContactPhone, "联系电话", FieldKind.Phone, required: true, width: 16),
        Field(r => r.EmployeesLastYearEnd, "上年底职工数量", FieldKind.WholeNumber, width: 12),
        Field(r => r.EmployeesNow, "目前职工数量", FieldKind.WholeNumber, width: 12, inList: true),
        Field(r => r.JobRetentionPolicies, "已享的稳岗政策", FieldKind.LongText, max: 500, width: 24),
        Field(r => r.HasLayoffPlan, "是否有裁员计划", FieldKind.YesNo, width: 10, inList: true),
        Field(r => r.PlannedLayoffs, "本年度计划裁员人数", FieldKind.WholeNumber, width: 12, hint: "仅在有裁员计划时填写", requiredWhen: LayoffPlanned),
        Field(r => r.LaidOff, "已裁员人数", FieldKind.WholeNumber, width: 10, hint: "仅在有裁员计划时填写", requiredWhen: LayoffPlanned),
        Field(r => r.LayoffPositions, "裁员岗位", max: 200, width: 18, hint: "仅在有裁员计划时填写", requiredWhen: LayoffPlanned),
        Field(r => r.WagesSettled, "是否结清劳动报酬", FieldKind.YesNo, width: 10, hint: "仅在有裁员计划时填写", requiredWhen: LayoffPlanned),
        Field(r => r.CompensationStandard, "经济补偿标准", max: 200, width: 18, hint: "仅在有裁员计划时填写", requiredWhen: LayoffPlanned, added: true),
        Field(r => r.PaymentCapacityAssessment, "支付能力评估", FieldKind.LongText, max: 500, width: 18, hint: "仅在有裁员计划时填写", requiredWhen: LayoffPlanned, added: true),
        Field(r => r.FollowUpNotes, "跟踪指导情况", FieldKind.LongText, max: 1000, width: 30, added: true),
    ];

    protected override IValidator<KeyEnterprise> CreateValidator(DateOnly today)
    {
        var v = new InlineValidator<KeyEnterprise>();
        v.When(r => r.HasLayoffPlan, () =>
        {
            v.RuleFor(r => r.PlannedLayoffs).NotNull().WithMessage("本年度计划裁员人数：有裁员计划时必须填写");
            v.RuleFor(r => r.LaidOff).NotNull().WithMessage("已裁员人数：有裁员计划时必须填写");
            v.RuleFor(r => r.LayoffPositions).NotEmpty().WithMessage("裁员岗位：有裁员计划时必须填写");
            v.RuleFor(r => r.WagesSettled).NotNull().WithMessage("是否结清劳动报酬：有裁员计划时必须填写");
            v.RuleFor(r => r.CompensationStandard).NotEmpty().WithMessage("经济补偿标准：有裁员计划时必须填写");
            v.RuleFor(r => r.PaymentCapacityAssessment).NotEmpty().WithMessage("支付能力评估：有裁员计划时必须填写");
            v.RuleFor(r => r.LaidOff).LessThanOrEqualTo(r => r.EmployeesLastYearEnd)
                .WithMessage(r => $"已裁员人数：{r.LaidOff} 人，不能多于上年底职工数量 {r.EmployeesLastYearEnd} 人");
            v.RuleFor(r => r.PlannedLayoffs).LessThanOrEqualTo(r => r.EmployeesLastYearEnd)
                .WithMessage(r => $"本年度计划裁员人数：{r.PlannedLayoffs} 人，不能多于上年底职工数量 {r.EmployeesLastYearEnd} 人");
        });
        v.When(r => !r.HasLayoffPlan, () =>
        {
            v.RuleFor(r => r)
                .Must(r => r.PlannedLayoffs is null && r.LaidOff is null && string.IsNullOrEmpty(r.LayoffPositions) && r.WagesSettled is null
                    && string.IsNullOrEmpty(r.CompensationStandard) && string.IsNullOrEmpty(r.PaymentCapacityAssessment))
                .OverridePropertyName(nameof(KeyEnterprise.HasLayoffPlan))
                .WithMessage("是否有裁员计划：填“否”时，裁员人数、裁员岗位、劳动报酬、经济补偿和支付能力评估应留空");
        });
        return v;
    }
}
