using FluentValidation;

namespace HarmonyPortal.Core.Ledgers.Definitions;

/// <summary>协调劳动关系社会组织情况表 (附件6) plus registration, certified coordinators and record.</summary>
public sealed class SocialOrganizationLedger : LedgerDefinition<SocialOrganization>
{
    public override string Key => "social-organizations";

    public override string Title => "协调劳动关系社会组织情况表";

    public override string Source => "附件6";

    public override IReadOnlyList<ILedgerField> Fields { get; } =
    [
        Field(r => r.TownName, "所属乡镇街道", max: 50, width: 14, inList: true),
        Field(r => r.Name, "组织名称", required: true, width: 28, inList: true),
        Field(r => r.Nature, "组织性质", required: true, max: 30, width: 14, inList: true),
        Field(r => r.Address, "地址", required: true, width: 28),
        Field(r => r.EstablishedOn, "成立时间", FieldKind.Date, width: 12),
        Field(r => r.LeaderName, "负责人", required: true, max: 20, width: 10),
        Field(r => r.CoordinatorCount, "协调员人数", FieldKind.WholeNumber, width: 10, inList: true),
        Field(r => r.ContactName, "联系人", required: true, max: 20, width: 10),
        Field(r => r.ContactPhone, "联系电话", FieldKind.Phone, required: true, width: 16),
        Field(r => r.CreditCode, "统一社会信用代码", FieldKind.CreditCode, width: 22, inList: true, hint: "附件6 无此列；不填时按组织名称识别", added: true),
        Field(r => r.CertifiedCoordinatorCount, "持证协调员人数", FieldKind.WholeNumber, width: 12, added: true),
        Field(r => r.LastViolationOn, "最近一次违法违规日期", FieldKind.Date, width: 14, hint: "无则不填", added: true),
        Field(r => r.ViolationNote, "违法违规情况", FieldKind.LongText, max: 500, width: 24, added: true, requiredWhen: new(nameof(SocialOrganization.LastViolationOn))),
        Field(r => r.LastCreditPunishmentOn, "最近一次信用惩戒日期", FieldKind.Date, width: 14, hint: "无则不填", added: true),
    ];

    /// <summary>
    /// An organisation (credit code) once per ledger and year, wherever it was entered; without a credit code, by its
    /// name within the region and year (as 附件6 prints it); a name once per region and year either way.
    /// </summary>
    protected override System.Linq.Expressions.Expression<Func<SocialOrganization, string>> Identity => r => r.CreditCode!;

    protected override bool IdentityIsRegional => false;

    protected override bool NameStandsInForBlankIdentity => true;

    protected override IValidator<SocialOrganization> CreateValidator(DateOnly today)
    {
        var v = new InlineValidator<SocialOrganization>();
        v.RuleFor(r => r.CertifiedCoordinatorCount).LessThanOrEqualTo(r => r.CoordinatorCount)
            .WithMessage(r => $"持证协调员人数：{r.CertifiedCoordinatorCount} 人，不能多于协调员人数 {r.CoordinatorCount} 人");
        v.RuleFor(r => r.ViolationNote).NotEmpty().When(r => r.LastViolationOn is not null)
            .WithMessage("违法违规情况：填写了违法违规日期时必须说明情况");
        return v;
    }
}
