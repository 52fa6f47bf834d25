using FluentValidation;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>劳动关系协调员情况表 (附件3 of the Yueyang notice) plus kind, skill level, certificate and serving status.</summary>
public sealed class CoordinatorLedger : PersonLedger<Coordinator>
{
    public override string Key => "coordinators";

    public override string Title => "劳动关系协调员情况表";

    public override string Source => "附件3";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        // A notice may widen the range to people without a certificate and to students of related majors (济源 2022):
        // a student's 工作单位 holds the school, 职务 the major; certificate fields stay optional, 是否在任 says 否.
        .. PersonFields("任职协调员时间", "联系方式", "在校学生填写学校名称，职务填写所学专业"),
        Field(r => r.Kind, "类别", FieldKind.Enum, width: 18, inList: true, added: true),
        Field(r => r.SkillLevel, "职业技能等级", FieldKind.Enum, width: 24, inList: true, added: true),
        Field(r => r.CertificateNumber, "证书编号", max: 40, width: 20, hint: "填写了职业技能等级时必须填写", added: true, requiredWhen: new(nameof(Coordinator.SkillLevel))),
        Field(r => r.CertificateDate, "发证日期", FieldKind.Date, width: 12, added: true, requiredWhen: new(nameof(Coordinator.SkillLevel))),
        Field(r => r.CurrentlyServing, "是否在任", FieldKind.YesNo, width: 8, added: true),
        Field(r => r.TownName, "所属乡镇街道（园区）", max: 50, width: 16, hint: "用于统计乡镇（街道）、园区配备情况，与名录中的名称一致", added: true),
        Field(r => r.WorkUnitCreditCode, "工作单位统一社会信用代码", FieldKind.CreditCode, width: 22, hint: "用于统计大中型企业配备情况；不填时按工作单位名称匹配", added: true),
    ];

    public override ILedgerField? KindField => Fields.Single(f => f.Key == nameof(Coordinator.Kind));

    protected override IValidator<Coordinator> CreateValidator(DateOnly today)
    {
        var v = new InlineValidator<Coordinator>();
        AddPersonRules(v, today);
        v.RuleFor(r => r.CertificateNumber).NotEmpty().When(r => r.SkillLevel is not null)
            .WithMessage("证书编号：填写了职业技能等级时必须填写");
        v.RuleFor(r => r.CertificateDate).NotNull().When(r => r.SkillLevel is not null)
            .WithMessage("发证日期：填写了职业技能等级时必须填写");
        v.RuleFor(r => r.SkillLevel).NotNull().When(r => !string.IsNullOrEmpty(r.CertificateNumber))
            .WithMessage("职业技能等级：填写了证书编号时必须填写");
        return v;
    }
}
